import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../../../src/sim/wire/bytes';
import type { ExtHeader } from '../../../src/sim/wire/ext-headers';
import type { IPv6Packet } from '../../../src/sim/wire/ipv6';
import {
  emitIPv6Packet,
  ipv6Ecn,
  ipv6UpperLayer,
  parseIPv6Packet,
  readIPv6Fixed,
  setHopLimit,
  withIPv6Ecn,
} from '../../../src/sim/wire/ipv6';
import { unknownOptionAction } from '../../../src/sim/wire/ipv6-options';
import { VECTORS } from './fixtures';

const base: IPv6Packet = {
  trafficClass: 0,
  flowLabel: 0,
  hopLimit: 64,
  src: '2001:db8:ffff::1',
  dst: '2001:db8:ffff::2',
  extHeaders: [],
  nextHeader: 59,
  payload: new Uint8Array(0),
};

const hexOf = (p: IPv6Packet): string => toHex(emitIPv6Packet(p));
const ADDRS = '20010db8ffff0000000000000000000120010db8ffff00000000000000000002';

function parsed(bytes: Uint8Array, offset = 0): IPv6Packet {
  const r = parseIPv6Packet(bytes, offset);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}

describe('fixed header (RFC 8200 §3)', () => {
  it('packs version, traffic class and flow label across the first word', () => {
    // 6 | TC 0xb8 (DSCP 46 EF, Not-ECT) | flow label 0x12345
    expect(hexOf({ ...base, trafficClass: 0xb8, flowLabel: 0x12345 })).toBe(
      `6b812345 0000 3b 40 ${ADDRS}`.replace(/ /g, ''),
    );
    const p = parsed(emitIPv6Packet({ ...base, trafficClass: 0xb8, flowLabel: 0x12345 }));
    expect([p.trafficClass, p.flowLabel]).toEqual([0xb8, 0x12345]);
  });

  it('computes Payload Length over extension headers and payload', () => {
    const b = emitIPv6Packet({
      ...base,
      extHeaders: [{ kind: 'destination-options', options: [] }],
      payload: new Uint8Array(5),
    });
    expect((b[4] << 8) | b[5]).toBe(8 + 5);
    expect(b.length).toBe(40 + 13);
  });

  it('parses a packet at an offset and ignores octets after Payload Length (link padding)', () => {
    const pkt = emitIPv6Packet({ ...base, nextHeader: 58, payload: fromHex('80000000') });
    const buf = concatBytes(new Uint8Array(10), pkt, fromHex('ffffffff'));
    const p = parsed(buf, 10);
    expect(toHex(p.payload)).toBe('80000000');
    expect(p.nextHeader).toBe(58);
  });

  it('reports typed errors with the offset of the offending field', () => {
    const good = emitIPv6Packet({ ...base, payload: new Uint8Array(4) });
    expect(parseIPv6Packet(good.subarray(0, 39))).toMatchObject({
      ok: false,
      error: { layer: 'ipv6', field: 'header', offset: 0 },
    });
    const v4 = good.slice();
    v4[0] = 0x45;
    expect(parseIPv6Packet(v4)).toMatchObject({
      ok: false,
      error: { layer: 'ipv6', field: 'Version', offset: 0 },
    });
    expect(parseIPv6Packet(good.subarray(0, 43))).toMatchObject({
      ok: false,
      error: { field: 'Payload Length', offset: 4 },
    });
    expect(parseIPv6Packet(concatBytes(new Uint8Array(3), good.subarray(0, 43)), 3)).toMatchObject({
      ok: false,
      error: { offset: 7 },
    });
  });

  it('refuses to emit more than 65535 octets of payload', () => {
    expect(() => emitIPv6Packet({ ...base, payload: new Uint8Array(65536) })).toThrow(RangeError);
  });
});

describe('extension headers (RFC 8200 §4)', () => {
  const inner = emitIPv6Packet({ ...base, hopLimit: 63 });

  it('writes the RFC 2473 §5.1 encapsulation-limit Destination Options header, PadN-filled to 8 octets', () => {
    const p: IPv6Packet = {
      ...base,
      extHeaders: [{ kind: 'destination-options', options: [{ kind: 'tunnel-encap-limit', limit: 4 }] }],
      nextHeader: 41,
      payload: inner,
    };
    const b = emitIPv6Packet(p);
    expect(b[6]).toBe(60);
    // NH 41 | Hdr Ext Len 0 | type 4 len 1 limit 4 | PadN type 1 len 1 0
    expect(toHex(b.subarray(40, 48))).toBe('2900040104010100');
    const back = parsed(b);
    expect(back.extHeaders).toEqual([
      {
        kind: 'destination-options',
        options: [
          { kind: 'tunnel-encap-limit', limit: 4 },
          { kind: 'padn', length: 1 },
        ],
      },
    ]);
    expect(back.nextHeader).toBe(41);
    expect(toHex(back.payload)).toBe(toHex(inner));
  });

  it('writes a Hop-by-Hop Router Alert header as MLD uses it (RFC 2711)', () => {
    const b = emitIPv6Packet({
      ...base,
      extHeaders: [{ kind: 'hop-by-hop', options: [{ kind: 'router-alert', value: 0 }] }],
      nextHeader: 58,
      payload: new Uint8Array(8),
    });
    expect(b[6]).toBe(0);
    expect(toHex(b.subarray(40, 48))).toBe('3a00050200000100');
  });

  it('writes Fragment, Routing type 2 and an Authentication Header with their own length rules', () => {
    const chain: ExtHeader[] = [
      {
        kind: 'routing',
        routingType: 2,
        segmentsLeft: 1,
        data: concatBytes(new Uint8Array(4), fromHex('20010db8000100010000000000000001')),
      },
      { kind: 'other', protocol: 51, data: fromHex('0000' + '00000100' + '00000001' + 'aa'.repeat(12)) },
      { kind: 'fragment', fragmentOffset: 185, more: true, identification: 0xdeadbeef },
    ];
    const b = emitIPv6Packet({ ...base, extHeaders: chain, nextHeader: 17, payload: new Uint8Array(3) });
    expect(b[6]).toBe(43);
    expect(toHex(b.subarray(40, 44))).toBe('33020201'); // NH 51 | Hdr Ext Len 2 (24 octets) | type 2 | segments left 1
    expect(toHex(b.subarray(64, 66))).toBe('2c04'); // NH 44 | AH Payload Len 4 = 24/4 − 2
    expect(toHex(b.subarray(88, 96))).toBe('110005c9deadbeef'); // NH 17 | 0 | offset 185, M | id
    const back = parsed(b);
    expect(back.extHeaders).toEqual(chain);
    expect(back.nextHeader).toBe(17);
  });

  it('keeps unknown options, their action bits readable (RFC 8200 §4.2)', () => {
    const h: ExtHeader = {
      kind: 'destination-options',
      options: [{ kind: 'unknown', type: 0xc2, data: fromHex('0001') }, { kind: 'pad1' }, { kind: 'pad1' }],
    };
    const b = emitIPv6Packet({ ...base, extHeaders: [h] });
    expect(toHex(b.subarray(40, 48))).toBe('3b00c20200010000');
    expect(parsed(b).extHeaders).toEqual([h]);
    expect([0x04, 0x43, 0x82, 0xc2].map(unknownOptionAction)).toEqual([
      'skip',
      'discard',
      'discard-icmp',
      'discard-icmp-unless-multicast',
    ]);
  });

  it('rejects a Hop-by-Hop header that is not first (RFC 8200 §4.1)', () => {
    const b = emitIPv6Packet({
      ...base,
      extHeaders: [{ kind: 'destination-options', options: [] }],
      nextHeader: 0,
      payload: fromHex('3b00010400000000'),
    });
    expect(parseIPv6Packet(b)).toMatchObject({
      ok: false,
      error: { layer: 'ipv6-ext', field: 'Next Header', offset: 48 },
    });
  });

  it('rejects headers running past the packet and malformed known options', () => {
    const dst = emitIPv6Packet({ ...base, extHeaders: [{ kind: 'destination-options', options: [] }] });
    const longer = dst.slice();
    longer[41] = 1; // claims 16 octets, 8 present
    expect(parseIPv6Packet(longer)).toMatchObject({ ok: false, error: { field: 'Hdr Ext Len', offset: 41 } });
    const badLimit = emitIPv6Packet({
      ...base,
      extHeaders: [
        { kind: 'destination-options', options: [{ kind: 'unknown', type: 4, data: fromHex('0400') }] },
      ],
    });
    expect(parseIPv6Packet(badLimit)).toMatchObject({
      ok: false,
      error: { field: 'Tunnel Encapsulation Limit', offset: 43 },
    });
  });

  it('throws on a routing header whose data does not fill whole 8-octet units', () => {
    expect(() =>
      emitIPv6Packet({
        ...base,
        extHeaders: [{ kind: 'routing', routingType: 0, segmentsLeft: 0, data: new Uint8Array(3) }],
      }),
    ).toThrow(RangeError);
  });

  it('stops the chain at a non-atomic fragment: what follows is data, not a header', () => {
    const b = emitIPv6Packet({
      ...base,
      extHeaders: [{ kind: 'fragment', fragmentOffset: 10, more: false, identification: 7 }],
      nextHeader: 60,
      payload: fromHex('ff'.repeat(8)),
    });
    const p = parsed(b);
    expect(p.nextHeader).toBe(60);
    expect(p.payload.length).toBe(8);
    expect(ipv6UpperLayer(b)).toEqual({ nextHeader: 60, offset: 48, length: 8, fragment: true });
  });
});

describe('forwarding fast path', () => {
  const golden = fromHex(VECTORS.tunnel_downlink_ipv6inipv6);

  it('reads the fixed header without parsing the rest', () => {
    expect(readIPv6Fixed(golden)).toEqual({
      trafficClass: 0,
      nextHeader: 41,
      hopLimit: 64,
      src: '2001:db8:ffff::1',
      dst: '2001:db8:ffff::2',
      payloadLength: 52,
    });
    expect(readIPv6Fixed(golden, 40)).toEqual({
      trafficClass: 0,
      nextHeader: 58,
      hopLimit: 63,
      src: '2001:db8:cafe::100',
      dst: '2001:db8:1:1:211:22ff:fe33:4455',
      payloadLength: 12,
    });
    expect(readIPv6Fixed(golden.subarray(0, 60))).toBeNull();
    expect(readIPv6Fixed(fromHex('45000014'))).toBeNull();
  });

  it('finds the upper layer after the extension headers', () => {
    expect(ipv6UpperLayer(golden)).toEqual({ nextHeader: 41, offset: 40, length: 52, fragment: false });
    const withLimit = emitIPv6Packet({
      ...base,
      extHeaders: [{ kind: 'destination-options', options: [{ kind: 'tunnel-encap-limit', limit: 3 }] }],
      nextHeader: 41,
      payload: golden.subarray(40),
    });
    expect(ipv6UpperLayer(withLimit)).toEqual({ nextHeader: 41, offset: 48, length: 52, fragment: false });
    expect(ipv6UpperLayer(withLimit.subarray(0, 45))).toBeNull();
  });

  it('patches Hop Limit and ECN on a copy, leaving the original alone', () => {
    const before = toHex(golden);
    const hl = setHopLimit(golden, 63);
    expect(hl[7]).toBe(63);
    expect(toHex(hl.subarray(8))).toBe(toHex(golden.subarray(8)));
    const ce = withIPv6Ecn(golden, 3);
    expect([ipv6Ecn(ce), ipv6Ecn(golden)]).toEqual([3, 0]);
    expect(toHex(ce.subarray(0, 4))).toBe('60300000');
    expect(toHex(golden)).toBe(before);
  });
});

describe('emitters refuse values that do not fit their field', () => {
  it.each<[string, Partial<IPv6Packet>]>([
    ['Hop Limit 256', { hopLimit: 256 }],
    ['Hop Limit -1', { hopLimit: -1 }],
    ['Flow Label 2^20', { flowLabel: 0x100000 }],
    ['Traffic Class 1.5', { trafficClass: 1.5 }],
    ['Next Header 300', { nextHeader: 300 }],
    [
      'Fragment Offset 2^13',
      { extHeaders: [{ kind: 'fragment', fragmentOffset: 0x2000, more: false, identification: 0 }] },
    ],
    [
      'Tunnel Encapsulation Limit 256',
      {
        extHeaders: [{ kind: 'destination-options', options: [{ kind: 'tunnel-encap-limit', limit: 256 }] }],
      },
    ],
  ])('%s', (_name, change) => {
    expect(() => emitIPv6Packet({ ...base, ...change })).toThrow(RangeError);
  });
});

describe('addresses in emitters', () => {
  it('refuses an IPv4 address or a wrong-sized octet array where IPv6 is needed', () => {
    expect(() => emitIPv6Packet({ ...base, src: '192.0.2.1' })).toThrow(/not an IPv6 address/);
    expect(() => emitIPv6Packet({ ...base, dst: 'nonsense' })).toThrow(/not an IP address/);
  });
});
