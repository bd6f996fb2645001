/**
 * The clock of a traffic source: a tick at `start`, then every `interval`, until `stop` (exclusive) or until
 * `count` ticks have sent something. Plain simulator events, not traced timers: an application's pacing is
 * not protocol state, and a timer entry per packet would bury the protocol timers in the trace.
 */
import type { Simulator } from '../../core/simulator';
import type { Micros } from '../../core/time';

export interface Pacing {
  readonly start: Micros;
  readonly interval: Micros;
  /** No tick at or after this time. */
  readonly stop?: Micros;
  /** Stop after this many ticks returned true (sent a packet). */
  readonly count?: number;
}

/** Calls `tick` on the pacing's schedule; `tick` returns whether it sent (skipped ticks do not count). */
export function periodic(sim: Simulator, p: Pacing, tick: () => boolean): void {
  let sent = 0;
  const at = (t: Micros) => {
    if (p.stop !== undefined && t >= p.stop) return;
    sim.schedule(t, () => {
      if (tick()) sent++;
      if (p.count === undefined || sent < p.count) at(t + p.interval);
    });
  };
  at(Math.max(p.start, sim.now));
}
