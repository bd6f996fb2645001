/**
 * Where a node the learner adds appears on the topology (model coordinates): next to what it connects
 * to, clear of the nodes already there.
 */
import type { Position, Scenario } from '../../sim/scenario/types';
import { basePositions } from '../topology/geometry';

const CLEARANCE = 120;

function free(s: Scenario, start: Position, step: Position): Position {
  const taken = [...basePositions(s).values()];
  let p = start;
  for (let i = 0; i < 50 && taken.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < CLEARANCE); i++)
    p = { x: p.x + step.x, y: p.y + step.y };
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** A new MAG: one row below the lowest MAG (in line with them), or beside its uplink when it is the first. */
export function placeMag(s: Scenario, uplink: string): Position {
  const pos = basePositions(s);
  const mags = s.nodes
    .filter((n) => n.kind === 'mag')
    .map((n) => pos.get(n.id))
    .filter((p): p is Position => !!p);
  if (mags.length > 0) {
    const lowest = mags.reduce((a, b) => (b.y > a.y ? b : a));
    return free(s, { x: lowest.x, y: lowest.y + 200 }, { x: 0, y: 200 });
  }
  const up = pos.get(uplink) ?? { x: 0, y: 0 };
  return free(s, { x: up.x + 150, y: up.y }, { x: 0, y: 150 });
}

/** A new correspondent node: above its router. */
export function placeCn(s: Scenario, linkTo: string): Position {
  const up = basePositions(s).get(linkTo) ?? { x: 0, y: 0 };
  return free(s, { x: up.x, y: up.y - 150 }, { x: 150, y: 0 });
}

/** A new MN's drawn position (the side of its MAG it sits on): to the right of the MAG. */
export function placeMn(s: Scenario, mag: string): Position {
  const p = basePositions(s).get(mag) ?? { x: 0, y: 0 };
  return { x: Math.round(p.x + 150), y: Math.round(p.y) };
}
