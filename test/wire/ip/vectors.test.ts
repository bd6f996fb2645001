/**
 * Golden vectors (digest §7.8): the data-plane packets rebuilt byte for byte from hand-written
 * representations, and parsed back to the same values with valid checksums.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import type { Icmpv6Message } from '../../../src/sim/wire/icmpv6';
import { emitIcmpv6, parseIcmpv6 } from '../../../src/sim/wire/icmpv6';
import type { IPv6Packet } from '../../../src/sim/wire/ipv6';
import { emitIPv6Packet, parseIPv6Packet } from '../../../src/sim/wire/ipv6';
import { encapsulateInIPv6 } from '../../../src/sim/wire/tunnel';
import { VECTORS } from './fixtures';

const LMAA = '2001:db8:ffff::1';
const PROXY_COA = '2001:db8:ffff::2';
const CN = '2001:db8:cafe::100';
const MN_HOA = '2001:db8:1:1:211:22ff:fe33:4455';
const MAG_LL = 'fe80::200:5eff:fe00:5213';
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

const echo = (sequence: number, data: string): Icmpv6Message => ({
  type: 'echo-request',
  identifier: 0x1234,
  sequence,
  data: ascii(data),
});

function ipv6(
  src: string,
  dst: string,
  hopLimit: number,
  nextHeader: number,
  payload: Uint8Array,
): IPv6Packet {
  return { trafficClass: 0, flowLabel: 0, hopLimit, src, dst, extHeaders: [], nextHeader, payload };
}

const downInner = ipv6(CN, MN_HOA, 63, 58, emitIcmpv6(echo(1, 'ping'), CN, MN_HOA));
const upInner = ipv6(MN_HOA, CN, 64, 58, emitIcmpv6(echo(2, 'pong'), MN_HOA, CN));

const ra: Icmpv6Message = {
  type: 'router-advertisement',
  curHopLimit: 64,
  managed: false,
  other: false,
  homeAgent: false,
  preference: 'high',
  proxy: false,
  routerLifetime: 1800,
  reachableTime: 0,
  retransTimer: 0,
  options: [
    { kind: 'source-lla', address: '00:00:5e:00:52:13' },
    { kind: 'mtu', mtu: 1460 },
    {
      kind: 'prefix-info',
      prefixLength: 64,
      onLink: true,
      autonomous: true,
      routerAddress: false,
      validLifetime: 3600,
      preferredLifetime: 1800,
      prefix: '2001:db8:1:1::',
    },
  ],
};

describe('tunnel_downlink_ipv6inipv6 (LMA → MAG)', () => {
  const golden = VECTORS.tunnel_downlink_ipv6inipv6;
  const outer = ipv6(LMAA, PROXY_COA, 64, 41, emitIPv6Packet(downInner));

  it('emits the golden bytes from a hand-built representation', () => {
    expect(toHex(emitIPv6Packet(outer))).toBe(golden);
  });

  it('is what encapsulateInIPv6 builds around the inner packet', () => {
    const e = encapsulateInIPv6(emitIPv6Packet(downInner), { src: LMAA, dst: PROXY_COA });
    expect(e.ok && toHex(e.value)).toBe(golden);
  });

  it('parses back to the same outer, inner and ICMPv6 values with a valid checksum', () => {
    const o = parseIPv6Packet(fromHex(golden));
    if (!o.ok) throw new Error(o.error.message);
    expect({ ...o.value, payload: toHex(o.value.payload) }).toEqual({
      ...outer,
      payload: toHex(outer.payload),
    });
    const i = parseIPv6Packet(o.value.payload);
    if (!i.ok) throw new Error(i.error.message);
    expect(i.value).toMatchObject({ src: CN, dst: MN_HOA, hopLimit: 63, nextHeader: 58, extHeaders: [] });
    const m = parseIcmpv6(i.value.payload, 0, i.value.payload.length, CN, MN_HOA);
    expect(m.ok && m.value).toEqual({ ...echo(1, 'ping'), checksum: 0xffa6, checksumValid: true });
  });
});

describe('tunnel_uplink_ipv6inipv6 (MAG → LMA reverse tunnel)', () => {
  const golden = VECTORS.tunnel_uplink_ipv6inipv6;
  const outer = ipv6(PROXY_COA, LMAA, 64, 41, emitIPv6Packet(upInner));

  it('emits the golden bytes', () => {
    expect(toHex(emitIPv6Packet(outer))).toBe(golden);
  });

  it('parses back, inner ICMPv6 checksum 0xff9f valid', () => {
    const o = parseIPv6Packet(fromHex(golden));
    if (!o.ok) throw new Error(o.error.message);
    expect(o.value).toMatchObject({
      src: PROXY_COA,
      dst: LMAA,
      hopLimit: 64,
      nextHeader: 41,
      trafficClass: 0,
      flowLabel: 0,
    });
    const i = parseIPv6Packet(o.value.payload);
    if (!i.ok) throw new Error(i.error.message);
    expect(i.value).toMatchObject({ src: MN_HOA, dst: CN, hopLimit: 64, nextHeader: 58 });
    const m = parseIcmpv6(i.value.payload, 0, i.value.payload.length, MN_HOA, CN);
    expect(m.ok && m.value).toEqual({ ...echo(2, 'pong'), checksum: 0xff9f, checksumValid: true });
  });
});

describe('ra_mag_to_mn (RFC 6543 fixed MAG address, MTU 1460, PIO 2001:db8:1:1::/64)', () => {
  const golden = VECTORS.ra_mag_to_mn;

  it('emits the golden bytes', () => {
    const packet = ipv6(MAG_LL, 'ff02::1', 255, 58, emitIcmpv6(ra, MAG_LL, 'ff02::1'));
    expect(toHex(emitIPv6Packet(packet))).toBe(golden);
  });

  it('parses back to the same RA with checksum 0x417b valid', () => {
    const p = parseIPv6Packet(fromHex(golden));
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value).toMatchObject({ src: MAG_LL, dst: 'ff02::1', hopLimit: 255, nextHeader: 58 });
    const m = parseIcmpv6(fromHex(golden), 40, p.value.payload.length, MAG_LL, 'ff02::1');
    expect(m.ok && m.value).toEqual({ ...ra, checksum: 0x417b, checksumValid: true });
  });

  it('takes source and destination as octets too', () => {
    const a = emitIcmpv6(ra, MAG_LL, 'ff02::1');
    const b = emitIcmpv6(
      ra,
      fromHex('fe800000000000000200' + '5efffe005213'),
      fromHex('ff020000000000000000000000000001'),
    );
    expect(toHex(b)).toBe(toHex(a));
  });
});
