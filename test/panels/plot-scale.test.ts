import { describe, expect, it } from 'vitest';
import { lastUpTo, linear, niceMax, niceTicks, thin } from '../../src/ui/panels/metrics/plot-scale';

describe('plot scales', () => {
  it('maps linearly, including reversed ranges (y grows downwards)', () => {
    const y = linear(0, 50, 100, 0);
    expect([0, 25, 50].map(y)).toEqual([100, 50, 0]);
    expect(linear(3, 3, 0, 10)(3)).toBe(0);
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 60, 4)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(0, 0.35, 3)).toEqual([0, 0.2]);
    expect(niceTicks(0, 7, 3)).toEqual([0, 5]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('rounds an axis top up to a nice value', () => {
    expect([0, 0.3, 1, 7, 31, 75.5, 120].map((v) => niceMax(v))).toEqual([1, 1, 1, 8, 40, 80, 150]);
  });

  it('thins a long series to the low and high point of each slice, in time order', () => {
    const pts = Array.from({ length: 100 }, (_, i) => ({ t: i, v: i % 10 === 3 ? 50 : i % 7 }));
    const out = thin(pts, 0, 100, 10);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.filter((p) => p.v === 50)).toHaveLength(10);
    expect(out.map((p) => p.t)).toEqual([...out.map((p) => p.t)].sort((a, b) => a - b));
    expect(thin(pts.slice(0, 5), 0, 100, 10)).toEqual(pts.slice(0, 5));
  });

  it('finds the last point at or before a time', () => {
    const pts = [{ t: 1 }, { t: 5 }, { t: 5 }, { t: 9 }];
    expect([0, 1, 5, 8, 9, 10].map((t) => lastUpTo(pts, t))).toEqual([-1, 0, 2, 2, 3, 3]);
  });
});
