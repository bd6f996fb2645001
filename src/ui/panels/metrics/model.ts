/**
 * The metrics panel's data: built once per trace (the O(trace) part: handovers, ping samples, the
 * signalling messages, the binding cache series), then cut at the clock for every frame (binary searches
 * and short loops), so the plots follow the clock like every other view.
 */
import { handoverAt, handoverParts, handovers } from '../../../sim/analysis/handover-metrics';
import type { Handover, HandoverParts } from '../../../sim/analysis/handover-metrics';
import { bindingCacheSize, MINUTE, mnIdOf, signallingLoad } from '../../../sim/analysis/signalling-load';
import type {
  BindingCacheSeries,
  LoadBucket,
  LoadCount,
  SignallingLoad,
} from '../../../sim/analysis/signalling-load';
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
  /** Every flow's round-trip times together, by time (what a plot of many flows draws). */
  readonly allRtt: readonly Point[];
  /** Every flow's timeouts together, by time. */
  readonly allTimeouts: readonly { readonly t: Micros }[];
  /** Every hop of every signalling message, in trace order. */
  readonly signalling: readonly PacketTx[];
  /** The signalling load as running totals, so the panel cuts it at the clock with binary searches. */
  readonly load: LoadSeries;
  readonly bindingCache: readonly BindingCacheSeries[];
}

/**
 * Running totals of the signalling, counted as signallingLoad counts them (a message once, at its first
 * hop; its MN by the MN-ID it carries). Element i holds the totals up to and including hop or message i.
 */
export interface LoadSeries {
  /** Send time of each hop (trace order, so sorted) and the octets of hops 0..i. */
  readonly hopT: Float64Array;
  readonly hopBytes: Float64Array;
  /** Send time of each message's first hop, the octets of messages 0..i and the distinct MN-IDs among them. */
  readonly msgT: Float64Array;
  readonly msgBytes: Float64Array;
  readonly mns: Int32Array;
}

function loadSeries(signalling: readonly PacketTx[]): LoadSeries {
  const hopBytes = new Float64Array(signalling.length);
  const seen = new Set<number>();
  const ids = new Set<string>();
  const msgT: number[] = [];
  const msgBytes: number[] = [];
  const mns: number[] = [];
  let hops = 0;
  let bytes = 0;
  signalling.forEach((e, i) => {
    hopBytes[i] = hops += e.bytes.length;
    if (seen.has(e.pid)) return;
    seen.add(e.pid);
    const mnId = mnIdOf(e.bytes);
    if (mnId !== null) ids.add(mnId);
    msgT.push(e.t);
    msgBytes.push((bytes += e.bytes.length));
    mns.push(ids.size);
  });
  return {
    hopT: Float64Array.from(signalling, (e) => e.t),
    hopBytes,
    msgT: Float64Array.from(msgT),
    msgBytes: Float64Array.from(msgBytes),
    mns: Int32Array.from(mns),
  };
}

/** How many of the sorted values are ≤ `v`. */
function countAtOrBefore(xs: Float64Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function byTime<T extends { readonly t: number }>(lists: readonly (readonly T[])[]): T[] {
  return lists.flat().sort((a, b) => a.t - b.t);
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
  const pings = [...flows.values()];
  return {
    handovers: handovers(trace),
    pings,
    allRtt: byTime(pings.map((f) => f.rtt)),
    allTimeouts: byTime(pings.map((f) => f.timeouts.map((t) => ({ t })))),
    signalling,
    load: loadSeries(signalling),
    bindingCache: bindingCacheSize(trace),
  };
}

export interface HandoverNow {
  readonly h: Handover;
  readonly parts: HandoverParts;
}

/** The handovers that had begun by `time`, each as it stood then, with its durations. */
export function handoversAt(m: MetricsModel, time: Micros): HandoverNow[] {
  const n =
    lastUpTo(
      m.handovers.map((h) => h.attach),
      time,
    ) + 1;
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

/** What the panel shows of the signalling load at the clock (loadAt's figures, without the per-MN list). */
export interface LoadNow extends LoadCount {
  readonly bucket: Micros;
  readonly span: Micros;
  readonly hops: number;
  readonly hopBytes: number;
  readonly buckets: readonly LoadBucket[];
  readonly perMnPerMinute: LoadCount | null;
}

/**
 * loadAt's totals, buckets and rate from the model's running totals: a few binary searches per bucket
 * instead of a pass over every signalling message, so the panel can follow a city's clock.
 */
export function loadNow(m: MetricsModel, time: Micros, duration: Micros): LoadNow {
  const s = m.load;
  const bucket = bucketFor(duration);
  const hops = countAtOrBefore(s.hopT, time);
  const messages = countAtOrBefore(s.msgT, time);
  const bytesUpTo = (n: number) => (n > 0 ? s.msgBytes[n - 1] : 0);
  const bytes = bytesUpTo(messages);
  const buckets: LoadBucket[] = [];
  const count = Math.max(
    1,
    Math.ceil(time / bucket),
    messages > 0 ? Math.floor(s.msgT[messages - 1] / bucket) + 1 : 0,
  );
  for (let b = 0, before = 0; b < count; b++) {
    // Messages sent before the bucket's end (and not after the clock).
    const upTo = Math.min(messages, countAtOrBefore(s.msgT, (b + 1) * bucket - 1));
    buckets.push({ start: b * bucket, messages: upTo - before, bytes: bytesUpTo(upTo) - bytesUpTo(before) });
    before = upTo;
  }
  const mns = messages > 0 ? s.mns[messages - 1] : 0;
  const minutes = time / MINUTE;
  return {
    messages,
    bytes,
    bucket,
    span: time,
    hops,
    hopBytes: hops > 0 ? s.hopBytes[hops - 1] : 0,
    buckets,
    perMnPerMinute:
      mns > 0 && minutes > 0 ? { messages: messages / mns / minutes, bytes: bytes / mns / minutes } : null,
  };
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
  return {
    count: s.length,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    min: s[0],
    max: s[s.length - 1],
  };
}
