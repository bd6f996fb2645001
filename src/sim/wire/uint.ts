/**
 * Field-range checks for the emitters. A representation is built by code (the simulator's or a learner's
 * agent), so a value that does not fit its field is a bug to report where it happened, not something to
 * mask silently into a different packet (a Hop Limit of 300 must not leave as 44).
 */

/** Returns `v` when it is an integer that fits in `bits` bits; throws RangeError naming the field otherwise. */
export function uint(v: number, bits: number, what: string): number {
  const max = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new RangeError(`${what} must be an integer 0..${max}, got ${v}`);
  return v;
}
