/**
 * Conformance, the MAG processing PBAs (digest §6, behaviours 20–27): RFC 5213 §6.9.1.2. A scripted LMA
 * answers the real MAG's PBUs with the PBA each case needs; what the MAG does is read from the trace.
 */
import { describe, expect, it } from 'vitest';
import type { ProxyBindingAck } from '../../src/sim/agents/api';
import { parseIPv6Packet } from '../../src/sim/wire/ipv6';
import { parseIcmpv6 } from '../../src/sim/wire/icmpv6';
import { routerSolicitationPacket } from '../../src/sim/agents/host/nd-packets';
import { echoRequest } from '../net/helpers';
import { build, decisions, entriesOf, option, options, pbusOf, SECOND } from '../agents/helpers';
import type { Script } from './mag-fixtures';
import { ACCESS, CN, HNP, MN_HOA, acceptAll, echoPba, scriptedLma, vectorDoc } from './mag-fixtures';

/** Router Advertisements mag1 sent on the access link, decoded. */
function ras(world: ReturnType<typeof build>['world']) {
  return entriesOf(world, 'tx', 'mag1')
    .filter((e) => e.label === 'RA')
    .map((e) => {
      const ip = parseIPv6Packet(e.bytes);
      if (!ip.ok) throw new Error('bad RA');
      const m = parseIcmpv6(e.bytes, 40, e.bytes.length - 40, ip.value.src, ip.value.dst);
      if (!m.ok || m.value.type !== 'router-advertisement') throw new Error('not an RA');
      return {
        t: e.t,
        src: ip.value.src,
        ra: m.value,
        pios: m.value.options.filter((o) => o.kind === 'prefix-info'),
      };
    });
}

function run(script: Script, until: number, edit?: (d: Record<string, any>) => void) {
  const { world, pmip } = build(vectorDoc(edit), { lma: scriptedLma(script) });
  world.sim.runUntil(until);
  return { world, pmip };
}

describe('MAG: processing the PBA', () => {
  it('B20 no HNP in RAs before a successful PBA; after PBA 0 every returned HNP is advertised in a PIO — RFC 5213 §6.7, §6.9.2, §6.9.1.2', () => {
    // The LMA answers 300 ms late with two prefixes. mn1 solicits when it attaches (0.5 s): the RS goes
    // unanswered until the PBA arrives (0.802 s); the MN's next RS (4.5 s) is answered.
    const two = [
      { prefix: HNP, length: 64 },
      { prefix: '2001:db8:1:2::', length: 64 },
    ];
    const { world } = build(vectorDoc(), {
      lma: scriptedLma((pbu) => echoPba(pbu, 0, { hnps: two }), [], 0.3 * SECOND),
    });
    world.sim.runUntil(0.8 * SECOND);
    expect(entriesOf(world, 'tx', 'mn1').map((e) => [e.t, e.label])).toEqual([[0.5 * SECOND, 'RS']]);
    expect(ras(world)).toEqual([]);
    world.sim.runUntil(5 * SECOND);
    const adverts = ras(world);
    expect(
      adverts.map((a) => [
        a.t,
        a.pios.map((p) => p.kind === 'prefix-info' && `${p.prefix}/${p.prefixLength}`),
      ]),
    ).toEqual([[0.802 * SECOND, ['2001:db8:1:1::/64', '2001:db8:1:2::/64']]]);
    // mn1 got an RA, so it stopped soliciting (RFC 4861 §6.3.7).
    expect(entriesOf(world, 'tx', 'mn1').filter((e) => e.label === 'RS')).toHaveLength(1);
  });

  it('B20 an RS after registration is answered with the HNP — RFC 5213 §6.9.2', () => {
    const { world } = run(acceptAll, 2 * SECOND);
    // A second RS from the MN (as after a link flap at the MN's side) gets a unicast RA with the prefix.
    const mn = world.net.node('mn1');
    world.sim.schedule(2 * SECOND, () =>
      mn.send(routerSolicitationPacket('fe80::211:22ff:fe33:4455', '00:11:22:33:44:55'), { iface: 'wlan0' }),
    );
    world.sim.runUntil(3 * SECOND);
    const adverts = ras(world);
    expect(adverts).toHaveLength(2);
    expect(adverts[1].t).toBe(2.001 * SECOND);
    expect(adverts[1].pios.map((p) => p.kind === 'prefix-info' && p.prefix)).toEqual([HNP]);
  });

  it('B21 after PBA 0 the MAG has exactly one tunnel to the LMA, shared, and routes HNP-sourced uplink into it — RFC 5213 §6.9.1.2', () => {
    const { world } = run(
      (pbu, _ctx, n) => echoPba(pbu, 0, { hnps: [{ prefix: n === 1 ? HNP : '2001:db8:1:2::', length: 64 }] }),
      3 * SECOND,
      (d) => {
        d.nodes.push({
          id: 'mn2',
          kind: 'mn',
          addresses: {},
          interfaces: [{ name: 'wlan0', mac: '00:11:22:33:44:77', att: 'wlan', attachTo: 'mag1' }],
        });
        d.policies.push({ mn: 'mn2', mnId: 'mn2@example.com', prefixes: 'allocate' });
        d.nodes[1].prefixPool = '2001:db8:1::/48';
      },
    );
    const tunnels = entriesOf(world, 'table', 'mag1').filter((e) => e.table === 'tunnels');
    expect(tunnels.map((e) => [e.op, e.key, e.row?.remote])).toEqual([
      ['add', 'tnl-lma1', '2001:db8:ffff::1'],
    ]);
    // Uplink from the MN's home address goes into the tunnel: one encapsulating packet from the Proxy-CoA.
    world.net.node('mn1').send(echoRequest(MN_HOA, CN, 1), { iface: 'wlan0' });
    world.sim.runUntil(3.1 * SECOND);
    const up = entriesOf(world, 'tx', 'mag1').filter((e) => e.tunnelled);
    expect(up).toHaveLength(1);
    const outer = parseIPv6Packet(up[0].bytes);
    expect(outer.ok && [outer.value.src, outer.value.dst, outer.value.nextHeader]).toEqual([
      '2001:db8:ffff::2',
      '2001:db8:ffff::1',
      41,
    ]);
  });

  it('B22 a PBA whose sequence number matches no outstanding PBU is ignored — RFC 5213 §6.9.1.2', () => {
    const { world } = run(
      (pbu) => echoPba(pbu, 0, { seq: pbu.seq + 100, hnps: [{ prefix: HNP, length: 64 }] }),
      2 * SECOND,
    );
    expect(decisions(world, 'pba-ignored', 'mag1')).toHaveLength(2);
    expect(decisions(world, 'pba-accepted', 'mag1')).toHaveLength(0);
    expect(ras(world)).toEqual([]);
    // Still waiting: it retransmitted at 1.5 s.
    expect(pbusOf(world, 'mag1').map((p) => p.t)).toEqual([0.5 * SECOND, 1.5 * SECOND]);
  });

  it('B22 a PBA for another MN-Identifier is ignored too — RFC 5213 §6.9.1.2', () => {
    const { world } = run(
      (pbu) => echoPba(pbu, 0, { mnId: 'someone@example.com', hnps: [{ prefix: HNP, length: 64 }] }),
      1 * SECOND,
    );
    expect(decisions(world, 'pba-ignored', 'mag1')).toHaveLength(1);
    expect(
      world.sim.trace.entries.some(
        (e) => e.kind === 'table' && e.table === 'bul' && e.row?.state === 'bound',
      ),
    ).toBe(false);
  });

  for (const [what, change] of [
    ['HI', { hi: 3 }],
    ['ATT', { att: 8 }],
    ['MN LL-ID', { mnLlId: '00:11:22:33:44:99' }],
  ] as const) {
    it(`B23 a PBA echoing a different ${what} is ignored and the MAG stops retransmitting — RFC 5213 §6.9.1.2`, () => {
      const { world } = run(
        (pbu) =>
          echoPba(pbu, 0, { ...(change as Partial<ProxyBindingAck>), hnps: [{ prefix: HNP, length: 64 }] }),
        40 * SECOND,
      );
      expect(decisions(world, 'pba-mismatch', 'mag1')).toHaveLength(1);
      expect(pbusOf(world, 'mag1')).toHaveLength(1);
      expect(ras(world)).toEqual([]);
    });
  }

  it('B24 PBA 152 → the MAG stops sending PBUs for that MN and denies service — RFC 5213 §6.9.1.2', () => {
    const { world } = run(
      (pbu) => echoPba(pbu, 152),
      20 * SECOND,
      (d) => {
        d.timeline = [
          { at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' },
          { at: '6s', action: 'attach', mn: 'mn1', iface: 'wlan0', mag: 'mag1' },
        ];
      },
    );
    expect(pbusOf(world, 'mag1')).toHaveLength(1);
    expect(decisions(world, 'pba-rejected', 'mag1')[0].text).toContain('PROXY_REG_NOT_ENABLED');
    expect(decisions(world, 'mn-denied', 'mag1')).toHaveLength(1);
    expect(ras(world)).toEqual([]);
  });

  it('B25 PBA 155 → the MAG never asks for the same prefix again; its retry carries one ALL_ZERO HNP — RFC 5213 §6.9.1.2', () => {
    const { world } = run(
      (pbu) =>
        pbu.hnps.some((p) => p.prefix !== '::')
          ? echoPba(pbu, 155)
          : echoPba(pbu, 0, { hnps: [{ prefix: '2001:db8:1:9::', length: 64 }] }),
      20 * SECOND,
      (d) => {
        d.policies[0].prefixes = ['2001:db8:1:1::/64'];
        d.nodes[1].prefixPool = '2001:db8:2::/48';
        d.timeline = [
          { at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' },
          { at: '10s', action: 'attach', mn: 'mn1', iface: 'wlan0', mag: 'mag1' },
        ];
      },
    );
    const requested = pbusOf(world, 'mag1').map((p) =>
      options(p.msg, 'hnp')
        .map((h) => `${h.prefix}/${h.prefixLength}`)
        .join(' '),
    );
    // Static prefix refused; retry with ALL_ZERO; de-registration of the assigned one; after re-attaching: ALL_ZERO again.
    expect(requested).toEqual(['2001:db8:1:1::/64', '::/0', '2001:db8:1:9::/64', '::/0']);
  });

  it("B26 PBA status ≥ 128 → no HNP in RAs and the MN's HNP-sourced packets are dropped — RFC 5213 §6.9.1.2", () => {
    const { world } = run((pbu) => echoPba(pbu, 130, { hnps: [{ prefix: HNP, length: 64 }] }), 2 * SECOND);
    expect(ras(world)).toEqual([]);
    world.net.node('mn1').addAddress('wlan0', MN_HOA, 64);
    world.net.node('mn1').addRoute({ prefix: '::', length: 0, iface: 'wlan0' });
    world.net.node('mn1').send(echoRequest(MN_HOA, CN, 9), { iface: 'wlan0' });
    world.sim.runUntil(3 * SECOND);
    const drops = entriesOf(world, 'drop', 'mag1');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ rfc: 'RFC 5213 §6.10.5' });
    expect(drops[0].reason).toContain(`no binding for the MN on ${ACCESS}`);
    expect(entriesOf(world, 'tx', 'mag1').filter((e) => e.tunnelled)).toEqual([]);
  });

  it('B27 a PBA with a NON_ZERO Link-local Address → the MAG uses it as its source on the access link — RFC 5213 §6.9.1.2', () => {
    const { world } = run(
      (pbu) => echoPba(pbu, 0, { hnps: [{ prefix: HNP, length: 64 }], linkLocal: 'fe80::5:1' }),
      2 * SECOND,
      (d) => {
        d.config = { fixedMAGLinkLocalAddress: '::' };
      },
    );
    expect(option(pbusOf(world, 'mag1')[0].msg, 'link-local-address')?.address).toBe('::');
    expect(ras(world).map((r) => r.src)).toEqual(['fe80::5:1']);
    expect(
      world.net
        .node('mag1')
        .iface(ACCESS)
        ?.addresses.map((a) => a.address),
    ).toContain('fe80::5:1');
    // mn1 takes the new router as its default router.
    expect(
      world.net
        .node('mn1')
        .routes()
        .find((r) => r.length === 0)?.via,
    ).toBe('fe80::5:1');
  });

  it('B27 with the fixed RFC 6543 link-local the RA comes from fe80::200:5eff:fe00:5213 — RFC 5213 §6.9.3', () => {
    const { world } = run(acceptAll, 1 * SECOND);
    expect(ras(world).map((r) => r.src)).toEqual(['fe80::200:5eff:fe00:5213']);
  });
});
