/**
 * The buckets of one prefix length, found by the prefix's masked 32-bit words without building a key.
 *
 * A /L prefix is ceil(L/32) words (the last one masked to the prefix's bits); each word is one level of
 * nested Maps with small-integer keys (the word as a signed 32-bit value). A lookup for a destination
 * address is then a few integer Map probes and allocates nothing: the forwarding path does one per hop
 * for each prefix length present in the table (RFC 4291 §2.5 longest-prefix match).
 */

type Level<B> = Map<number, Level<B> | B>;

/** The first `len` bits of word `i` of the address at `off`, as a signed 32-bit integer. */
export function maskedWord(b: Uint8Array, off: number, i: number, len: number): number {
  const o = off + i * 4;
  const w = (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];
  const bits = len - i * 32;
  return bits >= 32 ? w : w & ~(-1 >>> bits);
}

export class PrefixIndex<B> {
  private readonly words: number;
  private readonly root: Level<B> = new Map();
  /** The single bucket of a /0 prefix (it has no words). */
  private zero: B | undefined = undefined;
  private count = 0;

  constructor(readonly length: number) {
    this.words = (length + 31) >>> 5;
  }

  /** Buckets held. */
  get size(): number {
    return this.count;
  }

  /** The bucket for the prefix of the 16 address bytes at `off` (host bits ignored), if any. */
  get(b: Uint8Array, off: number): B | undefined {
    if (this.words === 0) return this.zero;
    let level: Level<B> = this.root;
    const last = this.words - 1;
    for (let i = 0; i < last; i++) {
      const next = level.get(maskedWord(b, off, i, this.length)) as Level<B> | undefined;
      if (next === undefined) return undefined;
      level = next;
    }
    return level.get(maskedWord(b, off, last, this.length)) as B | undefined;
  }

  /** Stores the bucket for the prefix at `off`. */
  set(b: Uint8Array, off: number, bucket: B): void {
    if (this.words === 0) {
      if (this.zero === undefined) this.count++;
      this.zero = bucket;
      return;
    }
    let level: Level<B> = this.root;
    const last = this.words - 1;
    for (let i = 0; i < last; i++) {
      const w = maskedWord(b, off, i, this.length);
      let next = level.get(w) as Level<B> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(w, next);
      }
      level = next;
    }
    const w = maskedWord(b, off, last, this.length);
    if (!level.has(w)) this.count++;
    level.set(w, bucket);
  }

  /** Forgets the bucket for the prefix at `off` (and the levels it leaves empty). */
  delete(b: Uint8Array, off: number): void {
    if (this.words === 0) {
      if (this.zero !== undefined) this.count--;
      this.zero = undefined;
      return;
    }
    const path: Level<B>[] = [this.root];
    for (let i = 0; i < this.words - 1; i++) {
      const next = path[i].get(maskedWord(b, off, i, this.length)) as Level<B> | undefined;
      if (next === undefined) return;
      path.push(next);
    }
    if (!path[this.words - 1].delete(maskedWord(b, off, this.words - 1, this.length))) return;
    this.count--;
    for (let i = this.words - 1; i > 0 && path[i].size === 0; i--)
      path[i - 1].delete(maskedWord(b, off, i - 1, this.length));
  }
}
