/**
 * Options that carry one IPv6 address after their Type and Length:
 * Alternate Care-of Address (type 3, RFC 6275 §6.2.5, alignment 8n+6) and
 * Link-local Address (type 26, RFC 5213 §8.7, alignment 8n+6). Both put the address on an 8-octet boundary.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |      Type     |  Length (16)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                  IPv6 address (16 octets)                     +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { ipv6Text } from '../text';
import { ipv6Field, lengthError, type OptionCodec } from './codec';

export interface AlternateCoaOption {
  readonly type: 'alternate-coa';
  /** The Proxy-CoA to bind instead of the packet's source address. */
  readonly address: string;
}

export interface LinkLocalAddressOption {
  readonly type: 'link-local-address';
  /** The MAG's link-local address on the MN's point-to-point link; `::` (ALL_ZERO) asks the LMA for one. */
  readonly address: string;
}

interface OneAddress {
  readonly type: string;
  readonly address: string;
}

function addressCodec<O extends OneAddress>(
  code: number,
  type: O['type'],
  name: string,
  rfc: string,
  help: string,
): OptionCodec<O> {
  return {
    code,
    type,
    name,
    rfc,
    align: [8, 6],
    write(o, buf, at) {
      buf.set(ipv6Field(o.address, name), at);
      return 16;
    },
    read(buf, at, len) {
      if (len !== 16) return lengthError(name, at, len, '16');
      return { type, address: ipv6Text(buf, at) } as O;
    },
    summary: (o) => o.address,
    describe(buf, at) {
      return [field(name, at, 16, ipv6Text(buf, at), rfc, help)];
    },
  };
}

export const alternateCoaCodec = addressCodec<AlternateCoaOption>(
  3,
  'alternate-coa',
  'Alternate Care-of Address',
  'RFC 6275 §6.2.5',
  'Care-of address to register when it differs from the IPv6 source address.',
);

export const linkLocalAddressCodec = addressCodec<LinkLocalAddressOption>(
  26,
  'link-local-address',
  'Link-local Address',
  'RFC 5213 §8.7',
  "The MAG's link-local address on the access link; ALL_ZERO asks the LMA to supply it.",
);
