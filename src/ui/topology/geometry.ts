/**
 * Where things are on the topology, in model coordinates: node positions (from the scenario, or a layered
 * layout for nodes without one), each MAG's access area (a circle), where a mobile node sits for a given
 * attachment, and which access area a dropped MN landed in.
 */
import type { Scenario, ScenarioNode, ScenarioNodeKind } from '../../sim/scenario/types';

/** Layers of the automatic layout, top to bottom (the core on top, the access edge below). */
const LAYER: Readonly<Record<ScenarioNodeKind, number>> = {
  cn: 0,
  host: 0,
  aaa: 0,
  lma: 1,
  router: 2,
  mag: 3,
  mn: 4,
};
const SPACING = { x: 190, y: 150 };
const AREA = { min: 70, max: 130 };

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Positions of every node that is not a mobile node (MNs sit where their attachment puts them). */
export function basePositions(s: Scenario): Map<string, Point> {
  const out = new Map<string, Point>();
  const unplaced: ScenarioNode[] = [];
  for (const n of s.nodes) {
    if (n.position) out.set(n.id, n.position);
    else unplaced.push(n);
  }
  const byLayer = new Map<number, ScenarioNode[]>();
  for (const n of unplaced) byLayer.set(LAYER[n.kind], [...(byLayer.get(LAYER[n.kind]) ?? []), n]);
  for (const [layer, nodes] of byLayer) {
    nodes.forEach((n, i) =>
      out.set(n.id, { x: (i - (nodes.length - 1) / 2) * SPACING.x, y: layer * SPACING.y }),
    );
  }
  return out;
}

/** Radius of each MAG's access area: half the distance to the nearest other MAG, within AREA. */
export function areaRadii(s: Scenario, pos: ReadonlyMap<string, Point>): Map<string, number> {
  const mags = s.nodes.filter((n) => n.kind === 'mag');
  const out = new Map<string, number>();
  for (const m of mags) {
    const p = pos.get(m.id);
    if (!p) continue;
    let nearest = Infinity;
    for (const o of mags) {
      const q = pos.get(o.id);
      if (o.id !== m.id && q) nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
    }
    out.set(m.id, Math.max(AREA.min, Math.min(AREA.max, nearest / 2 - 8)));
  }
  return out;
}

const DOWN: Point = { x: 0, y: 1 };

/**
 * The side of its MAG an MN sits on: the way the scenario author drew it (from its first MAG to its own
 * position), or below the MAG when the scenario gives no position.
 */
export function seatDirection(mn: ScenarioNode, pos: ReadonlyMap<string, Point>): Point {
  const home = mn.interfaces?.[0]?.attachTo;
  const magPos = home ? pos.get(home) : undefined;
  if (!mn.position || !magPos) return DOWN;
  const dx = mn.position.x - magPos.x;
  const dy = mn.position.y - magPos.y;
  const len = Math.hypot(dx, dy);
  return len > 1 ? { x: dx / len, y: dy / len } : DOWN;
}

/** Up to this many MNs sit side by side; more (a crowd) sit on a ring around the MAG. */
const ROW_SEATS = 4;

/** Where an MN sits inside its MAG's area: towards `dir`, side by side (across `dir`) with the other MNs there. */
export function seatInArea(
  mag: Point,
  radius: number,
  seat: number,
  seats: number,
  dir: Point = DOWN,
): Point {
  if (seats > ROW_SEATS) {
    const angle = Math.atan2(dir.y, dir.x) + (2 * Math.PI * seat) / seats;
    return { x: mag.x + Math.cos(angle) * radius * 0.66, y: mag.y + Math.sin(angle) * radius * 0.66 };
  }
  const spread = Math.min(60, (1.4 * radius) / Math.max(1, seats));
  const across = (seat - (seats - 1) / 2) * spread;
  return {
    x: mag.x + dir.x * radius * 0.62 - dir.y * across,
    y: mag.y + dir.y * radius * 0.62 + dir.x * across,
  };
}

/** Where an MN out of coverage sits: beyond the edge of its last MAG's area, towards `dir`. */
export function outOfCoverage(lastMag: Point, radius: number, seat: number, dir: Point = DOWN): Point {
  const d = radius + 55 + seat * 45;
  return { x: lastMag.x + dir.x * d, y: lastMag.y + dir.y * d };
}

/** The MAG whose access area contains `p` (the nearest centre when areas overlap), or null. */
export function areaAt(
  p: Point,
  pos: ReadonlyMap<string, Point>,
  radii: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const [mag, r] of radii) {
    const c = pos.get(mag);
    if (!c) continue;
    const d = Math.hypot(p.x - c.x, p.y - c.y);
    if (d <= r && d < bestD) {
      best = mag;
      bestD = d;
    }
  }
  return best;
}
