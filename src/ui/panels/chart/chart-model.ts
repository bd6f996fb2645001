/**
 * What the sequence chart draws, computed once per trace and filter: the hops (rows) that pass the
 * filter, the lifelines they touch (ordered by role: mobile nodes, MAGs, LMA, routers, correspondents, as
 * in RFC 5213's message flows), and the time scale. Drawing then only asks "which rows fall in this
 * window", a binary search, so a city-scale trace with hundreds of thousands of hops scrolls freely.
 */
import type { Micros } from '../../../sim/core/time';
import type { PacketTx, TraceEntry } from '../../../sim/core/trace-types';
import type { ScenarioNodeKind } from '../../../sim/scenario/types';
import { buildTimeScale, lastAtOrBelow, timeAt } from './time-scale';
import type { ScaleOptions, TimeScale } from './time-scale';

export interface ChartRows {
  /** Trace ids of the drawn 'tx' entries, in trace order (so by send time). */
  readonly ids: Int32Array;
  readonly t: Float64Array;
  readonly arrive: Float64Array;
  /** Longest flight among them: how far before a window a row may start and still cross it. */
  readonly maxFlight: Micros;
}

export function chartRows(
  trace: readonly TraceEntry[],
  txIds: Int32Array,
  keep: (tx: PacketTx) => boolean,
): ChartRows {
  const ids: number[] = [];
  let maxFlight = 0;
  for (let k = 0; k < txIds.length; k++) {
    // The index may be ahead of the trace the chart was given (a run still streaming in).
    if (txIds[k] >= trace.length) break;
    const e = trace[txIds[k]] as PacketTx;
    if (!keep(e)) continue;
    ids.push(e.id);
    if (e.arrive - e.t > maxFlight) maxFlight = e.arrive - e.t;
  }
  const t = new Float64Array(ids.length);
  const arrive = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    const e = trace[id] as PacketTx;
    t[i] = e.t;
    arrive[i] = e.arrive;
  });
  return { ids: Int32Array.from(ids), t, arrive, maxFlight };
}

/** The scale through every send and arrival time of the rows. */
export function rowsScale(rows: ChartRows, opts?: ScaleOptions): TimeScale {
  const times = new Float64Array(rows.t.length * 2);
  times.set(rows.t, 0);
  times.set(rows.arrive, rows.t.length);
  return buildTimeScale(times, opts);
}

const ROLE_ORDER: readonly ScenarioNodeKind[] = ['mn', 'host', 'mag', 'lma', 'router', 'aaa', 'cn'];

export interface LaneNode {
  readonly id: string;
  readonly kind: ScenarioNodeKind;
}

/**
 * Hops from the access network: mobile nodes 0, MAGs 1, then along the wired links (the backhaul router
 * 2, the LMA 3, …, the correspondent last). Ordering lifelines by it draws a path MN → MAG → LMA → CN
 * left to right, as RFC 5213's figures do, whatever routers sit in between.
 */
export function accessDistance(
  nodes: readonly LaneNode[],
  links: readonly { readonly a: string; readonly b: string }[],
): Map<string, number> {
  const dist = new Map<string, number>();
  for (const n of nodes) if (n.kind === 'mn') dist.set(n.id, 0);
  const queue = nodes.filter((n) => n.kind === 'mag').map((n) => n.id);
  for (const id of queue) dist.set(id, 1);
  const adjacent = new Map<string, string[]>();
  const owner = (end: string) => end.split(':')[0];
  for (const l of links) {
    const a = owner(l.a);
    const b = owner(l.b);
    adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
    adjacent.set(b, [...(adjacent.get(b) ?? []), a]);
  }
  for (let i = 0; i < queue.length; i++) {
    const d = dist.get(queue[i]) as number;
    for (const next of adjacent.get(queue[i]) ?? []) {
      if (dist.has(next)) continue;
      dist.set(next, d + 1);
      queue.push(next);
    }
  }
  return dist;
}

/**
 * Every node's place from left to right: by distance from the access network, then role, then scenario
 * order. Computed once per scenario; `lifelines` then only sorts the nodes it needs.
 */
export function laneOrder(
  nodes: readonly LaneNode[],
  links: readonly { readonly a: string; readonly b: string }[] = [],
): Map<string, number> {
  const dist = accessDistance(nodes, links);
  const rank = (k: ScenarioNodeKind) => {
    const r = ROLE_ORDER.indexOf(k);
    return r < 0 ? ROLE_ORDER.length : r;
  };
  const far = Number.MAX_SAFE_INTEGER;
  const sorted = nodes
    .map((n, i) => ({ n, i }))
    .sort(
      (a, b) =>
        (dist.get(a.n.id) ?? far) - (dist.get(b.n.id) ?? far) || rank(a.n.kind) - rank(b.n.kind) || a.i - b.i,
    );
  return new Map(sorted.map((x, place) => [x.n.id, place]));
}

/**
 * Lifelines: the nodes some row starts or ends at (every row, or only the row indexes in `only`), in lane
 * order. Nodes the scenario does not list (added by the run) go last, in first-seen order.
 */
export function lifelines(
  trace: readonly TraceEntry[],
  rows: ChartRows,
  order: ReadonlyMap<string, number>,
  only?: readonly number[],
): string[] {
  const used = new Set<string>();
  const take = (i: number) => {
    const e = trace[rows.ids[i]] as PacketTx;
    used.add(e.node);
    used.add(e.to);
  };
  if (only) for (const i of only) take(i);
  else for (let i = 0; i < rows.ids.length; i++) take(i);
  const known = [...used]
    .filter((id) => order.has(id))
    .sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  return [...known, ...[...used].filter((id) => !order.has(id))];
}

/**
 * Row indexes whose arrow crosses the band [y0, y1]: started before its bottom and arrived after its top.
 * At most `limit` (the latest ones win), so a zoomed-out view of a huge trace stays cheap.
 */
/**
 * Most arrows the chart draws at once. In a city's start-up storm thousands of hops cross one screen,
 * drawn over each other, and every frame would repaint them all: the latest ones crossing the view are
 * drawn (and their lifelines), and the chart says so.
 */
export const DRAWN_LIMIT = 300;

export function rowsInBand(rows: ChartRows, scale: TimeScale, y0: number, y1: number, limit = 800): number[] {
  if (rows.t.length === 0) return [];
  const tTop = timeAt(scale, y0);
  const tBottom = timeAt(scale, y1);
  const last = lastAtOrBelow(rows.t, tBottom);
  const out: number[] = [];
  for (let i = last; i >= 0 && out.length < limit; i--) {
    if (rows.t[i] < tTop - rows.maxFlight) break;
    if (rows.arrive[i] >= tTop) out.push(i);
  }
  return out.reverse();
}

/** Height of the lifeline heads over the chart's viewport. */
export const HEAD_H = 26;

/**
 * The rows the chart draws for a viewport (with a margin, so arrows do not pop in while scrolling): the
 * canvas draws these and the lifelines are those of these, so both must use this one window.
 */
export function viewBand(rows: ChartRows, scale: TimeScale, scrollTop: number, viewHeight: number): number[] {
  // Before layout (or without one) the height reads 0: draw a screenful anyway.
  const h = viewHeight > 0 ? viewHeight : 600;
  return rowsInBand(rows, scale, scrollTop - HEAD_H - 60, scrollTop + h + 60, DRAWN_LIMIT);
}

/** Ids of the 'tx' entries whose packet was dropped on that hop (drawn dashed, with a cross). */
export function droppedHops(trace: readonly TraceEntry[], drops: Int32Array): Set<number> {
  const out = new Set<number>();
  for (const id of drops) {
    const d = trace[id];
    if (d?.kind === 'drop' && d.txId !== undefined) out.add(d.txId);
  }
  return out;
}

/** Position (index into rows) of the last row sent at or before the trace entry `cursor`, or -1. */
export function rowAtCursor(rows: ChartRows, cursor: number): number {
  let lo = 0;
  let hi = rows.ids.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.ids[mid] <= cursor) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
