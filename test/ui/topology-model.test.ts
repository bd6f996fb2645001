/** What the topology draws, from the scenario and the tables at the cursor of a real basic-domain run. */
import { describe, expect, it } from 'vitest';
import {
  areaAt,
  areaRadii,
  basePositions,
  outOfCoverage,
  seatDirection,
  seatInArea,
} from '../../src/ui/topology/geometry';
import { layoutTopology, linkLabel, mainAddress, topologyElements } from '../../src/ui/topology/elements';
import { addressOwners, mnLocations, topologyWorld } from '../../src/ui/topology/world';
import { TablesCursor, viewOf } from '../../src/ui/state/tables';
import { lastAtOrBefore } from '../../src/ui/state/trace-index';
import { runBasicDomain } from './local-backend';

const { scenario, trace } = runBasicDomain();
const cursor = new TablesCursor();
const worldAt = (t: number) =>
  topologyWorld(scenario, viewOf(cursor.at(trace, lastAtOrBefore(trace, t))), addressOwners(scenario));

describe('topology world', () => {
  it('has nothing attached and no tunnels before the first attach', () => {
    const w = worldAt(0);
    expect([...w.attachments]).toEqual([]);
    expect(w.tunnels).toEqual([]);
    expect(w.mn.get('mn1')).toEqual({ hnps: [], addresses: [] });
  });

  it('after registration: mn1 on mag1, one tunnel lma1–mag1 (both ends), the HNP and the SLAAC address', () => {
    const w = worldAt(5_000_000);
    expect([...w.attachments]).toEqual([['mn1/wlan0', 'mag1']]);
    expect(w.tunnels).toEqual([{ a: 'lma1', b: 'mag1', names: ['lma1:tnl-mag1', 'mag1:tnl-lma1'] }]);
    expect(w.mn.get('mn1')?.hnps).toEqual(['2001:db8:1::/64']);
    expect(w.mn.get('mn1')?.addresses).toEqual(['2001:db8:1:0:211:22ff:fe33:4455']);
  });

  it('after the scripted handover: mn1 on mag2, the tunnel to mag2, the same prefix', () => {
    const w = worldAt(45_000_000);
    expect([...w.attachments]).toEqual([['mn1/wlan0', 'mag2']]);
    expect(w.tunnels.map((t) => `${t.a}|${t.b}`)).toContain('lma1|mag2');
    expect(w.mn.get('mn1')?.hnps).toEqual(['2001:db8:1::/64']);
  });

  it('places the MN by the timeline: mag1 until the move at 30 s, mag2 after', () => {
    expect(mnLocations(scenario, 29_999_999).get('mn1')).toBe('mag1');
    expect(mnLocations(scenario, 30_000_000).get('mn1')).toBe('mag2');
    const detached = { ...scenario, timeline: [{ at: '10s', action: 'detach' as const, mn: 'mn1' }] };
    expect(mnLocations(detached, 10_000_000).get('mn1')).toBeNull();
  });

  it('maps every written address to its node', () => {
    const o = addressOwners(scenario);
    expect(o.get('2001:db8:ffff::1')).toBe('lma1');
    expect(o.get('2001:db8:ffff:2::2')).toBe('mag2');
  });
});

describe('topology geometry', () => {
  const pos = basePositions(scenario);
  const radii = areaRadii(scenario, pos);

  it('keeps scenario positions and sizes access areas from the MAG spacing', () => {
    expect(pos.get('mag1')).toEqual({ x: 600, y: -100 });
    // MAG1 and MAG2 are 200 apart: each area is a bit under half of that.
    expect(radii.get('mag1')).toBe(92);
    expect([...radii.keys()]).toEqual(['mag1', 'mag2']);
  });

  it('seats the MN on the side the scenario drew it, inside the area', () => {
    const mn = scenario.nodes.find((n) => n.id === 'mn1');
    if (!mn) throw new Error('mn1');
    const dir = seatDirection(mn, pos);
    expect(dir).toEqual({ x: 1, y: 0 });
    const seat = seatInArea({ x: 600, y: 100 }, 92, 0, 1, dir);
    expect(seat.x).toBeCloseTo(600 + 92 * 0.62);
    expect(seat.y).toBe(100);
    expect(areaAt(seat, pos, radii)).toBe('mag2');
    expect(areaAt(outOfCoverage({ x: 600, y: 100 }, 92, 0, dir), pos, radii)).toBeNull();
    expect(areaAt({ x: 600, y: 0 }, pos, radii)).toBeNull();
  });

  it('puts a crowd of MNs on a ring inside the area, all at different places', () => {
    const seats = Array.from({ length: 12 }, (_, i) =>
      seatInArea({ x: 0, y: 0 }, 100, i, 12, { x: 1, y: 0 }),
    );
    for (const p of seats) expect(Math.hypot(p.x, p.y)).toBeCloseTo(66);
    expect(seats[0].x).toBeCloseTo(66);
    expect(new Set(seats.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)).size).toBe(12);
  });

  it('lays out nodes without positions in layers by role', () => {
    const bare = { ...scenario, nodes: scenario.nodes.map(({ position: _p, ...n }) => n) };
    const p = basePositions(bare);
    expect(p.get('cn1')?.y).toBe(0);
    expect(p.get('lma1')?.y).toBe(150);
    expect(p.get('mag1')?.y).toBe(450);
    expect(p.get('mag1')?.x).toBe(-(p.get('mag2')?.x ?? 0));
  });
});

describe('topology elements', () => {
  it('draws areas, nodes with their addresses, links with delays, the attachment and the tunnel', () => {
    const world = worldAt(5_000_000);
    const layout = layoutTopology(scenario, mnLocations(scenario, 5_000_000), new Map());
    const els = topologyElements(scenario, world, layout);
    const byId = new Map(els.map((e) => [e.data.id, e]));
    expect(els.filter((e) => e.classes === 'area').map((e) => e.data.id)).toEqual(['area:mag1', 'area:mag2']);
    expect(byId.get('lma1')?.data.label).toBe('LMA\n2001:db8:ffff::1');
    expect(byId.get('mn1')?.data.label).toBe('MN1\nHNP 2001:db8:1::/64\n2001:db8:1:0:211:22ff:fe33:4455');
    expect(byId.get('mn1')?.grabbable).toBe(true);
    expect(byId.get('mag1')?.grabbable).toBe(false);
    expect(byId.get('att:mn1/wlan0@mag1')).toMatchObject({
      group: 'edges',
      data: { source: 'mn1', target: 'mag1' },
      classes: 'attach',
    });
    expect(byId.get('tun:lma1|mag1')).toMatchObject({
      data: { source: 'lma1', target: 'mag1', label: 'tunnel' },
      classes: 'tunnel',
    });
    expect(els.filter((e) => e.classes === 'link').map((e) => e.data.label)).toEqual([
      '5ms',
      '5ms',
      '2ms',
      '2ms',
      '2ms',
    ]);
  });

  it('words link labels and main addresses', () => {
    expect(linkLabel({ ...scenario.links[0], delay: '1.5 ms', bandwidth: '8Mbps', loss: 0.025 })).toBe(
      '1.5ms · 8Mbps · 2.5% loss',
    );
    expect(mainAddress(scenario.nodes.find((n) => n.id === 'mag1') ?? scenario.nodes[0])).toBe(
      '2001:db8:ffff:1::2',
    );
    expect(mainAddress(scenario.nodes.find((n) => n.id === 'mn1') ?? scenario.nodes[0])).toBeNull();
  });

  it('puts a parked MN where it was dropped while it is out of coverage', () => {
    const locs = new Map([['mn1', null]]);
    const layout = layoutTopology(scenario, locs, new Map([['mn1', { x: 900, y: 300 }]]));
    expect(layout.positions.get('mn1')).toEqual({ x: 900, y: 300 });
    const unparked = layoutTopology(scenario, locs, new Map());
    expect(
      areaAt(unparked.positions.get('mn1') ?? { x: 0, y: 0 }, unparked.positions, unparked.radii),
    ).toBeNull();
  });
});
