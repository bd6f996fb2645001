import { describe, expect, it } from 'vitest';
import { pingStats } from '../../src/sim/analysis';
import type { TraceEntry } from '../../src/sim/core/trace-types';
import { builtinScenario, buildScenario, runScenario, validateScenario } from '../../src/sim/scenario';
import type { AgentInstaller, Scenario } from '../../src/sim/scenario';
import { fixture, load } from './helpers';

function pingScenario(): Scenario {
  const r = validateScenario(builtinScenario('ping-across-routers'));
  if (!r.ok) throw new Error('the built-in is invalid');
  return r.scenario;
}

const of = <K extends TraceEntry['kind']>(entries: readonly TraceEntry[], kind: K) =>
  entries.filter((e): e is Extract<TraceEntry, { kind: K }> => e.kind === kind);

describe('buildScenario', () => {
  it('creates the nodes, links, addresses and interfaces of the scenario', () => {
    const w = buildScenario(load(fixture()));
    expect(w.net.nodes().map((n) => [n.id, n.kind])).toEqual([
      ['lma1', 'lma'],
      ['mag1', 'mag'],
      ['mag2', 'mag'],
      ['cn1', 'cn'],
      ['mn1', 'mn'],
    ]);
    expect(w.net.links().map((l) => l.id)).toEqual(['lma-cn', 'lma1-mag1', 'lma1-mag2']);
    const lma = w.net.node('lma1');
    expect(
      lma.interfaces().map((i) => [i.name, i.addresses.map((a) => `${a.address}/${a.prefixLength}`), i.link]),
    ).toEqual([
      ['eth0', ['2001:db8:ff::1/64'], 'lma-cn'],
      ['eth1', ['2001:db8:f1::1/64'], 'lma1-mag1'],
      ['eth2', ['2001:db8:f2::1/64'], 'lma1-mag2'],
    ]);
    expect(
      w.net
        .node('mn1')
        .interfaces()
        .map((i) => [i.name, i.mac, i.link]),
    ).toEqual([['wlan0', '02:00:00:aa:00:01', null]]);
    expect(w.sim.now).toBe(0);
    expect(w.duration).toBe(20_000_000);
  });

  it('installs shortest-path routes: per prefix on routers, a default route on a single-homed host', () => {
    const w = buildScenario(pingScenario());
    const table = (id: string) =>
      w.net
        .node(id)
        .routes()
        .map((r) => `${r.prefix}/${r.length} ${r.iface}${r.via ? ` via ${r.via}` : ''}`);
    expect(table('cn1')).toEqual(['2001:db8:a::/64 eth0', '::/0 eth0 via 2001:db8:a::1']);
    expect(table('r2')).toEqual([
      '2001:db8:12::/64 eth0',
      '2001:db8:23::/64 eth1',
      '2001:db8:a::/64 eth0 via 2001:db8:12::1',
      '2001:db8:34::/64 eth1 via 2001:db8:23::3',
      '2001:db8:b::/64 eth1 via 2001:db8:23::3',
    ]);
    expect(table('host1')).toEqual(['2001:db8:b::/64 eth0', '::/0 eth0 via 2001:db8:b::1']);
    // The builder's trace starts with the configuration, all at t = 0.
    const first = w.sim.trace.entries;
    expect(first.every((e) => e.t === 0 && e.kind === 'table')).toBe(true);
  });

  it('calls each installer once per node of its kind, with the world', () => {
    const seen: string[] = [];
    const installer: AgentInstaller = (world, node, spec) => {
      seen.push(`${node.id}:${spec.kind}:${world.policy('mn1@example.com')?.mn}:${world.spec(node.id).id}`);
    };
    buildScenario(load(fixture()), { installers: { mag: installer, lma: installer } });
    expect(seen).toEqual(['lma1:lma:mn1:lma1', 'mag1:mag:mn1:mag1', 'mag2:mag:mn1:mag2']);
  });

  it('seed option overrides the scenario seed', () => {
    expect(buildScenario(pingScenario(), { seed: 99 }).sim.seed).toBe(99);
    expect(buildScenario(pingScenario()).sim.seed).toBe(7);
  });
});

describe('the ping-across-routers scenario', () => {
  const w = runScenario(pingScenario());
  const entries = w.sim.trace.entries;
  const apps = of(entries, 'app');

  it('runs to its duration', () => {
    expect(w.sim.now).toBe(30_000_000);
  });

  it('delivers replies with the exact RTT: link delays and serialisation, both ways', () => {
    // One way: 1 + 2 + 5 + 2 + 3 ms of propagation; 104-octet packets take ceil(0.832) = 1 µs at 1 Gbit/s
    // and 104 µs at 8 Mbit/s to serialise. RTT = 2 × (13 000 + 1 + 104) µs.
    const rtt = 2 * (13_000 + 1 + 104);
    const replies = apps.filter((e) => e.event === 'reply');
    expect(replies.length).toBeGreaterThan(10);
    expect(new Set(replies.map((e) => e.rtt))).toEqual(new Set([rtt]));
    for (const r of replies) expect(r.t).toBe(1_000_000 * r.seq + rtt);
  });

  it('accounts for every request: a reply or a timeout caused by a loss on the lossy link', () => {
    const sent = apps.filter((e) => e.event === 'sent').map((e) => e.seq);
    expect(sent).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const timeouts = apps.filter((e) => e.event === 'timeout').map((e) => e.seq);
    const lost = of(entries, 'drop').map((d) => {
      expect(d.reason).toBe('loss on link r2-r3');
      return Number(/seq=(\d+)/.exec(d.label ?? '')?.[1]);
    });
    expect(timeouts.length).toBeGreaterThan(0);
    expect(new Set(timeouts)).toEqual(new Set(lost));
    const stats = pingStats(entries)[0];
    expect(stats.replies + stats.timeouts).toBe(20);
  });

  it('is deterministic: the same scenario gives the same trace, byte for byte', () => {
    expect(runScenario(pingScenario()).sim.trace.toJsonLines()).toBe(w.sim.trace.toJsonLines());
  });
});

describe('timeline actions', () => {
  it('attach (from attachTo), move, detach: traced as actions, then as link-layer events', () => {
    const doc = fixture();
    doc.traffic = [];
    doc.timeline.push({ at: '15s', action: 'detach', mn: 'mn1' });
    const w = runScenario(load(doc));
    const lines = w.sim.trace.entries
      .filter((e) => e.kind === 'action' || e.kind === 'l2')
      .map((e) =>
        e.kind === 'action'
          ? `${e.t} action ${e.node} ${e.detail}`
          : e.kind === 'l2'
            ? `${e.t} l2 ${e.event} ${e.mn} ${e.mag}`
            : '',
      );
    expect(lines).toEqual([
      '0 action mn1 mn1:wlan0 attaches to mag1',
      '100000 l2 attach mn1 mag1',
      '8000000 action mn1 mn1:wlan0 moves from mag1 to mag2',
      '8000000 l2 detach mn1 mag1',
      '8050000 l2 attach mn1 mag2',
      '12000000 action  drop the 2nd "PBU" from mag2',
      '15000000 action mn1 mn1:wlan0 detaches from mag2',
      '15000000 l2 detach mn1 mag2',
    ]);
  });

  it('a fault drops the n-th matching packet, with the reason in the trace', () => {
    const doc = builtinScenario('ping-across-routers') as any;
    const s = load({
      ...doc,
      links: doc.links.map((l: any) => ({ ...l, loss: 0 })),
      timeline: [{ at: '0s', action: 'fault', match: { label: 'ping req', from: 'r1' }, nth: 2 }],
    });
    const drops = of(runScenario(s).sim.trace.entries, 'drop');
    expect(drops.map((d) => [d.t, d.node, d.reason, d.label])).toEqual([
      [2_003_001, 'r2', 'scenario fault: drop the 2nd "ping req" from r1', 'ping req seq=2'],
    ]);
  });

  it('a link going down drops what crosses it until it comes back up', () => {
    const doc = builtinScenario('ping-across-routers') as any;
    const s = load({
      ...doc,
      links: doc.links.map((l: any) => ({ ...l, loss: 0 })),
      timeline: [
        { at: '3.5s', action: 'link-down', link: 'r3-r4' },
        { at: '6.5s', action: 'link-up', link: 'r3-r4' },
      ],
    });
    const entries = runScenario(s).sim.trace.entries;
    const drops = of(entries, 'drop').map((d) => `${d.node} ${d.reason} ${d.label}`);
    expect(drops).toEqual([
      'r3 link down ping req seq=4',
      'r3 link down ping req seq=5',
      'r3 link down ping req seq=6',
    ]);
    expect(of(entries, 'action').map((a) => a.detail)).toEqual([
      'link r3-r4 goes down',
      'link r3-r4 goes up',
    ]);
    const stats = pingStats(entries)[0];
    expect([stats.replies, stats.timeouts]).toEqual([17, 3]);
  });
});

describe('built-in scenarios', () => {
  it('every one is valid', async () => {
    const { BUILTIN_SCENARIOS, formatErrors } = await import('../../src/sim/scenario');
    expect(BUILTIN_SCENARIOS.map((b) => b.id)).toContain('ping-across-routers');
    for (const b of BUILTIN_SCENARIOS) {
      const r = validateScenario(b.document);
      expect(r.ok ? [] : formatErrors(r.errors, b.id)).toEqual([]);
    }
  });
});

describe('replay (how the UI seeks)', () => {
  it('rebuilding and stepping N events gives exactly the first part of the full trace', async () => {
    const { replayTo } = await import('../../src/sim/core/simulator');
    const s = load(fixture());
    const full = runScenario(s).sim.trace;
    const partial = replayTo(() => buildScenario(s).sim, 40);
    expect(partial.eventsDispatched).toBe(40);
    const n = partial.trace.length;
    expect(n).toBeGreaterThan(20);
    expect(partial.trace.toJsonLines()).toBe(full.toJsonLines(0, n));
  });
});
