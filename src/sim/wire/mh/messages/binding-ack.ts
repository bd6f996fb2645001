/**
 * Binding Acknowledgement (MH Type 6) — RFC 6275 §6.1.8; a Proxy Binding Acknowledgement when P = 1
 * (RFC 5213 §8.2, digest §2.4). Status < 128 accepts the binding, ≥ 128 rejects it.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |    Status     |K|R|P|T|B|S|D|r|   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Sequence #          |           Lifetime            |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { BA_STATUS_NAMES } from '../names';
import type { MobilityOption } from '../options';
import {
  checkUint,
  flagsRow,
  lifetimeText,
  makeFlags,
  named,
  readU16,
  writeU16,
  type FlagBit,
  type Flags,
  type MessageCodec,
} from './codec';

export type BaFlagLetter = 'K' | 'R' | 'P' | 'T' | 'B' | 'S' | 'D';
export type BaFlags = Flags<BaFlagLetter>;

export const BA_FLAG_BITS: readonly FlagBit<BaFlagLetter>[] = [
  { letter: 'K', mask: 0x80, name: 'Key Management Mobility Capability', rfc: 'RFC 6275 §6.1.8' },
  { letter: 'R', mask: 0x40, name: 'Mobile Router', rfc: 'RFC 3963 §4.2' },
  { letter: 'P', mask: 0x20, name: 'Proxy Registration', rfc: 'RFC 5213 §8.2' },
  { letter: 'T', mask: 0x10, name: 'TLV-header format', rfc: 'RFC 5845' },
  { letter: 'B', mask: 0x08, name: 'Bulk Binding Update', rfc: 'RFC 6602' },
  { letter: 'S', mask: 0x04, name: 'S flag', rfc: 'RFC 7161' },
  { letter: 'D', mask: 0x02, name: 'D flag', rfc: 'RFC 8885' },
];

/** The flags of a wire value; the same masks as BA_FLAG_BITS, written out because they run on every message. */
export const readBaFlags = (v: number): BaFlags => ({
  K: (v & 0x80) !== 0,
  R: (v & 0x40) !== 0,
  P: (v & 0x20) !== 0,
  T: (v & 0x10) !== 0,
  B: (v & 0x08) !== 0,
  S: (v & 0x04) !== 0,
  D: (v & 0x02) !== 0,
});
export const baFlagsValue = (f: BaFlags): number =>
  (f.K ? 0x80 : 0) |
  (f.R ? 0x40 : 0) |
  (f.P ? 0x20 : 0) |
  (f.T ? 0x10 : 0) |
  (f.B ? 0x08 : 0) |
  (f.S ? 0x04 : 0) |
  (f.D ? 0x02 : 0);

/** A complete BA flags object from the letters that are set, e.g. `baFlags('P')` for a PBA. */
export const baFlags = (...set: BaFlagLetter[]): BaFlags => makeFlags(BA_FLAG_BITS, ...set);

export interface BindingAck {
  readonly type: 'binding-ack';
  readonly mhType: 6;
  /** See BA_STATUS / BA_STATUS_NAMES; < 128 accepted, ≥ 128 rejected. */
  readonly status: number;
  readonly flags: BaFlags;
  /** Copied from the Binding Update. */
  readonly sequence: number;
  /** Granted lifetime in units of 4 s (undefined by the RFC when Status ≥ 128). */
  readonly lifetime: number;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 6275 §6.1.8';

export const bindingAckCodec: MessageCodec<BindingAck> = {
  type: 'binding-ack',
  mhType: 6,
  name: 'Binding Acknowledgement',
  rfc: RFC,
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'binding-ack',
      mhType: 6,
      status: buf[at],
      flags: readBaFlags(buf[at + 1]),
      sequence: readU16(buf, at + 2),
      lifetime: readU16(buf, at + 4),
      options,
    };
  },
  write(m, buf, at) {
    buf[at] = checkUint(m.status, 255, 'BA Status');
    buf[at + 1] = baFlagsValue(m.flags);
    writeU16(buf, at + 2, checkUint(m.sequence, 0xffff, 'BA Sequence #'));
    writeU16(buf, at + 4, checkUint(m.lifetime, 0xffff, 'BA Lifetime'));
  },
  describe(buf, at) {
    return [
      field(
        'Status',
        at,
        1,
        named(buf[at], BA_STATUS_NAMES),
        'RFC 5213 §8.9',
        'Result of the Binding Update: < 128 accepted, ≥ 128 rejected.',
      ),
      flagsRow(buf, at + 1, 1, BA_FLAG_BITS, RFC),
      field(
        'Sequence #',
        at + 2,
        2,
        `${readU16(buf, at + 2)}`,
        RFC,
        'Copied from the Binding Update being acknowledged.',
      ),
      field(
        'Lifetime',
        at + 4,
        2,
        lifetimeText(readU16(buf, at + 4)),
        RFC,
        'Granted binding lifetime in 4-second units.',
      ),
    ];
  },
};
