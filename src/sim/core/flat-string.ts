/**
 * Strings the trace keeps, stored flat.
 *
 * Text built with `+` or a template literal (a decision's wording, a table key, a timer name, a label) is
 * held by V8 as a tree of "cons" strings, one heap object per piece, until something reads its characters.
 * The trace keeps such strings for the whole run, so every piece is copied by every garbage collection it
 * survives: a long run spent a large share of its time on them. Reading one character makes V8 join the
 * pieces into one sequential string in place (the string's value, identity and equality do not change);
 * the collector then drops the pieces. Other engines simply read a character.
 */

/** Written so that the engine cannot drop the read as unused. */
let _sink = 0;

/** `s`, after asking the engine to store it as one flat string. */
export function flatten(s: string): string {
  _sink ^= s.charCodeAt(0) | 0;
  return s;
}

/** Flattens each string value of a plain object (one level: a table row or a decision's data). */
export function flattenValues(o: Readonly<Record<string, unknown>>): void {
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') _sink ^= v.charCodeAt(0) | 0;
  }
}
