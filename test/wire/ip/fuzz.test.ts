/**
 * Fuzz: 100,000 seeded inputs — mutations of the golden vectors and of hand-built packets of every kind
 * (bit flips, truncation, length-field corruption, splices, garbage) — fed to every parser of the IP layer,
 * to the decoder, the summary and the capture readers. None may throw. Whatever parses must also survive
 * emit → parse unchanged (an oracle that catches parsers accepting what emitters cannot reproduce), and
 * wherever the full decoder finds no error the cheap summary must give the same label, class and flag.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import { decodePacket, packetSummary } from '../../../src/sim/wire/decode';
import { parseExtHeaderChain } from '../../../src/sim/wire/ext-headers';
import { emitGre, parseGre } from '../../../src/sim/wire/gre';
import { emitIcmpv6, parseIcmpv6 } from '../../../src/sim/wire/icmpv6';
import { emitIPv4Packet, parseIPv4Packet } from '../../../src/sim/wire/ipv4';
import { emitIPv6Packet, ipv6UpperLayer, parseIPv6Packet, readIPv6Fixed } from '../../../src/sim/wire/ipv6';
import { parseIPv6Options } from '../../../src/sim/wire/ipv6-options';
import { parseNdOptions } from '../../../src/sim/wire/nd-options';
import { readPcap, writePcap } from '../../../src/sim/wire/pcap';
import { readPcapng, writePcapng } from '../../../src/sim/wire/pcapng';
import {
  decapsulateFromIPv6,
  encapsulateInIPv6,
  tunnelEncapsulationLimit,
} from '../../../src/sim/wire/tunnel';
import { emitUdp, parseUdp } from '../../../src/sim/wire/udp';
import { VECTORS } from './fixtures';

const INPUTS = 100_000;

/** mulberry32: a small seeded PRNG, so every run sees the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const A = '2001:db8::a';
const B = '2001:db8::b';
const v4 = (protocol: number, payload: Uint8Array) =>
  emitIPv4Packet({
    tos: 2,
    identification: 1,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: 64,
    protocol,
    src: '192.0.2.1',
    dst: '192.0.2.2',
    options: new Uint8Array(0),
    payload,
  });
const v6 = (
  nextHeader: number,
  payload: Uint8Array,
  extHeaders: Parameters<typeof emitIPv6Packet>[0]['extHeaders'] = [],
) =>
  emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: 64,
    src: A,
    dst: B,
    extHeaders,
    nextHeader,
    payload,
  });

function seeds(): Uint8Array[] {
  const golden = Object.values(VECTORS).map((h) => fromHex(h));
  const inner = golden[6].subarray(40);
  const limited = encapsulateInIPv6(inner, { src: A, dst: B, encapsulationLimit: 2 });
  const built = [
    limited.ok ? limited.value : inner,
    v6(
      58,
      emitIcmpv6(
        {
          type: 'neighbor-advertisement',
          router: true,
          solicited: true,
          override: false,
          target: A,
          options: [
            { kind: 'target-lla', address: '00:11:22:33:44:55' },
            { kind: 'unknown', type: 14, data: new Uint8Array(6) },
          ],
        },
        A,
        B,
      ),
    ),
    v6(58, emitIcmpv6({ type: 'packet-too-big', mtu: 1280, invoking: inner }, A, B)),
    v6(58, emitIcmpv6({ type: 'router-solicitation', options: [] }, A, B), [
      { kind: 'hop-by-hop', options: [{ kind: 'router-alert', value: 0 }] },
    ]),
    v6(17, emitUdp({ srcPort: 5000, dstPort: 6000, payload: new Uint8Array(12) }, A, B), [
      { kind: 'routing', routingType: 2, segmentsLeft: 1, data: new Uint8Array(20) },
      { kind: 'other', protocol: 51, data: new Uint8Array(14) },
      { kind: 'fragment', fragmentOffset: 0, more: false, identification: 9 },
    ]),
    v6(4, v4(17, emitUdp({ srcPort: 1, dstPort: 2, payload: new Uint8Array(3) }, '192.0.2.1', '192.0.2.2'))),
    v4(47, emitGre({ protocolType: 0x86dd, withChecksum: true, key: 5, sequence: 6, payload: inner })),
    v4(
      17,
      emitUdp(
        { srcPort: 5436, dstPort: 5436, payload: fromHex(VECTORS.heartbeat_req).subarray(40) },
        '192.0.2.1',
        '192.0.2.2',
      ),
    ),
    v4(17, emitUdp({ srcPort: 5437, dstPort: 5437, payload: inner }, '192.0.2.1', '192.0.2.2')),
  ];
  return [...golden, ...built];
}

const SPECIAL = [
  0, 1, 2, 4, 0x3c, 0x29, 0x2b, 0x2c, 0x33, 0x3a, 0x3b, 0x11, 0x2f, 0x87, 0x80, 0xff, 0x7f, 0x40, 0x45, 0x60,
];
/** Offsets of length fields in the seeds: IPv6 Payload Length, ext/MH Header Len, inner Payload Length, IPv4 Total Length, UDP Length, option lengths. */
const LENGTH_FIELDS = [2, 3, 4, 5, 41, 43, 44, 45, 49, 24, 25, 46, 47, 50, 51, 57, 65, 73];

function mutate(r: () => number, pool: readonly Uint8Array[]): Uint8Array {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  let b = pick(pool).slice();
  const rounds = 1 + Math.floor(r() * 3);
  for (let i = 0; i < rounds; i++) {
    const at = Math.floor(r() * Math.max(1, b.length));
    switch (Math.floor(r() * 7)) {
      case 0: // bit flips
        for (let k = 1 + Math.floor(r() * 8); k > 0 && b.length; k--)
          b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
        break;
      case 1: // truncation
        b = b.slice(0, Math.floor(r() * (b.length + 1)));
        break;
      case 2: {
        // length-field corruption
        const f = pick(LENGTH_FIELDS);
        if (f < b.length) b[f] = r() < 0.5 ? pick(SPECIAL) : Math.floor(r() * 256);
        break;
      }
      case 3: // interesting values at random places
        if (b.length) b[at] = pick(SPECIAL);
        break;
      case 4: {
        // splice two packets
        const other = pick(pool);
        const cut = Math.floor(r() * (other.length + 1));
        b = Uint8Array.from([...b.subarray(0, at), ...other.subarray(cut)]);
        break;
      }
      case 5: // append garbage
        b = Uint8Array.from([
          ...b,
          ...Array.from({ length: Math.floor(r() * 24) }, () => Math.floor(r() * 256)),
        ]);
        break;
      default: // fresh garbage with a plausible first octet
        b = Uint8Array.from({ length: Math.floor(r() * 160) }, (_, j) =>
          j === 0 ? pick([0x60, 0x45, 0x46, 0x00]) : Math.floor(r() * 256),
        );
    }
  }
  return b;
}

/** Compares with Uint8Arrays as hex. */
const plain = (v: unknown): unknown =>
  v instanceof Uint8Array
    ? toHex(v)
    : Array.isArray(v)
      ? v.map(plain)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
        : v;

function exercise(b: Uint8Array, r: () => number): void {
  const off = Math.floor(r() * (b.length + 4)) - 2;
  const len = Math.floor(r() * (b.length + 4)) - 2;
  const inRange = Math.min(Math.max(off, 0), b.length);
  parseIPv6Packet(b, off);
  readIPv6Fixed(b);
  ipv6UpperLayer(b);
  parseExtHeaderChain(b, 40, b.length, b.length > 6 ? b[6] : 0);
  parseIPv6Options(b, inRange, b.length, 'fuzz');
  parseNdOptions(b, inRange, b.length);
  parseIcmpv6(b, off, len, A, B);
  parseIcmpv6(b, 0, b.length, A, B);
  parseUdp(b, off, len, A, B);
  parseUdp(b, 0, b.length, '192.0.2.1', '192.0.2.2');
  parseIPv4Packet(b);
  parseIPv4Packet(b, off);
  parseGre(b, off, len);
  parseGre(b, 0, b.length);
  decapsulateFromIPv6(b);
  tunnelEncapsulationLimit(b);
  encapsulateInIPv6(b, { src: A, dst: B });
  const d = decodePacket(b);
  const s = packetSummary(b);
  // Where the full decoder finds nothing wrong, the cheap summary must say the same.
  if (!d.error && (s.label !== d.label || s.cls !== d.cls || s.tunnelled !== d.tunnelled))
    throw new Error(`summary ${JSON.stringify(s)} ≠ decode ${d.label}`);
  oracle(b);
}

/** What parses survives emit → parse unchanged. */
function oracle(b: Uint8Array): void {
  const p = parseIPv6Packet(b);
  if (!p.ok) return;
  const again = parseIPv6Packet(emitIPv6Packet(p.value));
  if (!again.ok || JSON.stringify(plain(again.value)) !== JSON.stringify(plain(p.value)))
    throw new Error('IPv6 repr changed across emit → parse');
  if (p.value.nextHeader !== 58) return;
  const m = parseIcmpv6(p.value.payload, 0, p.value.payload.length, p.value.src, p.value.dst);
  if (!m.ok) return;
  const { checksum: _c, checksumValid: _v, ...msg } = m.value;
  const e = emitIcmpv6(msg, p.value.src, p.value.dst);
  const m2 = parseIcmpv6(e, 0, e.length, p.value.src, p.value.dst);
  if (!m2.ok || !m2.value.checksumValid) throw new Error('ICMPv6 re-emit does not parse');
  const { checksum: _c2, checksumValid: _v2, ...msg2 } = m2.value;
  if (JSON.stringify(plain(msg2)) !== JSON.stringify(plain(msg)))
    throw new Error('ICMPv6 repr changed across emit → parse');
}

describe('fuzz', () => {
  it(`${INPUTS} mutated inputs: no parser throws, and what parses round-trips`, () => {
    const r = rng(0x5213);
    const pool = seeds();
    const captures = [
      writePcap(pool.map((bytes, i) => ({ t: i * 1000, bytes }))),
      writePcapng({
        interfaces: [{ name: 'lma0', description: 'LMA' }],
        packets: pool.map((bytes, i) => ({ t: i, iface: 0, bytes, comment: 'c' })),
      }),
    ];
    const failures: string[] = [];
    let parsedOk = 0;
    for (let i = 0; i < INPUTS; i++) {
      const b = mutate(r, pool);
      try {
        exercise(b, r);
        if (parseIPv6Packet(b).ok) parsedOk++;
      } catch (e) {
        if (failures.length < 5) failures.push(`${(e as Error).message}: ${toHex(b)}`);
      }
      if (i % 8 === 0) {
        const c = mutate(r, captures);
        try {
          readPcap(c);
          readPcapng(c);
        } catch (e) {
          if (failures.length < 5)
            failures.push(`capture reader: ${(e as Error).message}: ${toHex(c.subarray(0, 64))}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The mutations must leave a good share of inputs parseable, or the oracle would test nothing.
    expect(parsedOk).toBeGreaterThan(INPUTS / 10);
  });
});
