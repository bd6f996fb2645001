/**
 * The node tables at the cursor, for `session.tables`, and the rows the current instant changed, for
 * `session.lastChanged`. The fold itself is src/sim/analysis (TableFolder): moving forward applies only
 * the new entries. Views get immutable snapshots: a new one exactly when a table entry was passed (so
 * Svelte re-renders the tables then, and not while only packets move), while the folder keeps its live
 * maps to itself.
 */
import { TableFolder } from '../../sim/analysis/tables';
import type { Row, Tables } from '../../sim/analysis/tables';
import type { TableName, TraceEntry } from '../../sim/core/trace-types';
import { lastIdAtOrBefore } from './trace-index';

export type { Row, Tables };

/** What the topology reads: the rows of one node's table. */
export interface TablesView {
  rows(node: string, table: TableName): readonly Row[];
}

export function viewOf(t: Tables): TablesView {
  return { rows: (node, table) => [...(t.get(node)?.get(table)?.values() ?? [])] };
}

/** Ids of a trace's 'table' entries, in order (binary-searchable). */
function tableEntryIds(trace: readonly TraceEntry[]): Int32Array {
  const ids: number[] = [];
  for (const e of trace) if (e.kind === 'table') ids.push(e.id);
  return Int32Array.from(ids);
}

/**
 * Folds one trace and hands out immutable snapshots. The same snapshot object comes back for every cursor
 * between two table entries (so Svelte sees no change while only packets move), and a new snapshot shares
 * every table the step did not touch with the previous one, so a city-sized run stays cheap to step.
 */
export class TablesCursor {
  #trace: readonly TraceEntry[] | null = null;
  #folder: TableFolder | null = null;
  #tableIds: Int32Array = new Int32Array(0);
  /** Position in #tableIds of the last table entry in the current snapshot (-1: none). */
  #k = -1;
  #snapshot: Tables = new Map();

  at(trace: readonly TraceEntry[], cursor: number): Tables {
    if (trace !== this.#trace || !this.#folder) {
      this.#trace = trace;
      this.#folder = new TableFolder(trace);
      this.#tableIds = tableEntryIds(trace);
      this.#k = -1;
      this.#snapshot = new Map();
    }
    const k = lastIdAtOrBefore(this.#tableIds, Math.min(cursor, trace.length - 1));
    if (k === this.#k) return this.#snapshot;
    const live = k < 0 ? new Map() : this.#folder.at(this.#tableIds[k]);
    const touched = k > this.#k ? this.#touched(trace, this.#k + 1, k) : null;
    this.#snapshot = touched ? share(live, this.#snapshot, touched) : copy(live);
    this.#k = k;
    return this.#snapshot;
  }

  /** "node\ttable" of every table entry in #tableIds[from..to]. */
  #touched(trace: readonly TraceEntry[], from: number, to: number): Set<string> {
    const out = new Set<string>();
    for (let j = from; j <= to; j++) {
      const e = trace[this.#tableIds[j]];
      if (e.kind === 'table') out.add(`${e.node}\t${e.table}`);
    }
    return out;
  }
}

function copy(t: Tables): Tables {
  const out: Tables = new Map();
  for (const [node, byTable] of t) {
    const c = new Map<TableName, Map<string, Row>>();
    for (const [name, rows] of byTable) c.set(name, new Map(rows));
    out.set(node, c);
  }
  return out;
}

/** A snapshot of `live` that reuses `prev`'s maps for every (node, table) not in `touched`. */
function share(live: Tables, prev: Tables, touched: ReadonlySet<string>): Tables {
  const out: Tables = new Map();
  for (const [node, byTable] of live) {
    const before = prev.get(node);
    let changed = !before || before.size !== byTable.size;
    const c = new Map<TableName, Map<string, Row>>();
    for (const [name, rows] of byTable) {
      const old = before?.get(name);
      if (old && !touched.has(`${node}\t${name}`)) c.set(name, old);
      else {
        c.set(name, new Map(rows));
        changed = true;
      }
    }
    out.set(node, changed || !before ? c : before);
  }
  return out;
}

/** How far back lastChangedKeys looks among entries of one instant (a guard for pathological traces). */
const SAME_INSTANT_SCAN = 5_000;

/**
 * `${node}/${table}/${key}` of every table entry at the cursor's instant, up to the cursor: what the event
 * (or the burst of entries one event produced) just changed.
 */
export function lastChangedKeys(trace: readonly TraceEntry[], cursor: number): ReadonlySet<string> {
  const out = new Set<string>();
  if (cursor < 0 || cursor >= trace.length) return out;
  const t = trace[cursor].t;
  for (let i = cursor; i >= 0 && i > cursor - SAME_INSTANT_SCAN && trace[i].t === t; i--) {
    const e = trace[i];
    if (e.kind === 'table') out.add(`${e.node}/${e.table}/${e.key}`);
  }
  return out;
}
