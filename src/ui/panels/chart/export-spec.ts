/**
 * Gathers what the SVG export draws from the chart's model: the rows (all of them, or for a huge chart the
 * `max` rows around what is on screen, see exportRange), their arrows re-based to the top of the file, the
 * time ticks and the breaks. Colours come in resolved (the caller reads the theme's CSS variables).
 */
import { formatTime } from '../../../sim/core/time';
import type { PacketTx, TraceEntry } from '../../../sim/core/trace-types';
import { arrowKind } from './arrow-kind';
import type { ChartRows } from './chart-model';
import type { ExportArrow, ExportSpec } from './export-svg';
import { yOf } from './time-scale';
import type { TimeScale } from './time-scale';
import { timeTick } from './ticks';

export interface ExportInput {
  readonly trace: readonly TraceEntry[];
  readonly rows: ChartRows;
  readonly scale: TimeScale;
  readonly xOf: ReadonlyMap<string, number>;
  readonly lifelines: readonly { readonly id: string; readonly label: string }[];
  readonly width: number;
  readonly dropped: ReadonlySet<number>;
  readonly title: string;
  /** The rows to draw: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly colours: ExportSpec['colours'];
}

/** Most rows one file holds: a city-scale chart would make a file no viewer opens. */
export const EXPORT_MAX_ROWS = 2000;

/** Every row, or the `max` rows centred on row `around`. */
export function exportRange(total: number, around: number, max = EXPORT_MAX_ROWS): [number, number] {
  const from = total <= max ? 0 : Math.max(0, Math.min(total - max, around - (max >> 1)));
  return [from, Math.min(total, from + max)];
}

export function exportSpec(i: ExportInput): ExportSpec {
  const total = i.rows.ids.length;
  const { from, to } = i;
  const top = total ? yOf(i.scale, i.rows.t[from]) - 24 : 0;
  let bottom = top;
  const arrows: ExportArrow[] = [];
  const ticks: { y: number; text: string }[] = [];
  let lastTickY = -Infinity;
  for (let r = from; r < to; r++) {
    const e = i.trace[i.rows.ids[r]] as PacketTx;
    const y1 = yOf(i.scale, e.t) - top;
    const y2 = yOf(i.scale, e.arrive) - top;
    bottom = Math.max(bottom, y2 + top);
    arrows.push({
      id: e.id,
      x1: i.xOf.get(e.node) ?? 0,
      y1,
      x2: i.xOf.get(e.to) ?? 0,
      y2,
      kind: arrowKind(e.label, e.cls),
      label: e.label,
      tunnelled: e.tunnelled,
      dropped: i.dropped.has(e.id),
    });
    if (y1 - lastTickY >= 16) {
      ticks.push({ y: y1, text: timeTick(e.t) });
      lastTickY = y1;
    }
  }
  const t0 = total ? i.rows.t[from] : 0;
  const t1 = total ? i.rows.arrive[to - 1] : 0;
  const breaks = i.scale.breaks
    .filter((b) => b.t0 >= t0 && b.t1 <= t1)
    .map((b) => ({ y0: b.y0 - top, y1: b.y1 - top, text: `… ${formatTime(b.t1 - b.t0)} …` }));
  const shown = to - from < total ? ` (hops ${from + 1}–${to} of ${total})` : '';
  return {
    title: `${i.title}${shown}`,
    width: i.width,
    height: bottom - top + 24,
    lifelines: i.lifelines.map((l) => ({ x: i.xOf.get(l.id) ?? 0, label: l.label })),
    arrows,
    ticks,
    breaks,
    colours: i.colours,
  };
}
