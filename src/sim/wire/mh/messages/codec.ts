/**
 * The contract every Mobility Header message module fulfils: its fixed fields after the common 6-octet
 * header (RFC 6275 §6.1.1), how to read and write them, and the inspector rows. The common header, the
 * option list, padding and checksum are handled once, in `../index`.
 *
 * Flags are represented as objects keyed by the RFC's flag letters (`{ A: true, P: true, … }`); each
 * module's flag table is the single source for the masks used by read, write and the inspector.
 */
import { field, type FieldNode } from '../../fields';
import type { MobilityOption } from '../options';

export { checkUint, named, readU16, readU32, writeU16, writeU32 } from '../octets';

export interface MessageCodec<M extends { readonly type: string }> {
  readonly type: M['type'];
  readonly mhType: number;
  /** Display name, e.g. "Binding Update". */
  readonly name: string;
  readonly rfc: string;
  /** Octets of message data before the options (options start at MH + 6 + fixedLen). */
  readonly fixedLen: number;
  /** Builds the message from the fixed fields at absolute offset `at` (= MH+6) and the parsed options. */
  read(buf: Uint8Array, at: number, options: MobilityOption[]): M;
  /** Writes the fixed fields at `at`; throws RangeError on values that do not fit their field. */
  write(m: M, buf: Uint8Array, at: number): void;
  /** Inspector rows for the fixed fields (absolute offsets). */
  describe(buf: Uint8Array, at: number): FieldNode[];
}

/** One flag bit: its RFC letter, mask within the flags field, meaning and defining section. */
export interface FlagBit<L extends string> {
  readonly letter: L;
  readonly mask: number;
  readonly name: string;
  readonly rfc: string;
}

export type Flags<L extends string> = { readonly [K in L]: boolean };

/** A flags object from a wire value, by table (the parse path uses each module's literal reader instead). */
export function readFlags<L extends string>(value: number, bits: readonly FlagBit<L>[]): Flags<L> {
  const out = {} as Record<L, boolean>;
  for (let i = 0; i < bits.length; i++) out[bits[i].letter] = (value & bits[i].mask) !== 0;
  return out;
}

/** The wire value of a flags object (reserved bits zero). */
export function flagsValue<L extends string>(flags: Flags<L>, bits: readonly FlagBit<L>[]): number {
  let v = 0;
  for (let i = 0; i < bits.length; i++) if (flags[bits[i].letter]) v |= bits[i].mask;
  return v;
}

/** A complete flags object from the letters that are set: `makeFlags(BU_FLAG_BITS, 'A', 'P')`. */
export function makeFlags<L extends string>(bits: readonly FlagBit<L>[], ...set: L[]): Flags<L> {
  const out = {} as Record<L, boolean>;
  for (const b of bits) out[b.letter] = set.includes(b.letter);
  return out;
}

/** The flags field row with one child row per flag (and the reserved bits), for the inspector. */
export function flagsRow<L extends string>(
  buf: Uint8Array,
  at: number,
  width: 1 | 2,
  bits: readonly FlagBit<L>[],
  rfc: string,
): FieldNode {
  const value = width === 1 ? buf[at] : (buf[at] << 8) | buf[at + 1];
  const set = bits.filter((b) => (value & b.mask) !== 0).map((b) => b.letter);
  const hex = `0x${value.toString(16).padStart(width * 2, '0')}`;
  let reservedMask = width === 1 ? 0xff : 0xffff;
  for (const b of bits) reservedMask &= ~b.mask;
  const children = bits.map((b) =>
    field(
      `${b.letter} (${b.name})`,
      at,
      width,
      (value & b.mask) !== 0 ? '1' : '0',
      b.rfc,
      `Mask 0x${b.mask.toString(16)}.`,
    ),
  );
  if (reservedMask !== 0)
    children.push(
      field(
        'Reserved',
        at,
        width,
        `0x${(value & reservedMask).toString(16)}`,
        rfc,
        'Sent as zero, ignored on receipt.',
      ),
    );
  return field('Flags', at, width, set.length ? `${hex} (${set.join(', ')})` : hex, rfc, undefined, children);
}

/** "900 (3600 s)": lifetimes in BU/BA are in units of 4 seconds (RFC 6275 §6.1.7). */
export const lifetimeText = (units: number): string => `${units} (${units * 4} s)`;
