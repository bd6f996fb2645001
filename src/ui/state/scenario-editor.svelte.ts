/**
 * Undo and redo for edits of the scenario (edit-commands.ts) and for the learner's own actions (handovers
 * by drag, menu or keyboard). An entry remembers the documents before and after, so undo is exact even for
 * a fork that dropped later actions. An edit the validator rejects never enters the history.
 */
import type { EditCommand } from './edit-commands';
import type { ScenarioDocument } from './scenario-document';

export type ApplyResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The part of the Session the editor drives. */
export interface DocumentHost {
  readonly document: ScenarioDocument | null;
  /** Validates and re-runs `doc`; on success it becomes the current document. */
  applyDocument(doc: ScenarioDocument): Promise<ApplyResult>;
}

interface HistoryEntry {
  readonly label: string;
  readonly before: ScenarioDocument;
  readonly after: ScenarioDocument;
}

export class ScenarioEditor {
  #undo: HistoryEntry[] = $state.raw([]);
  #redo: HistoryEntry[] = $state.raw([]);
  #busy = $state(false);
  /** The last edit's failure, worded for the learner (cleared by the next successful edit). */
  lastError: string | null = $state(null);

  readonly canUndo = $derived(this.#undo.length > 0 && !this.#busy);
  readonly canRedo = $derived(this.#redo.length > 0 && !this.#busy);
  readonly undoLabel = $derived(this.#undo.length > 0 ? this.#undo[this.#undo.length - 1].label : null);
  readonly redoLabel = $derived(this.#redo.length > 0 ? this.#redo[this.#redo.length - 1].label : null);

  readonly #host: DocumentHost;

  constructor(host: DocumentHost) {
    this.#host = host;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Applies a command; resolves to whether it took effect (the reason is in `lastError`). */
  async execute(cmd: EditCommand): Promise<ApplyResult> {
    const before = this.#host.document;
    if (!before) return this.#failed('no scenario is loaded yet');
    let after: ScenarioDocument;
    try {
      after = cmd.apply(before);
    } catch (e) {
      return this.#failed(e instanceof Error ? e.message : String(e));
    }
    const r = await this.#apply(after);
    if (r.ok) {
      this.#undo = [...this.#undo, { label: cmd.label, before, after }];
      this.#redo = [];
    }
    return r;
  }

  async undo(): Promise<ApplyResult> {
    const entry = this.#undo.at(-1);
    if (!entry || this.#busy) return { ok: false, message: 'nothing to undo' };
    const r = await this.#apply(entry.before);
    if (r.ok) {
      this.#undo = this.#undo.slice(0, -1);
      this.#redo = [...this.#redo, entry];
    }
    return r;
  }

  async redo(): Promise<ApplyResult> {
    const entry = this.#redo.at(-1);
    if (!entry || this.#busy) return { ok: false, message: 'nothing to redo' };
    const r = await this.#apply(entry.after);
    if (r.ok) {
      this.#redo = this.#redo.slice(0, -1);
      this.#undo = [...this.#undo, entry];
    }
    return r;
  }

  /** Forgets the history (a different scenario was opened). */
  reset(): void {
    this.#undo = [];
    this.#redo = [];
    this.lastError = null;
  }

  async #apply(doc: ScenarioDocument): Promise<ApplyResult> {
    this.#busy = true;
    try {
      const r = await this.#host.applyDocument(doc);
      this.lastError = r.ok ? null : r.message;
      return r;
    } finally {
      this.#busy = false;
    }
  }

  #failed(message: string): ApplyResult {
    this.lastError = message;
    return { ok: false, message };
  }
}
