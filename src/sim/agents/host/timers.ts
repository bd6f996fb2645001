/**
 * Named agent timers on top of the simulator's traced timers (DESIGN.md: timers are data, owned by the
 * simulator, so they show in the trace and replay exactly). An agent names its timers ("retransmit
 * mn1@example.com"); setting a name that is still pending replaces that timer.
 */
import type { Simulator } from '../../core/simulator';
import type { Micros } from '../../core/time';
import type { Cell } from '../../core/trace-types';
import type { FiredTimer } from '../api';

interface Pending {
  readonly id: number;
  readonly deadline: Micros;
}

export class NamedTimers {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly sim: Simulator,
    private readonly node: string,
    private readonly onFire: (t: FiredTimer) => void,
  ) {}

  set(name: string, delay: Micros, data: Readonly<Record<string, Cell>> = {}): void {
    this.cancel(name);
    const d = Math.max(0, Math.round(delay));
    const id = this.sim.setTimer(this.node, name, d, () => {
      this.pending.delete(name);
      this.onFire({ name, data });
    });
    this.pending.set(name, { id, deadline: this.sim.now + d });
  }

  cancel(name: string): boolean {
    const p = this.pending.get(name);
    if (p === undefined) return false;
    this.pending.delete(name);
    return this.sim.cancelTimer(p.id);
  }

  remaining(name: string): Micros | null {
    const p = this.pending.get(name);
    return p === undefined ? null : p.deadline - this.sim.now;
  }
}
