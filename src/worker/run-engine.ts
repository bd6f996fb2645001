/**
 * Running a scenario in slices: validate, build, then step the simulator until a slice has produced enough
 * trace entries, so the worker can post the trace in chunks and stay responsive to a newer request between
 * slices. Plain TypeScript with no worker globals: the worker uses it, and so do the Node tests.
 */
import type { Micros } from '../sim/core/time';
import { formatTime } from '../sim/core/time';
import type { TraceEntry } from '../sim/core/trace-types';
import { buildScenario } from '../sim/scenario/build';
import { BUILTIN_SCENARIOS, builtinScenario } from '../sim/scenario/builtin';
import type { Scenario, ValidationError } from '../sim/scenario/types';
import { validateScenario } from '../sim/scenario/validate';
import type { Installers, World } from '../sim/scenario/world';
import type { CatalogEntry, RunSource } from './protocol';

export type Prepared =
  | { readonly ok: true; readonly run: ScenarioRun }
  | {
      readonly ok: false;
      readonly kind: 'invalid';
      readonly message: string;
      readonly errors: readonly ValidationError[];
    }
  | { readonly ok: false; readonly kind: 'failed'; readonly message: string };

export interface Slice {
  readonly start: number;
  readonly entries: readonly TraceEntry[];
  readonly reached: Micros;
  readonly done: boolean;
}

/** Every built-in scenario with the name and description its document gives. */
export function builtinCatalog(): CatalogEntry[] {
  return BUILTIN_SCENARIOS.map((b) => {
    const doc = (b.document ?? {}) as { name?: unknown; description?: unknown };
    return {
      id: b.id,
      name: typeof doc.name === 'string' ? doc.name : b.id,
      description: typeof doc.description === 'string' ? doc.description : '',
    };
  });
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Validates and builds; nothing runs yet. */
export function prepareRun(source: RunSource, installers: Installers | undefined, until?: Micros): Prepared {
  let doc: unknown;
  if (source.kind === 'builtin') {
    doc = builtinScenario(source.id);
    if (doc === undefined) {
      const ids = BUILTIN_SCENARIOS.map((b) => b.id).join(', ');
      return {
        ok: false,
        kind: 'failed',
        message: `there is no built-in scenario "${source.id}" (there are: ${ids})`,
      };
    }
  } else doc = source.scenario;
  const loaded = validateScenario(doc);
  if (!loaded.ok) {
    const n = loaded.errors.length;
    return {
      ok: false,
      kind: 'invalid',
      message: `${n} problem${n === 1 ? '' : 's'} found`,
      errors: loaded.errors,
    };
  }
  try {
    const world = buildScenario(loaded.scenario, installers ? { installers } : {});
    return { ok: true, run: new ScenarioRun(world, until) };
  } catch (e) {
    return { ok: false, kind: 'failed', message: `building the scenario failed: ${errorText(e)}` };
  }
}

export class ScenarioRun {
  readonly scenario: Scenario;
  /** Where the run stops. */
  readonly end: Micros;
  readonly #world: World;
  #sent = 0;
  #done = false;

  constructor(world: World, until?: Micros) {
    this.#world = world;
    this.scenario = world.scenario;
    this.end = until ?? world.duration;
  }

  get done(): boolean {
    return this.#done;
  }

  /**
   * Steps until about `maxEntries` new entries exist or the run ends, and returns them. Throws an Error
   * saying when it happened if an agent or the simulator throws (a bug: the run cannot go on).
   */
  next(maxEntries: number): Slice {
    const sim = this.#world.sim;
    const start = this.#sent;
    try {
      while (!this.#done && sim.trace.length - start < maxEntries) {
        const t = sim.peek();
        if (t === undefined || t > this.end) {
          sim.runUntil(this.end);
          this.#done = true;
        } else sim.step();
      }
    } catch (e) {
      this.#done = true;
      throw new Error(`the simulation stopped at ${formatTime(sim.now)}: ${errorText(e)}`, { cause: e });
    }
    const entries = sim.trace.entries.slice(start);
    this.#sent = sim.trace.length;
    return { start, entries, reached: this.#done ? this.end : sim.now, done: this.#done };
  }
}
