import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import { emitGre, parseGre } from '../../../src/sim/wire/gre';
import { emitIPv4Packet, parseIPv4Packet } from '../../../src/sim/wire/ipv4';
import type { IPv4Packet } from '../../../src/sim/wire/ipv4';
import { emitUdp, parseUdp } from '../../../src/sim/wire/udp';
import { expectedAt, referenceChecksum, referencePlainChecksum } from './reference-checksum';

const MN = '2001:db8:1:1:211:22ff:fe33:4455';
const CN = '2001:db8:cafe::100';

describe('UDP (RFC 768)', () => {
  it('over IPv6: header fields and the RFC 8200 §8.1 pseudo-header checksum', () => {
    const b = emitUdp({ srcPort: 5000, dstPort: 6000, payload: fromHex('68656c6c6f') }, MN, CN);
    expect(toHex(b.subarray(0, 6))).toBe('13881770000d');
    expect((b[6] << 8) | b[7]).toBe(expectedAt(b, 6, (z) => referenceChecksum(MN, CN, 17, z)));
    expect(parseUdp(b, 0, b.length, MN, CN)).toEqual({
      ok: true,
      value: {
        srcPort: 5000,
        dstPort: 6000,
        payload: fromHex('68656c6c6f'),
        checksum: (b[6] << 8) | b[7],
        checksumValid: true,
      },
    });
  });

  it('over IPv4: the RFC 768 pseudo-header; a zero checksum means "not computed" there but is invalid over IPv6', () => {
    const b = emitUdp({ srcPort: 5436, dstPort: 5436, payload: fromHex('3b') }, '192.0.2.1', '198.51.100.7');
    expect((b[6] << 8) | b[7]).toBe(
      expectedAt(b, 6, (z) => referenceChecksum('192.0.2.1', '198.51.100.7', 17, z)),
    );
    const zero = b.slice();
    zero[6] = 0;
    zero[7] = 0;
    expect(parseUdp(zero, 0, zero.length, '192.0.2.1', '198.51.100.7')).toMatchObject({
      ok: true,
      value: { checksum: 0, checksumValid: true },
    });
    expect(parseUdp(zero, 0, zero.length, MN, CN)).toMatchObject({
      ok: true,
      value: { checksum: 0, checksumValid: false },
    });
  });

  it('sends a computed checksum of zero as 0xffff', () => {
    const payload = fromHex('00000000');
    const trial = emitUdp({ srcPort: 1, dstPort: 2, payload }, MN, CN);
    const c = (trial[6] << 8) | trial[7];
    // Two payload octets equal to the checksum computed with them zero bring the sum to 0xffff, i.e. a checksum of 0.
    const zeroing = fromHex('0000' + c.toString(16).padStart(4, '0'));
    const b = emitUdp({ srcPort: 1, dstPort: 2, payload: zeroing }, MN, CN);
    expect(toHex(b.subarray(6, 8))).toBe('ffff');
    expect(parseUdp(b, 0, b.length, MN, CN)).toMatchObject({ ok: true, value: { checksumValid: true } });
  });

  it('bounds the payload by the Length field and rejects impossible lengths', () => {
    const b = emitUdp({ srcPort: 1, dstPort: 2, payload: fromHex('aabbcc') }, MN, CN);
    const padded = new Uint8Array(b.length + 4);
    padded.set(b);
    expect(parseUdp(padded, 0, padded.length, MN, CN)).toMatchObject({
      ok: true,
      value: { payload: fromHex('aabbcc'), checksumValid: true },
    });
    const short = b.slice();
    short[5] = 7;
    expect(parseUdp(short, 0, short.length, MN, CN)).toMatchObject({
      ok: false,
      error: { layer: 'udp', field: 'Length', offset: 4 },
    });
    expect(parseUdp(b, 0, 10, MN, CN)).toMatchObject({ ok: false, error: { field: 'Length' } });
    expect(parseUdp(b, 0, 7, MN, CN)).toMatchObject({ ok: false, error: { field: 'header' } });
    expect(parseUdp(b, 0, b.length, MN, '192.0.2.1')).toMatchObject({
      ok: false,
      error: { field: 'pseudo-header' },
    });
  });
});

describe('IPv4 (RFC 791)', () => {
  const p: IPv4Packet = {
    tos: 0,
    identification: 0,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: 64,
    protocol: 17,
    src: '192.168.0.1',
    dst: '192.168.0.199',
    options: new Uint8Array(0),
    payload: new Uint8Array(95),
  };

  it('reproduces the textbook header with checksum 0xb861', () => {
    const b = emitIPv4Packet(p);
    expect(toHex(b.subarray(0, 20))).toBe('45000073000040004011b861c0a80001c0a800c7');
    expect(parseIPv4Packet(b)).toEqual({ ok: true, value: { ...p, checksum: 0xb861, checksumValid: true } });
  });

  it('pads options to a 4-octet boundary and reports a bad checksum without failing', () => {
    const b = emitIPv4Packet({
      ...p,
      options: fromHex('940400'),
      moreFragments: true,
      fragmentOffset: 3,
      tos: 0x02,
    });
    expect(b[0]).toBe(0x46);
    expect(toHex(b.subarray(6, 8))).toBe('6003');
    expect((b[10] << 8) | b[11]).toBe(expectedAt(b.subarray(0, 24), 10, referencePlainChecksum));
    b[8] = 1;
    expect(parseIPv4Packet(b)).toMatchObject({
      ok: true,
      value: { ttl: 1, options: fromHex('94040000'), checksumValid: false },
    });
  });

  it('rejects short headers, bad IHL, bad Total Length and wrong version', () => {
    const b = emitIPv4Packet(p);
    expect(parseIPv4Packet(b.subarray(0, 19))).toMatchObject({
      ok: false,
      error: { layer: 'ipv4', field: 'header' },
    });
    const ihl = b.slice();
    ihl[0] = 0x44;
    expect(parseIPv4Packet(ihl)).toMatchObject({ ok: false, error: { field: 'IHL', offset: 0 } });
    expect(parseIPv4Packet(b.subarray(0, 100))).toMatchObject({
      ok: false,
      error: { field: 'Total Length', offset: 2 },
    });
    const v6 = b.slice();
    v6[0] = 0x65;
    expect(parseIPv4Packet(v6)).toMatchObject({ ok: false, error: { field: 'Version' } });
  });
});

describe('GRE (RFC 2784, RFC 2890)', () => {
  it('writes Key and Sequence Number when present (RFC 5845 keyed tunnel)', () => {
    const b = emitGre({
      protocolType: 0x86dd,
      withChecksum: false,
      key: 0x1234,
      sequence: 7,
      payload: fromHex('60'),
    });
    expect(toHex(b)).toBe('300086dd' + '00001234' + '00000007' + '60');
    expect(parseGre(b, 0, b.length)).toEqual({
      ok: true,
      value: {
        protocolType: 0x86dd,
        withChecksum: false,
        key: 0x1234,
        sequence: 7,
        payload: fromHex('60'),
        checksumValid: true,
      },
    });
  });

  it('the minimal header, and the optional checksum over header and payload', () => {
    expect(toHex(emitGre({ protocolType: 0x0800, withChecksum: false, payload: new Uint8Array(0) }))).toBe(
      '00000800',
    );
    const b = emitGre({
      protocolType: 0x0800,
      withChecksum: true,
      key: 0xffffffff,
      payload: fromHex('4500'),
    });
    expect(toHex(b.subarray(0, 4))).toBe('a0000800');
    expect((b[4] << 8) | b[5]).toBe(expectedAt(b, 4, referencePlainChecksum));
    expect(parseGre(b, 0, b.length)).toMatchObject({
      ok: true,
      value: { key: 0xffffffff, withChecksum: true, checksumValid: true },
    });
    b[9] ^= 1;
    expect(parseGre(b, 0, b.length)).toMatchObject({ ok: true, value: { checksumValid: false } });
  });

  it('discards version ≠ 0, RFC 1701 bits, and truncated optional words', () => {
    expect(parseGre(fromHex('000186dd'), 0, 4)).toMatchObject({
      ok: false,
      error: { layer: 'gre', field: 'Ver', offset: 1 },
    });
    expect(parseGre(fromHex('400086dd'), 0, 4)).toMatchObject({ ok: false, error: { field: 'Reserved0' } });
    expect(parseGre(fromHex('200086dd0000'), 0, 6)).toMatchObject({ ok: false, error: { field: 'header' } });
    expect(parseGre(fromHex('0000'), 0, 2)).toMatchObject({ ok: false });
  });
});

describe('emitters refuse values that do not fit their field', () => {
  it('UDP ports, IPv4 TTL and fragment offset, GRE key', () => {
    expect(() => emitUdp({ srcPort: 70000, dstPort: 1, payload: new Uint8Array(0) }, MN, CN)).toThrow(
      /Source Port/,
    );
    expect(() =>
      emitIPv4Packet({
        tos: 0,
        identification: 0,
        dontFragment: false,
        moreFragments: false,
        fragmentOffset: 0,
        ttl: 256,
        protocol: 17,
        src: '10.0.0.1',
        dst: '10.0.0.2',
        options: new Uint8Array(0),
        payload: new Uint8Array(0),
      }),
    ).toThrow(/Time to Live/);
    expect(() =>
      emitIPv4Packet({
        tos: 0,
        identification: 0,
        dontFragment: false,
        moreFragments: false,
        fragmentOffset: 0x2000,
        ttl: 1,
        protocol: 17,
        src: '10.0.0.1',
        dst: '10.0.0.2',
        options: new Uint8Array(0),
        payload: new Uint8Array(0),
      }),
    ).toThrow(/Fragment Offset/);
    expect(() =>
      emitGre({ protocolType: 0x86dd, withChecksum: false, key: 2 ** 32, payload: new Uint8Array(0) }),
    ).toThrow(/Key/);
  });
});
