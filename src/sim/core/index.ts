/**
 * The deterministic simulation core: integer-microsecond time, the event queue, seeded PRNG streams,
 * the append-only trace and the Simulator that owns them (DESIGN.md, "The house": src/sim/core).
 */
export type { EventId } from './event-queue';
export { EventQueue } from './event-queue';
export type { Rng } from './prng';
export { createRng, streamState } from './prng';
export { Trace, entryToJson, tryParseJsonLines } from './trace';
export type { TimerId, PendingTimer, SimulatorOptions, RunOptions } from './simulator';
export { Simulator, replayTo } from './simulator';
export type { Micros } from './time';
export { US, MS, SECOND, parseDuration, formatTime, formatClock } from './time';
export type * from './trace-types';
