/**
 * The Simulator: simulated time, the event queue, named PRNG streams, timers and the trace of one run.
 * It is an instance, not a global (unlike ns-3's static facade), so a worker, a test and the CLI can each
 * hold their own.
 *
 * Determinism: events run in (time, scheduling order); time is integer microseconds; every random draw
 * comes from `rng(name)`, seeded from (seed, name). The same build and seed therefore give the same trace.
 *
 * Replay without checkpoints: the state of a run after N events is a pure function of (scenario, seed,
 * agent code, N), so "seek to event N" is `replayTo(build, N)`: rebuild from scratch and step N times.
 * Nothing is snapshotted or copied; a checkpoint cache, if one is ever needed for long runs, can sit on
 * top of this without changing it.
 *
 * Timers are data (DESIGN.md, "Agents"): the simulator owns them, gives each a deterministic id (1, 2, 3,
 * … in the order they are set), and traces timer-set, timer-fired and timer-cancelled, so every view and
 * every replay sees them.
 */
import { ByteArena } from './byte-arena';
import { EventQueue } from './event-queue';
import { flatten } from './flat-string';
import type { EventId } from './event-queue';
import { createRng } from './prng';
import type { Rng } from './prng';
import type { Micros } from './time';
import { smallTime } from './time';
import { Trace } from './trace';
import type { TraceEntry, TraceInput } from './trace-types';

export type TimerId = number;

export interface PendingTimer {
  readonly id: TimerId;
  readonly node: string;
  readonly name: string;
  readonly deadline: Micros;
}

export interface SimulatorOptions {
  /** Any safe integer; the same seed gives the same run. */
  readonly seed: number;
}

export interface RunOptions {
  /** Stop after dispatching this many events (in this call). */
  readonly maxEvents?: number;
  /** Dispatch only events due at or before this time; when none are left, the clock moves to it. */
  readonly until?: Micros;
}

interface TimerRecord extends PendingTimer {
  readonly event: EventId;
}

export class Simulator {
  readonly seed: number;
  readonly trace = new Trace();
  /** Storage for the packet bytes the trace keeps (byte-arena.ts): the network layer copies each hop's bytes here. */
  readonly arena = new ByteArena();

  private readonly queue = new EventQueue();
  private readonly streams = new Map<string, Rng>();
  private readonly timers = new Map<TimerId, TimerRecord>();
  private nextTimerId = 1;
  private clock: Micros = 0;
  private dispatched = 0;
  private dispatching = false;

  constructor(opts: SimulatorOptions) {
    if (!Number.isSafeInteger(opts.seed))
      throw new RangeError(`Simulator seed must be a safe integer, got ${opts.seed}`);
    this.seed = opts.seed;
  }

  /** Current simulated time in microseconds. */
  get now(): Micros {
    return this.clock;
  }

  /** Events dispatched since the start of the run: the position that `replayTo` seeks to. */
  get eventsDispatched(): number {
    return this.dispatched;
  }

  /** Live events waiting in the queue (cancelled ones are not counted). */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /** Runs fn at absolute time `at` (an integer, at >= now); RangeError otherwise. */
  schedule(at: Micros, fn: () => void): EventId {
    if (!(at >= this.clock) || !Number.isSafeInteger(at)) {
      throw new RangeError(
        `schedule(${at}): time must be an integer number of µs, not before now (${this.clock})`,
      );
    }
    return this.queue.push(at, fn);
  }

  /** Runs fn `delay` µs from now (an integer, delay >= 0). */
  after(delay: Micros, fn: () => void): EventId {
    return this.schedule(this.clock + delay, fn);
  }

  /** Cancels a pending event; true when it was still pending. */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** Time of the next live event, or undefined when nothing is pending. */
  peek(): Micros | undefined {
    return this.queue.peekTime();
  }

  /** Dispatches exactly one event; false when none is left. */
  step(): boolean {
    return this.dispatchWhile(Infinity, 1) === 1;
  }

  /** Dispatches every event due at or before t, then sets the clock to t (t >= now). */
  runUntil(t: Micros): void {
    this.checkTarget(t, 'runUntil');
    this.dispatchWhile(t, Infinity);
    this.clock = t;
  }

  /**
   * Dispatches events until none is left, `maxEvents` have run, or the next is after `until`. The clock
   * moves to `until` only when the run stopped because of it (not when it stopped at maxEvents).
   */
  run(opts: RunOptions = {}): void {
    const max = opts.maxEvents ?? Infinity;
    if (!(max >= 0)) throw new RangeError(`run: maxEvents must be >= 0, got ${max}`);
    if (opts.until === undefined) {
      this.dispatchWhile(Infinity, max);
      return;
    }
    this.checkTarget(opts.until, 'run');
    const ran = this.dispatchWhile(opts.until, max);
    const next = this.queue.peekTime();
    if (ran < max || next === undefined || next > opts.until) this.clock = opts.until;
  }

  /**
   * The named stream `name` (e.g. "link:lma-mag1", "mn1:iid"): the same name always returns the same
   * stream object; its draws depend only on (seed, name).
   */
  rng(name: string): Rng {
    let r = this.streams.get(name);
    if (r === undefined) {
      r = createRng(this.seed, name);
      this.streams.set(name, r);
    }
    return r;
  }

  /** Appends an entry to the trace at the current time. */
  record(e: TraceInput): TraceEntry {
    return this.trace.add(this.clock, e);
  }

  /** Sets a timer on `node`; traces timer-set now and timer-fired (before calling onFire) at the deadline. */
  setTimer(node: string, name: string, delay: Micros, onFire: () => void): TimerId {
    const id = this.nextTimerId;
    const deadline = smallTime(this.clock + delay);
    flatten(name); // kept by the timer-set, -fired and -cancelled entries
    const event = this.schedule(deadline, () => this.fireTimer(id, onFire)); // validates the delay
    this.nextTimerId++;
    this.timers.set(id, { id, node, name, deadline, event });
    const trace = this.trace;
    trace.append({
      id: trace.length,
      t: this.clock,
      kind: 'timer-set',
      node,
      timer: name,
      deadline,
      timerId: id,
    });
    return id;
  }

  /** Cancels a pending timer and traces timer-cancelled; false (and no entry) when it was not pending. */
  cancelTimer(id: TimerId): boolean {
    const rec = this.timers.get(id);
    if (rec === undefined) return false;
    this.timers.delete(id);
    this.queue.cancel(rec.event);
    const trace = this.trace;
    trace.append({
      id: trace.length,
      t: this.clock,
      kind: 'timer-cancelled',
      node: rec.node,
      timer: rec.name,
      timerId: id,
    });
    return true;
  }

  /** Pending timers (of one node, or all), earliest deadline first, ties by id. */
  pendingTimers(node?: string): { id: TimerId; node: string; name: string; deadline: Micros }[] {
    const out: { id: TimerId; node: string; name: string; deadline: Micros }[] = [];
    for (const r of this.timers.values()) {
      if (node === undefined || r.node === node)
        out.push({ id: r.id, node: r.node, name: r.name, deadline: r.deadline });
    }
    return out.sort((a, b) => a.deadline - b.deadline || a.id - b.id);
  }

  private fireTimer(id: TimerId, onFire: () => void): void {
    const rec = this.timers.get(id);
    if (rec === undefined) return;
    this.timers.delete(id);
    const trace = this.trace;
    trace.append({
      id: trace.length,
      t: this.clock,
      kind: 'timer-fired',
      node: rec.node,
      timer: rec.name,
      timerId: id,
    });
    onFire();
  }

  /** The dispatch loop: runs events due at or before `limit`, at most `max` of them; returns how many. */
  private dispatchWhile(limit: Micros, max: number): number {
    if (this.dispatching) throw new Error('Simulator: step/run/runUntil called from inside an event');
    this.dispatching = true;
    const queue = this.queue;
    let ran = 0;
    try {
      while (ran < max && queue.size > 0) {
        const t = queue.peekTime() as Micros;
        if (t > limit) break;
        const fn = queue.pop() as () => void;
        this.clock = t;
        this.dispatched++;
        ran++;
        fn();
      }
    } finally {
      this.dispatching = false;
    }
    return ran;
  }

  private checkTarget(t: Micros, what: string): void {
    if (!(t >= this.clock) || !Number.isSafeInteger(t)) {
      throw new RangeError(
        `${what}(${t}): time must be an integer number of µs, not before now (${this.clock})`,
      );
    }
  }
}

/**
 * A fresh simulator from `build`, stepped to exactly `events` dispatched events (or to the end of the
 * run, if it has fewer). This is how the UI seeks: rebuild and replay, no checkpoints.
 */
export function replayTo(build: () => Simulator, events: number): Simulator {
  if (!Number.isSafeInteger(events) || events < 0)
    throw new RangeError(`replayTo: events must be an integer >= 0, got ${events}`);
  const sim = build();
  if (sim.eventsDispatched > events) {
    throw new RangeError(
      `replayTo: build() already dispatched ${sim.eventsDispatched} events, more than ${events}`,
    );
  }
  sim.run({ maxEvents: events - sim.eventsDispatched });
  return sim;
}
