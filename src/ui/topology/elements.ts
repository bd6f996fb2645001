/**
 * The topology as Cytoscape element descriptions, built from the scenario and the world at the cursor
 * (world.ts). Pure: TopologyView diffs these against the graph, so stepping back and forth only touches
 * what changed. Ids: nodes keep their scenario ids; "area:<mag>" for access areas; "link:<id>" for wired
 * links; "att:<mn>/<iface>@<mag>" for attachments; "tun:<a>|<b>" for tunnels.
 */
import type { Scenario, ScenarioLink, ScenarioNode } from '../../sim/scenario/types';
import { areaRadii, basePositions, outOfCoverage, seatDirection, seatInArea } from './geometry';
import type { Point } from './geometry';
import type { TopologyWorld } from './world';

export interface ElementSpec {
  readonly group: 'nodes' | 'edges';
  readonly data: Readonly<Record<string, string | number>>;
  readonly classes: string;
  readonly position?: Point;
  readonly grabbable?: boolean;
}

export interface TopologyLayout {
  /** Model positions of every drawn node, MNs included. */
  readonly positions: ReadonlyMap<string, Point>;
  readonly radii: ReadonlyMap<string, number>;
}

const isGlobal = (a: string): boolean => !a.toLowerCase().startsWith('fe80:');

/** The address a learner identifies the node by: LMAA, Proxy-CoA, or its first global address. */
export function mainAddress(n: ScenarioNode): string | null {
  if (n.lmaAddress) return n.lmaAddress;
  if (n.proxyCoa) return n.proxyCoa;
  for (const list of Object.values(n.addresses)) {
    const a = list.find(isGlobal);
    if (a) return a.split('/')[0];
  }
  return null;
}

export function nodeLabel(n: ScenarioNode): string {
  return n.label ?? n.id.toUpperCase();
}

export function linkLabel(l: ScenarioLink): string {
  const parts = [l.delay.replace(/\s+/g, '')];
  if (l.bandwidth) parts.push(l.bandwidth);
  if (l.loss > 0) parts.push(`${+(l.loss * 100).toFixed(2)}% loss`);
  return parts.join(' · ');
}

/**
 * Model positions: scenario positions for fixed nodes; each MN in the area of the MAG it is at (locations),
 * seated beside the other MNs there, or out of coverage below its last MAG (or where it was dropped: parked).
 */
export function layoutTopology(
  s: Scenario,
  locations: ReadonlyMap<string, string | null>,
  parked: ReadonlyMap<string, Point>,
): TopologyLayout {
  const positions = basePositions(s);
  const radii = areaRadii(s, positions);
  const seats = new Map<string, string[]>();
  for (const [mn, mag] of locations)
    if (mag && positions.has(mag)) seats.set(mag, [...(seats.get(mag) ?? []), mn]);
  const firstMag = s.nodes.find((n) => n.kind === 'mag');
  let away = 0;
  for (const n of s.nodes) {
    if (n.kind !== 'mn') continue;
    const mag = locations.get(n.id) ?? null;
    const magPos = mag ? positions.get(mag) : undefined;
    const dir = seatDirection(n, positions);
    if (mag && magPos) {
      const list = seats.get(mag) ?? [n.id];
      positions.set(n.id, seatInArea(magPos, radii.get(mag) ?? 100, list.indexOf(n.id), list.length, dir));
    } else if (parked.has(n.id)) {
      positions.set(n.id, parked.get(n.id) as Point);
    } else {
      const home = n.interfaces?.[0]?.attachTo ?? firstMag?.id;
      const homePos = home ? positions.get(home) : undefined;
      positions.set(
        n.id,
        homePos
          ? outOfCoverage(homePos, radii.get(home as string) ?? 100, away++, dir)
          : (n.position ?? { x: 0, y: 0 }),
      );
    }
  }
  return { positions, radii };
}

function mnLabel(n: ScenarioNode, world: TopologyWorld): string {
  const d = world.mn.get(n.id);
  const lines = [nodeLabel(n)];
  if (d && d.hnps.length > 0) lines.push(...d.hnps.map((p) => `HNP ${p}`));
  if (d) lines.push(...d.addresses.slice(0, 2));
  if (!d || (d.hnps.length === 0 && d.addresses.length === 0)) lines.push('no home prefix yet');
  return lines.join('\n');
}

/**
 * Above this many mobile nodes (a city) the graph is drawn plainer: MNs are labelled with their name only
 * (their prefixes and addresses are in the state tables), attachments are not drawn as edges, and edges use
 * Cytoscape's cheapest style. A
 * city's thousand MN labels changing as they register would otherwise restyle the graph on every step.
 */
export const CROWD = 50;

export function topologyElements(s: Scenario, world: TopologyWorld, layout: TopologyLayout): ElementSpec[] {
  const out: ElementSpec[] = [];
  const crowd = s.nodes.filter((n) => n.kind === 'mn').length > CROWD;
  const plain = crowd ? ' plain' : '';
  for (const [mag, r] of layout.radii) {
    const p = layout.positions.get(mag);
    if (p)
      out.push({
        group: 'nodes',
        data: { id: `area:${mag}`, d: Math.round(2 * r) },
        classes: 'area',
        position: p,
        grabbable: false,
      });
  }
  for (const n of s.nodes) {
    const p = layout.positions.get(n.id);
    if (!p) continue;
    const label =
      n.kind === 'mn'
        ? crowd
          ? nodeLabel(n)
          : mnLabel(n, world)
        : [nodeLabel(n), mainAddress(n)].filter(Boolean).join('\n');
    out.push({
      group: 'nodes',
      data: { id: n.id, label, name: nodeLabel(n), kind: n.kind },
      classes: `node ${n.kind}${n.kind === 'mn' && crowd ? ' crowd' : ''}`,
      position: p,
      grabbable: n.kind === 'mn',
    });
  }
  for (const l of s.links) {
    const a = l.a.split(':')[0];
    const b = l.b.split(':')[0];
    out.push({
      group: 'edges',
      data: { id: `link:${l.id}`, source: a, target: b, label: linkLabel(l) },
      classes: (l.down ? 'link down' : 'link') + plain,
    });
  }
  // A crowd's MNs sit inside the area of the MAG they are at, which says where they are; a city's 2,000
  // attachment edges appearing in its start-up storm cost Cytoscape a 250+ ms stall (style, projections
  // and a full redraw) and dropped playback below 50 fps. Attachments stay in the MAGs' state tables.
  for (const [key, mag] of crowd ? [] : world.attachments) {
    const mn = key.split('/')[0];
    if (layout.positions.has(mn) && layout.positions.has(mag)) {
      // The MAG is part of the id: a handover is a new edge (Cytoscape cannot re-point an edge by data()).
      out.push({
        group: 'edges',
        data: { id: `att:${key}@${mag}`, source: mn, target: mag },
        classes: `attach${plain}`,
      });
    }
  }
  for (const t of world.tunnels) {
    if (layout.positions.has(t.a) && layout.positions.has(t.b)) {
      out.push({
        group: 'edges',
        data: { id: `tun:${t.a}|${t.b}`, source: t.a, target: t.b, label: 'tunnel' },
        classes: 'tunnel',
      });
    }
  }
  return out;
}
