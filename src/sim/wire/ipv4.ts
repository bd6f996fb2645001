/**
 * The IPv4 packet (RFC 791 §3.1), for RFC 5844 IPv4 home addresses and IPv4 transport.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Version|  IHL  |Type of Service|          Total Length         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Identification        |Flags|      Fragment Offset    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Time to Live |    Protocol   |         Header Checksum       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       Source Address                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Destination Address                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Options                    |    Padding    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Flags = reserved (0) ‖ DF ‖ MF. IHL counts 32-bit words of header (5–15). The Type of Service octet is
 * DSCP ‖ ECN today (RFC 2474, RFC 3168 §5). The Header Checksum (RFC 791 §3.1, RFC 1071) covers the header
 * only; emit computes it, parse reports `checksumValid`. Options are kept as raw octets, padded with zeros
 * (End of Option List) to a 4-octet boundary on emit.
 */
import { formatIPv4 } from './addr';
import { addressBytes } from './address-bytes';
import { internetChecksum } from './checksum';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const IPV4_MIN_HEADER_LEN = 20;
const LAYER = 'ipv4';

export interface IPv4Packet {
  /** Type of Service / DS field: DSCP ‖ ECN. */
  readonly tos: number;
  readonly identification: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  /** In 8-octet units, as on the wire. */
  readonly fragmentOffset: number;
  readonly ttl: number;
  readonly protocol: number;
  readonly src: string;
  readonly dst: string;
  readonly options: Uint8Array;
  /** After parsing: a view into the parsed buffer, not a copy. */
  readonly payload: Uint8Array;
}

export type ParsedIPv4 = IPv4Packet & { readonly checksum: number; readonly checksumValid: boolean };

/** Octets of the whole packet with its header checksum. Throws RangeError when it cannot be encoded. */
export function emitIPv4Packet(p: IPv4Packet): Uint8Array {
  const headerLen = IPV4_MIN_HEADER_LEN + ((p.options.length + 3) & ~3);
  const total = headerLen + p.payload.length;
  if (headerLen > 60)
    throw new RangeError(`IPv4 options of ${p.options.length} octets exceed the 40 allowed (RFC 791 §3.1)`);
  if (total > 0xffff) throw new RangeError(`IPv4 packet of ${total} octets exceeds 65535 (RFC 791 §3.1)`);
  const out = new Uint8Array(total);
  out[0] = 0x40 | (headerLen / 4);
  out[1] = uint(p.tos, 8, 'Type of Service');
  out[2] = total >> 8;
  out[3] = total & 0xff;
  out[4] = uint(p.identification, 16, 'Identification') >> 8;
  out[5] = p.identification & 0xff;
  const frag =
    (p.dontFragment ? 0x4000 : 0) |
    (p.moreFragments ? 0x2000 : 0) |
    uint(p.fragmentOffset, 13, 'Fragment Offset');
  out[6] = frag >> 8;
  out[7] = frag & 0xff;
  out[8] = uint(p.ttl, 8, 'Time to Live');
  out[9] = uint(p.protocol, 8, 'Protocol');
  out.set(addressBytes(p.src, 4), 12);
  out.set(addressBytes(p.dst, 4), 16);
  out.set(p.options, 20);
  const c = internetChecksum(out, 0, headerLen);
  out[10] = c >> 8;
  out[11] = c & 0xff;
  out.set(p.payload, headerLen);
  return out;
}

/** Parses the packet at `offset`; octets beyond Total Length are ignored. Never throws. */
export function parseIPv4Packet(bytes: Uint8Array, offset = 0): Parsed<ParsedIPv4> {
  const avail = bytes.length - offset;
  if (offset < 0 || avail < IPV4_MIN_HEADER_LEN)
    return fail(
      LAYER,
      'header',
      offset,
      `needs at least 20 octets, has ${Math.max(0, avail)} (RFC 791 §3.1)`,
    );
  const version = bytes[offset] >> 4;
  if (version !== 4) return fail(LAYER, 'Version', offset, `Version is ${version}, not 4 (RFC 791 §3.1)`);
  const headerLen = (bytes[offset] & 0x0f) * 4;
  if (headerLen < IPV4_MIN_HEADER_LEN)
    return fail(LAYER, 'IHL', offset, `IHL is ${headerLen / 4}, at least 5 (RFC 791 §3.1)`);
  const total = (bytes[offset + 2] << 8) | bytes[offset + 3];
  if (total < headerLen)
    return fail(
      LAYER,
      'Total Length',
      offset + 2,
      `Total Length ${total} is shorter than the ${headerLen}-octet header (RFC 791 §3.1)`,
    );
  if (total > avail)
    return fail(
      LAYER,
      'Total Length',
      offset + 2,
      `Total Length ${total} but only ${avail} octets are present (RFC 791 §3.1)`,
    );
  const frag = (bytes[offset + 6] << 8) | bytes[offset + 7];
  return ok({
    tos: bytes[offset + 1],
    identification: (bytes[offset + 4] << 8) | bytes[offset + 5],
    dontFragment: (frag & 0x4000) !== 0,
    moreFragments: (frag & 0x2000) !== 0,
    fragmentOffset: frag & 0x1fff,
    ttl: bytes[offset + 8],
    protocol: bytes[offset + 9],
    src: formatIPv4(bytes, offset + 12),
    dst: formatIPv4(bytes, offset + 16),
    options: bytes.slice(offset + 20, offset + headerLen),
    payload: bytes.subarray(offset + headerLen, offset + total),
    checksum: (bytes[offset + 10] << 8) | bytes[offset + 11],
    checksumValid: internetChecksum(bytes, offset, offset + headerLen) === 0,
  });
}
