/**
 * Packet-inspector field trees for UDP (RFC 768), GRE (RFC 2784/2890) and the IPv4 header (RFC 791).
 */
import type { FieldNode } from './fields';
import { field } from './fields';
import type { ParsedGre } from './gre';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './gre';
import { hex, trafficClassText } from './inspect-ipv6';
import { protocolName } from './ip-protocols';
import type { ParsedIPv4 } from './ipv4';
import type { ParsedUdp } from './udp';

const checksumText = (value: number, valid: boolean): string =>
  `${hex(value, 4)} ${valid ? '[correct]' : '[incorrect]'}`;

export function udpNode(off: number, u: ParsedUdp): FieldNode {
  const rfc = 'RFC 768';
  const length = 8 + u.payload.length;
  return field(
    'UDP',
    off,
    length,
    `${u.srcPort} → ${u.dstPort}, ${u.payload.length} octets`,
    rfc,
    'User Datagram Protocol',
    [
      field('Source Port', off, 2, `${u.srcPort}`, rfc),
      field('Destination Port', off + 2, 2, `${u.dstPort}`, rfc),
      field('Length', off + 4, 2, `${length}`, rfc, 'header and data, in octets'),
      field(
        'Checksum',
        off + 6,
        2,
        u.checksum === 0 ? '0x0000 (not computed)' : checksumText(u.checksum, u.checksumValid),
        rfc,
        'covers the pseudo-header, the UDP header and the data',
      ),
    ],
  );
}

const etherTypeText = (t: number): string =>
  t === ETHERTYPE_IPV6 ? `${hex(t, 4)} (IPv6)` : t === ETHERTYPE_IPV4 ? `${hex(t, 4)} (IPv4)` : hex(t, 4);

export function greNode(off: number, g: ParsedGre): FieldNode {
  const hl =
    4 + (g.withChecksum ? 4 : 0) + (g.key !== undefined ? 4 : 0) + (g.sequence !== undefined ? 4 : 0);
  const flags =
    [g.withChecksum && 'C', g.key !== undefined && 'K', g.sequence !== undefined && 'S']
      .filter(Boolean)
      .join(', ') || 'none';
  const children: FieldNode[] = [
    field(
      'Flags and Version',
      off,
      2,
      `${flags}; version 0`,
      'RFC 2784 §2.1',
      'C: checksum present (RFC 2784), K: key present, S: sequence number present (RFC 2890)',
    ),
    field('Protocol Type', off + 2, 2, etherTypeText(g.protocolType), 'RFC 2784 §2.4'),
  ];
  let o = off + 4;
  if (g.withChecksum) {
    children.push(
      field('Checksum', o, 2, g.checksumValid ? '[correct]' : '[incorrect]', 'RFC 2784 §2.5'),
      field('Reserved1', o + 2, 2, '0', 'RFC 2784 §2.6'),
    );
    o += 4;
  }
  if (g.key !== undefined) {
    children.push(
      field(
        'Key',
        o,
        4,
        `${hex(g.key, 8)} (${g.key})`,
        'RFC 2890 §2.1',
        'identifies the flow; PMIPv6 uses one per mobility session and direction (RFC 5845 §3)',
      ),
    );
    o += 4;
  }
  if (g.sequence !== undefined)
    children.push(field('Sequence Number', o, 4, `${g.sequence}`, 'RFC 2890 §2.2'));
  return field(
    'GRE',
    off,
    hl,
    `protocol ${etherTypeText(g.protocolType)}${g.key !== undefined ? `, key ${g.key}` : ''}`,
    'RFC 2784 §2',
    'Generic Routing Encapsulation',
    children,
  );
}

export function ipv4Node(off: number, p: ParsedIPv4): FieldNode {
  const rfc = 'RFC 791 §3.1';
  const hl = 20 + p.options.length;
  const frag = [p.dontFragment && 'DF', p.moreFragments && 'MF'].filter(Boolean).join(', ') || 'none';
  const children: FieldNode[] = [
    field('Version', off, 1, '4', rfc),
    field('IHL', off, 1, `${hl / 4} (${hl} octets)`, rfc),
    field(
      'Type of Service',
      off + 1,
      1,
      trafficClassText(p.tos),
      'RFC 2474 §3',
      'DSCP and ECN (RFC 3168 §5)',
    ),
    field('Total Length', off + 2, 2, `${hl + p.payload.length}`, rfc),
    field('Identification', off + 4, 2, hex(p.identification, 4), rfc),
    field('Flags', off + 6, 1, frag, rfc),
    field('Fragment Offset', off + 6, 2, `${p.fragmentOffset}`, rfc),
    field('Time to Live', off + 8, 1, `${p.ttl}`, rfc),
    field('Protocol', off + 9, 1, protocolName(p.protocol), rfc),
    field('Header Checksum', off + 10, 2, checksumText(p.checksum, p.checksumValid), rfc),
    field('Source Address', off + 12, 4, p.src, rfc),
    field('Destination Address', off + 16, 4, p.dst, rfc),
  ];
  if (p.options.length > 0)
    children.push(field('Options', off + 20, p.options.length, `${p.options.length} octets`, rfc));
  return field('IPv4 header', off, hl, `${p.src} → ${p.dst}`, rfc, 'Internet Protocol version 4', children);
}
