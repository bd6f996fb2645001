/**
 * Packet-inspector field trees for the IPv6 fixed header and its extension headers: every field with its
 * byte range in the whole packet and the RFC section that defines it.
 */
import type { ExtHeader } from './ext-headers';
import { extHeaderProtocol, extHeaderSize } from './ext-headers';
import type { FieldNode } from './fields';
import { field } from './fields';
import { protocolName } from './ip-protocols';
import type { IPv6Option } from './ipv6-options';
import { ipv6OptionSize } from './ipv6-options';
import type { IPv6Packet } from './ipv6';

export const ECN_NAMES = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'] as const;

export const hex = (v: number, digits: number): string => `0x${v.toString(16).padStart(digits, '0')}`;

export function trafficClassText(tc: number): string {
  return `${hex(tc, 2)} (DSCP ${tc >> 2}, ECN ${ECN_NAMES[tc & 3]})`;
}

/** The 40-octet fixed header at `off`; `nextHeader` is the value in the header (the first extension, if any). */
export function ipv6HeaderNode(
  off: number,
  p: IPv6Packet,
  payloadLength: number,
  nextHeader: number,
): FieldNode {
  const rfc = 'RFC 8200 §3';
  return field('IPv6 header', off, 40, `${p.src} → ${p.dst}`, rfc, 'Internet Protocol version 6', [
    field('Version', off, 1, '6', rfc),
    field(
      'Traffic Class',
      off,
      2,
      trafficClassText(p.trafficClass),
      'RFC 8200 §7',
      'DSCP (RFC 2474) and ECN (RFC 3168 §5) bits',
    ),
    field('Flow Label', off + 1, 3, hex(p.flowLabel, 5), 'RFC 6437'),
    field(
      'Payload Length',
      off + 4,
      2,
      `${payloadLength}`,
      rfc,
      'octets after this 40-octet header, extension headers included',
    ),
    field('Next Header', off + 6, 1, protocolName(nextHeader), rfc),
    field(
      'Hop Limit',
      off + 7,
      1,
      `${p.hopLimit}`,
      rfc,
      'decremented by each router; the packet is dropped at 0',
    ),
    field('Source Address', off + 8, 16, p.src, rfc),
    field('Destination Address', off + 24, 16, p.dst, rfc),
  ]);
}

const HEADER_INFO: Readonly<Record<ExtHeader['kind'], { name: string; rfc: string }>> = {
  'hop-by-hop': { name: 'Hop-by-Hop Options header', rfc: 'RFC 8200 §4.3' },
  'destination-options': { name: 'Destination Options header', rfc: 'RFC 8200 §4.6' },
  routing: { name: 'Routing header', rfc: 'RFC 8200 §4.4' },
  fragment: { name: 'Fragment header', rfc: 'RFC 8200 §4.5' },
  other: { name: 'Extension header', rfc: 'RFC 6564' },
};

/** One-line description of an extension header, for the layer list. */
export function extHeaderSummary(h: ExtHeader): string {
  switch (h.kind) {
    case 'hop-by-hop':
    case 'destination-options':
      return (
        h.options
          .filter((o) => o.kind !== 'pad1' && o.kind !== 'padn')
          .map(optionText)
          .join(', ') || 'padding only'
      );
    case 'routing':
      return `type ${h.routingType}, segments left ${h.segmentsLeft}`;
    case 'fragment':
      return `offset ${h.fragmentOffset * 8}, ${h.more ? 'more fragments' : 'last fragment'}, id ${hex(h.identification, 8)}`;
    case 'other':
      return protocolName(h.protocol);
  }
}

function optionText(o: IPv6Option): string {
  switch (o.kind) {
    case 'pad1':
      return 'Pad1';
    case 'padn':
      return `PadN (${o.length + 2} octets)`;
    case 'tunnel-encap-limit':
      return `Tunnel Encapsulation Limit ${o.limit}`;
    case 'router-alert':
      return `Router Alert ${o.value}`;
    case 'unknown':
      return `option ${o.type}`;
  }
}

/** The extension header at `off` whose Next Header octet holds `next`. */
export function extHeaderNode(off: number, h: ExtHeader, next: number): FieldNode {
  const info =
    h.kind === 'other' && h.protocol === 51
      ? { name: 'Authentication Header', rfc: 'RFC 4302 §2' }
      : HEADER_INFO[h.kind];
  const size = extHeaderSize(h);
  const lenUnits =
    h.kind === 'other' && h.protocol === 51
      ? `${size / 4 - 2} (${size} octets)`
      : `${size / 8 - 1} (${size} octets)`;
  const children: FieldNode[] = [field('Next Header', off, 1, protocolName(next), info.rfc)];
  if (h.kind !== 'fragment')
    children.push(
      field(
        'Hdr Ext Len',
        off + 1,
        1,
        lenUnits,
        info.rfc,
        'length in 8-octet units, not counting the first 8',
      ),
    );
  children.push(...bodyFields(off, h, info.rfc));
  return field(
    info.name,
    off,
    size,
    extHeaderSummary(h),
    info.rfc,
    `Next Header value ${extHeaderProtocol(h)}`,
    children,
  );
}

function bodyFields(off: number, h: ExtHeader, rfc: string): FieldNode[] {
  switch (h.kind) {
    case 'hop-by-hop':
    case 'destination-options':
      return optionNodes(off + 2, h.options);
    case 'routing':
      return [
        field(
          'Routing Type',
          off + 2,
          1,
          h.routingType === 2 ? '2 (Type 2, Mobile IPv6)' : `${h.routingType}`,
          rfc,
        ),
        field('Segments Left', off + 3, 1, `${h.segmentsLeft}`, rfc),
        field('Type-specific data', off + 4, h.data.length, `${h.data.length} octets`, rfc),
      ];
    case 'fragment':
      return [
        field('Fragment Offset', off + 2, 2, `${h.fragmentOffset} (${h.fragmentOffset * 8} octets)`, rfc),
        field('M flag', off + 3, 1, h.more ? '1 (more fragments)' : '0 (last fragment)', rfc),
        field('Identification', off + 4, 4, hex(h.identification, 8), rfc),
      ];
    case 'other':
      return [field('Header data', off + 2, h.data.length, `${h.data.length} octets`, rfc)];
  }
}

function optionNodes(off: number, opts: readonly IPv6Option[]): FieldNode[] {
  const out: FieldNode[] = [];
  for (const o of opts) {
    const size = ipv6OptionSize(o);
    out.push(optionNode(off, size, o));
    off += size;
  }
  return out;
}

function optionNode(off: number, size: number, o: IPv6Option): FieldNode {
  const rfc =
    o.kind === 'tunnel-encap-limit'
      ? 'RFC 2473 §5.1'
      : o.kind === 'router-alert'
        ? 'RFC 2711 §2.1'
        : 'RFC 8200 §4.2';
  if (o.kind === 'pad1') return field('Pad1', off, 1, '1 octet of padding', rfc);
  const type =
    o.kind === 'padn' ? 1 : o.kind === 'tunnel-encap-limit' ? 4 : o.kind === 'router-alert' ? 5 : o.type;
  const children = [
    field('Option Type', off, 1, `${type}`, 'RFC 8200 §4.2', 'the two high bits say what to do if unknown'),
    field('Opt Data Len', off + 1, 1, `${size - 2}`, 'RFC 8200 §4.2'),
  ];
  if (o.kind === 'tunnel-encap-limit')
    children.push(
      field(
        'Tun Encap Lim',
        off + 2,
        1,
        `${o.limit}`,
        rfc,
        'how many more levels of nested encapsulation are allowed',
      ),
    );
  if (o.kind === 'router-alert') children.push(field('Value', off + 2, 2, `${o.value}`, rfc));
  const name =
    o.kind === 'padn'
      ? 'PadN'
      : o.kind === 'unknown'
        ? `Option ${o.type}`
        : optionText(o).replace(/ \d+$/, '');
  const value = o.kind === 'padn' ? `${size} octets of padding` : optionText(o);
  return field(name, off, size, value, rfc, undefined, children);
}
