/**
 * The metrics panel's data: built once per trace (the O(trace) part: handovers, ping samples, the
 * signalling messages, the binding cache series), then cut at the clock for every frame (binary searches
 * and short loops), so the plots follow the clock like every other view.
 */
import { handoverAt, handoverParts, handovers } from '../../../sim/analysis/handover-metrics';
import type { Handover, HandoverParts } from '../../../sim/analysis/handover-metrics';
import { bindingCacheSize, MINUTE, signallingLoad } from '../../../sim/analysis/signalling-load';
import type { BindingCacheSeries, SignallingLoad } from '../../../sim/analysis/signalling-load';
import type { Micros } from '../../../sim/core/time';
import { SECOND } from '../../../sim/core/time';
import type { PacketTx, TraceEntry } from '../../../sim/core/trace-types';
import { lastUpTo } from './plot-scale';
import type { Point } from './plot-scale';

export interface PingFlow {
  readonly flow: string;
  readonly node: string;
  /** Round-trip times in ms, at the time the reply arrived. */
  readonly rtt: readonly Point[];
  readonly timeouts: readonly Micros[];
}

export interface MetricsModel {
  readonly handovers: readonly Handover[];
  readonly pings: readonly PingFlow[];
  /** Every hop of every signalling message, in trace order. */
  readonly signalling: readonly PacketTx[];
  readonly bindingCache: readonly BindingCacheSeries[];
}

export function buildMetrics(trace: readonly TraceEntry[]): MetricsModel {
  const flows = new Map<string, { flow: string; node: string; rtt: Point[]; timeouts: Micros[] }>();
  const signalling: PacketTx[] = [];
  for (const e of trace) {
    if (e.kind === 'tx' && e.cls === 'signalling') signalling.push(e);
    else if (e.kind === 'app' && e.app === 'ping' && (e.event === 'reply' || e.event === 'timeout')) {
      let f = flows.get(e.flow);
      if (!f) flows.set(e.flow, (f = { flow: e.flow, node: e.node, rtt: [], timeouts: [] }));
      if (e.event === 'reply' && e.rtt !== undefined) f.rtt.push({ t: e.t, v: e.rtt / 1000 });
      else if (e.event === 'timeout') f.timeouts.push(e.t);
    }
  }
  return { handovers: handovers(trace), pings: [...flows.values()], signalling, bindingCache: bindingCacheSize(trace) };
}

export interface HandoverNow {
  readonly h: Handover;
  readonly parts: HandoverParts;
}

/** The handovers that had begun by `time`, each as it stood then, with its durations. */
export function handoversAt(m: MetricsModel, time: Micros): HandoverNow[] {
  const n = lastUpTo(m.handovers.map((h) => h.attach), time) + 1;
  return m.handovers.slice(0, n).map((full) => {
    const h = handoverAt(full, time);
    return { h, parts: handoverParts(h) };
  });
}

/** The first `n` items of a time-sorted list that are at or before `time`. */
export function upTo<T extends { readonly t: number }>(xs: readonly T[], time: Micros): readonly T[] {
  return xs.slice(0, lastUpTo(xs, time) + 1);
}

/** Signalling load up to the clock, in buckets of 10 s for runs up to 3 minutes and of a minute beyond. */
export function loadAt(m: MetricsModel, time: Micros, duration: Micros): SignallingLoad {
  return signallingLoad(upTo(m.signalling, time), { bucket: bucketFor(duration), end: time });
}

export function bucketFor(duration: Micros): Micros {
  return duration <= 3 * MINUTE ? 10 * SECOND : MINUTE;
}

/** [value, how many times] for each distinct value, smallest first. */
export function histogram(xs: readonly number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function summarise(xs: readonly number[]): Summary | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { count: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}
