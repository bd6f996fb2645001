import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import type { DecodedPacket } from '../../../src/sim/wire/decode';
import { decodePacket, packetSummary } from '../../../src/sim/wire/decode';
import type { FieldNode } from '../../../src/sim/wire/fields';
import { emitGre } from '../../../src/sim/wire/gre';
import { emitIcmpv6 } from '../../../src/sim/wire/icmpv6';
import { emitIPv4Packet } from '../../../src/sim/wire/ipv4';
import { emitIPv6Packet } from '../../../src/sim/wire/ipv6';
import { emitMobility, parseMobility } from '../../../src/sim/wire/mh';
import type { Parsed } from '../../../src/sim/wire/result';
import { encapsulateInIPv6 } from '../../../src/sim/wire/tunnel';
import { emitUdp } from '../../../src/sim/wire/udp';
import type { VectorName } from './fixtures';
import { VECTORS } from './fixtures';

const value = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};

const decode = (name: VectorName): DecodedPacket => decodePacket(fromHex(VECTORS[name]));

/** Depth-first search for the first node with this name under `nodes`. */
function find(nodes: readonly FieldNode[], name: string): FieldNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const inner = n.children ? find(n.children, name) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function allNodes(nodes: readonly FieldNode[]): FieldNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])]);
}

describe('labels and classes of the golden vectors', () => {
  it.each<[VectorName, string, string, boolean]>([
    ['pbu_initial', 'PBU seq=1 HI=1', 'signalling', false],
    ['pba_success', 'PBA status=0', 'signalling', false],
    ['pbu_dereg', 'PBU dereg seq=2', 'signalling', false],
    ['pba_reject_160', 'PBA status=160', 'signalling', false],
    ['heartbeat_req', 'HB req seq=1', 'signalling', false],
    ['heartbeat_resp_rc', 'HB resp', 'signalling', false],
    ['tunnel_downlink_ipv6inipv6', '⟦ping req seq=1⟧', 'data', true],
    ['tunnel_uplink_ipv6inipv6', '⟦ping req seq=2⟧', 'data', true],
    ['ra_mag_to_mn', 'RA', 'nd', false],
  ])('%s → %s', (name, label, cls, tunnelled) => {
    const d = decode(name);
    expect(d.error).toBeUndefined();
    expect([d.label, d.cls, d.tunnelled]).toEqual([label, cls, tunnelled]);
    expect(packetSummary(fromHex(VECTORS[name]))).toEqual({ label, cls, tunnelled });
  });
});

describe('layers and field tree', () => {
  it('lists the tunnelled ping outer → inner with byte ranges', () => {
    const d = decode('tunnel_downlink_ipv6inipv6');
    expect(d.layers).toEqual([
      { kind: 'ipv6', start: 0, length: 40, summary: '2001:db8:ffff::1 → 2001:db8:ffff::2' },
      {
        kind: 'ipv6',
        start: 40,
        length: 40,
        summary: '2001:db8:cafe::100 → 2001:db8:1:1:211:22ff:fe33:4455',
      },
      { kind: 'icmpv6', start: 80, length: 12, summary: 'Echo Request id=0x1234 seq=1' },
    ]);
    const [outer, inner, icmp] = d.fields;
    expect(find([outer], 'Next Header')).toMatchObject({
      start: 6,
      length: 1,
      value: '41 (IPv6)',
      rfc: 'RFC 8200 §3',
    });
    expect(find([inner], 'Hop Limit')).toMatchObject({ start: 47, length: 1, value: '63' });
    expect(find([inner], 'Destination Address')).toMatchObject({
      start: 64,
      length: 16,
      value: '2001:db8:1:1:211:22ff:fe33:4455',
    });
    expect(find([icmp], 'Checksum')).toMatchObject({
      start: 82,
      length: 2,
      value: '0xffa6 [correct]',
      rfc: 'RFC 4443 §2.3',
    });
    expect(find([icmp], 'Sequence Number')).toMatchObject({ start: 86, length: 2, value: '1' });
  });

  it('decodes the RA options with their RFC sections', () => {
    const d = decode('ra_mag_to_mn');
    expect(d.layers.map((l) => l.kind)).toEqual(['ipv6', 'icmpv6']);
    expect(find(d.fields, 'Prf (Default Router Preference)')).toMatchObject({
      start: 45,
      value: 'high',
      rfc: 'RFC 4191 §2.2',
    });
    expect(find(d.fields, 'Source Link-layer Address')).toMatchObject({
      start: 56,
      length: 8,
      value: '00:00:5e:00:52:13',
    });
    expect(find(d.fields, 'MTU')).toMatchObject({
      start: 64,
      length: 8,
      value: '1460',
      rfc: 'RFC 4861 §4.6.4',
    });
    expect(find(d.fields, 'Prefix Information')).toMatchObject({
      start: 72,
      length: 32,
      value: '2001:db8:1:1::/64',
    });
    expect(find(d.fields, 'Valid Lifetime')).toMatchObject({ start: 76, value: '3600 s' });
  });

  it('wraps the Mobility Header rows in one node labelled with the message', () => {
    const d = decode('pbu_initial');
    expect(d.layers).toEqual([
      { kind: 'ipv6', start: 0, length: 40, summary: '2001:db8:ffff::2 → 2001:db8:ffff::1' },
      { kind: 'mobility', start: 40, length: 88, summary: 'PBU seq=1 HI=1' },
    ]);
    expect(d.fields[1]).toMatchObject({
      name: 'Mobility Header',
      start: 40,
      length: 88,
      rfc: 'RFC 6275 §6.1',
    });
    expect(d.fields[1].children!.length).toBeGreaterThan(3);
  });

  it('keeps every field node inside the packet', () => {
    for (const name of Object.keys(VECTORS) as VectorName[]) {
      const len = VECTORS[name].length / 2;
      for (const n of allNodes(decode(name).fields)) {
        expect(
          n.start >= 0 && n.length >= 0 && n.start + n.length <= len,
          `${name}: ${n.name} [${n.start}, +${n.length})`,
        ).toBe(true);
      }
    }
  });
});

describe('what the decoder follows', () => {
  const LMAA = '2001:db8:ffff::1';
  const PCOA = '2001:db8:ffff::2';
  const inner = fromHex(VECTORS.tunnel_downlink_ipv6inipv6).subarray(40);

  it('a tunnel header with an encapsulation-limit Destination Options header', () => {
    const b = value(encapsulateInIPv6(inner, { src: LMAA, dst: PCOA, encapsulationLimit: 4 }));
    const d = decodePacket(b);
    expect(d.layers.map((l) => [l.kind, l.start, l.length])).toEqual([
      ['ipv6', 0, 40],
      ['ipv6-ext', 40, 8],
      ['ipv6', 48, 40],
      ['icmpv6', 88, 12],
    ]);
    expect(d.layers[1].summary).toBe('Tunnel Encapsulation Limit 4');
    expect(find([d.fields[1]], 'Tun Encap Lim')).toMatchObject({
      start: 44,
      length: 1,
      value: '4',
      rfc: 'RFC 2473 §5.1',
    });
    expect(d.label).toBe('⟦ping req seq=1⟧');
  });

  it('IPv4 in IPv6, and UDP inside it', () => {
    const udp = emitUdp(
      { srcPort: 5000, dstPort: 6000, payload: fromHex('01020304') },
      '10.0.0.1',
      '10.0.0.2',
    );
    const v4 = emitIPv4Packet({
      tos: 0,
      identification: 1,
      dontFragment: false,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol: 17,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      options: new Uint8Array(0),
      payload: udp,
    });
    const d = decodePacket(value(encapsulateInIPv6(v4, { src: LMAA, dst: PCOA })));
    expect(d.layers.map((l) => l.kind)).toEqual(['ipv6', 'ipv4', 'udp', 'payload']);
    expect([d.label, d.cls, d.tunnelled]).toEqual(['⟦UDP 5000→6000⟧', 'data', true]);
    expect(find(d.fields, 'Header Checksum')!.value).toMatch(/\[correct\]$/);
  });

  it('GRE with a key over IPv4 transport (RFC 5845), carrying IPv6', () => {
    const gre = emitGre({ protocolType: 0x86dd, withChecksum: false, key: 77, payload: inner });
    const v4 = emitIPv4Packet({
      tos: 0,
      identification: 2,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol: 47,
      src: '192.0.2.1',
      dst: '192.0.2.2',
      options: new Uint8Array(0),
      payload: gre,
    });
    const d = decodePacket(v4);
    expect(d.layers.map((l) => l.kind)).toEqual(['ipv4', 'gre', 'ipv6', 'icmpv6']);
    expect(d.layers[1].summary).toBe('protocol 0x86dd (IPv6), key 77');
    expect([d.label, d.tunnelled]).toEqual(['⟦ping req seq=1⟧', true]);
    expect(packetSummary(v4)).toEqual({ label: d.label, cls: d.cls, tunnelled: true });
  });

  it('RFC 5844 UDP transport: MH in UDP 5436, IPv6 in UDP 5437', () => {
    const pbu = value(parseMobility(fromHex(VECTORS.pbu_initial), 40, 88, PCOA, LMAA));
    const mh = emitMobility(pbu, '192.0.2.2', '192.0.2.1');
    const sig = emitIPv4Packet({
      tos: 0,
      identification: 3,
      dontFragment: false,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol: 17,
      src: '192.0.2.2',
      dst: '192.0.2.1',
      options: new Uint8Array(0),
      payload: emitUdp({ srcPort: 5436, dstPort: 5436, payload: mh }, '192.0.2.2', '192.0.2.1'),
    });
    const ds = decodePacket(sig);
    expect(ds.layers.map((l) => l.kind)).toEqual(['ipv4', 'udp', 'mobility']);
    expect([ds.label, ds.cls, ds.tunnelled]).toEqual(['PBU seq=1 HI=1', 'signalling', false]);
    const data = emitIPv4Packet({
      tos: 0,
      identification: 4,
      dontFragment: false,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol: 17,
      src: '192.0.2.1',
      dst: '192.0.2.2',
      options: new Uint8Array(0),
      payload: emitUdp({ srcPort: 5437, dstPort: 5437, payload: inner }, '192.0.2.1', '192.0.2.2'),
    });
    const dd = decodePacket(data);
    expect(dd.layers.map((l) => l.kind)).toEqual(['ipv4', 'udp', 'ipv6', 'icmpv6']);
    expect([dd.label, dd.tunnelled]).toEqual(['⟦ping req seq=1⟧', true]);
    expect(packetSummary(sig)).toEqual({ label: ds.label, cls: ds.cls, tunnelled: false });
    expect(packetSummary(data)).toEqual({ label: dd.label, cls: dd.cls, tunnelled: true });
  });

  it('ICMPv6 errors, UDP, unknown upper layers and fragments get their labels and classes', () => {
    const src = '2001:db8::1';
    const dst = '2001:db8::2';
    const pkt = (
      nextHeader: number,
      payload: Uint8Array,
      extHeaders: Parameters<typeof emitIPv6Packet>[0]['extHeaders'] = [],
    ) =>
      emitIPv6Packet({
        trafficClass: 0,
        flowLabel: 0,
        hopLimit: 64,
        src,
        dst,
        extHeaders,
        nextHeader,
        payload,
      });
    const cases: [Uint8Array, string, string][] = [
      [
        pkt(58, emitIcmpv6({ type: 'destination-unreachable', code: 0, invoking: inner }, src, dst)),
        'Dest Unreach',
        'icmp-error',
      ],
      [
        pkt(58, emitIcmpv6({ type: 'time-exceeded', code: 0, invoking: inner }, src, dst)),
        'Time Exceeded',
        'icmp-error',
      ],
      [
        pkt(
          58,
          emitIcmpv6({ type: 'echo-reply', identifier: 1, sequence: 4, data: new Uint8Array(0) }, src, dst),
        ),
        'ping reply seq=4',
        'data',
      ],
      [
        pkt(58, emitIcmpv6({ type: 'neighbor-solicitation', target: dst, options: [] }, src, dst)),
        'NS',
        'nd',
      ],
      [
        pkt(17, emitUdp({ srcPort: 5000, dstPort: 6000, payload: new Uint8Array(10) }, src, dst)),
        'UDP 5000→6000',
        'data',
      ],
      [pkt(6, new Uint8Array(20)), 'IPv6 TCP', 'data'],
      [pkt(59, new Uint8Array(0)), 'IPv6 no next header', 'data'],
      [
        pkt(58, new Uint8Array(16), [{ kind: 'fragment', fragmentOffset: 0, more: true, identification: 1 }]),
        'IPv6 fragment',
        'data',
      ],
    ];
    for (const [bytes, label, cls] of cases) {
      const d = decodePacket(bytes);
      expect([d.label, d.cls, d.error]).toEqual([label, cls, undefined]);
      expect(packetSummary(bytes)).toEqual({ label, cls, tunnelled: false });
    }
  });

  it('stops following tunnels after 8 levels', () => {
    let b: Uint8Array = inner;
    for (let i = 0; i < 12; i++) b = value(encapsulateInIPv6(b, { src: LMAA, dst: PCOA }));
    const d = decodePacket(b);
    expect(d.label).toBe(`${'⟦'.repeat(9)}IPv6 IPv6${'⟧'.repeat(9)}`);
    expect(d.layers.filter((l) => l.kind === 'ipv6').length).toBe(9);
    expect(d.layers[d.layers.length - 1].kind).toBe('payload');
    expect(packetSummary(b)).toEqual({ label: d.label, cls: d.cls, tunnelled: true });
  });
});

describe('malformed packets', () => {
  it('keeps what decoded, shows the rest as payload and says where it broke', () => {
    const b = fromHex(VECTORS.tunnel_downlink_ipv6inipv6);
    b[45] = 0x40; // inner Payload Length 64: past the outer packet
    const d = decodePacket(b);
    expect(d.error).toMatchObject({ layer: 'ipv6', field: 'Payload Length', offset: 44 });
    expect(d.layers.map((l) => [l.kind, l.start, l.length])).toEqual([
      ['ipv6', 0, 40],
      ['payload', 40, 52],
    ]);
    expect(d.layers[1].summary).toMatch(/^malformed: ipv6\.Payload Length at byte 44/);
    expect([d.label, d.cls, d.tunnelled]).toEqual(['⟦malformed ipv6⟧', 'other', true]);
    expect(packetSummary(b)).toEqual({ label: d.label, cls: d.cls, tunnelled: true });
  });

  it('shows a wrong ICMPv6 checksum with the value it should have', () => {
    const b = fromHex(VECTORS.tunnel_downlink_ipv6inipv6);
    b[83] = 0x00;
    const d = decodePacket(b);
    expect(d.error).toBeUndefined();
    expect(find(d.fields, 'Checksum')!.value).toBe('0xff00 [incorrect, should be 0xffa6]');
    expect(toHex(b.subarray(82, 84))).toBe('ff00');
  });

  it('handles empty and one-octet input', () => {
    expect(decodePacket(new Uint8Array(0))).toMatchObject({
      label: 'malformed ipv6',
      cls: 'other',
      error: { field: 'header', offset: 0 },
    });
    expect(decodePacket(fromHex('45'))).toMatchObject({ label: 'malformed ipv4', error: { layer: 'ipv4' } });
    expect(packetSummary(new Uint8Array(0))).toEqual({
      label: 'malformed ipv6',
      cls: 'other',
      tunnelled: false,
    });
  });
});
