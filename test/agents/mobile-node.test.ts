/** The mobile node host (mn/mobile-node.ts): RS on attach, SLAAC, addresses kept across a handover. */
import { describe, expect, it } from 'vitest';
import { build, decisions, entriesOf, SECOND } from './helpers';
import { acceptAll, scriptedLma, vectorDoc, withSecondMag } from '../conformance/mag-fixtures';

const globals = (world: ReturnType<typeof build>['world'], iface = 'wlan0') =>
  world.net
    .node('mn1')
    .iface(iface)
    ?.addresses.map((a) => a.address) ?? [];

describe('mobile node host', () => {
  it('solicits at attach and every 4 s, at most 3 times, while no RA comes (RFC 4861 §6.3.7)', () => {
    const { world } = build(vectorDoc(), { lma: scriptedLma(() => null) });
    world.sim.runUntil(30 * SECOND);
    expect(entriesOf(world, 'tx', 'mn1').map((e) => [e.t, e.label])).toEqual([
      [0.5 * SECOND, 'RS'],
      [4.5 * SECOND, 'RS'],
      [8.5 * SECOND, 'RS'],
    ]);
    expect(globals(world)).toEqual(['fe80::211:22ff:fe33:4455']);
  });

  it('configures its home address by SLAAC (EUI-64 from its MAC) and a default route via the MAG (RFC 4862 §5.5.3)', () => {
    const { world, pmip } = build(vectorDoc());
    world.sim.runUntil(1 * SECOND);
    expect(globals(world)).toEqual(['fe80::211:22ff:fe33:4455', '2001:db8:1:1:211:22ff:fe33:4455']);
    expect(pmip.mns.get('mn1')?.configured()).toEqual(['2001:db8:1:1:211:22ff:fe33:4455']);
    expect(
      world.net
        .node('mn1')
        .routes()
        .filter((r) => r.length === 0),
    ).toEqual([{ prefix: '::', length: 0, iface: 'wlan0', via: 'fe80::200:5eff:fe00:5213', metric: 0 }]);
    expect(decisions(world, 'mn-slaac', 'mn1').map((d) => d.text)).toEqual([
      'Configured 2001:db8:1:1:211:22ff:fe33:4455 on wlan0 from the advertised prefix 2001:db8:1:1::/64 (valid 3600 s)',
    ]);
  });

  it('keeps its address across a handover: the new MAG advertises the same prefix from the same router (RFC 5213 §6.9.3)', () => {
    const { world } = build(
      vectorDoc((d) => {
        withSecondMag(d);
        d.timeline = [{ at: '5s', action: 'move', mn: 'mn1', iface: 'wlan0', mag: 'mag2' }];
      }),
    );
    world.sim.runUntil(7 * SECOND);
    expect(globals(world)).toEqual(['fe80::211:22ff:fe33:4455', '2001:db8:1:1:211:22ff:fe33:4455']);
    expect(decisions(world, 'mn-slaac', 'mn1')).toHaveLength(1);
    expect(
      entriesOf(world, 'table', 'mn1').filter((e) => e.table === 'addresses' && e.op === 'delete'),
    ).toEqual([]);
  });

  it('drops its addresses when the MAG tears the access link down (RFC 5213 §6.9.1.4)', () => {
    const { world, pmip } = build(vectorDoc(), { lma: scriptedLma(acceptAll) });
    world.sim.runUntil(1 * SECOND);
    pmip.mags.get('mag1')?.ctx.closeAccessLink('acc-mn1-wlan0');
    expect(globals(world)).toEqual(['fe80::211:22ff:fe33:4455']);
    expect(
      world.net
        .node('mn1')
        .routes()
        .filter((r) => r.length === 0),
    ).toEqual([]);
    expect(world.net.attachmentOf('mn1', 'wlan0')).toBe(null);
    expect(decisions(world, 'mn-address-removed', 'mn1').map((d) => d.text)).toEqual([
      'Removed 2001:db8:1:1:211:22ff:fe33:4455 from wlan0: the access link was torn down',
    ]);
  });

  it('removes an address when its valid lifetime runs out without a new RA (RFC 4862 §5.5.3)', () => {
    // The MAG never refreshes (its PBAs are ignored after the first), so no new RA comes.
    const { world } = build(
      vectorDoc((d) => (d.policies[0].lifetime = '20s')),
      {
        lma: scriptedLma((pbu, _c, n) => (n === 1 ? acceptAll(pbu, undefined as never, n) : null)),
      },
    );
    world.sim.runUntil(19 * SECOND);
    expect(globals(world)).toContain('2001:db8:1:1:211:22ff:fe33:4455');
    world.sim.runUntil(21 * SECOND);
    expect(globals(world)).toEqual(['fe80::211:22ff:fe33:4455']);
  });
});
