/**
 * A memo of IPv6 address text by the address's 16 bytes, for `formatIPv6` (addr.ts).
 *
 * The simulator writes the same few thousand addresses as text for every packet on every hop (the source
 * and destination handed to agents, the binding cache rows, the routes). Formatting costs a dozen string
 * concatenations, and the result is a chain of V8 cons strings that the trace then keeps alive. The memo
 * finds the text with four integer Map probes (one per 32-bit word, the same nesting as net/prefix-index)
 * and hands out one flat string per address.
 *
 * Bounded and deterministic: when full it is cleared, never evicted by age or chance; it only ever returns
 * what formatting would, so it cannot change a run.
 */

const LIMIT = 32768;

type Level = Map<number, Level | string>;

const word = (b: Uint8Array, o: number): number =>
  (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];

export class AddressTextCache {
  private root: Level = new Map();
  private count = 0;

  /** The text of the 16 bytes at `off`: from the memo, or `format`ted, flattened and remembered. */
  text(b: Uint8Array, off: number, format: (b: Uint8Array, off: number) => string): string {
    let level = this.root;
    for (let i = 0; i < 3; i++) {
      const w = word(b, off + i * 4);
      let next = level.get(w) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(w, next);
      }
      level = next;
    }
    const last = word(b, off + 12);
    const hit = level.get(last) as string | undefined;
    if (hit !== undefined) return hit;
    const s = flat(format(b, off));
    if (this.count >= LIMIT) {
      this.root = new Map();
      this.count = 0;
      return s;
    }
    level.set(last, s);
    this.count++;
    return s;
  }
}

/**
 * The same text as one sequential string: built by `+=`, a string of 13 or more characters is a tree of
 * V8 cons strings (one heap object per piece); a memo entry lives long, so it is stored flat.
 */
const flat = (s: string): string => [...s].join('');
