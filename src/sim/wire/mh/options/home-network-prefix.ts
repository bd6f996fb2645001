/**
 * Home Network Prefix option (type 22) — RFC 5213 §8.3, with the L flag of RFC 7864 §4.1 in the former
 * Reserved octet. Alignment 8n+4, so the prefix starts on an 8-octet boundary.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (18) |L|  Reserved   | Prefix Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * +                                                               +
 * |                                                               |
 * +                    Home Network Prefix                        +
 * |                                                               |
 * +                                                               +
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * A prefix of `::` with length 0 is the ALL_ZERO "please assign" request (RFC 5213 §6.9.1.1).
 */
import { field } from '../../fields';
import { ipv6Text } from '../text';
import { OptionError, checkUint, ipv6Field, lengthError, type OptionCodec } from './codec';

export interface HnpOption {
  readonly type: 'hnp';
  /** The 128-bit prefix field as RFC 5952 text (host bits kept as sent). */
  readonly prefix: string;
  readonly prefixLength: number;
  /** L flag (RFC 7864 §4.1): the prefix is not hosted on-link but routed for flow mobility. */
  readonly offLink: boolean;
}

const RFC = 'RFC 5213 §8.3';

export const hnpCodec: OptionCodec<HnpOption> = {
  code: 22,
  type: 'hnp',
  name: 'Home Network Prefix',
  rfc: RFC,
  align: [8, 4],
  write(o, buf, at) {
    buf[at] = o.offLink ? 0x80 : 0;
    buf[at + 1] = checkUint(o.prefixLength, 128, 'HNP prefix length');
    buf.set(ipv6Field(o.prefix, 'HNP prefix'), at + 2);
    return 18;
  },
  read(buf, at, len) {
    if (len !== 18) return lengthError('Home Network Prefix', at, len, '18');
    if (buf[at + 1] > 128)
      return new OptionError('prefixLength', at + 1, `Prefix Length ${buf[at + 1]} exceeds 128`);
    return {
      type: 'hnp',
      prefix: ipv6Text(buf, at + 2),
      prefixLength: buf[at + 1],
      offLink: (buf[at] & 0x80) !== 0,
    };
  },
  summary: (o) => `${o.prefix}/${o.prefixLength}${o.offLink ? ' (L: off-link)' : ''}`,
  describe(buf, at) {
    const l = (buf[at] & 0x80) !== 0;
    return [
      field(
        'L (off-link)',
        at,
        1,
        l ? '1' : '0',
        'RFC 7864 §4.1',
        'Set when the prefix is routed for flow mobility, not hosted on the link.',
      ),
      field(
        'Reserved',
        at,
        1,
        `0x${(buf[at] & 0x7f).toString(16)}`,
        RFC,
        'Sent as zero, ignored on receipt.',
      ),
      field('Prefix Length', at + 1, 1, `${buf[at + 1]}`, RFC, 'Length of the home network prefix in bits.'),
      field(
        'Home Network Prefix',
        at + 2,
        16,
        ipv6Text(buf, at + 2),
        RFC,
        'Prefix assigned to the MN-MAG link; :: = please assign one.',
      ),
    ];
  },
};
