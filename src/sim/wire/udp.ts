/**
 * UDP (RFC 768).
 *
 *     0      7 8     15 16    23 24    31
 *    +--------+--------+--------+--------+
 *    |     Source      |   Destination   |
 *    |      Port       |      Port       |
 *    +--------+--------+--------+--------+
 *    |                 |                 |
 *    |     Length      |    Checksum     |
 *    +--------+--------+--------+--------+
 *    |          data octets ...
 *
 * Length counts header and data. The checksum covers a pseudo-header: IPv6 (RFC 8200 §8.1, where it is
 * mandatory and a received zero is invalid) or IPv4 (RFC 768, where zero means "not computed"). A computed
 * checksum of zero is sent as 0xffff (RFC 768). Emit always computes it; parse reports `checksumValid`.
 */
import type { AddressInput } from './address-bytes';
import { addressBytes, tryAddressBytes } from './address-bytes';
import { ipv4PseudoChecksum, ipv6PseudoChecksum } from './checksum';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const UDP_HEADER_LEN = 8;

/** RFC 5844 §4: PMIPv6 signalling over IPv4 transport (MH in UDP) and IPv4-UDP data encapsulation. */
export const UDP_PORT_PMIP_CONTROL = 5436;
export const UDP_PORT_PMIP_DATA = 5437;

export interface UdpDatagram {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly payload: Uint8Array;
}

export type ParsedUdp = UdpDatagram & { readonly checksum: number; readonly checksumValid: boolean };

const LAYER = 'udp';

function pseudoChecksum(s: Uint8Array, d: Uint8Array, bytes: Uint8Array, start: number, end: number): number {
  return s.length === 16
    ? ipv6PseudoChecksum(s, d, 17, bytes, start, end)
    : ipv4PseudoChecksum(s, d, 17, bytes, start, end);
}

/** The datagram with its checksum; src/dst are IPv6 or IPv4 addresses (the family picks the pseudo-header). */
export function emitUdp(d: UdpDatagram, src: AddressInput, dst: AddressInput): Uint8Array {
  const len = UDP_HEADER_LEN + d.payload.length;
  if (len > 0xffff) throw new RangeError(`UDP datagram of ${len} octets exceeds 65535 (RFC 768)`);
  const out = new Uint8Array(len);
  out[0] = uint(d.srcPort, 16, 'Source Port') >> 8;
  out[1] = d.srcPort & 0xff;
  out[2] = uint(d.dstPort, 16, 'Destination Port') >> 8;
  out[3] = d.dstPort & 0xff;
  out[4] = len >> 8;
  out[5] = len & 0xff;
  out.set(d.payload, UDP_HEADER_LEN);
  const s = addressBytes(src);
  const c = pseudoChecksum(s, addressBytes(dst, s.length === 16 ? 6 : 4), out, 0, len) || 0xffff;
  out[6] = c >> 8;
  out[7] = c & 0xff;
  return out;
}

/** Parses bytes[offset, offset + length); the UDP Length field bounds the payload. Never throws. */
export function parseUdp(
  bytes: Uint8Array,
  offset: number,
  length: number,
  src: AddressInput,
  dst: AddressInput,
): Parsed<ParsedUdp> {
  const avail = Math.min(length, bytes.length - offset);
  if (offset < 0 || avail < UDP_HEADER_LEN)
    return fail(LAYER, 'header', offset, `needs 8 octets, has ${Math.max(0, avail)} (RFC 768)`);
  const udpLength = (bytes[offset + 4] << 8) | bytes[offset + 5];
  if (udpLength < UDP_HEADER_LEN)
    return fail(
      LAYER,
      'Length',
      offset + 4,
      `Length ${udpLength} is shorter than the 8-octet header (RFC 768)`,
    );
  if (udpLength > avail)
    return fail(
      LAYER,
      'Length',
      offset + 4,
      `Length ${udpLength} but only ${avail} octets are present (RFC 768)`,
    );
  const s = tryAddressBytes(src);
  const d = tryAddressBytes(dst);
  if (!s || !d || s.length !== d.length)
    return fail(
      LAYER,
      'pseudo-header',
      offset,
      'source and destination must both be IPv6 or both IPv4 addresses',
    );
  const checksum = (bytes[offset + 6] << 8) | bytes[offset + 7];
  const checksumValid =
    checksum === 0 ? s.length === 4 : pseudoChecksum(s, d, bytes, offset, offset + udpLength) === 0;
  return ok({
    srcPort: (bytes[offset] << 8) | bytes[offset + 1],
    dstPort: (bytes[offset + 2] << 8) | bytes[offset + 3],
    payload: bytes.subarray(offset + UDP_HEADER_LEN, offset + udpLength),
    checksum,
    checksumValid,
  });
}
