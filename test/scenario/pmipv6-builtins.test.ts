/**
 * The built-in PMIPv6 scenarios (src/sim/scenario/builtin, docs/agents.md): each one validates, is
 * registered, and — run with the reference agents — shows what its description promises. The city-scale
 * file is what scripts/gen-city-scale.ts generates.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AppEvent, Decision, PacketDrop, TraceEntry } from '../../src/sim/core/trace-types';
import { SECOND } from '../../src/sim/core/time';
import { BUILTIN_SCENARIOS, builtinScenario } from '../../src/sim/scenario/builtin';
import { runScenario } from '../../src/sim/scenario/build';
import { validateScenario } from '../../src/sim/scenario/validate';
import type { Scenario } from '../../src/sim/scenario/types';
import { installers } from '../../src/sim/agents';
import { CITY_SCALE_FILE, buildCityScale, formatScenario } from '../../scripts/gen-city-scale';

const PMIPV6 = [
  'basic-domain',
  'handover',
  'multihomed',
  'mn-leaves-domain',
  'unauthorized-mn',
  'lossy-backhaul',
  'city-scale',
];

function load(id: string): Scenario {
  const r = validateScenario(builtinScenario(id));
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.scenario;
}

function run(id: string): readonly TraceEntry[] {
  return runScenario(load(id), { installers }).sim.trace.entries;
}

const lmaDecisions = (es: readonly TraceEntry[], tag: string): Decision[] =>
  es.filter((e): e is Decision => e.kind === 'decision' && e.node === 'lma1' && e.tag === tag);

const cases = (es: readonly TraceEntry[]): string[] =>
  lmaDecisions(es, 'pbu-accepted').map((d) => `${d.data?.case} ${d.data?.key}`);

function apps(es: readonly TraceEntry[], flow: string, event: AppEvent['event']): AppEvent[] {
  return es.filter((e): e is AppEvent => e.kind === 'app' && e.flow === flow && e.event === event);
}

describe('built-in PMIPv6 scenarios', () => {
  it('are registered and valid', () => {
    const ids = BUILTIN_SCENARIOS.map((b) => b.id);
    for (const id of PMIPV6) {
      expect(ids).toContain(id);
      expect(load(id).name.length).toBeGreaterThan(0);
    }
  });

  it('city-scale.json is what scripts/gen-city-scale.ts generates: 64 MAGs, 2 000 MNs on a random walk, pings to a share', () => {
    expect(readFileSync(CITY_SCALE_FILE, 'utf8')).toBe(formatScenario(buildCityScale()));
    const s = load('city-scale');
    expect(s.nodes.filter((n) => n.kind === 'mag')).toHaveLength(64);
    expect(s.nodes.filter((n) => n.kind === 'mn')).toHaveLength(2000);
    expect(s.policies).toHaveLength(2000);
    expect(s.timeline.length).toBeGreaterThan(5000);
    expect(s.timeline.every((a) => a.action === 'move')).toBe(true);
    // A walk step goes to a grid neighbour: the MAG ids mag-<row>-<col> differ by one in one coordinate.
    const at = new Map(
      s.nodes.filter((n) => n.kind === 'mn').map((n) => [n.id, n.interfaces?.[0].attachTo as string]),
    );
    for (const a of s.timeline) {
      const [r1, c1] = (at.get(a.mn as string) as string).split('-').slice(1).map(Number);
      const [r2, c2] = (a.mag as string).split('-').slice(1).map(Number);
      expect(Math.abs(r1 - r2) + Math.abs(c1 - c2)).toBe(1);
      at.set(a.mn as string, a.mag as string);
    }
    expect(s.traffic).toHaveLength(50);
  });

  it('basic-domain: a new session at mag1, de-registration and handoff to mag2 at 30 s, the MN answers pings throughout', () => {
    const es = run('basic-domain');
    expect(cases(es)).toEqual([
      'new-session mn1@example.com#1',
      'de-registration mn1@example.com#1',
      'handoff mn1@example.com#1',
    ]);
    expect(lmaDecisions(es, 'pbu-accepted').map((d) => d.t)).toEqual([54_000, 30_004_000, 30_054_000]);
    expect(apps(es, 'ping-mn1', 'reply').length).toBeGreaterThanOrEqual(56);
    expect(es.filter((e) => e.kind === 'error')).toEqual([]);
  });

  it('handover: five handoffs keep one session and its prefix; the UDP stream loses only a few packets per handover', () => {
    const es = run('handover');
    expect(cases(es).filter((c) => c.startsWith('handoff'))).toHaveLength(5);
    expect(new Set(cases(es).map((c) => c.split(' ')[1]))).toEqual(new Set(['mn1@example.com#1']));
    const sent = apps(es, 'video-mn1', 'sent').length;
    const received = apps(es, 'video-mn1', 'received').length;
    expect(sent).toBeGreaterThan(2800);
    expect(sent - received).toBeLessThanOrEqual(5 * 5);
  });

  it('multihomed: one session per interface with disjoint prefixes; WLAN leaves and its session alone is deleted', () => {
    const es = run('multihomed');
    const accepted = lmaDecisions(es, 'pbu-accepted');
    expect(accepted.map((d) => d.text.match(/prefix (\S+),/)?.[1] ?? d.data?.case)).toEqual([
      '2001:db8:1::/64',
      '2001:db8:1:1::/64',
      'de-registration',
      '2001:db8:1::/64',
    ]);
    expect(lmaDecisions(es, 'bce-deleted').map((d) => [d.t, d.data?.key])).toEqual([
      [35_004_000, 'mn1@example.com#1'],
    ]);
    expect(cases(es)[3]).toBe('new-session mn1@example.com#3');
    // RFC 8028 §3: replies from the LTE home address leave through the LTE interface, so every ping
    // of that address is answered (none dropped by the WLAN MAG as foreign uplink traffic).
    const lte = apps(es, 'ping-mn1-lte', 'sent').length;
    expect(lte).toBeGreaterThan(50);
    expect(apps(es, 'ping-mn1-lte', 'reply').length).toBeGreaterThanOrEqual(lte - 1);
  });

  it('mn-leaves-domain: de-registration at 20 s, the entry, route and tunnel go at 30 s, later pings time out', () => {
    const es = run('mn-leaves-domain');
    expect(lmaDecisions(es, 'bce-deleted').map((d) => d.t)).toEqual([30_004_000]);
    expect(lmaDecisions(es, 'tunnel-deleted').map((d) => d.t)).toEqual([30_004_000]);
    const late = apps(es, 'ping-mn1', 'reply').filter((a) => a.t > 20 * SECOND);
    expect(late).toEqual([]);
  });

  it("unauthorized-mn: only mn1 is served; mn2 and mn3 get no PBU; mn4's MAG has no security association and is dropped", () => {
    const es = run('unauthorized-mn');
    expect(cases(es)).toEqual(['new-session mn1@example.com#1']);
    const pbuFrom = (mag: string) =>
      es.filter((e) => e.kind === 'tx' && e.node === mag && e.label.startsWith('PBU')).length;
    expect(pbuFrom('mag1')).toBe(1);
    const dropped = es.filter(
      (e): e is PacketDrop => e.kind === 'drop' && e.node === 'lma1' && e.rfc === 'RFC 5213 §4',
    );
    expect(dropped.length).toBeGreaterThanOrEqual(4);
    expect(dropped.every((d) => d.label?.startsWith('PBU'))).toBe(true);
    expect(apps(es, 'ping-mn1', 'reply').length).toBeGreaterThanOrEqual(27);
    for (const mn of ['mn2', 'mn3', 'mn4']) expect(apps(es, `ping-${mn}`, 'reply')).toEqual([]);
  });

  it('lossy-backhaul: lost signalling is retransmitted, and the LMA treats a retransmitted registration as a re-registration', () => {
    const es = run('lossy-backhaul');
    const retransmissions = es.filter(
      (e) => e.kind === 'decision' && e.node.startsWith('mag') && /retransmitting/.test(e.text),
    );
    expect(retransmissions.length).toBeGreaterThan(0);
    expect(cases(es).some((c) => c.startsWith('re-registration'))).toBe(true);
    expect(es.filter((e) => e.kind === 'drop' && e.reason.startsWith('loss on link')).length).toBeGreaterThan(
      0,
    );
  });
});
