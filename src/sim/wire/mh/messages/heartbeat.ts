/**
 * Heartbeat (MH Type 13) — RFC 5847 §3.3 (digest §2.7). R = 0 is a request, R = 1 a response; U marks an
 * unsolicited response sent after a restart. Only responses carry an option (Restart Counter). Without
 * options the header needs 4 octets of padding: 16 octets, Header Len 1.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |       Reserved            |U|R|   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import type { MobilityOption } from '../options';
import {
  checkUint,
  flagsRow,
  makeFlags,
  readU16,
  readU32,
  writeU16,
  writeU32,
  type FlagBit,
  type Flags,
  type MessageCodec,
} from './codec';

export type HeartbeatFlagLetter = 'U' | 'R';
export type HeartbeatFlags = Flags<HeartbeatFlagLetter>;

export const HEARTBEAT_FLAG_BITS: readonly FlagBit<HeartbeatFlagLetter>[] = [
  { letter: 'U', mask: 0x0002, name: 'Unsolicited', rfc: 'RFC 5847 §3.3' },
  { letter: 'R', mask: 0x0001, name: 'Response', rfc: 'RFC 5847 §3.3' },
];

/** The flags of a wire value; the same masks as HEARTBEAT_FLAG_BITS, written out because they run on every message. */
export const readHeartbeatFlags = (v: number): HeartbeatFlags => ({
  U: (v & 0x02) !== 0,
  R: (v & 0x01) !== 0,
});
export const heartbeatFlagsValue = (f: HeartbeatFlags): number => (f.U ? 0x02 : 0) | (f.R ? 0x01 : 0);

export const heartbeatFlags = (...set: HeartbeatFlagLetter[]): HeartbeatFlags =>
  makeFlags(HEARTBEAT_FLAG_BITS, ...set);

export interface Heartbeat {
  readonly type: 'heartbeat';
  readonly mhType: 13;
  /** R: response (false = request); U: unsolicited response. */
  readonly flags: HeartbeatFlags;
  /** 32-bit; a response echoes the request's value. */
  readonly sequence: number;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 5847 §3.3';

export const heartbeatCodec: MessageCodec<Heartbeat> = {
  type: 'heartbeat',
  mhType: 13,
  name: 'Heartbeat',
  rfc: RFC,
  fixedLen: 6,
  read(buf, at, options) {
    return {
      type: 'heartbeat',
      mhType: 13,
      flags: readHeartbeatFlags(readU16(buf, at)),
      sequence: readU32(buf, at + 2),
      options,
    };
  },
  write(m, buf, at) {
    writeU16(buf, at, heartbeatFlagsValue(m.flags));
    writeU32(buf, at + 2, checkUint(m.sequence, 0xffffffff, 'Heartbeat Sequence Number'));
  },
  describe(buf, at) {
    return [
      flagsRow(buf, at, 2, HEARTBEAT_FLAG_BITS, RFC),
      field(
        'Sequence Number',
        at + 2,
        4,
        `${readU32(buf, at + 2)}`,
        RFC,
        'Matches a response to its request.',
      ),
    ];
  },
};
