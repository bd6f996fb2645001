/**
 * Handover Initiate (MH Type 14) and Handover Acknowledge (MH Type 15) — RFC 5568 §6.2.1/§6.2.2 as
 * extended for PMIPv6 by RFC 5949 §6.1 (digest §2.7; flag offsets as Wireshark dissects them). For PMIPv6
 * the P flag is 1 and, in an HI, S is 0. Options start at MH+10; MN-ID is mandatory (one MN per message).
 *
 * Handover Initiate:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |S|U|P|F|Resrvd |     Code      |       Mobility options ...        MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Handover Acknowledge:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |U|P|F|Reserved |     Code      |       Mobility options ...        MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { HACK_CODE_NAMES, HI_CODE_NAMES } from '../names';
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

export type HiFlagLetter = 'S' | 'U' | 'P' | 'F';
export type HiFlags = Flags<HiFlagLetter>;
export type HackFlagLetter = 'U' | 'P' | 'F';
export type HackFlags = Flags<HackFlagLetter>;

export const HI_FLAG_BITS: readonly FlagBit<HiFlagLetter>[] = [
  { letter: 'S', mask: 0x80, name: 'Assigned address configuration', rfc: 'RFC 5568 §6.2.1' },
  { letter: 'U', mask: 0x40, name: 'Buffer', rfc: 'RFC 5568 §6.2.1' },
  { letter: 'P', mask: 0x20, name: 'Proxy', rfc: 'RFC 5949 §6.1' },
  { letter: 'F', mask: 0x10, name: 'Forwarding', rfc: 'RFC 5949 §6.1' },
];

export const HACK_FLAG_BITS: readonly FlagBit<HackFlagLetter>[] = [
  { letter: 'U', mask: 0x80, name: 'Buffer', rfc: 'RFC 5949 §6.1' },
  { letter: 'P', mask: 0x40, name: 'Proxy', rfc: 'RFC 5949 §6.1' },
  { letter: 'F', mask: 0x20, name: 'Forwarding', rfc: 'RFC 5949 §6.1' },
];

/** The flags of a wire value; the same masks as HI_FLAG_BITS / HACK_FLAG_BITS, written out for the hot path. */
export const readHiFlags = (v: number): HiFlags => ({
  S: (v & 0x80) !== 0,
  U: (v & 0x40) !== 0,
  P: (v & 0x20) !== 0,
  F: (v & 0x10) !== 0,
});
export const hiFlagsValue = (f: HiFlags): number =>
  (f.S ? 0x80 : 0) | (f.U ? 0x40 : 0) | (f.P ? 0x20 : 0) | (f.F ? 0x10 : 0);
export const readHackFlags = (v: number): HackFlags => ({
  U: (v & 0x80) !== 0,
  P: (v & 0x40) !== 0,
  F: (v & 0x20) !== 0,
});
export const hackFlagsValue = (f: HackFlags): number =>
  (f.U ? 0x80 : 0) | (f.P ? 0x40 : 0) | (f.F ? 0x20 : 0);

export const hiFlags = (...set: HiFlagLetter[]): HiFlags => makeFlags(HI_FLAG_BITS, ...set);
export const hackFlags = (...set: HackFlagLetter[]): HackFlags => makeFlags(HACK_FLAG_BITS, ...set);

export interface HandoverInitiate {
  readonly type: 'handover-initiate';
  readonly mhType: 14;
  readonly sequence: number;
  readonly flags: HiFlags;
  /** See HI_CODE / HI_CODE_NAMES. */
  readonly code: number;
  readonly options: readonly MobilityOption[];
}

export interface HandoverAck {
  readonly type: 'handover-ack';
  readonly mhType: 15;
  /** Copied from the Handover Initiate. */
  readonly sequence: number;
  readonly flags: HackFlags;
  /** See HACK_CODE / HACK_CODE_NAMES. */
  readonly code: number;
  readonly options: readonly MobilityOption[];
}

export const handoverInitiateCodec: MessageCodec<HandoverInitiate> = {
  type: 'handover-initiate',
  mhType: 14,
  name: 'Handover Initiate',
  rfc: 'RFC 5949 §6.1',
  fixedLen: 4,
  read(buf, at, options) {
    return {
      type: 'handover-initiate',
      mhType: 14,
      sequence: readU16(buf, at),
      flags: readHiFlags(buf[at + 2]),
      code: buf[at + 3],
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'HI Sequence #'));
    buf[at + 2] = hiFlagsValue(m.flags);
    buf[at + 3] = checkUint(m.code, 255, 'HI Code');
  },
  describe(buf, at) {
    return [
      field(
        'Sequence #',
        at,
        2,
        `${readU16(buf, at)}`,
        'RFC 5568 §6.2.1',
        'Matches the Handover Acknowledge to this message.',
      ),
      flagsRow(buf, at + 2, 1, HI_FLAG_BITS, 'RFC 5949 §6.1'),
      field(
        'Code',
        at + 3,
        1,
        named(buf[at + 3], HI_CODE_NAMES),
        'RFC 5949 §6.1',
        'What this Handover Initiate announces.',
      ),
    ];
  },
};

export const handoverAckCodec: MessageCodec<HandoverAck> = {
  type: 'handover-ack',
  mhType: 15,
  name: 'Handover Acknowledge',
  rfc: 'RFC 5949 §6.1',
  fixedLen: 4,
  read(buf, at, options) {
    return {
      type: 'handover-ack',
      mhType: 15,
      sequence: readU16(buf, at),
      flags: readHackFlags(buf[at + 2]),
      code: buf[at + 3],
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'HAck Sequence #'));
    buf[at + 2] = hackFlagsValue(m.flags);
    buf[at + 3] = checkUint(m.code, 255, 'HAck Code');
  },
  describe(buf, at) {
    return [
      field(
        'Sequence #',
        at,
        2,
        `${readU16(buf, at)}`,
        'RFC 5568 §6.2.2',
        'Copied from the Handover Initiate.',
      ),
      flagsRow(buf, at + 2, 1, HACK_FLAG_BITS, 'RFC 5949 §6.1'),
      field(
        'Code',
        at + 3,
        1,
        named(buf[at + 3], HACK_CODE_NAMES),
        'RFC 5949 §6.1',
        'Result of the Handover Initiate; ≥ 128 is a refusal.',
      ),
    ];
  },
};
