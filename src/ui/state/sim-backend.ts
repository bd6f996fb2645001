/**
 * What the Session needs from whatever runs the simulator: the page uses the Web Worker (worker-backend.ts);
 * tests run the same engine in-process. Keeping this small keeps the Session testable without a browser.
 */
import type { Micros } from '../../sim/core/time';
import type { TraceEntry } from '../../sim/core/trace-types';
import type { Scenario, ValidationError } from '../../sim/scenario/types';
import type { CatalogEntry, RunSource } from '../../worker/protocol';

export interface RunHandlers {
  loaded(scenario: Scenario, duration: Micros): void;
  /** Entries [start, start + entries.length) of the trace; `reached` is how far the run has got. */
  chunk(start: number, entries: TraceEntry[], reached: Micros, done: boolean): void;
  invalid(message: string, errors: readonly ValidationError[]): void;
  failed(message: string): void;
}

export interface RunHandle {
  /** Stop the run; no handler is called after this. */
  cancel(): void;
}

export interface SimBackend {
  catalog(): Promise<readonly CatalogEntry[]>;
  run(source: RunSource, handlers: RunHandlers): RunHandle;
}
