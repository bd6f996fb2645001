/**
 * The Session: THE contract between the playground and its views. Every panel is a Svelte 5 component
 * taking one prop, `session`, and reading from it; nothing else is shared.
 *
 * What a panel may read (all reactive):
 * - `scenario`: the current scenario (validated, every default filled in), including the learner's actions
 *   merged into `timeline`. `null` until the first scenario has loaded.
 * - `trace: readonly TraceEntry[]`: the run's trace (src/sim/core/trace-types.ts). Held with $state.raw:
 *   never deep-proxied, replaced (not mutated) when chunks arrive or a new run starts. While a run is
 *   streaming, `complete` is false and `reached` says how far it has got.
 * - `cursor`: index of the last trace entry applied to the views (-1 before the first). Views show the world
 *   as it is after entry `cursor`: tables, topology, the chart's current event, the event list's selection.
 * - `time`: the clock in µs. `trace[cursor].t <= time`, and no entry after the cursor is earlier than `time`
 *   (except while stepping through entries that share one instant).
 * - `playing`, `speed` (0.1 … 10): the transport state (Playback drives them).
 * - `selectedTx`: trace id of the selected packet's 'tx' entry, or null. The inspector shows it, the chart
 *   highlights it.
 * - `tables`: every node's tables after the cursor, as `tablesAt(trace, cursor)` of src/sim/analysis gives
 *   them (node → table → key → row), folded incrementally; a fresh snapshot whenever the cursor moves.
 * - `lastChanged`: keys `${node}/${table}/${key}` of the table rows changed at the current instant (the
 *   table entries at time `trace[cursor].t`, up to the cursor), for highlighting.
 * - `nodes`: `{ id, kind, label }` of every node of the scenario, in scenario order.
 * - `index`, `markers`: precomputed lookups (trace-index.ts, markers.ts) for time controls and views.
 *
 * What a panel may call:
 * - `select(id | null)`: select a packet (the id of a 'tx' entry).
 * - `seekToEntry(id)`: move the cursor to entry `id` (-1 = before everything); the clock follows it.
 * - `seekToTime(t)`: move the clock; the cursor goes to the last entry at or before `t`.
 *
 * Everything else (loading, acting, editing) belongs to the shell. Runs are deterministic, so seeking is only
 * moving the cursor over the trace; acting (`act`) or editing at the current time re-runs the scenario with
 * the action appended to its timeline: the trace up to now is identical, the future is new.
 */
import type { Micros } from '../../sim/core/time';
import type { TraceEntry } from '../../sim/core/trace-types';
import type { Scenario, ScenarioNodeKind, TimelineAction, ValidationError } from '../../sim/scenario/types';
import type { CatalogEntry, RunSource } from '../../worker/protocol';
import { userAction } from './edit-commands';
import { buildMarkers } from './markers';
import { effectiveScenario, writtenForm } from './scenario-document';
import type { ScenarioDocument } from './scenario-document';
import { ScenarioEditor } from './scenario-editor.svelte';
import type { ApplyResult, DocumentHost } from './scenario-editor.svelte';
import type { RunHandle, SimBackend } from './sim-backend';
import { buildTraceIndex, lastAtOrBefore } from './trace-index';
import { lastChangedKeys, TablesCursor } from './tables';
import type { Tables } from './tables';

export interface NodeInfo {
  readonly id: string;
  readonly kind: ScenarioNodeKind;
  readonly label: string;
}

/** A message for the learner about loading or running (shown in an alert region). */
export interface SessionMessage {
  readonly text: string;
  readonly details: readonly string[];
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;

export class Session implements DocumentHost {
  catalog: readonly CatalogEntry[] = $state.raw([]);
  /** Built-in scenario id of the current scenario, or null when it came from a file. */
  scenarioId: string | null = $state(null);
  scenario: Scenario | null = $state.raw(null);
  trace: readonly TraceEntry[] = $state.raw([]);
  /** Simulated time the run has reached (the trace is final up to here). */
  reached: Micros = $state(0);
  /** The scenario's duration: where the run ends. */
  duration: Micros = $state(0);
  complete = $state(false);
  /** A run was asked for and has not finished streaming (its trace may not be on screen yet). */
  running = $state(false);
  cursor = $state(-1);
  time: Micros = $state(0);
  playing = $state(false);
  speed = $state(1);
  selectedTx: number | null = $state(null);
  /** 'loading' until the first trace of a run is shown; 'running' while the rest streams in. */
  status: 'idle' | 'loading' | 'running' | 'ready' = $state('idle');
  message: SessionMessage | null = $state.raw(null);

  readonly #tablesCursor = new TablesCursor();
  readonly index = $derived(buildTraceIndex(this.trace));
  readonly markers = $derived(buildMarkers(this.trace));
  readonly tables: Tables = $derived(this.#tablesCursor.at(this.trace, this.cursor));
  readonly lastChanged = $derived(lastChangedKeys(this.trace, this.cursor));
  readonly nodes: readonly NodeInfo[] = $derived(
    (this.scenario?.nodes ?? []).map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label ?? n.id.toUpperCase(),
    })),
  );
  readonly editor: ScenarioEditor;

  #document: ScenarioDocument | null = $state.raw(null);
  #run: RunHandle | null = null;
  readonly #backend: SimBackend;

  constructor(backend: SimBackend) {
    this.#backend = backend;
    this.editor = new ScenarioEditor(this);
  }

  get document(): ScenarioDocument | null {
    return this.#document;
  }

  async loadCatalog(): Promise<void> {
    this.catalog = await this.#backend.catalog();
  }

  /** Opens a built-in scenario from the start (the edit history is for the previous one, so it goes). */
  async loadBuiltin(id: string): Promise<ApplyResult> {
    const name = this.catalog.find((c) => c.id === id)?.name ?? id;
    const r = await this.#start({ kind: 'builtin', id }, false, name, (s) => ({
      base: writtenForm(s),
      user: [],
    }));
    if (r.ok) {
      this.scenarioId = id;
      this.editor.reset();
    }
    return r;
  }

  /** Opens a scenario file's text. A bad file leaves the current scenario as it was. */
  async loadFile(name: string, text: string): Promise<ApplyResult> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return this.#reject(
        `"${name}" is not a scenario: it is not valid JSON (${reason}). The current scenario is unchanged.`,
        [],
      );
    }
    const r = await this.#start({ kind: 'document', scenario: json }, false, `"${name}"`, (s) => ({
      base: writtenForm(s),
      user: [],
    }));
    if (r.ok) {
      this.scenarioId = null;
      this.editor.reset();
    }
    return r;
  }

  /** Re-runs with an edited document, keeping the clock where it is (DocumentHost, used by the editor). */
  applyDocument(doc: ScenarioDocument): Promise<ApplyResult> {
    return this.#start(
      { kind: 'document', scenario: effectiveScenario(doc) },
      true,
      'the edited scenario',
      () => doc,
    );
  }

  /**
   * A learner's action at the current time — "move mn1 to mag2", "detach mn1" — as an undoable edit. It
   * keeps earlier actions, drops later ones (the fork) and re-runs: the past stays, the future is new.
   */
  act(action: Omit<TimelineAction, 'at'>, label: string): Promise<ApplyResult> {
    this.playing = false;
    return this.editor.execute(userAction(this.time, action, label));
  }

  select(id: number | null): void {
    if (id === null) this.selectedTx = null;
    else if (this.trace[id]?.kind === 'tx') this.selectedTx = id;
  }

  seekToEntry(id: number): void {
    const i = Math.max(-1, Math.min(Math.trunc(id), this.trace.length - 1));
    this.cursor = i;
    this.time = i >= 0 ? this.trace[i].t : 0;
  }

  seekToTime(t: Micros): void {
    const limit = this.complete ? Math.max(this.duration, this.reached) : this.reached;
    const time = Math.max(0, Math.min(Math.round(t), limit));
    this.time = time;
    this.cursor = lastAtOrBefore(this.trace, time);
  }

  /** Back to before the first event. */
  rewind(): void {
    this.cursor = -1;
    this.time = 0;
  }

  dismissMessage(): void {
    this.message = null;
  }

  #reject(text: string, details: readonly string[]): ApplyResult {
    this.message = { text, details };
    return { ok: false, message: text };
  }

  /**
   * Starts a run. The promise settles when the worker has validated the scenario. The current trace stays
   * on screen until the new one covers the clock (keepTime) or has its first chunk (from the start), so the
   * views never flash an empty world.
   */
  #start(
    source: RunSource,
    keepTime: boolean,
    what: string,
    documentFor: (loaded: Scenario) => ScenarioDocument,
  ): Promise<ApplyResult> {
    this.#run?.cancel();
    this.playing = false;
    this.running = true;
    if (!this.scenario) this.status = 'loading';
    return new Promise((resolve) => {
      let pending: { scenario: Scenario; doc: ScenarioDocument; duration: Micros } | null = null;
      let buffer: TraceEntry[] = [];
      let shown = false;
      const handle = this.#backend.run(source, {
        loaded: (scenario, duration) => {
          pending = { scenario, doc: documentFor(scenario), duration };
          resolve({ ok: true });
        },
        chunk: (_start, entries, reached, done) => {
          if (!pending) return;
          if (shown) {
            this.trace = this.trace.concat(entries);
            this.#progress(reached, done);
            return;
          }
          buffer = buffer.length === 0 ? entries : buffer.concat(entries);
          if (!keepTime || reached >= this.time || done) {
            shown = true;
            this.#show(pending, buffer, keepTime);
            this.#progress(reached, done);
          }
        },
        invalid: (message, errors) => {
          if (this.#run === handle) this.#run = null;
          this.running = false;
          this.status = this.scenario ? this.status : 'idle';
          resolve(
            this.#reject(
              `${capitalise(what)} is not a valid scenario: ${message}. ${this.scenario ? 'The current scenario is unchanged.' : ''}`.trim(),
              errors.map(formatValidationError),
            ),
          );
        },
        failed: (message) => {
          if (this.#run === handle) this.#run = null;
          this.running = false;
          this.status = this.scenario ? this.status : 'idle';
          resolve(this.#reject(`Could not run ${what}: ${message}`, []));
        },
      });
      this.#run = handle;
    });
  }

  #show(
    p: { scenario: Scenario; doc: ScenarioDocument; duration: Micros },
    entries: TraceEntry[],
    keepTime: boolean,
  ): void {
    const time = keepTime ? this.time : 0;
    this.scenario = p.scenario;
    this.#document = p.doc;
    this.duration = p.duration;
    this.trace = entries;
    this.complete = false;
    this.message = null;
    if (this.selectedTx !== null && entries[this.selectedTx]?.kind !== 'tx') this.selectedTx = null;
    if (!keepTime) this.selectedTx = null;
    this.time = time;
    this.cursor = keepTime ? lastAtOrBefore(entries, time) : -1;
  }

  #progress(reached: Micros, done: boolean): void {
    this.reached = reached;
    this.complete = done;
    this.status = done ? 'ready' : 'running';
    if (done) {
      this.#run = null;
      this.running = false;
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatValidationError(e: ValidationError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}
