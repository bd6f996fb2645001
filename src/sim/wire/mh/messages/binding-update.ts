/**
 * Binding Update (MH Type 5) — RFC 6275 §6.1.7; a Proxy Binding Update when P = 1 (RFC 5213 §8.1,
 * digest §2.3). Flag bits as a 16-bit word at MH+8 (digest §2.3 table).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|H|L|K|M|R|P|F|T|B|S|D|Reserved|           Lifetime            |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import type { MobilityOption } from '../options';
import {
  checkUint,
  flagsRow,
  lifetimeText,
  makeFlags,
  readU16,
  writeU16,
  type FlagBit,
  type Flags,
  type MessageCodec,
} from './codec';

export type BuFlagLetter = 'A' | 'H' | 'L' | 'K' | 'M' | 'R' | 'P' | 'F' | 'T' | 'B' | 'S' | 'D';
export type BuFlags = Flags<BuFlagLetter>;

export const BU_FLAG_BITS: readonly FlagBit<BuFlagLetter>[] = [
  { letter: 'A', mask: 0x8000, name: 'Acknowledge', rfc: 'RFC 6275 §6.1.7' },
  { letter: 'H', mask: 0x4000, name: 'Home Registration', rfc: 'RFC 6275 §6.1.7' },
  { letter: 'L', mask: 0x2000, name: 'Link-Local Address Compatibility', rfc: 'RFC 6275 §6.1.7' },
  { letter: 'K', mask: 0x1000, name: 'Key Management Mobility Capability', rfc: 'RFC 6275 §6.1.7' },
  { letter: 'M', mask: 0x0800, name: 'MAP Registration', rfc: 'RFC 4140' },
  { letter: 'R', mask: 0x0400, name: 'Mobile Router', rfc: 'RFC 3963 §4.1' },
  { letter: 'P', mask: 0x0200, name: 'Proxy Registration', rfc: 'RFC 5213 §8.1' },
  { letter: 'F', mask: 0x0100, name: 'Force UDP encapsulation', rfc: 'RFC 5555' },
  { letter: 'T', mask: 0x0080, name: 'TLV-header format', rfc: 'RFC 5845 §6.2' },
  { letter: 'B', mask: 0x0040, name: 'Bulk Binding Update', rfc: 'RFC 6602 §4.1' },
  { letter: 'S', mask: 0x0020, name: 'S flag', rfc: 'RFC 7161' },
  { letter: 'D', mask: 0x0010, name: 'D flag', rfc: 'RFC 8885' },
];

/** The flags of a wire value; the same masks as BU_FLAG_BITS, written out because they run on every message. */
export const readBuFlags = (v: number): BuFlags => ({
  A: (v & 0x8000) !== 0,
  H: (v & 0x4000) !== 0,
  L: (v & 0x2000) !== 0,
  K: (v & 0x1000) !== 0,
  M: (v & 0x0800) !== 0,
  R: (v & 0x0400) !== 0,
  P: (v & 0x0200) !== 0,
  F: (v & 0x0100) !== 0,
  T: (v & 0x80) !== 0,
  B: (v & 0x40) !== 0,
  S: (v & 0x20) !== 0,
  D: (v & 0x10) !== 0,
});
export const buFlagsValue = (f: BuFlags): number =>
  (f.A ? 0x8000 : 0) |
  (f.H ? 0x4000 : 0) |
  (f.L ? 0x2000 : 0) |
  (f.K ? 0x1000 : 0) |
  (f.M ? 0x0800 : 0) |
  (f.R ? 0x0400 : 0) |
  (f.P ? 0x0200 : 0) |
  (f.F ? 0x0100 : 0) |
  (f.T ? 0x0080 : 0) |
  (f.B ? 0x0040 : 0) |
  (f.S ? 0x0020 : 0) |
  (f.D ? 0x0010 : 0);

/** A complete BU flags object from the letters that are set, e.g. `buFlags('A', 'P')` for a PBU. */
export const buFlags = (...set: BuFlagLetter[]): BuFlags => makeFlags(BU_FLAG_BITS, ...set);

export interface BindingUpdate {
  readonly type: 'binding-update';
  readonly mhType: 5;
  readonly sequence: number;
  readonly flags: BuFlags;
  /** In units of 4 s, as on the wire (RFC 6275 §6.1.7): 900 = 3600 s; 0 = de-registration. */
  readonly lifetime: number;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 6275 §6.1.7';

export const bindingUpdateCodec: MessageCodec<BindingUpdate> = {
  type: 'binding-update',
  mhType: 5,
  name: 'Binding Update',
  rfc: RFC,
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'binding-update',
      mhType: 5,
      sequence: readU16(buf, at),
      flags: readBuFlags(readU16(buf, at + 2)),
      lifetime: readU16(buf, at + 4),
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'BU Sequence #'));
    writeU16(buf, at + 2, buFlagsValue(m.flags));
    writeU16(buf, at + 4, checkUint(m.lifetime, 0xffff, 'BU Lifetime'));
  },
  describe(buf, at) {
    return [
      field(
        'Sequence #',
        at,
        2,
        `${readU16(buf, at)}`,
        RFC,
        'Orders BUs and matches the acknowledgement to the update.',
      ),
      flagsRow(buf, at + 2, 2, BU_FLAG_BITS, RFC),
      field(
        'Lifetime',
        at + 4,
        2,
        lifetimeText(readU16(buf, at + 4)),
        RFC,
        'Requested binding lifetime in 4-second units; 0 de-registers.',
      ),
    ];
  },
};
