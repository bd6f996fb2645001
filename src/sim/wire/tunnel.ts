/**
 * The PMIPv6 bidirectional tunnel: RFC 2473 IPv6 encapsulation of an IPv6 (NH 41) or IPv4 (NH 4) packet,
 * with the ECN handling of RFC 5213 §5.6.3 (the full-functionality option of RFC 3168 §9.1.1).
 *
 *    +----------------------------------+--------------------------------------+
 *    | Tunnel IPv6 header               | Original packet                      |
 *    | src = entry point (LMAA or       | IPv6 (or IPv4) header ‖ payload,     |
 *    |       Proxy-CoA), NH = 41 or 4   | unchanged but for ECN on decap       |
 *    +----------------------------------+--------------------------------------+
 *
 * With an encapsulation limit, a Destination Options header carrying the Tunnel Encapsulation Limit option
 * sits between the two (RFC 2473 §4.1.1, §5.1):
 *    |  Next Header  | Hdr Ext Len=0 | Opt Type = 4  |Opt Data Len=1 |
 *    | Tun Encap Lim |PadN Opt Type=1|Opt Data Len=1 |       0       |
 *
 * ECN (RFC 5213 §5.6.3): on encapsulation the outer ECN copies the inner one, except that an inner CE
 * becomes ECT(0) outside (RFC 3168 §9.1.1); on decapsulation an ECT inner packet whose outer header says
 * CE becomes CE; any other inner ECN is left alone.
 */
import type { AddressInput } from './address-bytes';
import { internetChecksum } from './checksum';
import type { ExtHeader } from './ext-headers';
import { extHeaderLength, extHeaderSize, isExtHeader, writeExtHeader } from './ext-headers';
import { IPPROTO } from './ip-protocols';
import { IPV6_HEADER_LEN, ipv6Ecn, ipv6UpperLayer, writeIPv6Fixed } from './ipv6';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const ECN_NOT_ECT = 0;
export const ECN_ECT1 = 1;
export const ECN_ECT0 = 2;
export const ECN_CE = 3;

/** Outer Hop Limit unless configured (RFC 2473 §6.3 makes it a tunnel setting; 64 as Linux ip6_tunnel). */
export const DEFAULT_TUNNEL_HOP_LIMIT = 64;
/** A usual Tunnel Encapsulation Limit (RFC 2473 §6.6 setting; 4 as Linux ip6_tunnel). Not applied by default. */
export const DEFAULT_ENCAPSULATION_LIMIT = 4;

const isEct = (ecn: number): boolean => ecn === ECN_ECT0 || ecn === ECN_ECT1;

/** Outer ECN for an inner ECN on encapsulation (RFC 3168 §9.1.1, full functionality). */
export const encapsulationEcn = (inner: number): number => (inner === ECN_CE ? ECN_ECT0 : inner);

/** Inner ECN after decapsulation (RFC 5213 §5.6.3). */
export const decapsulationEcn = (inner: number, outer: number): number =>
  isEct(inner) && outer === ECN_CE ? ECN_CE : inner;

export interface EncapsulationOptions {
  /** Tunnel entry point (outer source). */
  readonly src: AddressInput;
  /** Tunnel exit point (outer destination). */
  readonly dst: AddressInput;
  /** Outer Hop Limit; default 64. */
  readonly hopLimit?: number;
  /** Add an RFC 2473 Tunnel Encapsulation Limit option with this value; default none. */
  readonly encapsulationLimit?: number;
  /** Outer DSCP (6 bits); default 0. ECN is always derived from the inner packet. */
  readonly dscp?: number;
  /** Outer flow label; default 0. */
  readonly flowLabel?: number;
}

const LAYER = 'tunnel';

const innerVersion = (inner: Uint8Array): number => (inner.length > 0 ? inner[0] >> 4 : 0);
const ipv4Ecn = (b: Uint8Array): number => b[1] & 3;

/**
 * The Tunnel Encapsulation Limit carried by `packet` if it is itself a tunnel packet: the option in a
 * Destination Options header before its NH 41/4 (RFC 2473 §4.1.1). `offset` points at the limit octet.
 */
export function tunnelEncapsulationLimit(packet: Uint8Array): { limit: number; offset: number } | null {
  if (packet.length < IPV6_HEADER_LEN || packet[0] >> 4 !== 6) return null;
  const end = Math.min(packet.length, IPV6_HEADER_LEN + ((packet[4] << 8) | packet[5]));
  let nh = packet[6];
  let off = IPV6_HEADER_LEN;
  let found: { limit: number; offset: number } | null = null;
  while (isExtHeader(nh) && off + 2 <= end) {
    const size = extHeaderLength(packet, off, nh);
    if (off + size > end) return null;
    if (nh === IPPROTO.DSTOPTS) found = findLimitOption(packet, off + 2, off + size) ?? found;
    nh = packet[off];
    off += size;
  }
  return nh === IPPROTO.IPV6 || nh === IPPROTO.IPV4 ? found : null;
}

function findLimitOption(b: Uint8Array, off: number, end: number): { limit: number; offset: number } | null {
  while (off < end) {
    if (b[off] === 0) {
      off++;
      continue;
    }
    if (off + 2 > end) return null;
    if (b[off] === 4 && b[off + 1] === 1 && off + 3 <= end) return { limit: b[off + 2], offset: off + 2 };
    off += 2 + b[off + 1];
  }
  return null;
}

/**
 * Wraps `inner` (a whole IPv6 or IPv4 packet) in a tunnel IPv6 header. Fails when the inner packet is
 * itself a tunnel packet whose encapsulation limit is 0: RFC 2473 §4.1.1 then wants it discarded and an
 * ICMPv6 Parameter Problem (code 0) sent, whose Pointer is the error's `offset`.
 */
export function encapsulateInIPv6(inner: Uint8Array, opts: EncapsulationOptions): Parsed<Uint8Array> {
  const version = innerVersion(inner);
  if (version !== 6 && version !== 4)
    return fail(
      LAYER,
      'inner Version',
      0,
      `inner packet has version ${version}; only IPv6 and IPv4 are tunnelled (RFC 2473 §3.1)`,
    );
  let limit = opts.encapsulationLimit;
  if (version === 6) {
    const innerLimit = tunnelEncapsulationLimit(inner);
    if (innerLimit && innerLimit.limit === 0)
      return fail(
        LAYER,
        'Tunnel Encapsulation Limit',
        innerLimit.offset,
        'encapsulation limit reached: discard and send Parameter Problem (RFC 2473 §4.1.1)',
      );
    if (innerLimit) limit = Math.min(limit ?? 255, innerLimit.limit - 1);
  }
  const ext: ExtHeader | null =
    limit === undefined
      ? null
      : { kind: 'destination-options', options: [{ kind: 'tunnel-encap-limit', limit }] };
  const extSize = ext ? extHeaderSize(ext) : 0;
  const payloadLength = extSize + inner.length;
  if (payloadLength > 0xffff)
    return fail(
      LAYER,
      'Payload Length',
      0,
      `tunnel payload of ${payloadLength} octets exceeds 65535 (RFC 2473 §7)`,
    );
  const out = new Uint8Array(IPV6_HEADER_LEN + payloadLength);
  const innerProto = version === 6 ? IPPROTO.IPV6 : IPPROTO.IPV4;
  const ecn = encapsulationEcn(version === 6 ? ipv6Ecn(inner) : ipv4Ecn(inner));
  writeIPv6Fixed(out, 0, {
    trafficClass: (uint(opts.dscp ?? 0, 6, 'DSCP') << 2) | ecn,
    flowLabel: opts.flowLabel ?? 0,
    payloadLength,
    nextHeader: ext ? IPPROTO.DSTOPTS : innerProto,
    hopLimit: opts.hopLimit ?? DEFAULT_TUNNEL_HOP_LIMIT,
    src: opts.src,
    dst: opts.dst,
  });
  if (ext) writeExtHeader(out, IPV6_HEADER_LEN, ext, innerProto);
  out.set(inner, IPV6_HEADER_LEN + extSize);
  return ok(out);
}

export interface Decapsulated {
  /** 41 (IPv6) or 4 (IPv4). */
  readonly innerProtocol: number;
  /** The inner packet, ECN updated; a view into the tunnel packet unless ECN had to change. */
  readonly inner: Uint8Array;
  /** Offset of the inner packet in the tunnel packet. */
  readonly innerOffset: number;
  /** The outer Tunnel Encapsulation Limit, if the tunnel header carried one. */
  readonly encapsulationLimit: number | null;
}

/** Strips the tunnel header(s) of an IPv6-in-IPv6 or IPv4-in-IPv6 packet (RFC 2473 §3.3). Never throws. */
export function decapsulateFromIPv6(packet: Uint8Array): Parsed<Decapsulated> {
  const up = ipv6UpperLayer(packet);
  if (!up) return fail(LAYER, 'header', 0, 'not a whole IPv6 packet (RFC 8200 §3)');
  if (up.nextHeader !== IPPROTO.IPV6 && up.nextHeader !== IPPROTO.IPV4) {
    return fail(
      LAYER,
      'Next Header',
      6,
      `upper layer is ${up.nextHeader}, not an encapsulated packet (41 or 4) (RFC 2473 §3.3)`,
    );
  }
  const v6 = up.nextHeader === IPPROTO.IPV6;
  const min = v6 ? IPV6_HEADER_LEN : 20;
  if (up.length < min || packet[up.offset] >> 4 !== (v6 ? 6 : 4)) {
    return fail(
      LAYER,
      'inner header',
      up.offset,
      `the encapsulated packet is not a valid IPv${v6 ? 6 : 4} header (RFC 2473 §3.3)`,
    );
  }
  const limit = tunnelLimitOfOuter(packet, up.offset);
  const inner = packet.subarray(up.offset, up.offset + up.length);
  const outerEcn = ipv6Ecn(packet);
  const innerEcn = v6 ? ipv6Ecn(inner) : ipv4Ecn(inner);
  const ecn = decapsulationEcn(innerEcn, outerEcn);
  const result = ecn === innerEcn ? inner : withEcn(inner, ecn, v6);
  return ok({
    innerProtocol: up.nextHeader,
    inner: result,
    innerOffset: up.offset,
    encapsulationLimit: limit,
  });
}

/** The limit option of the tunnel header itself: in a Destination Options header before `innerOffset`. */
function tunnelLimitOfOuter(packet: Uint8Array, innerOffset: number): number | null {
  let nh = packet[6];
  let off = IPV6_HEADER_LEN;
  let limit: number | null = null;
  while (off < innerOffset && isExtHeader(nh)) {
    const size = extHeaderLength(packet, off, nh);
    if (nh === IPPROTO.DSTOPTS) limit = findLimitOption(packet, off + 2, off + size)?.limit ?? limit;
    nh = packet[off];
    off += size;
  }
  return limit;
}

function withEcn(inner: Uint8Array, ecn: number, v6: boolean): Uint8Array {
  const out = inner.slice();
  if (v6) {
    out[1] = (out[1] & 0xcf) | (ecn << 4);
    return out;
  }
  out[1] = (out[1] & 0xfc) | ecn;
  const ihl = (out[0] & 0x0f) * 4;
  out[10] = 0;
  out[11] = 0;
  const c = internetChecksum(out, 0, Math.min(ihl, out.length));
  out[10] = c >> 8;
  out[11] = c & 0xff;
  return out;
}
