/**
 * The cheap per-packet summary for the simulator's trace: label, class and "tunnelled", read straight
 * from the bytes without building representations or a field tree. It follows the same layers as
 * `decodePacket` (./decode) and takes its labels from ./labels, so the two agree on every well-formed
 * packet; on a malformed one it checks only what it reads.
 */
import type { PacketClass } from './labels';
import { formatIPv4, formatIPv6 } from './addr';
import { locateUpperLayer } from './ext-headers';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6, parseGre } from './gre';
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
import { mobilityLabel, parseMobility } from './mh';
import { UDP_PORT_PMIP_CONTROL, UDP_PORT_PMIP_DATA } from './udp';

export interface PacketSummary {
  readonly label: string;
  readonly cls: PacketClass;
  readonly tunnelled: boolean;
}

/** Label, class and tunnelled flag of a whole IP packet. Never throws. */
export function packetSummary(bytes: Uint8Array): PacketSummary {
  const s = new Summarizer(bytes);
  const r = s.ip(0, bytes.length, 0);
  return { label: r.label, cls: r.cls, tunnelled: s.tunnelled };
}

const u16 = (b: Uint8Array, off: number): number => (b[off] << 8) | b[off + 1];

class Summarizer {
  tunnelled = false;
  constructor(private readonly b: Uint8Array) {}

  ip(off: number, end: number, depth: number): Labelled {
    return off < end && this.b[off] >> 4 === 4 ? this.ipv4(off, end, depth) : this.ipv6(off, end, depth);
  }

  private ipv6(off: number, end: number, depth: number): Labelled {
    const b = this.b;
    if (end - off < 40 || b[off] >> 4 !== 6) return malformed('ipv6');
    const packetEnd = off + 40 + u16(b, off + 4);
    if (packetEnd > end) return malformed('ipv6');
    const up = locateUpperLayer(b, off + 40, packetEnd, b[off + 6]);
    if (!up) return malformed('ipv6-ext');
    if (up.fragment) return fragmentLabelled(6);
    return this.upper(up.nextHeader, up.offset, packetEnd, off, 6, depth);
  }

  private ipv4(off: number, end: number, depth: number): Labelled {
    const b = this.b;
    const hl = (b[off] & 0x0f) * 4;
    const total = end - off >= 20 ? u16(b, off + 2) : 0;
    if (end - off < 20 || hl < 20 || total < hl || off + total > end) return malformed('ipv4');
    if ((u16(b, off + 6) & 0x3fff) !== 0) return fragmentLabelled(4);
    return this.upper(b[off + 9], off + hl, off + total, off, 4, depth);
  }

  private upper(
    nh: number,
    off: number,
    end: number,
    ipOff: number,
    version: 4 | 6,
    depth: number,
  ): Labelled {
    switch (nh) {
      case 41:
      case 4:
        return this.tunnel(nh === 41 ? 6 : 4, off, end, depth, version, nh);
      case 58:
        if (version === 6) return this.icmpv6(off, end);
        break;
      case 17:
        return this.udp(off, end, ipOff, version, depth);
      case 47:
        return this.gre(off, end, depth, version, nh);
      case 135:
        if (version === 6) return this.mobility(off, end, ipOff, version);
        break;
    }
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
    if (depth >= MAX_TUNNEL_DEPTH) return tunnelled(otherLabelled(version, nh));
    return tunnelled(innerVersion === 6 ? this.ipv6(off, end, depth + 1) : this.ipv4(off, end, depth + 1));
  }

  private icmpv6(off: number, end: number): Labelled {
    const b = this.b;
    if (end - off < 4) return malformed('icmpv6');
    const type = b[off];
    const echo = type === 128 || type === 129;
    const nd = type >= 133 && type <= 136;
    if (echo && (end - off < 8 || b[off + 1] !== 0)) return malformed('icmpv6');
    if (type >= 1 && type <= 4 && end - off < 8) return malformed('icmpv6');
    if (nd && b[off + 1] !== 0) return malformed('icmpv6');
    return icmpv6Labelled(type, echo ? u16(b, off + 6) : 0);
  }

  private udp(off: number, end: number, ipOff: number, version: 4 | 6, depth: number): Labelled {
    const b = this.b;
    if (end - off < 8) return malformed('udp');
    const len = u16(b, off + 4);
    if (len < 8 || off + len > end) return malformed('udp');
    const sp = u16(b, off);
    const dp = u16(b, off + 2);
    const has = (p: number): boolean => sp === p || dp === p;
    if (has(UDP_PORT_PMIP_CONTROL) && len > 8) return this.mobility(off + 8, off + len, ipOff, version);
    const v = len > 8 ? b[off + 8] >> 4 : 0;
    if (has(UDP_PORT_PMIP_DATA) && (v === 6 || v === 4))
      return this.tunnel(v, off + 8, off + len, depth, 4, 17);
    return udpLabelled(sp, dp);
  }

  private gre(off: number, end: number, depth: number, version: 4 | 6, nh: number): Labelled {
    const g = parseGre(this.b, off, end - off);
    if (!g.ok) return malformed('gre');
    const start = end - g.value.payload.length;
    const t = g.value.protocolType;
    if (t === ETHERTYPE_IPV6 || t === ETHERTYPE_IPV4)
      return this.tunnel(t === ETHERTYPE_IPV6 ? 6 : 4, start, end, depth, version, nh);
    this.tunnelled = true;
    return tunnelled(otherLabelled(version, nh));
  }

  private mobility(off: number, end: number, ipOff: number, version: 4 | 6): Labelled {
    const b = this.b;
    const src = version === 6 ? formatIPv6(b, ipOff + 8) : formatIPv4(b, ipOff + 12);
    const dst = version === 6 ? formatIPv6(b, ipOff + 24) : formatIPv4(b, ipOff + 16);
    const m = parseMobility(b, off, end - off, src, dst);
    return m.ok ? mobilityLabelled(mobilityLabel(m.value)) : malformed(m.error.layer);
  }
}
