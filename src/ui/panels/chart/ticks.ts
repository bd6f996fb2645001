/** Time labels for the chart's gutter: seconds with milliseconds, "10.050", microseconds when they matter. */
import type { Micros } from '../../../sim/core/time';
import { SECOND } from '../../../sim/core/time';

export function timeTick(t: Micros): string {
  const s = t / SECOND;
  return t % 1000 === 0 ? s.toFixed(3) : s.toFixed(6);
}
