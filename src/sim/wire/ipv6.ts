/**
 * The IPv6 packet: fixed header (RFC 8200 §3), extension-header chain (./ext-headers) and payload.
 *
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |Version| Traffic Class |           Flow Label                  |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |         Payload Length        |  Next Header  |   Hop Limit   |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |                                                               |
 *    +                                                               +
 *    |                         Source Address                        |
 *    +                                                               +
 *    |                                                               |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |                                                               |
 *    +                                                               +
 *    |                      Destination Address                      |
 *    +                                                               +
 *    |                                                               |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Traffic Class = DSCP (6 bits, RFC 2474) ‖ ECN (2 bits, RFC 3168 §5). Payload Length counts every
 * octet after the fixed header, extension headers included; emit computes it. Jumbograms (RFC 2675)
 * are not supported.
 *
 * The forwarding fast path (`readIPv6Fixed`, `ipv6UpperLayer`, `setHopLimit`, `withIPv6Ecn`) reads and
 * patches bytes directly, without building a representation: a simulator calls it for every packet on
 * every hop. Packets are treated as immutable; patchers return a patched copy.
 */
import { formatIPv6 } from './addr';
import type { AddressInput } from './address-bytes';
import { addressBytes } from './address-bytes';
import type { ExtHeader } from './ext-headers';
import {
  extHeaderProtocol,
  extHeaderSize,
  locateUpperLayer,
  parseExtHeaderChain,
  writeExtHeader,
} from './ext-headers';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const IPV6_HEADER_LEN = 40;
const LAYER = 'ipv6';

export interface IPv6Packet {
  /** DSCP ‖ ECN, 0–255. */
  readonly trafficClass: number;
  /** 20 bits (RFC 6437). */
  readonly flowLabel: number;
  readonly hopLimit: number;
  readonly src: string;
  readonly dst: string;
  readonly extHeaders: readonly ExtHeader[];
  /** The upper-layer protocol after the extension-header chain (58 ICMPv6, 41 IPv6, 135 MH, ...). */
  readonly nextHeader: number;
  /** After parsing: a view into the parsed buffer, not a copy. */
  readonly payload: Uint8Array;
}

/** The fixed-header fields the emitters need, addresses as text or octets. */
export interface IPv6FixedFields {
  readonly trafficClass: number;
  readonly flowLabel: number;
  readonly payloadLength: number;
  readonly nextHeader: number;
  readonly hopLimit: number;
  readonly src: AddressInput;
  readonly dst: AddressInput;
}

/** Writes the 40-octet fixed header at `off`. */
export function writeIPv6Fixed(out: Uint8Array, off: number, f: IPv6FixedFields): void {
  const tc = uint(f.trafficClass, 8, 'Traffic Class');
  const fl = uint(f.flowLabel, 20, 'Flow Label');
  out[off] = 0x60 | (tc >> 4);
  out[off + 1] = ((tc & 0x0f) << 4) | (fl >> 16);
  out[off + 2] = (fl >> 8) & 0xff;
  out[off + 3] = fl & 0xff;
  out[off + 4] = (f.payloadLength >> 8) & 0xff;
  out[off + 5] = f.payloadLength & 0xff;
  out[off + 6] = uint(f.nextHeader, 8, 'Next Header');
  out[off + 7] = uint(f.hopLimit, 8, 'Hop Limit');
  out.set(addressBytes(f.src, 6), off + 8);
  out.set(addressBytes(f.dst, 6), off + 24);
}

/** Octets of the whole packet. Throws RangeError when the payload does not fit Payload Length. */
export function emitIPv6Packet(p: IPv6Packet): Uint8Array {
  let extSize = 0;
  for (const h of p.extHeaders) extSize += extHeaderSize(h);
  const payloadLength = extSize + p.payload.length;
  if (payloadLength > 0xffff)
    throw new RangeError(
      `IPv6 payload of ${payloadLength} octets exceeds 65535 (jumbograms are not supported)`,
    );
  const out = new Uint8Array(IPV6_HEADER_LEN + payloadLength);
  const first = p.extHeaders.length > 0 ? extHeaderProtocol(p.extHeaders[0]) : p.nextHeader;
  writeIPv6Fixed(out, 0, {
    trafficClass: p.trafficClass,
    flowLabel: p.flowLabel,
    payloadLength,
    nextHeader: first,
    hopLimit: p.hopLimit,
    src: p.src,
    dst: p.dst,
  });
  let off = IPV6_HEADER_LEN;
  for (let i = 0; i < p.extHeaders.length; i++) {
    const next = i + 1 < p.extHeaders.length ? extHeaderProtocol(p.extHeaders[i + 1]) : p.nextHeader;
    off = writeExtHeader(out, off, p.extHeaders[i], next);
  }
  out.set(p.payload, off);
  return out;
}

/** Checks the fixed header at `offset` and returns the end of the packet (octets beyond it are ignored). */
function checkFixed(bytes: Uint8Array, offset: number): Parsed<number> {
  if (offset < 0 || bytes.length - offset < IPV6_HEADER_LEN) {
    return fail(
      LAYER,
      'header',
      offset,
      `needs 40 octets, has ${Math.max(0, bytes.length - offset)} (RFC 8200 §3)`,
    );
  }
  const version = bytes[offset] >> 4;
  if (version !== 6) return fail(LAYER, 'Version', offset, `Version is ${version}, not 6 (RFC 8200 §3)`);
  const payloadLength = (bytes[offset + 4] << 8) | bytes[offset + 5];
  const end = offset + IPV6_HEADER_LEN + payloadLength;
  if (end > bytes.length) {
    return fail(
      LAYER,
      'Payload Length',
      offset + 4,
      `Payload Length ${payloadLength} but ${bytes.length - offset - IPV6_HEADER_LEN} octets follow the header (RFC 8200 §3)`,
    );
  }
  return ok(end);
}

/** Parses the packet at `offset`; `payload` is a view into `bytes`. Never throws. */
export function parseIPv6Packet(bytes: Uint8Array, offset = 0): Parsed<IPv6Packet> {
  const checked = checkFixed(bytes, offset);
  if (!checked.ok) return checked;
  const end = checked.value;
  const chain = parseExtHeaderChain(bytes, offset + IPV6_HEADER_LEN, end, bytes[offset + 6]);
  if (!chain.ok) return chain;
  return ok({
    trafficClass: ((bytes[offset] & 0x0f) << 4) | (bytes[offset + 1] >> 4),
    flowLabel: ((bytes[offset + 1] & 0x0f) << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3],
    hopLimit: bytes[offset + 7],
    src: formatIPv6(bytes, offset + 8),
    dst: formatIPv6(bytes, offset + 24),
    extHeaders: chain.value.headers,
    nextHeader: chain.value.nextHeader,
    payload: bytes.subarray(chain.value.payloadOffset, end),
  });
}

export interface IPv6Fixed {
  readonly trafficClass: number;
  /** The fixed header's Next Header (the first extension header, if any). */
  readonly nextHeader: number;
  readonly hopLimit: number;
  readonly src: string;
  readonly dst: string;
  readonly payloadLength: number;
}

/**
 * Where the IPv6 packet at `offset` ends (header + Payload Length), or -1 unless the bytes hold a whole
 * IPv6 packet (40 octets at least, Version 6, the payload all there): `checkFixed` without a result object,
 * for the per-hop paths.
 */
export function ipv6PacketEnd(bytes: Uint8Array, offset = 0): number {
  if (offset < 0 || bytes.length - offset < IPV6_HEADER_LEN || bytes[offset] >> 4 !== 6) return -1;
  const end = offset + IPV6_HEADER_LEN + ((bytes[offset + 4] << 8) | bytes[offset + 5]);
  return end > bytes.length ? -1 : end;
}

/** The fixed header only, for per-hop forwarding; null unless bytes hold a whole IPv6 packet. */
export function readIPv6Fixed(bytes: Uint8Array, offset = 0): IPv6Fixed | null {
  if (ipv6PacketEnd(bytes, offset) < 0) return null;
  return {
    trafficClass: ((bytes[offset] & 0x0f) << 4) | (bytes[offset + 1] >> 4),
    nextHeader: bytes[offset + 6],
    hopLimit: bytes[offset + 7],
    src: formatIPv6(bytes, offset + 8),
    dst: formatIPv6(bytes, offset + 24),
    payloadLength: (bytes[offset + 4] << 8) | bytes[offset + 5],
  };
}

/** Where the upper-layer data starts after the extension headers; null when the packet is cut short. */
export function ipv6UpperLayer(
  bytes: Uint8Array,
  offset = 0,
): { nextHeader: number; offset: number; length: number; fragment: boolean } | null {
  const end = ipv6PacketEnd(bytes, offset);
  if (end < 0) return null;
  const up = locateUpperLayer(bytes, offset + IPV6_HEADER_LEN, end, bytes[offset + 6]);
  return up
    ? { nextHeader: up.nextHeader, offset: up.offset, length: end - up.offset, fragment: up.fragment }
    : null;
}

/** A copy of the packet with Hop Limit `v` (RFC 8200 §3: each forwarding node decrements it by 1). */
export function setHopLimit(bytes: Uint8Array, v: number, offset = 0): Uint8Array {
  const out = bytes.slice();
  out[offset + 7] = v;
  return out;
}

/** The ECN codepoint, the low two bits of the Traffic Class (RFC 3168 §5). */
export const ipv6Ecn = (bytes: Uint8Array, offset = 0): number => (bytes[offset + 1] >> 4) & 3;

/** A copy of the packet with ECN codepoint `ecn` (0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE). */
export function withIPv6Ecn(bytes: Uint8Array, ecn: number, offset = 0): Uint8Array {
  const out = bytes.slice();
  out[offset + 1] = (out[offset + 1] & 0xcf) | ((ecn & 3) << 4);
  return out;
}
