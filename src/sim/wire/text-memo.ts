/**
 * A bounded memo of parse results by input text, for the address parsers (addr.ts). Agents hand the
 * simulator addresses, prefixes and MACs as text on every message; parsing splits the text and runs a
 * regular expression per group, where a Map lookup does.
 *
 * Deterministic: when full it is cleared, never evicted by age or chance, and it only ever returns what
 * the parser would. Results are shared: callers copy what they hand out.
 */
const LIMIT = 16384;

export class TextMemo<V> {
  private map = new Map<string, V>();

  constructor(private readonly parse: (text: string) => V) {}

  get(text: string): V {
    const hit = this.map.get(text);
    if (hit !== undefined || this.map.has(text)) return hit as V;
    const v = this.parse(text);
    if (this.map.size >= LIMIT) this.map = new Map();
    this.map.set(text, v);
    return v;
  }
}
