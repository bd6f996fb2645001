import { describe, expect, it } from 'vitest';
import { MS, SECOND, formatClock, formatTime, parseDuration, smallTime } from '../../src/sim/core/time';

describe('time', () => {
  it('parseDuration reads µs, ms, s, m and h into integer microseconds', () => {
    expect(parseDuration('1.5s')).toBe(1_500_000);
    expect(parseDuration(' 300 ms ')).toBe(300 * MS);
    expect(parseDuration('250us')).toBe(250);
    expect(parseDuration('2m')).toBe(120 * SECOND);
    expect(parseDuration('1h')).toBe(3600 * SECOND);
    expect(parseDuration('0.0005ms')).toBe(1); // rounded to whole µs
    expect(parseDuration('1.5')).toBeNull();
    expect(parseDuration('-1s')).toBeNull();
  });

  it('formatTime picks a short unit', () => {
    expect(formatTime(17)).toBe('17 µs');
    expect(formatTime(300 * MS)).toBe('300 ms');
    expect(formatTime(1500)).toBe('1.5 ms');
    expect(formatTime(12_345_678)).toBe('12.346 s');
  });

  it('formatClock shows every microsecond, with minutes and hours as needed', () => {
    expect(formatClock(0)).toBe('0:00.000000');
    expect(formatClock(12_345_678)).toBe('0:12.345678');
    expect(formatClock(62 * SECOND + 5)).toBe('1:02.000005');
    expect(formatClock(3723 * SECOND + 1)).toBe('1:02:03.000001');
    expect(formatClock(-1500)).toBe('-0:00.001500');
  });
});

describe('smallTime', () => {
  it('returns the same number for every time, small or large', () => {
    for (const t of [
      0,
      1,
      999_999,
      600_000_000,
      0x3fffffff,
      0x40000000,
      2 ** 31,
      2 ** 40 + 3,
      Number.MAX_SAFE_INTEGER,
    ])
      expect(smallTime(t)).toBe(t);
    expect(smallTime(1.5e6)).toBe(1_500_000);
  });
});
