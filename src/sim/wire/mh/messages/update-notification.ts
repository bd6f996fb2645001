/**
 * Update Notification (MH Type 19) and Update Notification Acknowledgement (MH Type 20) — RFC 7077 §4.
 * The Notification Reason is read as a 16-bit field followed by the A and D flags and 14 reserved bits,
 * as the AUTH48 XML draws it; the digest marks that width PARTLY UNVERIFIED (§2.7) and this module follows
 * its reading. Either way options start at MH+12.
 *
 * UPN:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Notification Reason      |A|D|        Reserved           |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 *
 * UPA:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Status     |                   Reserved                    |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 */
import { field } from '../../fields';
import { UPA_STATUS_NAMES, UPN_REASON_NAMES } from '../names';
import type { MobilityOption } from '../options';
import {
  checkUint,
  flagsRow,
  makeFlags,
  named,
  readU16,
  readU32,
  writeU16,
  type FlagBit,
  type Flags,
  type MessageCodec,
} from './codec';

export type UpnFlagLetter = 'A' | 'D';
export type UpnFlags = Flags<UpnFlagLetter>;

export const UPN_FLAG_BITS: readonly FlagBit<UpnFlagLetter>[] = [
  { letter: 'A', mask: 0x8000, name: 'Acknowledgement requested', rfc: 'RFC 7077 §4.1' },
  { letter: 'D', mask: 0x4000, name: 'Retransmission', rfc: 'RFC 7077 §4.1' },
];

/** The flags of a wire value; the same masks as UPN_FLAG_BITS, written out because they run on every message. */
export const readUpnFlags = (v: number): UpnFlags => ({ A: (v & 0x8000) !== 0, D: (v & 0x4000) !== 0 });
export const upnFlagsValue = (f: UpnFlags): number => (f.A ? 0x8000 : 0) | (f.D ? 0x4000 : 0);

export const upnFlags = (...set: UpnFlagLetter[]): UpnFlags => makeFlags(UPN_FLAG_BITS, ...set);

export interface UpdateNotification {
  readonly type: 'update-notification';
  readonly mhType: 19;
  readonly sequence: number;
  /** See UPN_REASON / UPN_REASON_NAMES (16-bit field per the digest's reading). */
  readonly reason: number;
  /** A: acknowledgement requested; D: retransmission. */
  readonly flags: UpnFlags;
  readonly options: readonly MobilityOption[];
}

export interface UpdateNotificationAck {
  readonly type: 'update-notification-ack';
  readonly mhType: 20;
  /** Copied from the UPN. */
  readonly sequence: number;
  /** See UPA_STATUS / UPA_STATUS_NAMES. */
  readonly status: number;
  readonly options: readonly MobilityOption[];
}

export const updateNotificationCodec: MessageCodec<UpdateNotification> = {
  type: 'update-notification',
  mhType: 19,
  name: 'Update Notification',
  rfc: 'RFC 7077 §4.1',
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'update-notification',
      mhType: 19,
      sequence: readU16(buf, at),
      reason: readU16(buf, at + 2),
      flags: readUpnFlags(readU16(buf, at + 4)),
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'UPN Sequence #'));
    writeU16(buf, at + 2, checkUint(m.reason, 0xffff, 'UPN Notification Reason'));
    writeU16(buf, at + 4, upnFlagsValue(m.flags));
  },
  describe(buf, at) {
    return [
      field('Sequence #', at, 2, `${readU16(buf, at)}`, 'RFC 7077 §4.1', 'Matches the UPA to this UPN.'),
      field(
        'Notification Reason',
        at + 2,
        2,
        named(readU16(buf, at + 2), UPN_REASON_NAMES),
        'RFC 7077 §4.1',
        'What the LMA asks the MAG to do (16-bit reading, digest §2.7).',
      ),
      flagsRow(buf, at + 4, 2, UPN_FLAG_BITS, 'RFC 7077 §4.1'),
    ];
  },
};

export const updateNotificationAckCodec: MessageCodec<UpdateNotificationAck> = {
  type: 'update-notification-ack',
  mhType: 20,
  name: 'Update Notification Acknowledgement',
  rfc: 'RFC 7077 §4.2',
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'update-notification-ack',
      mhType: 20,
      sequence: readU16(buf, at),
      status: buf[at + 2],
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, checkUint(m.sequence, 0xffff, 'UPA Sequence #'));
    buf[at + 2] = checkUint(m.status, 255, 'UPA Status');
    buf[at + 3] = 0;
    writeU16(buf, at + 4, 0);
  },
  describe(buf, at) {
    return [
      field('Sequence #', at, 2, `${readU16(buf, at)}`, 'RFC 7077 §4.2', 'Copied from the UPN.'),
      field(
        'Status',
        at + 2,
        1,
        named(buf[at + 2], UPA_STATUS_NAMES),
        'RFC 7077 §4.2',
        'Result of the notification; ≥ 128 is a failure.',
      ),
      field(
        'Reserved',
        at + 3,
        3,
        `${readU32(buf, at + 2) & 0xffffff}`,
        'RFC 7077 §4.2',
        'Sent as zero, ignored on receipt.',
      ),
    ];
  },
};
