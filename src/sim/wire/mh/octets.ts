/**
 * Big-endian field access on a plain Uint8Array, as the MH codecs use it: no reader object, no allocation,
 * so the PBU/PBA hot path stays cheap. Callers check bounds before reading.
 */

export const readU16 = (buf: Uint8Array, at: number): number => (buf[at] << 8) | buf[at + 1];

export const readU32 = (buf: Uint8Array, at: number): number =>
  ((buf[at] << 24) >>> 0) + ((buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]);

export function writeU16(buf: Uint8Array, at: number, v: number): void {
  buf[at] = v >>> 8;
  buf[at + 1] = v & 0xff;
}

export function writeU32(buf: Uint8Array, at: number, v: number): void {
  buf[at] = v >>> 24;
  buf[at + 1] = (v >>> 16) & 0xff;
  buf[at + 2] = (v >>> 8) & 0xff;
  buf[at + 3] = v & 0xff;
}

/** Throws unless `v` is an integer in [0, max]: representations are built by code, so this is a bug. */
export function checkUint(v: number, max: number, what: string): number {
  if (!(Number.isInteger(v) && v >= 0 && v <= max))
    throw new RangeError(`${what} must be an integer 0..${max}, got ${v}`);
  return v;
}

/** "157 (TIMESTAMP_LOWER_THAN_PREV_ACCEPTED)": a number with its registry name, for the inspector. */
export function named(v: number, table: Readonly<Record<number, string>>): string {
  const n = table[v];
  return n === undefined ? `${v}` : `${v} (${n})`;
}
