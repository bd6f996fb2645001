/**
 * Conformance, the MAG over a binding's life (digest §6, behaviours 28–35): refresh (RFC 5213 §6.9.1.3),
 * presence before refreshing (§6.13), de-registration and clean-up (§6.9.1.4), retransmission and rate
 * limiting (§6.9.4, RFC 6275 §11.8).
 */
import { describe, expect, it } from 'vitest';
import { referenceAgents } from '../../src/sim/agents';
import type { MagAgent } from '../../src/sim/agents/api';
import { toHex } from '../../src/sim/wire/bytes';
import { build, decisions, entriesOf, option, options, pbusOf, SECOND } from '../agents/helpers';
import type { SentMobility } from '../agents/helpers';
import { ACCESS, HNP, acceptAll, echoPba, scriptedLma, vectorDoc } from './mag-fixtures';

/** Digest §7.5, Vector C: de-registration (lifetime 0, HI = 4, the assigned HNP, timestamp +600 s). */
const VECTOR_C =
  '600000000058874020010db8ffff0000000000000000000220010db8ffff000000000000000000013b0a0500c14f0002' +
  '820000000810016d6e31406578616d706c652e636f6d0104000000001612004020010db800010001000000000000000019' +
  '08000000112233445517020004180200041b080000659202d8000001020000';

const seqOf = (p: SentMobility) => (p.msg.type === 'binding-update' ? p.msg.sequence : -1);
const lifetimeOf = (p: SentMobility) => (p.msg.type === 'binding-update' ? p.msg.lifetime : -1);
const optionTypes = (p: { msg: any }) => p.msg.options.map((o: { type: string }) => o.type);

describe('MAG: refresh, de-registration, retransmission', () => {
  it('B28 re-registration PBU: same option set, HNP options = the assigned prefixes, HI = 5 — RFC 5213 §6.9.1.3', () => {
    // A 20 s lifetime: the MAG refreshes pbuRefreshMargin (10 s) before expiry.
    const { world } = build(
      vectorDoc((d) => (d.policies[0].lifetime = '20s')),
      { lma: scriptedLma(acceptAll) },
    );
    world.sim.runUntil(12 * SECOND);
    const [initial, refresh] = pbusOf(world, 'mag1');
    expect(refresh.t).toBe(10.5 * SECOND);
    expect(optionTypes(refresh)).toEqual(optionTypes(initial));
    expect(options(refresh.msg, 'hnp')).toEqual([
      { type: 'hnp', prefix: HNP, prefixLength: 64, offLink: false },
    ]);
    expect(option(refresh.msg, 'handoff-indicator').value).toBe(5);
    expect(lifetimeOf(refresh)).toBe(5); // 20 s in 4-second units
    expect(decisions(world, 'pbu-refresh', 'mag1')).toHaveLength(1);
  });

  it('B29 the MAG does not refresh a binding for an MN it cannot confirm, and de-registers it instead — RFC 5213 §6.13, §6.9.1.3', () => {
    // This MAG misses the link-layer detach (no onDetach handler): it finds out at refresh time.
    const deaf: MagAgent = { ...referenceAgents.mag, onDetach: undefined };
    const doc = vectorDoc((d) => {
      d.policies[0].lifetime = '20s';
      d.timeline = [{ at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' }];
    });
    const { world } = build(doc, { mag: deaf, lma: scriptedLma(acceptAll) });
    world.sim.runUntil(12 * SECOND);
    const pbus = pbusOf(world, 'mag1');
    expect(pbus.map((p) => [p.t, lifetimeOf(p), option(p.msg, 'handoff-indicator').value])).toEqual([
      [0.5 * SECOND, 5, 1],
      [10.5 * SECOND, 0, 4],
    ]);
    expect(decisions(world, 'refresh-skipped', 'mag1')).toHaveLength(1);
  });

  it('B30 de-registration PBU: lifetime 0, the assigned HNPs, HI = 4 — RFC 5213 §6.9.1.4', () => {
    const doc = vectorDoc((d) => {
      d.duration = '700s';
      d.timeline = [{ at: '600s', action: 'detach', mn: 'mn1', iface: 'wlan0' }];
    });
    const { world } = build(doc);
    world.sim.runUntil(601 * SECOND);
    const dereg = pbusOf(world, 'mag1')[1];
    expect(dereg.t).toBe(600 * SECOND);
    expect(lifetimeOf(dereg)).toBe(0);
    expect(option(dereg.msg, 'handoff-indicator').value).toBe(4);
    // The digest's golden Vector C, byte for byte (sequence 2, timestamp 1704067800).
    expect(toHex(dereg.bytes)).toBe(VECTOR_C);
  });

  it('B31 after a de-registration the MAG removes BUL entry, routes, unused tunnel and p2p link on PBA 0 — RFC 5213 §6.9.1.4', () => {
    const doc = vectorDoc((d) => (d.timeline = [{ at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' }]));
    const { world } = build(doc, { lma: scriptedLma(acceptAll) });
    world.sim.runUntil(6 * SECOND);
    const at = 5.002 * SECOND; // PBA back after 1 ms each way
    const tableChanges = (t: number) =>
      entriesOf(world, 'table', 'mag1')
        .filter((e) => e.t === t)
        .map((e) => [e.table, e.op, e.key]);
    // At the detach the p2p link went, and with its access interface the downlink route of the prefix.
    expect(tableChanges(5 * SECOND)).toContainEqual(['routes', 'delete', `2001:db8:1:1::/64 dev ${ACCESS}`]);
    expect(tableChanges(at)).toEqual([
      ['routes', 'delete', 'from 2001:db8:1:1::/64 dev tnl-lma1'],
      ['bul', 'delete', ACCESS],
      ['tunnels', 'delete', 'tnl-lma1'],
    ]);
    expect(decisions(world, 'session-removed', 'mag1').map((d) => d.t)).toEqual([at]);
  });

  it('B31 … or INITIAL_BINDACK_TIMEOUT (1 s) after the de-registration when no PBA comes — RFC 5213 §6.9.1.4', () => {
    const doc = vectorDoc((d) => (d.timeline = [{ at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' }]));
    const { world } = build(doc, {
      lma: scriptedLma((pbu) => (pbu.lifetime === 0 ? null : acceptAll(pbu, undefined as never, 0))),
    });
    world.sim.runUntil(8 * SECOND);
    expect(decisions(world, 'dereg-timeout', 'mag1').map((d) => d.t)).toEqual([6 * SECOND]);
    expect(
      entriesOf(world, 'table', 'mag1')
        .filter((e) => e.table === 'bul' && e.op === 'delete')
        .map((e) => e.t),
    ).toEqual([6 * SECOND]);
    expect(
      entriesOf(world, 'table', 'mag1')
        .filter((e) => e.table === 'tunnels' && e.op === 'delete')
        .map((e) => e.t),
    ).toEqual([6 * SECOND]);
    expect(pbusOf(world, 'mag1')).toHaveLength(2); // the de-registration is not retransmitted
  });

  it('B31 the tunnel stays while another MN still uses it — RFC 5213 §6.9.1.4', () => {
    const doc = vectorDoc((d) => {
      d.nodes.push({
        id: 'mn2',
        kind: 'mn',
        addresses: {},
        interfaces: [{ name: 'wlan0', mac: '00:11:22:33:44:77', att: 'wlan', attachTo: 'mag1' }],
      });
      d.policies.push({ mn: 'mn2', mnId: 'mn2@example.com', prefixes: 'allocate' });
      d.nodes[1].prefixPool = '2001:db8:1::/48';
      d.timeline = [{ at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' }];
    });
    const { world } = build(doc, {
      lma: scriptedLma((pbu, _c, n) =>
        echoPba(pbu, 0, {
          hnps: pbu.lifetime === 0 ? pbu.hnps : [{ prefix: `2001:db8:1:${n}::`, length: 64 }],
        }),
      ),
    });
    world.sim.runUntil(7 * SECOND);
    expect(
      entriesOf(world, 'table', 'mag1')
        .filter((e) => e.table === 'tunnels')
        .map((e) => e.op),
    ).toEqual(['add']);
    expect(
      entriesOf(world, 'table', 'mag1')
        .filter((e) => e.table === 'bul' && e.op === 'delete')
        .map((e) => e.key),
    ).toEqual(['acc-mn1-wlan0']);
  });

  it('B32 unanswered PBU retransmissions at 0, 1, 3, 7, 15, 31, 63, 95 s … (interval capped at 32 s) — RFC 5213 §6.9.4, RFC 6275 §11.8, §12', () => {
    const { world } = build(
      vectorDoc((d) => (d.duration = '200s')),
      { lma: scriptedLma(() => null) },
    );
    world.sim.runUntil(200 * SECOND);
    const times = pbusOf(world, 'mag1').map((p) => (p.t - 0.5 * SECOND) / SECOND);
    expect(times).toEqual([0, 1, 3, 7, 15, 31, 63, 95, 127, 159, 191]);
  });

  it('B33 every retransmitted PBU has a newer timestamp and a higher Sequence # than the previous one — RFC 5213 §6.9.4', () => {
    const { world } = build(vectorDoc(), { lma: scriptedLma(() => null) });
    world.sim.runUntil(20 * SECOND);
    const pbus = pbusOf(world, 'mag1');
    expect(pbus.map(seqOf)).toEqual([1, 2, 3, 4, 5]);
    const stamps = pbus.map((p) => option(p.msg, 'timestamp')).map((t) => t.seconds * 65536 + t.fraction);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]);
  });

  it('B33 with sequence numbers, each retransmission has a higher Sequence # (and no Timestamp) — RFC 5213 §6.9.4', () => {
    const { world } = build(
      vectorDoc((d) => (d.config = { timestampBasedApproachInUse: false })),
      { lma: scriptedLma(() => null) },
    );
    world.sim.runUntil(10 * SECOND);
    const pbus = pbusOf(world, 'mag1');
    expect(pbus.map(seqOf)).toEqual([1, 2, 3, 4]);
    expect(pbus.every((p) => option(p.msg, 'timestamp') === undefined)).toBe(true);
  });

  it('B34 the MAG stops retransmitting once the MN has left the link — RFC 5213 §6.9.4', () => {
    const doc = vectorDoc(
      (d) => (d.timeline = [{ at: '2.5s', action: 'detach', mn: 'mn1', iface: 'wlan0' }]),
    );
    const { world } = build(doc, { lma: scriptedLma(() => null) });
    world.sim.runUntil(60 * SECOND);
    expect(pbusOf(world, 'mag1').map((p) => p.t)).toEqual([0.5 * SECOND, 1.5 * SECOND]);
  });

  it('B35 no more than MAX_UPDATE_RATE (3) PBUs per second for one MN to its LMA — RFC 6275 §11.8 (via RFC 5213 §6.9.4)', () => {
    // The digest words this "to the same LMA"; RFC 6275 §11.8 limits a mobile node's Binding Updates to
    // one peer, and the MAG sends on each MN's behalf, so the limit is applied per MN and LMA.
    // mn1 flaps: attach (done 0.5 s), detach 0.6 s, attach (done 1.2 s), detach 1.3 s: the 4th PBU waits.
    const doc = vectorDoc((d) => {
      d.timeline = [
        { at: '0.6s', action: 'detach', mn: 'mn1', iface: 'wlan0' },
        { at: '0.7s', action: 'attach', mn: 'mn1', iface: 'wlan0', mag: 'mag1' },
        { at: '1.3s', action: 'detach', mn: 'mn1', iface: 'wlan0' },
      ];
    });
    const { world } = build(doc, { lma: scriptedLma(acceptAll) });
    world.sim.runUntil(5 * SECOND);
    const times = pbusOf(world, 'mag1').map((p) => p.t / SECOND);
    expect(times).toEqual([0.5, 0.6, 1.2, 1.5]);
    for (let i = 3; i < times.length; i++) expect(times[i] - times[i - 3]).toBeGreaterThanOrEqual(1);
    expect(decisions(world, 'pbu-rate-limited', 'mag1')).toHaveLength(1);
  });
});
