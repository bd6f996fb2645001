/**
 * IPv4 home address options of RFC 5844 §3.3 (digest §2.6):
 *
 * IPv4 Home Address Request (type 36), alignment 4n:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (6)  | Prefix-len|     Reserved      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   IPv4 home address (0.0.0.0 = allocate)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * IPv4 Home Address Reply (type 37), alignment 4n:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (6)  |    Status     |Pref-len   |Res|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      IPv4 home address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * IPv4 Default-Router Address (type 38), alignment 4n:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (6)  |            Reserved           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  IPv4 default-router address                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * IPv4 DHCP Support Mode (type 39), no alignment:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (2)  |          Reserved           |S|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { formatIPv4 } from '../../addr';
import { field } from '../../fields';
import { IPV4_HOA_REPLY_STATUS_NAMES } from '../names';
import { OptionError, checkUint, ipv4Field, lengthError, named, readU16, type OptionCodec } from './codec';

export interface Ipv4HoaRequestOption {
  readonly type: 'ipv4-hoa-request';
  /** 0..32 (6 bits). */
  readonly prefixLength: number;
  /** Dotted IPv4 text; `0.0.0.0` asks the LMA to allocate one. */
  readonly address: string;
}

export interface Ipv4HoaReplyOption {
  readonly type: 'ipv4-hoa-reply';
  /** See IPV4_HOA_REPLY_STATUS_NAMES. */
  readonly status: number;
  readonly prefixLength: number;
  readonly address: string;
}

export interface Ipv4DefaultRouterOption {
  readonly type: 'ipv4-default-router';
  readonly address: string;
}

export interface Ipv4DhcpSupportModeOption {
  readonly type: 'ipv4-dhcp-support-mode';
  /** S flag: true = the MAG acts as DHCP server, false = as DHCP relay (RFC 5844 §3.3.4). */
  readonly dhcpServer: boolean;
}

const RFC_REQ = 'RFC 5844 §3.3.1';
const RFC_REP = 'RFC 5844 §3.3.2';
const RFC_DRA = 'RFC 5844 §3.3.3';
const RFC_DSM = 'RFC 5844 §3.3.4';

const prefixLenError = (at: number, v: number) =>
  new OptionError('prefixLength', at, `IPv4 Prefix-len ${v} exceeds 32`);

export const ipv4HoaRequestCodec: OptionCodec<Ipv4HoaRequestOption> = {
  code: 36,
  type: 'ipv4-hoa-request',
  name: 'IPv4 Home Address Request',
  rfc: RFC_REQ,
  align: [4, 0],
  write(o, buf, at) {
    buf[at] = checkUint(o.prefixLength, 32, 'IPv4 HoA Request prefix length') << 2;
    buf[at + 1] = 0;
    buf.set(ipv4Field(o.address, 'IPv4 HoA Request address'), at + 2);
    return 6;
  },
  read(buf, at, len) {
    if (len !== 6) return lengthError('IPv4 Home Address Request', at, len, '6');
    const prefixLength = buf[at] >>> 2;
    if (prefixLength > 32) return prefixLenError(at, prefixLength);
    return { type: 'ipv4-hoa-request', prefixLength, address: formatIPv4(buf, at + 2) };
  },
  summary: (o) => `${o.address}/${o.prefixLength}`,
  describe(buf, at) {
    return [
      field('Prefix-len', at, 1, `${buf[at] >>> 2}`, RFC_REQ, 'Requested IPv4 prefix length (6 bits).'),
      field('Reserved', at, 2, `${readU16(buf, at) & 0x3ff}`, RFC_REQ, 'Sent as zero, ignored on receipt.'),
      field(
        'IPv4 home address',
        at + 2,
        4,
        formatIPv4(buf, at + 2),
        RFC_REQ,
        '0.0.0.0 asks the LMA to allocate an address.',
      ),
    ];
  },
};

export const ipv4HoaReplyCodec: OptionCodec<Ipv4HoaReplyOption> = {
  code: 37,
  type: 'ipv4-hoa-reply',
  name: 'IPv4 Home Address Reply',
  rfc: RFC_REP,
  align: [4, 0],
  write(o, buf, at) {
    buf[at] = checkUint(o.status, 255, 'IPv4 HoA Reply status');
    buf[at + 1] = checkUint(o.prefixLength, 32, 'IPv4 HoA Reply prefix length') << 2;
    buf.set(ipv4Field(o.address, 'IPv4 HoA Reply address'), at + 2);
    return 6;
  },
  read(buf, at, len) {
    if (len !== 6) return lengthError('IPv4 Home Address Reply', at, len, '6');
    const prefixLength = buf[at + 1] >>> 2;
    if (prefixLength > 32) return prefixLenError(at + 1, prefixLength);
    return { type: 'ipv4-hoa-reply', status: buf[at], prefixLength, address: formatIPv4(buf, at + 2) };
  },
  summary: (o) => `${named(o.status, IPV4_HOA_REPLY_STATUS_NAMES)}, ${o.address}/${o.prefixLength}`,
  describe(buf, at) {
    return [
      field(
        'Status',
        at,
        1,
        named(buf[at], IPV4_HOA_REPLY_STATUS_NAMES),
        RFC_REP,
        'Result of the IPv4 home address request; ≥ 128 is a failure.',
      ),
      field(
        'Prefix-len',
        at + 1,
        1,
        `${buf[at + 1] >>> 2}`,
        RFC_REP,
        'Prefix length of the assigned IPv4 home address (6 bits).',
      ),
      field(
        'IPv4 home address',
        at + 2,
        4,
        formatIPv4(buf, at + 2),
        RFC_REP,
        'The IPv4 home address the LMA assigned.',
      ),
    ];
  },
};

export const ipv4DefaultRouterCodec: OptionCodec<Ipv4DefaultRouterOption> = {
  code: 38,
  type: 'ipv4-default-router',
  name: 'IPv4 Default-Router Address',
  rfc: RFC_DRA,
  align: [4, 0],
  write(o, buf, at) {
    buf[at] = 0;
    buf[at + 1] = 0;
    buf.set(ipv4Field(o.address, 'IPv4 default-router address'), at + 2);
    return 6;
  },
  read(buf, at, len) {
    if (len !== 6) return lengthError('IPv4 Default-Router Address', at, len, '6');
    return { type: 'ipv4-default-router', address: formatIPv4(buf, at + 2) };
  },
  summary: (o) => o.address,
  describe(buf, at) {
    return [
      field('Reserved', at, 2, `${readU16(buf, at)}`, RFC_DRA, 'Sent as zero, ignored on receipt.'),
      field(
        'IPv4 default-router address',
        at + 2,
        4,
        formatIPv4(buf, at + 2),
        RFC_DRA,
        "The MN's IPv4 default router on the access link.",
      ),
    ];
  },
};

export const ipv4DhcpSupportModeCodec: OptionCodec<Ipv4DhcpSupportModeOption> = {
  code: 39,
  type: 'ipv4-dhcp-support-mode',
  name: 'IPv4 DHCP Support Mode',
  rfc: RFC_DSM,
  align: null,
  write(o, buf, at) {
    buf[at] = 0;
    buf[at + 1] = o.dhcpServer ? 1 : 0;
    return 2;
  },
  read(buf, at, len) {
    if (len !== 2) return lengthError('IPv4 DHCP Support Mode', at, len, '2');
    return { type: 'ipv4-dhcp-support-mode', dhcpServer: (buf[at + 1] & 1) !== 0 };
  },
  summary: (o) => (o.dhcpServer ? 'MAG is DHCP server' : 'MAG is DHCP relay'),
  describe(buf, at) {
    return [
      field('Reserved', at, 2, `${readU16(buf, at) >>> 1}`, RFC_DSM, 'Sent as zero, ignored on receipt.'),
      field(
        'S (DHCP server)',
        at + 1,
        1,
        `${buf[at + 1] & 1}`,
        RFC_DSM,
        '1: the MAG acts as DHCP server; 0: as DHCP relay.',
      ),
    ];
  },
};
