/**
 * RFC 5555 options that RFC 5844 §4 reuses for IPv4 transport (digest §2.6):
 *
 * NAT Detection (type 31), alignment 4n:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (6)  |F|          Reserved           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Refresh Time                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * IPv4 Care-of Address (type 32), alignment 4n:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (6)  |          Reserved             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     IPv4 Care-of Address                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Layouts as dissected by Wireshark (packet-mip6.c) and Pcap.Net; the RFC 5555 section numbers were not
 * verified here, so rows cite the RFC only.
 */
import { formatIPv4 } from '../../addr';
import { field } from '../../fields';
import { checkUint, ipv4Field, lengthError, readU16, readU32, writeU32, type OptionCodec } from './codec';

export interface NatDetectionOption {
  readonly type: 'nat-detection';
  /** F flag: the peer must use UDP encapsulation even without a NAT (RFC 5555). */
  readonly forceUdp: boolean;
  /** Keepalive refresh time in seconds; 0xffffffff = no NAT detected, keepalives not needed. */
  readonly refreshTime: number;
}

export interface Ipv4CoaOption {
  readonly type: 'ipv4-coa';
  readonly address: string;
}

const RFC_NATD = 'RFC 5555';
const RFC_COA = 'RFC 5555';

export const natDetectionCodec: OptionCodec<NatDetectionOption> = {
  code: 31,
  type: 'nat-detection',
  name: 'NAT Detection',
  rfc: RFC_NATD,
  align: [4, 0],
  write(o, buf, at) {
    buf[at] = o.forceUdp ? 0x80 : 0;
    buf[at + 1] = 0;
    writeU32(buf, at + 2, checkUint(o.refreshTime, 0xffffffff, 'NAT Detection refresh time'));
    return 6;
  },
  read(buf, at, len) {
    if (len !== 6) return lengthError('NAT Detection', at, len, '6');
    return { type: 'nat-detection', forceUdp: (buf[at] & 0x80) !== 0, refreshTime: readU32(buf, at + 2) };
  },
  summary: (o) => `F=${o.forceUdp ? 1 : 0}, refresh ${o.refreshTime} s`,
  describe(buf, at) {
    return [
      field(
        'F (force UDP)',
        at,
        1,
        `${buf[at] >>> 7}`,
        RFC_NATD,
        'Set: UDP encapsulation is required even without a NAT.',
      ),
      field('Reserved', at, 2, `${readU16(buf, at) & 0x7fff}`, RFC_NATD, 'Sent as zero, ignored on receipt.'),
      field(
        'Refresh Time',
        at + 2,
        4,
        `${readU32(buf, at + 2)} s`,
        RFC_NATD,
        'Interval between NAT keepalives.',
      ),
    ];
  },
};

export const ipv4CoaCodec: OptionCodec<Ipv4CoaOption> = {
  code: 32,
  type: 'ipv4-coa',
  name: 'IPv4 Care-of Address',
  rfc: RFC_COA,
  align: [4, 0],
  write(o, buf, at) {
    buf[at] = 0;
    buf[at + 1] = 0;
    buf.set(ipv4Field(o.address, 'IPv4 care-of address'), at + 2);
    return 6;
  },
  read(buf, at, len) {
    if (len !== 6) return lengthError('IPv4 Care-of Address', at, len, '6');
    return { type: 'ipv4-coa', address: formatIPv4(buf, at + 2) };
  },
  summary: (o) => o.address,
  describe(buf, at) {
    return [
      field('Reserved', at, 2, `${readU16(buf, at)}`, RFC_COA, 'Sent as zero, ignored on receipt.'),
      field(
        'IPv4 Care-of Address',
        at + 2,
        4,
        formatIPv4(buf, at + 2),
        RFC_COA,
        'The IPv4 care-of (Proxy-CoA) address.',
      ),
    ];
  },
};
