/**
 * The message protocol between the page and the simulation worker: one discriminated union each way.
 *
 * Every request carries an `id`; every reply names the request it answers. A newer `run` supersedes an
 * older one (the worker stops the old run at its next chunk boundary), and the page ignores replies to
 * requests it no longer waits for, so a stale run can never overwrite a newer one.
 *
 * A run streams its trace in chunks (entries [start, start + n)) so the page can render the start of a
 * long run while the rest is still being simulated. Runs are deterministic: the same source gives the
 * same trace, so seeking backwards never needs the worker (the page moves its cursor over the trace).
 */
import type { Micros } from '../sim/core/time';
import type { Scenario, ValidationError } from '../sim/scenario/types';
import type { PackedEntries } from './trace-pack';

/** A built-in scenario as the scenario menu lists it. */
export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** What to run: a built-in scenario by id, or a scenario document (from a file or the editor). */
export type RunSource =
  | { readonly kind: 'builtin'; readonly id: string }
  | { readonly kind: 'document'; readonly scenario: unknown };

export type ToWorker =
  | { readonly type: 'catalog'; readonly id: number }
  | {
      readonly type: 'run';
      readonly id: number;
      readonly source: RunSource;
      /** Stop here instead of at the scenario's duration. */
      readonly until?: Micros;
      /** Post a chunk after about this many new entries (default 4000). */
      readonly chunkEntries?: number;
    }
  | { readonly type: 'cancel'; readonly id: number };

export type FromWorker =
  | { readonly type: 'catalog'; readonly id: number; readonly scenarios: readonly CatalogEntry[] }
  /** The scenario validated and built; `scenario` has every default filled in. */
  | { readonly type: 'loaded'; readonly id: number; readonly scenario: Scenario; readonly duration: Micros }
  /** Entries [start, start + entries.length); `reached` is the simulated time the run has got to. */
  | {
      readonly type: 'chunk';
      readonly id: number;
      readonly start: number;
      readonly packed: PackedEntries;
      readonly reached: Micros;
      readonly done: boolean;
    }
  /** The scenario did not validate: nothing ran. */
  | {
      readonly type: 'invalid';
      readonly id: number;
      readonly message: string;
      readonly errors: readonly ValidationError[];
    }
  /** Something else went wrong (a bug, or a built-in id that does not exist). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
