import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import type { Icmpv6Message } from '../../../src/sim/wire/icmpv6';
import { emitIcmpv6, invokingPacket, MAX_INVOKING, parseIcmpv6 } from '../../../src/sim/wire/icmpv6';
import { expectedAt, referenceChecksum } from './reference-checksum';

const MN_LL = 'fe80::211:22ff:fe33:4455';
const MAG_LL = 'fe80::200:5eff:fe00:5213';
const MN = '2001:db8:1:1:211:22ff:fe33:4455';
const ROUTER = '2001:db8:ffff::1';

function roundTrip(m: Icmpv6Message, src: string, dst: string): Uint8Array {
  const b = emitIcmpv6(m, src, dst);
  expect((b[2] << 8) | b[3]).toBe(expectedAt(b, 2, (z) => referenceChecksum(src, dst, 58, z)));
  const back = parseIcmpv6(b, 0, b.length, src, dst);
  expect(back).toEqual({ ok: true, value: { ...m, checksum: (b[2] << 8) | b[3], checksumValid: true } });
  return b;
}

describe('RFC 4443 messages', () => {
  it('echo reply: type 129, identifier, sequence, data', () => {
    const b = roundTrip(
      { type: 'echo-reply', identifier: 0x1234, sequence: 4, data: fromHex('70696e67') },
      MN,
      '2001:db8:cafe::100',
    );
    expect(toHex(b.subarray(0, 2))).toBe('8100');
    expect(toHex(b.subarray(4))).toBe('1234000470696e67');
  });

  it('destination unreachable (code 4, port unreachable) with a zero Unused word', () => {
    const invoking = fromHex('6000000000083a40' + '00'.repeat(32) + '0102030405060708');
    const b = roundTrip({ type: 'destination-unreachable', code: 4, invoking }, ROUTER, MN);
    expect(toHex(b.subarray(0, 2))).toBe('0104');
    expect(toHex(b.subarray(4, 8))).toBe('00000000');
    expect(toHex(b.subarray(8))).toBe(toHex(invoking));
  });

  it('packet too big carries the MTU; time exceeded and parameter problem their code and pointer', () => {
    const inv = fromHex('60000000');
    expect(
      toHex(roundTrip({ type: 'packet-too-big', mtu: 1280, invoking: inv }, ROUTER, MN).subarray(0, 8)).slice(
        0,
        4,
      ),
    ).toBe('0200');
    expect(
      toHex(roundTrip({ type: 'packet-too-big', mtu: 1280, invoking: inv }, ROUTER, MN).subarray(4, 8)),
    ).toBe('00000500');
    expect(
      toHex(roundTrip({ type: 'time-exceeded', code: 0, invoking: inv }, ROUTER, MN).subarray(0, 2)),
    ).toBe('0300');
    expect(
      toHex(
        roundTrip({ type: 'parameter-problem', code: 1, pointer: 6, invoking: inv }, ROUTER, MN).subarray(
          4,
          8,
        ),
      ),
    ).toBe('00000006');
  });

  it('limits the quoted invoking packet to 1232 octets (RFC 4443 §3.1)', () => {
    expect(invokingPacket(new Uint8Array(2000)).length).toBe(MAX_INVOKING);
    expect(invokingPacket(new Uint8Array(100)).length).toBe(100);
    expect(MAX_INVOKING).toBe(1280 - 40 - 8);
  });

  it('keeps types it does not model (an MLDv2 report) whole', () => {
    roundTrip(
      {
        type: 'unknown',
        icmpType: 143,
        code: 0,
        body: fromHex('0000000104000000ff020000000000000000000000000001'),
      },
      MN_LL,
      'ff02::16',
    );
  });
});

describe('RFC 4861 Neighbor Discovery', () => {
  it('router solicitation with a Source Link-layer Address option', () => {
    const b = roundTrip(
      { type: 'router-solicitation', options: [{ kind: 'source-lla', address: '00:11:22:33:44:55' }] },
      MN_LL,
      'ff02::2',
    );
    expect(toHex(b)).toBe(`8500${toHex(b.subarray(2, 4))}00000000` + '0101001122334455');
  });

  it('router advertisement flags: M, O, H, Prf low, P', () => {
    const ra: Icmpv6Message = {
      type: 'router-advertisement',
      curHopLimit: 0,
      managed: true,
      other: true,
      homeAgent: true,
      preference: 'low',
      proxy: true,
      routerLifetime: 0,
      reachableTime: 30000,
      retransTimer: 1000,
      options: [],
    };
    const b = roundTrip(ra, MAG_LL, 'ff02::1');
    expect(toHex(b.subarray(4))).toBe('00fc0000' + '00007530' + '000003e8');
  });

  it('neighbor solicitation and advertisement with target and flags R, S, O', () => {
    const ns = roundTrip(
      {
        type: 'neighbor-solicitation',
        target: MN,
        options: [{ kind: 'source-lla', address: '00:00:5e:00:52:13' }],
      },
      MAG_LL,
      'ff02::1:ff33:4455',
    );
    expect(toHex(ns.subarray(0, 24))).toBe(
      `8700${toHex(ns.subarray(2, 4))}00000000` + '20010db800010001021122fffe334455',
    );
    const na = roundTrip(
      {
        type: 'neighbor-advertisement',
        router: true,
        solicited: true,
        override: true,
        target: MN,
        options: [{ kind: 'target-lla', address: '00:11:22:33:44:55' }],
      },
      MN,
      MAG_LL,
    );
    expect(toHex(na.subarray(4, 8))).toBe('e0000000');
    expect(toHex(na.subarray(24))).toBe('0201001122334455');
  });

  it('keeps unknown options and non-Ethernet link-layer addresses as unknown', () => {
    roundTrip(
      {
        type: 'neighbor-solicitation',
        target: MN,
        options: [
          { kind: 'unknown', type: 14, data: fromHex('0102030405a6') }, // RFC 3971 Nonce
          { kind: 'unknown', type: 1, data: fromHex('0011223344556677' + '000000000000') }, // 16-octet SLLA
        ],
      },
      '::',
      'ff02::1:ff33:4455',
    );
  });

  it('discards a message with a zero-length option (RFC 4861 §4.6)', () => {
    const b = emitIcmpv6(
      { type: 'router-solicitation', options: [{ kind: 'source-lla', address: '00:11:22:33:44:55' }] },
      MN_LL,
      'ff02::2',
    );
    b[9] = 0;
    expect(parseIcmpv6(b, 0, b.length, MN_LL, 'ff02::2')).toMatchObject({
      ok: false,
      error: { layer: 'icmpv6', field: 'option Length', offset: 9 },
    });
  });

  it('rejects an option running past the end, a wrong PIO/MTU length, and a non-zero ND code', () => {
    const rs = emitIcmpv6(
      { type: 'router-solicitation', options: [{ kind: 'mtu', mtu: 1500 }] },
      MN_LL,
      'ff02::2',
    );
    const longOpt = rs.slice();
    longOpt[9] = 2;
    expect(parseIcmpv6(longOpt, 0, longOpt.length, MN_LL, 'ff02::2')).toMatchObject({
      ok: false,
      error: { offset: 9 },
    });
    const badMtu = fromHex('85000000' + '00000000' + '0502' + '00'.repeat(14));
    expect(parseIcmpv6(badMtu, 0, badMtu.length, MN_LL, 'ff02::2')).toMatchObject({
      ok: false,
      error: { field: 'MTU option' },
    });
    const code = rs.slice();
    code[1] = 1;
    expect(parseIcmpv6(code, 0, code.length, MN_LL, 'ff02::2')).toMatchObject({
      ok: false,
      error: { field: 'Code', offset: 1 },
    });
  });
});

describe('parse robustness', () => {
  it('reports a wrong checksum instead of failing', () => {
    const b = emitIcmpv6(
      { type: 'echo-request', identifier: 1, sequence: 2, data: new Uint8Array(0) },
      MN,
      ROUTER,
    );
    const good = (b[2] << 8) | b[3];
    b[3] ^= 0xff;
    const r = parseIcmpv6(b, 0, b.length, MN, ROUTER);
    expect(r).toMatchObject({
      ok: true,
      value: { type: 'echo-request', checksum: good ^ 0xff, checksumValid: false },
    });
    expect(parseIcmpv6(b, 0, b.length, ROUTER, MN)).toMatchObject({
      ok: true,
      value: { checksumValid: false },
    });
  });

  it('fails on too-short messages per type, and on bad pseudo-header addresses, without throwing', () => {
    expect(parseIcmpv6(fromHex('8000'), 0, 2, MN, ROUTER)).toMatchObject({
      ok: false,
      error: { field: 'header' },
    });
    expect(parseIcmpv6(fromHex('80000000'), 0, 4, MN, ROUTER)).toMatchObject({
      ok: false,
      error: { field: 'length' },
    });
    expect(parseIcmpv6(fromHex('88000000' + '00'.repeat(16)), 0, 20, MN, ROUTER)).toMatchObject({
      ok: false,
      error: { field: 'length' },
    });
    expect(parseIcmpv6(fromHex('8000000000000000'), 0, 8, 'not-an-address', ROUTER)).toMatchObject({
      ok: false,
      error: { field: 'pseudo-header' },
    });
    expect(parseIcmpv6(fromHex('8000000000000000'), 4, 8, MN, ROUTER)).toMatchObject({ ok: false });
  });

  it('reads a message in the middle of a buffer, bounded by the given length', () => {
    const m = emitIcmpv6(
      { type: 'echo-request', identifier: 7, sequence: 9, data: fromHex('aabb') },
      MN,
      ROUTER,
    );
    const buf = new Uint8Array(5 + m.length + 3);
    buf.set(m, 5);
    expect(parseIcmpv6(buf, 5, m.length, MN, ROUTER)).toMatchObject({
      ok: true,
      value: { sequence: 9, data: fromHex('aabb'), checksumValid: true },
    });
  });
});

describe('emitters refuse values that do not fit their field', () => {
  it('echo sequence, error MTU, RA lifetime and preference, PIO prefix length', () => {
    expect(() =>
      emitIcmpv6(
        { type: 'echo-request', identifier: 1, sequence: 65536, data: new Uint8Array(0) },
        MN,
        ROUTER,
      ),
    ).toThrow(/Sequence Number/);
    expect(() =>
      emitIcmpv6({ type: 'packet-too-big', mtu: -1, invoking: new Uint8Array(0) }, MN, ROUTER),
    ).toThrow(/MTU/);
    const ra: Icmpv6Message = {
      type: 'router-advertisement',
      curHopLimit: 64,
      managed: false,
      other: false,
      homeAgent: false,
      preference: 'medium',
      proxy: false,
      routerLifetime: 1800,
      reachableTime: 0,
      retransTimer: 0,
      options: [],
    };
    expect(() => emitIcmpv6({ ...ra, routerLifetime: 65536 }, MAG_LL, 'ff02::1')).toThrow(/Router Lifetime/);
    expect(() => emitIcmpv6({ ...ra, preference: 'urgent' as never }, MAG_LL, 'ff02::1')).toThrow(
      /preference/,
    );
    expect(() =>
      emitIcmpv6(
        {
          ...ra,
          options: [
            {
              kind: 'prefix-info',
              prefixLength: 256,
              onLink: true,
              autonomous: true,
              routerAddress: false,
              validLifetime: 1,
              preferredLifetime: 1,
              prefix: '2001:db8::',
            },
          ],
        },
        MAG_LL,
        'ff02::1',
      ),
    ).toThrow(/Prefix Length/);
  });
});
