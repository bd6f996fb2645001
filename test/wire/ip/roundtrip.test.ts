/**
 * Round-trip properties (seeded): every representation the codecs can hold is emitted, parsed back to the
 * same value with a valid checksum, and re-emitted to the same bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/sim/wire/bytes';
import { decodePacket, packetSummary } from '../../../src/sim/wire/decode';
import { emitGre, parseGre } from '../../../src/sim/wire/gre';
import { emitIcmpv6, parseIcmpv6 } from '../../../src/sim/wire/icmpv6';
import { emitIPv4Packet, parseIPv4Packet } from '../../../src/sim/wire/ipv4';
import { emitIPv6Packet, parseIPv6Packet } from '../../../src/sim/wire/ipv6';
import { readPcap, writePcap } from '../../../src/sim/wire/pcap';
import { emitUdp, parseUdp } from '../../../src/sim/wire/udp';
import {
  grePacket,
  icmpv6Message,
  ipv4Address,
  ipv4Packet,
  ipv6Address,
  ipv6Packet,
  udpDatagram,
} from './arbitraries';

const RUNS = { seed: 20240101, numRuns: 400 };

/** Compares with Uint8Arrays as hex, so views and copies of the same octets are equal. */
const plain = (v: unknown): unknown =>
  v instanceof Uint8Array
    ? toHex(v)
    : Array.isArray(v)
      ? v.map(plain)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
        : v;

describe('round trips', () => {
  it('IPv6 packet with any extension-header chain', () => {
    fc.assert(
      fc.property(ipv6Packet, (p) => {
        const b = emitIPv6Packet(p);
        const back = parseIPv6Packet(b);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(plain(back.value)).toEqual(plain(p));
        expect(toHex(emitIPv6Packet(back.value))).toBe(toHex(b));
      }),
      RUNS,
    );
  });

  it('ICMPv6 message, checksum valid for its addresses', () => {
    fc.assert(
      fc.property(icmpv6Message, ipv6Address, ipv6Address, (m, src, dst) => {
        const b = emitIcmpv6(m, src, dst);
        const back = parseIcmpv6(b, 0, b.length, src, dst);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const { checksum, checksumValid, ...rest } = back.value;
        expect([checksum, checksumValid]).toEqual([(b[2] << 8) | b[3], true]);
        expect(plain(rest)).toEqual(plain(m));
      }),
      RUNS,
    );
  });

  it('UDP over IPv6 and over IPv4', () => {
    fc.assert(
      fc.property(
        udpDatagram,
        fc.boolean(),
        ipv6Address,
        ipv6Address,
        ipv4Address,
        ipv4Address,
        (d, v6, s6, d6, s4, d4) => {
          const [src, dst] = v6 ? [s6, d6] : [s4, d4];
          const b = emitUdp(d, src, dst);
          const back = parseUdp(b, 0, b.length, src, dst);
          expect(back.ok && plain(back.value)).toEqual(
            plain({ ...d, checksum: (b[6] << 8) | b[7], checksumValid: true }),
          );
        },
      ),
      RUNS,
    );
  });

  it('IPv4 packet', () => {
    fc.assert(
      fc.property(ipv4Packet, (p) => {
        const b = emitIPv4Packet(p);
        const back = parseIPv4Packet(b);
        expect(back.ok && plain(back.value)).toEqual(
          plain({ ...p, checksum: (b[10] << 8) | b[11], checksumValid: true }),
        );
      }),
      RUNS,
    );
  });

  it('GRE packet', () => {
    fc.assert(
      fc.property(grePacket, (g) => {
        const b = emitGre(g);
        const back = parseGre(b, 0, b.length);
        expect(back.ok && plain(back.value)).toEqual(plain({ ...g, checksumValid: true }));
      }),
      RUNS,
    );
  });

  it('the cheap summary agrees with the full decoder on every well-formed packet', () => {
    const withIcmp = fc.tuple(ipv6Packet, icmpv6Message).map(([p, m]) =>
      emitIPv6Packet({
        ...p,
        nextHeader: 58,
        extHeaders: p.extHeaders.filter((h) => h.kind !== 'fragment'),
        payload: emitIcmpv6(m, p.src, p.dst),
      }),
    );
    const withUdp = fc
      .tuple(ipv6Packet, udpDatagram)
      .map(([p, d]) =>
        emitIPv6Packet({ ...p, nextHeader: 17, extHeaders: [], payload: emitUdp(d, p.src, p.dst) }),
      );
    const tunnelled = fc
      .tuple(ipv6Packet, fc.oneof(withIcmp, withUdp))
      .map(([p, inner]) => emitIPv6Packet({ ...p, nextHeader: 41, payload: inner }));
    fc.assert(
      fc.property(fc.oneof(withIcmp, withUdp, tunnelled, ipv6Packet.map(emitIPv6Packet)), (b) => {
        const d = decodePacket(b);
        expect(packetSummary(b)).toEqual({ label: d.label, cls: d.cls, tunnelled: d.tunnelled });
      }),
      RUNS,
    );
  });

  it('pcap records keep every packet and its time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3_600_000_000 }), ipv6Packet), { maxLength: 6 }),
        (list) => {
          const packets = list.map(([t, p]) => ({ t, bytes: emitIPv6Packet(p) }));
          const r = readPcap(writePcap(packets));
          expect(r.ok && r.value.records.map((x) => [x.timestamp, toHex(x.bytes)])).toEqual(
            packets.map((p) => [1704067200_000_000 + p.t, toHex(p.bytes)]),
          );
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });
});
