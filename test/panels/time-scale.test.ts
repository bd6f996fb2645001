import { describe, expect, it } from 'vitest';
import { buildTimeScale, lastAtOrBelow, timeAt, yOf } from '../../src/ui/panels/chart/time-scale';

const OPTS = { pxPerMs: 10, minStep: 20, maxGap: 50, top: 5 };

describe('buildTimeScale', () => {
  const s = buildTimeScale(Float64Array.of(10_000, 0, 12_000, 2_000, 0, 1_000_000), OPTS);

  it('puts each distinct time on a knot, at least minStep and at most maxGap apart', () => {
    expect([...s.knotT]).toEqual([0, 2_000, 10_000, 12_000, 1_000_000]);
    // 2 ms → 20 px; 8 ms → 80 px capped at 50; 2 ms → 20; 988 ms → 50 (a break).
    expect([...s.knotY]).toEqual([5, 25, 75, 95, 145]);
    expect(s.height).toBe(195);
  });

  it('marks every span cut short as a break, with its real times', () => {
    expect(s.breaks).toEqual([
      { y0: 25, y1: 75, t0: 2_000, t1: 10_000 },
      { y0: 95, y1: 145, t0: 12_000, t1: 1_000_000 },
    ]);
  });

  it('maps a time to y exactly at knots and linearly between them', () => {
    expect(yOf(s, 2_000)).toBe(25);
    expect(yOf(s, 6_000)).toBe(50);
    expect(yOf(s, -5)).toBe(5);
    // After the last knot: at the real rate, but no further than one gap.
    expect(yOf(s, 1_001_000)).toBe(155);
    expect(yOf(s, 9_000_000)).toBe(195);
  });

  it('maps y back to time, clamped to the knots', () => {
    expect(timeAt(s, 50)).toBe(6_000);
    expect(timeAt(s, 0)).toBe(0);
    expect(timeAt(s, 1_000)).toBe(1_000_000);
  });

  it('gives a two-message-per-microsecond burst its own lines', () => {
    const burst = buildTimeScale(Float64Array.of(100, 101, 102), OPTS);
    expect([...burst.knotY]).toEqual([5, 25, 45]);
  });

  it('handles no times at all', () => {
    const empty = buildTimeScale(new Float64Array(0), OPTS);
    expect(empty.height).toBe(55);
    expect(yOf(empty, 123)).toBe(5);
    expect(timeAt(empty, 40)).toBe(0);
  });
});

describe('lastAtOrBelow', () => {
  it('binary-searches a sorted array', () => {
    const a = Float64Array.of(1, 3, 3, 7);
    expect([0, 1, 3, 5, 7, 9].map((x) => lastAtOrBelow(a, x))).toEqual([-1, 0, 2, 2, 3, 3]);
  });
});
