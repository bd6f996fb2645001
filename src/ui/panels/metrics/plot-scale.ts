/**
 * The little bit of plotting maths the metrics panel needs (no chart library: the whole page has a
 * 250 KB budget): linear scales, "nice" tick values, and thinning a long series to what a plot of a few
 * hundred pixels can show without changing its shape.
 */

export type Scale = (v: number) => number;

export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.round(v / step) * step);
  return out;
}

/** The top of a y axis: a nice value at or above `max` (at least `floor`). */
export function niceMax(max: number, floor = 1): number {
  const m = Math.max(max, floor);
  const mag = 10 ** Math.floor(Math.log10(m));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((k) => k * mag).find((v) => v >= m) ?? 10 * mag;
}

export interface Point {
  readonly t: number;
  readonly v: number;
}

/**
 * At most about 2 × `buckets` points with the same envelope: for each of `buckets` equal slices of
 * [t0, t1] the lowest and the highest point, in time order.
 */
export function thin(points: readonly Point[], t0: number, t1: number, buckets: number): Point[] {
  if (points.length <= buckets * 2) return [...points];
  const width = (t1 - t0) / buckets || 1;
  const out: Point[] = [];
  let slice = -1;
  let lo: Point | null = null;
  let hi: Point | null = null;
  const flush = () => {
    if (lo && hi) out.push(...(lo === hi ? [lo] : lo.t <= hi.t ? [lo, hi] : [hi, lo]));
  };
  for (const p of points) {
    const s = Math.floor((p.t - t0) / width);
    if (s !== slice) {
      flush();
      slice = s;
      lo = hi = p;
    } else {
      if (lo === null || p.v < lo.v) lo = p;
      if (hi === null || p.v > hi.v) hi = p;
    }
  }
  flush();
  return out;
}

/** Index of the last point with t ≤ time (-1 if none); points sorted by t. */
export function lastUpTo(points: readonly { readonly t: number }[], time: number): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid].t <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
