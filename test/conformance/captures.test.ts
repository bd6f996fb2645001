/**
 * Captures of the built-in scenarios (issue 3, "captures … decode in Wireshark/tshark with correct checksums
 * and no warnings"): each scenario runs headless with the reference agents for a stretch that covers its
 * attachments and first handover; the pcapng is written exactly as `npm run sim -- --pcap` writes it
 * (src/cli/capture.ts over src/sim/wire/pcapng.ts), read back with the project's reader, and every packet
 * in it is decoded with `decodePacket`. Checks, per packet:
 * - it decodes without an error, and the decoder marks no checksum incorrect;
 * - every IPv6 header's Payload Length is exactly what follows it (outer and tunnelled, RFC 8200 §3);
 * - every ICMPv6 (RFC 4443 §2.3), UDP (RFC 768, RFC 8200 §8.1) and Mobility Header (RFC 6275 §6.1.1)
 *   checksum is right, recomputed with an independent reference implementation. Over IPv4/UDP transport
 *   the MH checksum is 0 (RFC 5844 §4.1.3.2) and the UDP checksum protects it.
 */
import { describe, expect, it } from 'vitest';
import { captureLinks, pcapngOfRun } from '../../src/cli/capture';
import { installers } from '../../src/sim/agents';
import { SECOND } from '../../src/sim/core/time';
import type { Micros } from '../../src/sim/core/time';
import type { PacketTx } from '../../src/sim/core/trace-types';
import { BUILTIN_SCENARIOS, buildScenario, validateScenario } from '../../src/sim/scenario';
import { formatIPv4, formatIPv6 } from '../../src/sim/wire/addr';
import { decodePacket } from '../../src/sim/wire/decode';
import type { DecodedLayer } from '../../src/sim/wire/decode';
import type { FieldNode } from '../../src/sim/wire/fields';
import { DEFAULT_EPOCH_SECONDS, LINKTYPE_RAW } from '../../src/sim/wire/pcap';
import { readPcapng } from '../../src/sim/wire/pcapng';
import { fromHex } from '../../src/sim/wire/bytes';
import { VECTORS } from '../wire/ip/fixtures';
import { referenceChecksum } from '../wire/ip/reference-checksum';

/** How long each built-in runs: past its first attachments, its first handover or timeline event. */
const RUN_FOR: Readonly<Record<string, Micros>> = {
  'ping-across-routers': 10 * SECOND,
  'basic-domain': 35 * SECOND,
  handover: 13 * SECOND,
  multihomed: 50 * SECOND,
  'mn-leaves-domain': 25 * SECOND,
  'unauthorized-mn': 12 * SECOND,
  'lossy-backhaul': 35 * SECOND,
  'city-scale': 6 * SECOND,
};

/** Upper-layer protocol of each checksummed layer, and where its Checksum field is. */
const CHECKSUMMED: Partial<Record<DecodedLayer['kind'], { proto: number; at: number }>> = {
  icmpv6: { proto: 58, at: 2 },
  udp: { proto: 17, at: 6 },
  mobility: { proto: 135, at: 4 },
};

interface Problem {
  readonly packet: number;
  readonly what: string;
}

/** RFC 8200 §3: each IPv6 header's Payload Length reaches exactly to the end of what encloses it. */
function payloadLengthProblems(bytes: Uint8Array, layers: readonly DecodedLayer[]): string[] {
  const out: string[] = [];
  let end = bytes.length;
  for (const l of layers) {
    if (l.kind !== 'ipv6') continue;
    const pl = (bytes[l.start + 4] << 8) | bytes[l.start + 5];
    // A tunnelled packet is the last thing in its outer packet (RFC 2473 §3), so both end together.
    if (l.start + 40 + pl !== end)
      out.push(`IPv6 header at ${l.start}: Payload Length ${pl} but ${end - l.start - 40} octets follow`);
    end = l.start + 40 + pl;
  }
  return out;
}

/** Every checksum of ICMPv6, UDP and the Mobility Header, against the reference implementation. */
function checksumProblems(bytes: Uint8Array, layers: readonly DecodedLayer[]): string[] {
  const out: string[] = [];
  let ip: DecodedLayer | null = null;
  let viaUdp = false;
  for (const l of layers) {
    if (l.kind === 'ipv6' || l.kind === 'ipv4') {
      ip = l;
      viaUdp = false;
      continue;
    }
    const c = CHECKSUMMED[l.kind];
    if (!c || !ip) continue;
    const v6 = ip.kind === 'ipv6';
    const src = v6 ? formatIPv6(bytes, ip.start + 8) : formatIPv4(bytes, ip.start + 12);
    const dst = v6 ? formatIPv6(bytes, ip.start + 24) : formatIPv4(bytes, ip.start + 16);
    const data = bytes.slice(l.start, l.start + l.length);
    const stored = (data[c.at] << 8) | data[c.at + 1];
    if (l.kind === 'mobility' && viaUdp) {
      if (stored !== 0)
        out.push(
          `MH over UDP at ${l.start}: checksum 0x${stored.toString(16)}, must be 0 (RFC 5844 §4.1.3.2)`,
        );
    } else {
      data[c.at] = 0;
      data[c.at + 1] = 0;
      let want = referenceChecksum(src, dst, c.proto, data);
      if (l.kind === 'udp' && want === 0) want = 0xffff; // RFC 768: a computed 0 is sent as all ones
      if (stored !== want)
        out.push(
          `${l.kind} at ${l.start}: checksum 0x${stored.toString(16)}, should be 0x${want.toString(16)}`,
        );
    }
    if (l.kind === 'udp') viaUdp = true;
  }
  return out;
}

/** Inspector rows that call a checksum wrong (what tshark would flag as a bad checksum). */
function flaggedFields(nodes: readonly FieldNode[]): string[] {
  const out: string[] = [];
  const walk = (n: FieldNode): void => {
    if (/incorrect/i.test(n.value)) out.push(`${n.name}: ${n.value}`);
    for (const c of n.children ?? []) walk(c);
  };
  nodes.forEach(walk);
  return out;
}

function run(id: string, document: unknown, until: Micros) {
  const loaded = validateScenario(document);
  if (!loaded.ok) throw new Error(`${id} is invalid: ${loaded.errors[0]?.message}`);
  const world = buildScenario(loaded.scenario, { installers });
  world.sim.runUntil(Math.min(until, world.duration));
  const entries = world.sim.trace.entries;
  const links = captureLinks(
    entries,
    world.scenario.links.map((l) => l.id),
  );
  return { entries, links, file: pcapngOfRun(entries, links) };
}

describe('captures of the built-in scenarios decode cleanly — issue 3, RFC 6275 §6.1.1, RFC 4443 §2.3, RFC 8200 §3', () => {
  it('every built-in scenario has a run length here', () => {
    expect(Object.keys(RUN_FOR).sort()).toEqual(BUILTIN_SCENARIOS.map((b) => b.id).sort());
  });

  it('the checks catch a wrong MH or ICMPv6 checksum and a wrong Payload Length (golden packets, digest §7)', () => {
    const problemsOf = (bytes: Uint8Array): string[] => {
      const d = decodePacket(bytes);
      return [...payloadLengthProblems(bytes, d.layers), ...checksumProblems(bytes, d.layers)];
    };
    for (const name of ['pbu_initial', 'tunnel_downlink_ipv6inipv6', 'ra_mag_to_mn'] as const) {
      const good = fromHex(VECTORS[name]);
      expect(problemsOf(good), name).toEqual([]);
      const bad = good.slice();
      bad[bad.length - 1] ^= 0x01; // a payload octet: the checksum no longer matches
      expect(problemsOf(bad), name).toHaveLength(1);
    }
    const tunnel = fromHex(VECTORS.tunnel_downlink_ipv6inipv6);
    const longer = Uint8Array.from([...tunnel, 0, 0]);
    longer[5] += 2; // the outer header now covers two extra octets the inner packet does not claim
    expect(problemsOf(longer)).toEqual(['IPv6 header at 40: Payload Length 12 but 14 octets follow']);
  });

  it.each(BUILTIN_SCENARIOS.map((b) => [b.id, b.document] as const))(
    '%s: the pcapng reads back, every packet decodes, every checksum and payload length is right',
    (id, document) => {
      const { entries, links, file } = run(id, document, RUN_FOR[id] ?? 30 * SECOND);
      const tx = entries.filter((e): e is PacketTx => e.kind === 'tx');
      expect(tx.length).toBeGreaterThan(0);

      const read = readPcapng(file);
      if (!read.ok) throw new Error(`pcapng unreadable: ${read.error.message}`);
      const cap = read.value;
      expect(cap.application).toBe('PMIPv6 Playground');
      expect(cap.interfaces.map((i) => i.name)).toEqual(links);
      expect(cap.interfaces.every((i) => i.linkType === LINKTYPE_RAW && i.tsresol === 6)).toBe(true);
      expect(cap.packets).toHaveLength(tx.length);

      const problems: Problem[] = [];
      const kinds = new Set<string>();
      cap.packets.forEach((p, i) => {
        const e = tx[i];
        // The record is the trace's packet, whole, on its link, at its time, commented with its entry id.
        expect(p.originalLength).toBe(p.bytes.length);
        expect(cap.interfaces[p.iface].name).toBe(e.link);
        expect(p.timestamp).toBe(DEFAULT_EPOCH_SECONDS * 1_000_000 + e.t);
        expect(p.comment?.startsWith(`trace #${e.id}:`)).toBe(true);
        const d = decodePacket(p.bytes);
        for (const l of d.layers) kinds.add(l.kind);
        const found = [
          ...(d.error
            ? [`decode error: ${d.error.layer}.${d.error.field} @${d.error.offset}: ${d.error.message}`]
            : []),
          ...payloadLengthProblems(p.bytes, d.layers),
          ...checksumProblems(p.bytes, d.layers),
          ...flaggedFields(d.fields),
        ];
        for (const what of found) problems.push({ packet: i + 1, what: `${e.label}: ${what}` });
      });
      expect(problems.slice(0, 10)).toEqual([]);
      // The captures hold what the scenarios are about: IPv6 everywhere, and the PMIPv6 ones signalling.
      expect(kinds.has('ipv6')).toBe(true);
      if (id !== 'ping-across-routers')
        expect([...kinds].filter((k) => k === 'mobility' || k === 'icmpv6').sort()).toEqual([
          'icmpv6',
          'mobility',
        ]);
    },
    60_000,
  );
});
