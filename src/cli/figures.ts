/**
 * The PMIPv6 figures the runner prints after its summary (issue 3, "Figures that the runner and the trace
 * compute"): handover latency and its parts, packets lost per handover, signalling messages and octets
 * per mobile node per minute, and each LMA's binding cache size over time. Everything is computed from
 * the trace by src/sim/analysis (handover-metrics.ts, signalling-load.ts); this module only condenses and
 * formats. A run without handovers, signalling or binding caches prints nothing.
 */
import { handoverParts, handovers } from '../sim/analysis/handover-metrics';
import type { Handover, HandoverParts } from '../sim/analysis/handover-metrics';
import { bindingCacheSize, signallingLoad } from '../sim/analysis/signalling-load';
import type { BindingCacheSeries } from '../sim/analysis/signalling-load';
import type { Micros } from '../sim/core/time';
import type { TraceEntry } from '../sim/core/trace-types';

export interface Spread {
  readonly n: number;
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

/** Min, mean and max of the values that are known; null when none is. */
export function spread(values: readonly (number | null)[]): Spread | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  let sum = 0;
  for (const v of known) sum += v;
  return { n: known.length, min: Math.min(...known), avg: sum / known.length, max: Math.max(...known) };
}

export interface CacheFigures {
  readonly node: string;
  /** When the cache got its first entry (µs); min and max count from there, the cache being empty before. */
  readonly since: Micros;
  readonly min: number;
  readonly max: number;
  readonly final: number;
  /** Time-weighted mean size from `since` to the end of the run. */
  readonly mean: number;
}

/** Min, max, final and time-weighted mean of one binding cache's size from its first entry to `end`. */
export function cacheFigures(series: BindingCacheSeries, end: Micros): CacheFigures | null {
  const pts = series.points;
  if (pts.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let area = 0;
  for (let i = 0; i < pts.length; i++) {
    const size = pts[i].size;
    min = Math.min(min, size);
    max = Math.max(max, size);
    const until = i + 1 < pts.length ? pts[i + 1].t : Math.max(end, pts[i].t);
    area += size * (until - pts[i].t);
  }
  const since = pts[0].t;
  const span = Math.max(end, pts[pts.length - 1].t) - since;
  const final = pts[pts.length - 1].size;
  return { node: series.node, since, min, max, final, mean: span > 0 ? area / span : final };
}

const ms = (us: number): string => (us / 1000).toFixed(3);
const num = (x: number, digits: number): string => x.toFixed(digits);
const row = (label: string, s: Spread | null, unit: (v: number) => string, suffix = ''): string =>
  `    ${label.padEnd(40)} ${s ? `${unit(s.min)}/${unit(s.avg)}/${unit(s.max)}${suffix}${s.n > 1 ? ` (${s.n})` : ''}` : 'n/a'}`;

function handoverLines(list: readonly Handover[]): string[] {
  if (list.length === 0) return [];
  const parts: HandoverParts[] = list.map(handoverParts);
  const pick = (k: keyof HandoverParts): Spread | null => spread(parts.map((p) => p[k]));
  const complete = parts.filter((p) => p.total !== null).length;
  const rejected = list.filter((h) => h.pbaStatus !== null && h.pbaStatus >= 128).length;
  const lost = spread(list.map((h) => h.lost));
  const totalLost = list.reduce((a, h) => a + h.lost, 0);
  const notes = [
    complete < list.length ? `${list.length - complete} without downlink traffic afterwards` : '',
    rejected > 0 ? `${rejected} rejected by the LMA` : '',
  ].filter((s) => s !== '');
  return [
    `handovers: ${list.length}${notes.length ? ` (${notes.join(', ')})` : ''}; min/avg/max`,
    row('latency, detach → first downlink packet', pick('total'), ms, ' ms'),
    row('  attach (detach → link-layer attach)', pick('linkLayer'), ms, ' ms'),
    row('  MAG reaction (attach → PBU sent)', pick('magReaction'), ms, ' ms'),
    row('  PBU/PBA round trip', pick('registration'), ms, ' ms'),
    row('  RA (PBA → RA at the MN)', pick('routerAdvertisement'), ms, ' ms'),
    row(
      'packets lost per handover',
      lost,
      (v) => num(v, Number.isInteger(v) ? 0 : 2),
      `, ${totalLost} in all`,
    ),
  ];
}

function signallingLines(entries: readonly TraceEntry[], end: Micros): string[] {
  const load = signallingLoad(entries, { end });
  if (load.messages === 0) return [];
  const perMn = load.perMnPerMinute;
  const rate = perMn
    ? `; per MN per minute: ${num(perMn.messages, 2)} messages, ${num(perMn.bytes, 1)} octets (${load.perMn.length} MN${load.perMn.length === 1 ? '' : 's'})`
    : '';
  return [`signalling: ${load.messages} messages, ${load.bytes} octets in ${num(end / 1e6, 3)} s${rate}`];
}

function cacheLines(entries: readonly TraceEntry[], end: Micros): string[] {
  const out: string[] = [];
  for (const series of bindingCacheSize(entries)) {
    const f = cacheFigures(series, end);
    if (!f) continue;
    out.push(
      `binding cache ${f.node}: min ${f.min} / max ${f.max} / final ${f.final} entries from its first at ${num(f.since / 1e6, 3)} s; time-weighted mean ${num(f.mean, 1)}`,
    );
  }
  return out;
}

/** The figure lines for a run's trace that ended at `end` (empty for a run without PMIPv6). */
export function figureLines(entries: readonly TraceEntry[], end: Micros): string[] {
  return [
    ...handoverLines(handovers(entries)),
    ...signallingLines(entries, end),
    ...cacheLines(entries, end),
  ];
}
