/**
 * The whole-packet decoder behind the packet inspector: bytes in, layers (outer → inner), a field tree
 * with byte ranges and RFC sections, and the packet's label and class. It follows IPv6 extension headers,
 * IPv6-in-IPv6 (NH 41) and IPv4-in-IPv6 (NH 4) tunnels (RFC 2473), GRE (RFC 2784/2890), UDP (including
 * the RFC 5844 PMIPv6 ports: 5436 carries a Mobility Header, 5437 an IP packet), ICMPv6 with Neighbor
 * Discovery, and the Mobility Header (./mh).
 *
 * It never throws. The first parse error stops decoding: what was read stays in `layers` and `fields`,
 * the rest becomes a `payload` layer, and `error` says where and why.
 *
 * `fields` lists one node per layer, outer to inner (like Wireshark's tree): the outer IPv6 header, its
 * extension headers, the inner IPv6 header, the Mobility Header, ... each with its fields as children.
 */
import type { PacketClass } from './labels';
import { addressBytes } from './address-bytes';
import { ipv6PseudoChecksum } from './checksum';
import { extHeaderProtocol, extHeaderSize } from './ext-headers';
import type { FieldNode } from './fields';
import { field } from './fields';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6, parseGre } from './gre';
import { parseIcmpv6 } from './icmpv6';
import { icmpv6Node } from './inspect-icmpv6';
import { extHeaderNode, extHeaderSummary, ipv6HeaderNode } from './inspect-ipv6';
import { greNode, ipv4Node, udpNode } from './inspect-transport';
import { parseIPv4Packet } from './ipv4';
import { IPV6_HEADER_LEN, parseIPv6Packet } from './ipv6';
import type { Labelled } from './labels';
import {
  fragmentLabelled,
  icmpv6Labelled,
  malformed,
  MAX_TUNNEL_DEPTH,
  mobilityLabelled,
  otherLabelled,
  tunnelled,
  udpLabelled,
} from './labels';
import { mobilityFields, mobilityLabel, parseMobility } from './mh';
import type { ParseError } from './result';
import { formatParseError } from './result';
import { parseUdp, UDP_PORT_PMIP_CONTROL, UDP_PORT_PMIP_DATA } from './udp';

export { packetSummary } from './summary';
export type { PacketSummary } from './summary';

export type LayerKind = 'ipv6' | 'ipv6-ext' | 'ipv4' | 'gre' | 'udp' | 'icmpv6' | 'mobility' | 'payload';

export interface DecodedLayer {
  readonly kind: LayerKind;
  readonly start: number;
  readonly length: number;
  readonly summary: string;
}

export interface DecodedPacket {
  readonly layers: readonly DecodedLayer[];
  readonly fields: readonly FieldNode[];
  readonly label: string;
  readonly cls: PacketClass;
  readonly tunnelled: boolean;
  readonly error?: ParseError;
}

/** Decodes a whole IP packet (IPv6, or IPv4 by its version nibble). Never throws. */
export function decodePacket(bytes: Uint8Array): DecodedPacket {
  const d = new Decoder(bytes);
  const result = d.ip(0, bytes.length, 0);
  return {
    layers: d.layers,
    fields: d.fields,
    label: result.label,
    cls: result.cls,
    tunnelled: d.tunnelled,
    ...(d.error ? { error: d.error } : {}),
  };
}

class Decoder {
  readonly layers: DecodedLayer[] = [];
  readonly fields: FieldNode[] = [];
  tunnelled = false;
  error: ParseError | undefined;

  constructor(private readonly bytes: Uint8Array) {}

  /** The buffer cut at `end`, offsets unchanged: inner parsers cannot read past their enclosing packet. */
  private upTo(end: number): Uint8Array {
    return end < this.bytes.length ? this.bytes.subarray(0, end) : this.bytes;
  }

  private add(kind: LayerKind, start: number, length: number, node: FieldNode): void {
    this.layers.push({ kind, start, length, summary: node.value });
    this.fields.push(node);
  }

  private failed(e: ParseError, start: number, end: number): Labelled {
    this.error = e;
    this.payload(start, end, `malformed: ${formatParseError(e)}`, '');
    return malformed(e.layer);
  }

  /** Octets not decoded further; `rfc` names what defines them (empty for a malformed remainder). */
  private payload(start: number, end: number, summary: string, rfc: string): void {
    if (end <= start) return;
    this.add('payload', start, end - start, field('Payload', start, end - start, summary, rfc));
  }

  ip(off: number, end: number, depth: number): Labelled {
    const version = off < end ? this.bytes[off] >> 4 : 0;
    return version === 4 ? this.ipv4(off, end, depth) : this.ipv6(off, end, depth);
  }

  private ipv6(off: number, end: number, depth: number): Labelled {
    const parsed = parseIPv6Packet(this.upTo(end), off);
    if (!parsed.ok) return this.failed(parsed.error, off, end);
    const p = parsed.value;
    const first = p.extHeaders.length > 0 ? extHeaderProtocol(p.extHeaders[0]) : p.nextHeader;
    const payloadLength = (this.bytes[off + 4] << 8) | this.bytes[off + 5];
    this.add('ipv6', off, IPV6_HEADER_LEN, ipv6HeaderNode(off, p, payloadLength, first));
    let at = off + IPV6_HEADER_LEN;
    for (let i = 0; i < p.extHeaders.length; i++) {
      const h = p.extHeaders[i];
      const next = i + 1 < p.extHeaders.length ? extHeaderProtocol(p.extHeaders[i + 1]) : p.nextHeader;
      const size = extHeaderSize(h);
      this.layers.push({ kind: 'ipv6-ext', start: at, length: size, summary: extHeaderSummary(h) });
      this.fields.push(extHeaderNode(at, h, next));
      at += size;
    }
    const packetEnd = off + IPV6_HEADER_LEN + payloadLength;
    const last = p.extHeaders[p.extHeaders.length - 1];
    if (last && last.kind === 'fragment' && (last.fragmentOffset !== 0 || last.more)) {
      this.payload(at, packetEnd, `fragment of a ${p.nextHeader} payload`, 'RFC 8200 §4.5');
      return fragmentLabelled(6);
    }
    return this.upper(p.nextHeader, at, packetEnd, p.src, p.dst, 6, depth);
  }

  private ipv4(off: number, end: number, depth: number): Labelled {
    const parsed = parseIPv4Packet(this.upTo(end), off);
    if (!parsed.ok) return this.failed(parsed.error, off, end);
    const p = parsed.value;
    const hl = 20 + p.options.length;
    this.add('ipv4', off, hl, ipv4Node(off, p));
    const packetEnd = off + hl + p.payload.length;
    if (p.fragmentOffset !== 0 || p.moreFragments) {
      this.payload(off + hl, packetEnd, `fragment of a protocol ${p.protocol} payload`, 'RFC 791 §3.2');
      return fragmentLabelled(4);
    }
    return this.upper(p.protocol, off + hl, packetEnd, p.src, p.dst, 4, depth);
  }

  private upper(
    nh: number,
    off: number,
    end: number,
    src: string,
    dst: string,
    version: 4 | 6,
    depth: number,
  ): Labelled {
    switch (nh) {
      case 41:
      case 4:
        return this.tunnel(nh === 41 ? 6 : 4, off, end, depth, version, nh);
      case 58:
        if (version === 6) return this.icmpv6(off, end, src, dst);
        break;
      case 17:
        return this.udp(off, end, src, dst, depth);
      case 47:
        return this.gre(off, end, depth, version, nh);
      case 135:
        if (version === 6) return this.mobility(off, end, src, dst);
        break;
    }
    this.payload(off, end, `${end - off} octets`, version === 6 ? 'RFC 8200 §3' : 'RFC 791 §3.1');
    return otherLabelled(version, nh);
  }

  private tunnel(
    innerVersion: 4 | 6,
    off: number,
    end: number,
    depth: number,
    version: 4 | 6,
    nh: number,
  ): Labelled {
    this.tunnelled = true;
    if (depth >= MAX_TUNNEL_DEPTH) {
      this.payload(
        off,
        end,
        `IPv${innerVersion} packet nested deeper than ${MAX_TUNNEL_DEPTH} tunnels, not decoded`,
        'RFC 2473 §4',
      );
      return tunnelled(otherLabelled(version, nh));
    }
    const inner = innerVersion === 6 ? this.ipv6(off, end, depth + 1) : this.ipv4(off, end, depth + 1);
    return tunnelled(inner);
  }

  private icmpv6(off: number, end: number, src: string, dst: string): Labelled {
    const parsed = parseIcmpv6(this.bytes, off, end - off, src, dst);
    if (!parsed.ok) return this.failed(parsed.error, off, end);
    const m = parsed.value;
    const expected = m.checksumValid ? m.checksum : expectedChecksum(this.bytes, off, end, src, dst);
    this.add('icmpv6', off, end - off, icmpv6Node(off, end - off, m, expected));
    return icmpv6Labelled(
      this.bytes[off],
      m.type === 'echo-request' || m.type === 'echo-reply' ? m.sequence : 0,
    );
  }

  private udp(off: number, end: number, src: string, dst: string, depth: number): Labelled {
    const parsed = parseUdp(this.bytes, off, end - off, src, dst);
    if (!parsed.ok) return this.failed(parsed.error, off, end);
    const u = parsed.value;
    this.add('udp', off, 8 + u.payload.length, udpNode(off, u));
    const dataStart = off + 8;
    const dataEnd = dataStart + u.payload.length;
    const ports = (p: number): boolean => u.srcPort === p || u.dstPort === p;
    // RFC 5844 §4: over IPv4 transport, signalling is MH-in-UDP (5436) and data may be IP-in-UDP (5437).
    if (ports(UDP_PORT_PMIP_CONTROL) && u.payload.length > 0)
      return this.mobility(dataStart, dataEnd, src, dst);
    const v = u.payload.length > 0 ? u.payload[0] >> 4 : 0;
    if (ports(UDP_PORT_PMIP_DATA) && (v === 6 || v === 4))
      return this.tunnel(v, dataStart, dataEnd, depth, 4, 17);
    this.payload(dataStart, dataEnd, `${u.payload.length} octets`, 'RFC 768');
    return udpLabelled(u.srcPort, u.dstPort);
  }

  private gre(off: number, end: number, depth: number, version: 4 | 6, nh: number): Labelled {
    const parsed = parseGre(this.bytes, off, end - off);
    if (!parsed.ok) return this.failed(parsed.error, off, end);
    const g = parsed.value;
    const hl = end - off - g.payload.length;
    this.add('gre', off, hl, greNode(off, g));
    if (g.protocolType === ETHERTYPE_IPV6) return this.tunnel(6, off + hl, end, depth, version, nh);
    if (g.protocolType === ETHERTYPE_IPV4) return this.tunnel(4, off + hl, end, depth, version, nh);
    this.payload(
      off + hl,
      end,
      `${g.payload.length} octets of protocol 0x${g.protocolType.toString(16)}`,
      'RFC 2784 §2.4',
    );
    this.tunnelled = true;
    return tunnelled(otherLabelled(version, nh));
  }

  private mobility(off: number, end: number, src: string, dst: string): Labelled {
    const parsed = parseMobility(this.bytes, off, end - off, src, dst);
    if (!parsed.ok) return this.failed(parsed.error, off, end);
    const label = mobilityLabel(parsed.value);
    const children = mobilityFields(this.bytes, off, end - off, src, dst);
    this.add(
      'mobility',
      off,
      end - off,
      field('Mobility Header', off, end - off, label, 'RFC 6275 §6.1', undefined, children),
    );
    return mobilityLabelled(label);
  }
}

/** The checksum the message should carry, for the inspector's "[incorrect, should be …]". */
function expectedChecksum(bytes: Uint8Array, off: number, end: number, src: string, dst: string): number {
  const copy = bytes.slice(off, end);
  copy[2] = 0;
  copy[3] = 0;
  return ipv6PseudoChecksum(addressBytes(src), addressBytes(dst), 58, copy);
}
