/**
 * Localized Routing Initiation (MH Type 17) and Acknowledgment (MH Type 18) — RFC 6705. The stored RFC
 * text was unavailable, so the layouts follow Wireshark's dissector (digest §2.7, §5.10); the lifetime's
 * unit is UNVERIFIED and is therefore kept as the raw 16-bit field value.
 *
 * LRI:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved            |           Lifetime            |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 *
 * LRA:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |U|  Reserved   |    Status     |           Lifetime            |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 */
import { field } from '../../fields';
import { LRA_STATUS_NAMES } from '../names';
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

export type LraFlagLetter = 'U';
export type LraFlags = Flags<LraFlagLetter>;

export const LRA_FLAG_BITS: readonly FlagBit<LraFlagLetter>[] = [
  { letter: 'U', mask: 0x80, name: 'Unsolicited', rfc: 'RFC 6705' },
];

/** The flags of a wire value; the same masks as LRA_FLAG_BITS, written out because they run on every message. */
export const readLraFlags = (v: number): LraFlags => ({ U: (v & 0x80) !== 0 });
export const lraFlagsValue = (f: LraFlags): number => (f.U ? 0x80 : 0);

export const lraFlags = (...set: LraFlagLetter[]): LraFlags => makeFlags(LRA_FLAG_BITS, ...set);

export interface LocalizedRoutingInitiation {
  readonly type: 'localized-routing-initiation';
  readonly mhType: 17;
  readonly sequence: number;
  /** Raw field value; unit UNVERIFIED (digest §5.10). */
  readonly lifetime: number;
  readonly options: readonly MobilityOption[];
}

export interface LocalizedRoutingAck {
  readonly type: 'localized-routing-ack';
  readonly mhType: 18;
  readonly sequence: number;
  readonly flags: LraFlags;
  /** See LRA_STATUS / LRA_STATUS_NAMES. */
  readonly status: number;
  readonly lifetime: number;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 6705';

export const localizedRoutingInitiationCodec: MessageCodec<LocalizedRoutingInitiation> = {
  type: 'localized-routing-initiation',
  mhType: 17,
  name: 'Localized Routing Initiation',
  rfc: RFC,
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'localized-routing-initiation',
      mhType: 17,
      sequence: readU16(buf, at),
      lifetime: readU16(buf, at + 4),
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'LRI Sequence #'));
    writeU16(buf, at + 2, 0);
    writeU16(buf, at + 4, checkUint(m.lifetime, 0xffff, 'LRI Lifetime'));
  },
  describe(buf, at) {
    return [
      field('Sequence #', at, 2, `${readU16(buf, at)}`, RFC, 'Matches the LRA to this LRI.'),
      field('Reserved', at + 2, 2, `${readU16(buf, at + 2)}`, RFC, 'Sent as zero, ignored on receipt.'),
      field(
        'Lifetime',
        at + 4,
        2,
        `${readU16(buf, at + 4)}`,
        RFC,
        'Requested lifetime of the localized routing state (unit unverified).',
      ),
    ];
  },
};

export const localizedRoutingAckCodec: MessageCodec<LocalizedRoutingAck> = {
  type: 'localized-routing-ack',
  mhType: 18,
  name: 'Localized Routing Acknowledgment',
  rfc: RFC,
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'localized-routing-ack',
      mhType: 18,
      sequence: readU16(buf, at),
      flags: readLraFlags(buf[at + 2]),
      status: buf[at + 3],
      lifetime: readU16(buf, at + 4),
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'LRA Sequence #'));
    buf[at + 2] = lraFlagsValue(m.flags);
    buf[at + 3] = checkUint(m.status, 255, 'LRA Status');
    writeU16(buf, at + 4, checkUint(m.lifetime, 0xffff, 'LRA Lifetime'));
  },
  describe(buf, at) {
    return [
      field('Sequence #', at, 2, `${readU16(buf, at)}`, RFC, 'Copied from the LRI.'),
      flagsRow(buf, at + 2, 1, LRA_FLAG_BITS, RFC),
      field(
        'Status',
        at + 3,
        1,
        named(buf[at + 3], LRA_STATUS_NAMES),
        RFC,
        'Result of the localized routing request; ≥ 128 is a refusal.',
      ),
      field('Lifetime', at + 4, 2, `${readU16(buf, at + 4)}`, RFC, 'Granted lifetime (unit unverified).'),
    ];
  },
};
