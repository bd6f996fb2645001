/**
 * MAG IPv6 Address option (type 51) — RFC 6705. Field names from Wireshark; the RFC 6705 text and any
 * alignment rule are UNVERIFIED (digest §2.6), so no alignment is imposed.
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |  Length (18)  |   Reserved    |Address Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    MAG IPv6 Address (16 octets)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { ipv6Text } from '../text';
import { checkUint, ipv6Field, lengthError, type OptionCodec } from './codec';

export interface MagIpv6AddressOption {
  readonly type: 'mag-ipv6-address';
  /** The Address Length field (128 for a full address). */
  readonly addressLength: number;
  readonly address: string;
}

const RFC_MAG = 'RFC 6705';

export const magIpv6AddressCodec: OptionCodec<MagIpv6AddressOption> = {
  code: 51,
  type: 'mag-ipv6-address',
  name: 'MAG IPv6 Address',
  rfc: RFC_MAG,
  align: null,
  write(o, buf, at) {
    buf[at] = 0;
    buf[at + 1] = checkUint(o.addressLength, 255, 'MAG IPv6 Address length');
    buf.set(ipv6Field(o.address, 'MAG IPv6 address'), at + 2);
    return 18;
  },
  read(buf, at, len) {
    if (len !== 18) return lengthError('MAG IPv6 Address', at, len, '18');
    return { type: 'mag-ipv6-address', addressLength: buf[at + 1], address: ipv6Text(buf, at + 2) };
  },
  summary: (o) => `${o.address}/${o.addressLength}`,
  describe(buf, at) {
    return [
      field('Reserved', at, 1, `${buf[at]}`, RFC_MAG, 'Sent as zero, ignored on receipt.'),
      field('Address Length', at + 1, 1, `${buf[at + 1]}`, RFC_MAG, 'Length of the address in bits.'),
      field(
        'MAG IPv6 Address',
        at + 2,
        16,
        ipv6Text(buf, at + 2),
        RFC_MAG,
        'Address of the MAG serving the correspondent, for localized routing.',
      ),
    ];
  },
};
