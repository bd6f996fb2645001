/**
 * The sequence chart's vertical axis: simulated time → pixels. A PMIPv6 run lives at two scales (packets
 * cross a link in a millisecond, nothing happens for a second between pings), so a linear axis would draw
 * every arrow flat and leave screens of empty space. The scale is piecewise linear through "knots" (every
 * send and every arrival time): between two knots it runs at `pxPerMs`, but never less than `minStep`
 * (so two messages a microsecond apart still get their own line of text) and never more than `maxGap` (a
 * quiet second shrinks to a short break, which the chart marks). Arrows therefore still slope with their
 * flight time, and the clock can be placed anywhere by interpolation.
 */
import type { Micros } from '../../../sim/core/time';
import { MS } from '../../../sim/core/time';

export interface ScaleOptions {
  /** Pixels per millisecond between close knots. */
  readonly pxPerMs: number;
  /** Least distance between two knots (a label's height). */
  readonly minStep: number;
  /** Most distance between two knots: longer quiet spans are cut to this and marked as a break. */
  readonly maxGap: number;
  /** Space above the first knot. */
  readonly top: number;
}

export const DEFAULT_SCALE: ScaleOptions = { pxPerMs: 6, minStep: 18, maxGap: 44, top: 44 };

/** A quiet span cut short: drawn as a break with its real length. */
export interface ScaleBreak {
  readonly y0: number;
  readonly y1: number;
  readonly t0: Micros;
  readonly t1: Micros;
}

export interface TimeScale {
  /** Knot times (sorted, distinct) and their y. */
  readonly knotT: Float64Array;
  readonly knotY: Float64Array;
  readonly breaks: readonly ScaleBreak[];
  /** Total height, with a bottom margin. */
  readonly height: number;
  readonly opts: ScaleOptions;
}

/** Sorted distinct values of `times` (which may be in any order). */
function distinctSorted(times: Float64Array): Float64Array {
  const sorted = Float64Array.from(times).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

export function buildTimeScale(times: Float64Array, opts: ScaleOptions = DEFAULT_SCALE): TimeScale {
  const knotT = distinctSorted(times);
  const knotY = new Float64Array(knotT.length);
  const breaks: ScaleBreak[] = [];
  const perUs = opts.pxPerMs / MS;
  let y = opts.top;
  for (let i = 0; i < knotT.length; i++) {
    if (i > 0) {
      const want = (knotT[i] - knotT[i - 1]) * perUs;
      const dy = Math.min(Math.max(want, opts.minStep), opts.maxGap);
      if (want > opts.maxGap) breaks.push({ y0: y, y1: y + dy, t0: knotT[i - 1], t1: knotT[i] });
      y += dy;
    }
    knotY[i] = y;
  }
  return { knotT, knotY, breaks, height: y + opts.maxGap, opts };
}

/** Index of the last value ≤ x in a sorted array (-1 when all are larger). */
export function lastAtOrBelow(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The y of time `t`: exact at knots, interpolated between them, extrapolated (capped) outside. */
export function yOf(s: TimeScale, t: Micros): number {
  const n = s.knotT.length;
  if (n === 0) return s.opts.top;
  const i = lastAtOrBelow(s.knotT, t);
  if (i < 0) return s.opts.top;
  if (s.knotT[i] === t) return s.knotY[i];
  if (i === n - 1) return s.knotY[i] + Math.min((t - s.knotT[i]) * (s.opts.pxPerMs / MS), s.opts.maxGap);
  const f = (t - s.knotT[i]) / (s.knotT[i + 1] - s.knotT[i]);
  return s.knotY[i] + f * (s.knotY[i + 1] - s.knotY[i]);
}

/** The time at height `y` (the inverse of yOf between the first and last knot; clamped outside). */
export function timeAt(s: TimeScale, y: number): Micros {
  const n = s.knotY.length;
  if (n === 0) return 0;
  const i = lastAtOrBelow(s.knotY, y);
  if (i < 0) return s.knotT[0];
  if (i === n - 1) return s.knotT[n - 1];
  const f = (y - s.knotY[i]) / (s.knotY[i + 1] - s.knotY[i]);
  return s.knotT[i] + f * (s.knotT[i + 1] - s.knotT[i]);
}
