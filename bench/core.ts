/**
 * Figures for the simulation core: how fast events are scheduled and dispatched, and how fast the trace
 * grows and serialises. Each figure is the best of a few timed rounds after a warm-up round.
 */
import type { Figure } from './figure';
import { Simulator, createRng } from '../src/sim/core/index';
import type { TraceInput } from '../src/sim/core/index';

const ROUNDS = 5;

/** Best (highest) rate over ROUNDS timed runs of `body`, which returns how many operations it did. */
function bestRate(body: () => number): number {
  body(); // warm-up: let the JIT optimise the hot path first
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    const ops = body();
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, ops / seconds);
  }
  return best;
}

/** Pseudo-random delays, drawn up front so the timed loop measures only the core. */
function delayTable(size: number, maxDelay: number): Int32Array {
  const rng = createRng(1, 'bench:delays');
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.int(0, maxDelay);
  return out;
}

/**
 * The classic "hold" model: `pending` events stay in the queue; each dispatched event schedules one more
 * at a random delay. One operation = one schedule + one dispatch. The callback is shared (no closure per
 * event), so this measures the queue and the dispatch loop.
 */
function holdModel(pending: number, ops: number): number {
  const delays = delayTable(1 << 16, 10_000);
  const mask = delays.length - 1;
  const sim = new Simulator({ seed: 1 });
  let k = 0;
  const fn = (): void => {
    sim.after(delays[k++ & mask], fn);
  };
  for (let i = 0; i < pending; i++) sim.after(delays[k++ & mask], fn);
  sim.run({ maxEvents: ops });
  return ops;
}

/** Same as holdModel, but every schedule allocates a fresh closure, as real agent code does. */
function holdModelClosures(pending: number, ops: number): number {
  const delays = delayTable(1 << 16, 10_000);
  const mask = delays.length - 1;
  const sim = new Simulator({ seed: 1 });
  let k = 0;
  let sum = 0;
  const spawn = (n: number): void => {
    sim.after(delays[k++ & mask], () => {
      sum += n;
      spawn(n + 1);
    });
  };
  for (let i = 0; i < pending; i++) spawn(i);
  sim.run({ maxEvents: ops });
  return sum >= 0 ? ops : 0;
}

/** Schedule a batch of events at random times, then dispatch them all. */
function batch(delays: Int32Array): number {
  const count = delays.length;
  const sim = new Simulator({ seed: 1 });
  let hits = 0;
  const fn = (): void => {
    hits++;
  };
  for (let i = 0; i < count; i++) sim.schedule(delays[i], fn);
  sim.run();
  return hits;
}

/** Timers: set, and cancel half before they fire (the PBA-retransmission pattern), with their trace entries. */
function timers(count: number): number {
  const sim = new Simulator({ seed: 1 });
  const noop = (): void => {};
  for (let i = 0; i < count; i++) {
    const id = sim.setTimer('mag1', 'pba-wait', 1000 + (i % 100), noop);
    if (i % 2 === 0) sim.cancelTimer(id);
    if (i % 64 === 63) sim.runUntil(sim.now + 50);
  }
  sim.run();
  return count;
}

const decision: TraceInput = {
  kind: 'decision',
  node: 'lma',
  text: 'accept the PBU',
  rfc: 'RFC 5213 §5.3.1',
  tag: 'pbu-accepted',
};

function traceAppends(count: number): number {
  const sim = new Simulator({ seed: 1 });
  for (let i = 0; i < count; i++) sim.record(decision);
  return sim.trace.length;
}

function traceJson(count: number): number {
  const sim = new Simulator({ seed: 1 });
  const bytes = new Uint8Array(80).fill(0xa5);
  for (let i = 0; i < count; i++) {
    if (i % 2) sim.record(decision);
    else
      sim.record({
        kind: 'tx',
        node: 'mag1',
        pid: i,
        link: 'l1',
        to: 'lma',
        arrive: i,
        bytes,
        cls: 'signalling',
        label: 'PBU',
        tunnelled: false,
      });
  }
  return sim.trace.toJsonLines().length > 0 ? count : 0;
}

export async function run(): Promise<Figure[]> {
  const M = 1_000_000;
  const batchDelays = delayTable(M, 1_000_000);
  return [
    {
      name: 'core: schedule+dispatch, 1k pending (hold model)',
      value: Math.round(bestRate(() => holdModel(1_000, 4 * M))),
      unit: 'ops/s',
      note: 'one op = one schedule + one dispatch; shared callback',
    },
    {
      name: 'core: schedule+dispatch, 100k pending (hold model)',
      value: Math.round(bestRate(() => holdModel(100_000, 4 * M))),
      unit: 'ops/s',
      note: 'shared callback',
    },
    {
      name: 'core: schedule+dispatch, 1k pending, closure per event',
      value: Math.round(bestRate(() => holdModelClosures(1_000, 2 * M))),
      unit: 'ops/s',
    },
    {
      name: 'core: schedule 1M at random times, then dispatch all',
      value: Math.round(bestRate(() => batch(batchDelays))),
      unit: 'events/s',
    },
    {
      name: 'core: timers set (half cancelled), traced',
      value: Math.round(bestRate(() => timers(500_000))),
      unit: 'timers/s',
    },
    { name: 'core: trace append', value: Math.round(bestRate(() => traceAppends(2 * M))), unit: 'entries/s' },
    {
      name: 'core: trace toJsonLines (half tx with 80 bytes)',
      value: Math.round(bestRate(() => traceJson(200_000))),
      unit: 'entries/s',
    },
  ];
}
