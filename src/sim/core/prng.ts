/**
 * Seeded pseudo-random numbers in NAMED, INDEPENDENT streams (ns-3's "seed + run + streams"; smoltcp's
 * netsim seeds each direction separately). Each stream's state is a hash of (seed, name) only, so adding a
 * node or a link — a new stream — never changes the draws of any other stream, and a stream's draws do
 * not depend on the order in which streams were created or used.
 *
 * Algorithm (all 32-bit integer arithmetic, identical in every JavaScript engine):
 * 1. Key words: the seed as two 32-bit words (low, high; the seed is a safe integer, negative seeds wrap
 *    modulo 2^64), the name's length, then each UTF-16 code unit of the name.
 * 2. State: cyrb128 (bryc, public domain) over the key words gives four 32-bit words a, b, c, d.
 * 3. Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, from PractRand) on (a, b, c, d). Its
 *    counter word gives a guaranteed period of at least 2^32 per stream (expected about 2^127); the first
 *    12 outputs are discarded to spread the hashed state.
 * `next()` returns u32 / 2^32: a multiple of 2^-32 in [0, 1).
 *
 * `exp()` uses Math.log, which V8 (Node and Chromium) computes with the same fdlibm port everywhere; every
 * other method is exact integer or IEEE arithmetic.
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive (unbiased for ranges up to 2^32). */
  int(lo: number, hi: number): number;
  /** True with probability p (p <= 0: never, p >= 1: always). Always consumes exactly one draw. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
  exp(mean: number): number;
  /** A uniformly chosen element; throws RangeError on an empty array (a programming error). */
  pick<T>(xs: readonly T[]): T;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(xs: T[]): T[];
}

const TWO_POW_32 = 4294967296;

/** The four 32-bit state words of stream `name` under `seed` (exported for tests and the docs). */
export function streamState(seed: number, name: string): [number, number, number, number] {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`PRNG seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0; // ToUint32 is modulo 2^32, for negative seeds too
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const words = [lo, hi, name.length];
  for (let i = 0; i < name.length; i++) words.push(name.charCodeAt(i));
  return cyrb128(words);
}

/** cyrb128 over 32-bit words: four multiply-xor lanes that feed into each other, then a final avalanche. */
function cyrb128(words: readonly number[]): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (const k of words) {
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: 128 bits of state (a, b, c, and the counter d). */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** The next raw 32-bit output, as an unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / TWO_POW_32;
  }

  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo) {
      throw new RangeError(`rng.int(${lo}, ${hi}): bounds must be safe integers with lo <= hi`);
    }
    const range = hi - lo + 1;
    if (range > TWO_POW_32) return lo + Math.floor(this.next53() * range);
    // Rejection sampling: discard the top partial copy of [0, range) so every value is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let x = this.u32();
    while (x >= limit) x = this.u32();
    return lo + (x % range);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  exp(mean: number): number {
    // Inversion: -mean * ln(U) with U in (0, 1], never ln(0).
    return -mean * Math.log(1 - this.next());
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new RangeError('rng.pick: empty array');
    return xs[this.int(0, xs.length - 1)];
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = xs[i];
      xs[i] = xs[j];
      xs[j] = tmp;
    }
    return xs;
  }

  /** 53-bit uniform in [0, 1), for integer ranges wider than 2^32. */
  private next53(): number {
    const hi = this.u32() >>> 5; // 27 bits
    const lo = this.u32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

/** A fresh stream `name` under `seed`. The Simulator caches one per name (`sim.rng(name)`). */
export function createRng(seed: number, name: string): Rng {
  return new Sfc32(streamState(seed, name));
}
