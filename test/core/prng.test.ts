import { describe, expect, it } from 'vitest';
import { createRng, streamState } from '../../src/sim/core/prng';
import { Simulator } from '../../src/sim/core/simulator';

const TWO_POW_32 = 2 ** 32;

/** cyrb128 as published (bryc), over a string's UTF-16 code units: an independent reference. */
function cyrb128String(str: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
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

/** sfc32 written from PractRand's definition with BigInt arithmetic modulo 2^32: an independent reference. */
function* sfc32BigInt(state: number[]): Generator<number> {
  const M = (1n << 32n) - 1n;
  let [a, b, c, d] = state.map(BigInt);
  for (;;) {
    const tmp = (a + b + d) & M;
    d = (d + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = ((((c << 21n) | (c >> 11n)) & M) + tmp) & M;
    yield Number(tmp);
  }
}

const draws = (r: { next(): number }, n: number): number[] => Array.from({ length: n }, () => r.next());

describe('PRNG algorithm', () => {
  it('stream state is cyrb128 over (seed low, seed high, name length, name code units)', () => {
    // All key words are below 2^16 here, so they equal the code units of a string.
    const key = String.fromCharCode(42, 0, 'link:lma-mag1'.length) + 'link:lma-mag1';
    expect(streamState(42, 'link:lma-mag1')).toEqual(cyrb128String(key));
    expect(streamState(42, 'link:lma-mag1')).toEqual([4016616037, 2283901405, 450143434, 4280479783]);
  });

  it('outputs are sfc32 after 12 discarded rounds, as u32 / 2^32', () => {
    const ref = sfc32BigInt(streamState(42, 'link:lma-mag1'));
    for (let i = 0; i < 12; i++) ref.next();
    const want = Array.from({ length: 1000 }, () => ref.next().value as number);
    const got = draws(createRng(42, 'link:lma-mag1'), 1000).map((x) => x * TWO_POW_32);
    expect(got).toEqual(want);
    expect(got.slice(0, 5)).toEqual([757151382, 1593865703, 2816887694, 1405148409, 2145185949]);
  });

  it('the seed enters as two 32-bit words: large and negative seeds are distinct and reproducible', () => {
    const seeds = [0, 1, -1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    const firsts = seeds.map((s) => createRng(s, 'x').next());
    expect(new Set(firsts).size).toBe(seeds.length);
    expect(seeds.map((s) => createRng(s, 'x').next())).toEqual(firsts);
  });

  it('rejects seeds that are not safe integers', () => {
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 53])
      expect(() => streamState(bad, 'x')).toThrow(RangeError);
  });
});

describe('PRNG streams', () => {
  it('the same (seed, name) reproduces the same sequence', () => {
    expect(draws(createRng(7, 'mn1'), 200)).toEqual(draws(createRng(7, 'mn1'), 200));
  });

  it('different seeds or names give different sequences', () => {
    const base = draws(createRng(7, 'link1'), 20);
    expect(draws(createRng(8, 'link1'), 20)).not.toEqual(base);
    expect(draws(createRng(7, 'link2'), 20)).not.toEqual(base);
    expect(draws(createRng(7, 'link10'), 20)).not.toEqual(base);
  });

  it('adding and using other streams does not change a stream (order of creation and use is irrelevant)', () => {
    const alone = new Simulator({ seed: 99 });
    const want = draws(alone.rng('link:a'), 300);

    const busy = new Simulator({ seed: 99 });
    const b = busy.rng('link:b');
    draws(b, 17);
    const a = busy.rng('link:a');
    const got: number[] = [];
    for (let i = 0; i < 300; i++) {
      got.push(a.next());
      busy.rng(`node:${i}`).next(); // a new stream every step
      b.int(0, 1000);
    }
    expect(got).toEqual(want);
  });

  it('streams with neighbouring names are not correlated', () => {
    const n = 20_000;
    const x = draws(createRng(1, 'mag1'), n);
    const y = draws(createRng(1, 'mag2'), n);
    const mean = (v: number[]) => v.reduce((s, e) => s + e, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    let cov = 0;
    let vx = 0;
    let vy = 0;
    for (let i = 0; i < n; i++) {
      cov += (x[i] - mx) * (y[i] - my);
      vx += (x[i] - mx) ** 2;
      vy += (y[i] - my) ** 2;
    }
    expect(Math.abs(cov / Math.sqrt(vx * vy))).toBeLessThan(0.03); // 4 sigma for n = 20000
  });
});

describe('PRNG distributions', () => {
  it('next() is uniform in [0, 1): mean, range and a chi-square over 20 bins', () => {
    const r = createRng(3, 'uniform');
    const n = 100_000;
    const bins = new Array(20).fill(0);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
      bins[Math.floor(x * 20)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(min).toBeLessThan(0.0001);
    expect(max).toBeLessThan(1);
    expect(max).toBeGreaterThan(0.9999);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    const e = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(43.82); // 19 degrees of freedom, p = 0.001
  });

  it('int(lo, hi) is inclusive, unbiased over a small range and within bounds over a huge one', () => {
    const r = createRng(4, 'int');
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const v = r.int(-2, 3);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(20.52); // 5 degrees of freedom, p = 0.001
    expect(r.int(5, 5)).toBe(5);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(0, 2 ** 40);
      expect(Number.isInteger(v) && v >= 0 && v <= 2 ** 40).toBe(true);
    }
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
  });

  it('int() rejects the partial top copy of a range instead of folding it (no modulo bias)', () => {
    // range = 3 * 2^30: folding u32 values above it would put half the draws in the bottom third.
    const r = createRng(4, 'int-bias');
    const range = 3 * 2 ** 30;
    let low = 0;
    for (let i = 0; i < 30_000; i++) if (r.int(0, range - 1) < 2 ** 30) low++;
    expect(Math.abs(low / 30_000 - 1 / 3)).toBeLessThan(0.015);
  });

  it('chance(p) hits with frequency p and always consumes exactly one draw', () => {
    const r = createRng(5, 'chance');
    let hits = 0;
    for (let i = 0; i < 50_000; i++) if (r.chance(0.3)) hits++;
    expect(Math.abs(hits / 50_000 - 0.3)).toBeLessThan(0.01);

    const a = createRng(5, 'align');
    const b = createRng(5, 'align');
    expect(a.chance(0)).toBe(false);
    expect(a.chance(1)).toBe(true);
    b.next();
    b.next();
    expect(a.next()).toBe(b.next());
  });

  it('exp(mean) is positive with the right mean and variance', () => {
    const r = createRng(6, 'exp');
    const n = 50_000;
    const xs = Array.from({ length: n }, () => r.exp(250));
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    const m = xs.reduce((s, x) => s + x, 0) / n;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / n;
    expect(Math.abs(m - 250)).toBeLessThan(5); // sd of the mean is 250 / sqrt(n) ≈ 1.1
    expect(Math.abs(Math.sqrt(v) - 250)).toBeLessThan(10);
  });

  it('pick chooses every element and rejects an empty array', () => {
    const r = createRng(8, 'pick');
    const xs = ['a', 'b', 'c'] as const;
    const seen = new Set(Array.from({ length: 100 }, () => r.pick(xs)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('shuffle permutes in place, returns the same array and reaches every permutation of 3', () => {
    const r = createRng(9, 'shuffle');
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const out = r.shuffle(xs);
    expect(out).toBe(xs);
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(xs).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const perms = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const p = r.shuffle([1, 2, 3]).join('');
      perms.set(p, (perms.get(p) ?? 0) + 1);
    }
    expect(perms.size).toBe(6);
    for (const c of perms.values()) expect(Math.abs(c - 1000)).toBeLessThan(130);
  });
});
