/**
 * Same octets → same string, without re-formatting. Signalling repeats the same identifiers, prefixes and
 * MACs on every PBU/PBA of a session, and formatting them is the largest cost of a parse. A small
 * direct-mapped table keyed by the octets (and the formatter) keeps the last string made for each slot.
 * The result never depends on the table's state, so runs stay deterministic; it only saves work.
 */

export type Formatter = (buf: Uint8Array, start: number, end: number) => string;

const SLOTS = 512;
const MAX_KEY = 32;
const keys: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(SLOTS).fill(undefined);
const formats: (Formatter | undefined)[] = new Array<Formatter | undefined>(SLOTS).fill(undefined);
const texts: string[] = new Array<string>(SLOTS).fill('');

/** `format(buf, start, end)`, reusing the string made last time for the same octets and formatter. */
export function cachedText(
  buf: Uint8Array,
  start: number,
  end: number,
  format: Formatter,
  salt: number,
): string {
  const n = end - start;
  if (n > MAX_KEY || n < 0) return format(buf, start, end);
  let h = (0x811c9dc5 ^ salt ^ n) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  const slot = (h >>> 0) & (SLOTS - 1);
  const key = keys[slot];
  if (key !== undefined && formats[slot] === format && key.length === n) {
    let same = true;
    for (let i = 0; i < n; i++)
      if (key[i] !== buf[start + i]) {
        same = false;
        break;
      }
    if (same) return texts[slot];
  }
  const text = format(buf, start, end);
  keys[slot] = buf.slice(start, end);
  formats[slot] = format;
  texts[slot] = text;
  return text;
}
