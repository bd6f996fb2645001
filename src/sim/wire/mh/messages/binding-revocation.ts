/**
 * Binding Revocation Indication and Acknowledgement (MH Type 16) — RFC 5846 §5 (digest §2.7). The first
 * octet, B.R. Type, tells them apart (1 = BRI, 2 = BRA; any other value is kept as an unknown message).
 * Flags P (proxy binding), V (IPv4 HoA binding only), G (global) as Wireshark labels them. No options →
 * 4 octets of padding, Header Len 1.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  B.R. Type    | Trigger/Status|   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Sequence #           |P|V|G|        Reserved         |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { BR_TYPE_NAMES, BRA_STATUS_NAMES, REVOCATION_TRIGGER_NAMES } from '../names';
import type { MobilityOption } from '../options';
import {
  checkUint,
  flagsRow,
  makeFlags,
  named,
  readU16,
  writeU16,
  type FlagBit,
  type Flags,
  type MessageCodec,
} from './codec';

export type BrFlagLetter = 'P' | 'V' | 'G';
export type BrFlags = Flags<BrFlagLetter>;

export const BR_FLAG_BITS: readonly FlagBit<BrFlagLetter>[] = [
  { letter: 'P', mask: 0x8000, name: 'Proxy Binding', rfc: 'RFC 5846 §5' },
  { letter: 'V', mask: 0x4000, name: 'IPv4 HoA Binding Only', rfc: 'RFC 5846 §5' },
  { letter: 'G', mask: 0x2000, name: 'Global', rfc: 'RFC 5846 §5' },
];

/** The flags of a wire value; the same masks as BR_FLAG_BITS, written out because they run on every message. */
export const readBrFlags = (v: number): BrFlags => ({
  P: (v & 0x8000) !== 0,
  V: (v & 0x4000) !== 0,
  G: (v & 0x2000) !== 0,
});
export const brFlagsValue = (f: BrFlags): number =>
  (f.P ? 0x8000 : 0) | (f.V ? 0x4000 : 0) | (f.G ? 0x2000 : 0);

export const brFlags = (...set: BrFlagLetter[]): BrFlags => makeFlags(BR_FLAG_BITS, ...set);

/** B.R. Type values — RFC 5846 §5. */
export const BR_TYPE = { INDICATION: 1, ACKNOWLEDGEMENT: 2 } as const;

export interface BindingRevocationIndication {
  readonly type: 'binding-revocation-indication';
  readonly mhType: 16;
  /** See REVOCATION_TRIGGER / REVOCATION_TRIGGER_NAMES. */
  readonly trigger: number;
  readonly sequence: number;
  readonly flags: BrFlags;
  readonly options: readonly MobilityOption[];
}

export interface BindingRevocationAck {
  readonly type: 'binding-revocation-ack';
  readonly mhType: 16;
  /** See BRA_STATUS / BRA_STATUS_NAMES. */
  readonly status: number;
  /** Copied from the BRI. */
  readonly sequence: number;
  readonly flags: BrFlags;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 5846 §5';

function describeBr(buf: Uint8Array, at: number, second: 'Revocation Trigger' | 'Status') {
  const table = second === 'Status' ? BRA_STATUS_NAMES : REVOCATION_TRIGGER_NAMES;
  return [
    field(
      'B.R. Type',
      at,
      1,
      named(buf[at], BR_TYPE_NAMES),
      RFC,
      '1 = Indication (BRI), 2 = Acknowledgement (BRA).',
    ),
    field(
      second,
      at + 1,
      1,
      named(buf[at + 1], table),
      RFC,
      second === 'Status' ? 'Result of the revocation; ≥ 128 is a failure.' : 'Why the binding is revoked.',
    ),
    field('Sequence #', at + 2, 2, `${readU16(buf, at + 2)}`, RFC, 'Matches the BRA to its BRI.'),
    flagsRow(buf, at + 4, 2, BR_FLAG_BITS, RFC),
  ];
}

export const bindingRevocationIndicationCodec: MessageCodec<BindingRevocationIndication> = {
  type: 'binding-revocation-indication',
  mhType: 16,
  name: 'Binding Revocation Indication',
  rfc: 'RFC 5846 §5.1',
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'binding-revocation-indication',
      mhType: 16,
      trigger: buf[at + 1],
      sequence: readU16(buf, at + 2),
      flags: readBrFlags(readU16(buf, at + 4)),
      options,
    };
  },
  write(m, buf, at) {
    buf[at] = BR_TYPE.INDICATION;
    buf[at + 1] = checkUint(m.trigger, 255, 'BRI Revocation Trigger');
    writeU16(buf, at + 2, checkUint(m.sequence, 0xffff, 'BRI Sequence #'));
    writeU16(buf, at + 4, brFlagsValue(m.flags));
  },
  describe: (buf, at) => describeBr(buf, at, 'Revocation Trigger'),
};

export const bindingRevocationAckCodec: MessageCodec<BindingRevocationAck> = {
  type: 'binding-revocation-ack',
  mhType: 16,
  name: 'Binding Revocation Acknowledgement',
  rfc: 'RFC 5846 §5.2',
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'binding-revocation-ack',
      mhType: 16,
      status: buf[at + 1],
      sequence: readU16(buf, at + 2),
      flags: readBrFlags(readU16(buf, at + 4)),
      options,
    };
  },
  write(m, buf, at) {
    buf[at] = BR_TYPE.ACKNOWLEDGEMENT;
    buf[at + 1] = checkUint(m.status, 255, 'BRA Status');
    writeU16(buf, at + 2, checkUint(m.sequence, 0xffff, 'BRA Sequence #'));
    writeU16(buf, at + 4, brFlagsValue(m.flags));
  },
  describe: (buf, at) => describeBr(buf, at, 'Status'),
};
