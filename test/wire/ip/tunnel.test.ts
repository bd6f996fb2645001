import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import { emitIPv4Packet, parseIPv4Packet } from '../../../src/sim/wire/ipv4';
import { emitIPv6Packet, ipv6Ecn, parseIPv6Packet, withIPv6Ecn } from '../../../src/sim/wire/ipv6';
import type { Parsed } from '../../../src/sim/wire/result';
import {
  decapsulateFromIPv6,
  decapsulationEcn,
  encapsulateInIPv6,
  encapsulationEcn,
  tunnelEncapsulationLimit,
} from '../../../src/sim/wire/tunnel';
import { VECTORS } from './fixtures';

const LMAA = '2001:db8:ffff::1';
const PCOA = '2001:db8:ffff::2';
const golden = fromHex(VECTORS.tunnel_downlink_ipv6inipv6);
const inner = golden.slice(40);

function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(`${p.error.field}: ${p.error.message}`);
  return p.value;
}

const NOT_ECT = 0;
const ECT1 = 1;
const ECT0 = 2;
const CE = 3;

describe('encapsulation (RFC 2473 §3.1)', () => {
  it('adds the tunnel header: NH 41, hop limit 64 by default, DSCP and flow label as configured', () => {
    expect(toHex(value(encapsulateInIPv6(inner, { src: LMAA, dst: PCOA })))).toBe(
      VECTORS.tunnel_downlink_ipv6inipv6,
    );
    const custom = value(
      encapsulateInIPv6(inner, { src: LMAA, dst: PCOA, hopLimit: 17, dscp: 46, flowLabel: 0xabcde }),
    );
    expect(toHex(custom.subarray(0, 8))).toBe('6b8abcde00342911');
  });

  it('copies inner ECT to the outer header and turns inner CE into outer ECT(0) (RFC 3168 §9.1.1)', () => {
    const outerFor = (ecn: number) =>
      ipv6Ecn(value(encapsulateInIPv6(withIPv6Ecn(inner, ecn), { src: LMAA, dst: PCOA })));
    expect([NOT_ECT, ECT1, ECT0, CE].map(outerFor)).toEqual([NOT_ECT, ECT1, ECT0, ECT0]);
    expect([NOT_ECT, ECT1, ECT0, CE].map(encapsulationEcn)).toEqual([NOT_ECT, ECT1, ECT0, ECT0]);
  });

  it('adds a Tunnel Encapsulation Limit option when asked (RFC 2473 §4.1.1)', () => {
    const b = value(encapsulateInIPv6(inner, { src: LMAA, dst: PCOA, encapsulationLimit: 4 }));
    expect(toHex(b.subarray(4, 8))).toBe('003c3c40'); // payload 60 = 8 + 52, NH 60, hop limit 64
    expect(toHex(b.subarray(40, 48))).toBe('2900040104010100');
    expect(tunnelEncapsulationLimit(b)).toEqual({ limit: 4, offset: 44 });
  });

  it('decrements the limit of a tunnel packet it nests, and refuses one whose limit is 0', () => {
    const once = value(encapsulateInIPv6(inner, { src: LMAA, dst: PCOA, encapsulationLimit: 4 }));
    const twice = value(encapsulateInIPv6(once, { src: '2001:db8::a', dst: '2001:db8::b' }));
    expect(tunnelEncapsulationLimit(twice)).toEqual({ limit: 3, offset: 44 });
    const spent = value(encapsulateInIPv6(inner, { src: LMAA, dst: PCOA, encapsulationLimit: 0 }));
    expect(encapsulateInIPv6(spent, { src: '2001:db8::a', dst: '2001:db8::b' })).toMatchObject({
      ok: false,
      error: { layer: 'tunnel', field: 'Tunnel Encapsulation Limit', offset: 44 },
    });
    expect(tunnelEncapsulationLimit(inner)).toBeNull();
  });

  it('carries IPv4 (NH 4) with the ECN taken from the Type of Service octet', () => {
    const v4 = emitIPv4Packet({
      tos: 0x01,
      identification: 1,
      dontFragment: false,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol: 17,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      options: new Uint8Array(0),
      payload: new Uint8Array(8),
    });
    const b = value(encapsulateInIPv6(v4, { src: LMAA, dst: PCOA }));
    expect([b[6], ipv6Ecn(b)]).toEqual([4, ECT1]);
    expect(encapsulateInIPv6(fromHex('12345678'), { src: LMAA, dst: PCOA })).toMatchObject({
      ok: false,
      error: { field: 'inner Version' },
    });
  });
});

describe('decapsulation (RFC 2473 §3.3, RFC 5213 §5.6.3)', () => {
  it('returns the inner packet unchanged when there is no congestion mark', () => {
    const d = value(decapsulateFromIPv6(golden));
    expect(d).toMatchObject({ innerProtocol: 41, innerOffset: 40, encapsulationLimit: null });
    expect(toHex(d.inner)).toBe(toHex(inner));
  });

  it('marks an ECT inner packet CE when the outer header says CE, and leaves Not-ECT alone', () => {
    const innerAfter = (innerEcn: number, outerEcn: number) => {
      const outer = value(encapsulateInIPv6(withIPv6Ecn(inner, innerEcn), { src: LMAA, dst: PCOA }));
      return ipv6Ecn(value(decapsulateFromIPv6(withIPv6Ecn(outer, outerEcn))).inner);
    };
    expect(innerAfter(ECT0, CE)).toBe(CE);
    expect(innerAfter(ECT1, CE)).toBe(CE);
    expect(innerAfter(NOT_ECT, CE)).toBe(NOT_ECT);
    expect(innerAfter(ECT1, ECT0)).toBe(ECT1);
    expect(decapsulationEcn(ECT0, CE)).toBe(CE);
    expect(decapsulationEcn(CE, NOT_ECT)).toBe(CE);
  });

  it('does not write into the tunnel packet when it marks the inner one', () => {
    const outer = withIPv6Ecn(
      value(encapsulateInIPv6(withIPv6Ecn(inner, ECT0), { src: LMAA, dst: PCOA })),
      CE,
    );
    const before = toHex(outer);
    const d = value(decapsulateFromIPv6(outer));
    expect(ipv6Ecn(d.inner)).toBe(CE);
    expect(toHex(outer)).toBe(before);
    expect(parseIPv6Packet(d.inner).ok).toBe(true);
  });

  it('recomputes the IPv4 header checksum when it marks an IPv4 inner packet CE', () => {
    const v4 = emitIPv4Packet({
      tos: 0x02,
      identification: 9,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 9,
      protocol: 1,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      options: new Uint8Array(0),
      payload: new Uint8Array(4),
    });
    const outer = withIPv6Ecn(value(encapsulateInIPv6(v4, { src: LMAA, dst: PCOA })), CE);
    const d = value(decapsulateFromIPv6(outer));
    expect(d.innerProtocol).toBe(4);
    expect(value(parseIPv4Packet(d.inner))).toMatchObject({ tos: 0x03, checksumValid: true });
  });

  it('reports the outer encapsulation limit and skips the options header', () => {
    const b = value(encapsulateInIPv6(inner, { src: LMAA, dst: PCOA, encapsulationLimit: 2 }));
    const d = value(decapsulateFromIPv6(b));
    expect([d.innerOffset, d.encapsulationLimit]).toEqual([48, 2]);
    expect(toHex(d.inner)).toBe(toHex(inner));
  });

  it('fails on packets that are not tunnel packets or whose inner header is broken', () => {
    expect(decapsulateFromIPv6(inner)).toMatchObject({
      ok: false,
      error: { layer: 'tunnel', field: 'Next Header', offset: 6 },
    });
    const cut = emitIPv6Packet({
      trafficClass: 0,
      flowLabel: 0,
      hopLimit: 64,
      src: LMAA,
      dst: PCOA,
      extHeaders: [],
      nextHeader: 41,
      payload: inner.subarray(0, 30),
    });
    expect(decapsulateFromIPv6(cut)).toMatchObject({
      ok: false,
      error: { field: 'inner header', offset: 40 },
    });
    expect(decapsulateFromIPv6(golden.subarray(0, 50))).toMatchObject({
      ok: false,
      error: { field: 'header' },
    });
  });
});
