/**
 * Mobile Node Identifier option (type 8) — RFC 4283 §3, used by RFC 5213 §8.1/§8.2 (digest §2.6).
 * No alignment requirement.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Option Type  | Option Length |   Subtype     |  Identifier ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Option Length = 1 + identifier length. Subtype 1 is an NAI (RFC 4282, UTF-8 text). A PBA rejecting a
 * PBU without MN-ID carries a zero-length identifier with subtype 1 (digest §7.6, an interpretation).
 */
import { field } from '../../fields';
import { MN_ID_SUBTYPE_NAMES } from '../names';
import { plainHex, utf8Text, writePlainHex, writeUtf8 } from '../text';
import { OptionError, checkUint, named, type OptionCodec } from './codec';

export interface MnIdOption {
  readonly type: 'mn-id';
  /** 1 = NAI; see MN_ID_SUBTYPE_NAMES for the others (RFC 8371). */
  readonly subtype: number;
  /** The identifier: UTF-8 text for an NAI (subtype 1), lower-case hex of the octets for every other subtype. */
  readonly id: string;
}

const RFC = 'RFC 4283 §3';

export const mnIdCodec: OptionCodec<MnIdOption> = {
  code: 8,
  type: 'mn-id',
  name: 'Mobile Node Identifier',
  rfc: RFC,
  align: null,
  write(o, buf, at) {
    buf[at] = checkUint(o.subtype, 255, 'MN-ID subtype');
    if (typeof o.id !== 'string') throw new RangeError(`MN-ID must be a string, got ${typeof o.id}`);
    const n = o.subtype === 1 ? writeUtf8(o.id, buf, at + 1, 254) : writePlainHex(o.id, buf, at + 1, 254);
    if (n < 0)
      throw new RangeError(
        o.subtype === 1
          ? 'MN-ID NAI is longer than 254 octets (RFC 4283 §3)'
          : `MN-ID of subtype ${o.subtype} must be at most 254 hex octets, got "${o.id}"`,
      );
    return 1 + n;
  },
  read(buf, at, len) {
    if (len < 1)
      return new OptionError(
        'length',
        at - 1,
        'Mobile Node Identifier option needs at least its Subtype octet',
      );
    const subtype = buf[at];
    const id = subtype === 1 ? utf8Text(buf, at + 1, at + len) : plainHex(buf, at + 1, at + len);
    return { type: 'mn-id', subtype, id };
  },
  summary: (o) =>
    o.subtype === 1 ? JSON.stringify(o.id) : `${named(o.subtype, MN_ID_SUBTYPE_NAMES)} ${o.id}`,
  describe(buf, at, len) {
    const subtype = buf[at];
    const text =
      subtype === 1 ? JSON.stringify(utf8Text(buf, at + 1, at + len)) : plainHex(buf, at + 1, at + len);
    return [
      field(
        'Subtype',
        at,
        1,
        named(subtype, MN_ID_SUBTYPE_NAMES),
        RFC,
        'Kind of identifier; 1 = Network Access Identifier.',
      ),
      field(
        'Identifier',
        at + 1,
        len - 1,
        text,
        'RFC 5213 §8.1',
        'Stable identity of the mobile node in the PMIPv6 domain.',
      ),
    ];
  },
};
