/**
 * Pad1 and PadN — RFC 6275 §6.2.2, §6.2.3. Padding is not part of a message's representation: the
 * encoder inserts the least padding that puts each option's Type octet where its alignment rule wants it
 * (`xn+y` from the start of the Mobility Header) and that makes the whole header a multiple of 8 octets.
 *
 * Pad1 (one octet, no Length):      PadN (N ≥ 2 octets):
 * +-+-+-+-+-+-+-+-+                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * |       0       |                 |       1       | Option Length | Option Data (N−2 zeros)
 * +-+-+-+-+-+-+-+-+                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 */

export const PAD1 = 0;
export const PADN = 1;

/** Octets of padding that move `pos` (an MH offset) to the next offset ≡ y (mod x); x is 2, 4 or 8. */
export function paddingFor(pos: number, x: number, y: number): number {
  // x is a power of two, so masking gives the non-negative remainder even when y − pos < 0.
  return (y - pos) & (x - 1);
}

/** Writes `n` octets of padding at `at`: nothing, one Pad1, or one PadN (`01 n−2` + zeros). */
export function writePadding(buf: Uint8Array, at: number, n: number): number {
  if (n === 1) buf[at] = PAD1;
  else if (n >= 2) {
    buf[at] = PADN;
    buf[at + 1] = n - 2;
    for (let i = at + 2; i < at + n; i++) buf[i] = 0;
  }
  return at + n;
}
