/** An independent TLV walker for tests: where each option (padding included) sits in an emitted MH. */
export interface Tlv {
  readonly offset: number;
  readonly type: number;
  /** Total octets, Type and Length included (1 for Pad1). */
  readonly size: number;
}

export function walkOptions(mh: Uint8Array, start: number): Tlv[] {
  const out: Tlv[] = [];
  for (let p = start; p < mh.length;) {
    const type = mh[p];
    const size = type === 0 ? 1 : 2 + mh[p + 1];
    out.push({ offset: p, type, size });
    p += size;
  }
  return out;
}
