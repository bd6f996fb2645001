/** Simulated time is an integer count of microseconds since the start of the run. */
export type Micros = number;

export const US = 1;
export const MS = 1_000;
export const SECOND = 1_000_000;

const UNITS: Record<string, number> = {
  us: 1,
  µs: 1,
  ms: MS,
  s: SECOND,
  m: 60 * SECOND,
  min: 60 * SECOND,
  h: 3600 * SECOND,
};

/**
 * The same time, as a value V8 keeps as a small integer when it is below 2^30 µs (about 17.9 minutes).
 * A time read from a Float64Array (the event queue) or computed in floating point is a boxed double; stored
 * in the clock, it would make the `t` of every trace entry a boxed double too (a field representation V8
 * then keeps for every object of that shape): one more heap object per entry. `| 0` is exact in that
 * range for the non-negative integers times are; beyond it the value is returned unchanged.
 */
export const smallTime = (t: Micros): Micros => (t >= 0 && t <= 0x3fffffff ? t | 0 : t);

/** Parses "1.5s", "300ms", "250us", "2m" into microseconds; null when the text is not a duration. */
export function parseDuration(text: string): Micros | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m|min|h)\s*$/.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]) * UNITS[m[2]]);
}

/** "12.345 s", "300 ms", "17 µs": short and exact enough for a clock or a label. */
export function formatTime(t: Micros): string {
  if (t >= SECOND) return `${(t / SECOND).toFixed(3)} s`;
  if (t >= MS) return `${(t / MS).toFixed(t % MS === 0 ? 0 : 1)} ms`;
  return `${t} µs`;
}

/**
 * An exact clock reading for event lists and the transport bar: "0:12.345678", "1:02:03.000001".
 * Every microsecond shows, so two events never look simultaneous when they are not.
 */
export function formatClock(t: Micros): string {
  const sign = t < 0 ? '-' : '';
  const abs = Math.abs(t);
  const micros = String(abs % SECOND).padStart(6, '0');
  const totalSeconds = Math.floor(abs / SECOND);
  const s = String(totalSeconds % 60).padStart(2, '0');
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${sign}${totalMinutes}:${s}.${micros}`;
  const m = String(totalMinutes % 60).padStart(2, '0');
  return `${sign}${Math.floor(totalMinutes / 60)}:${m}:${s}.${micros}`;
}
