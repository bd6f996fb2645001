/**
 * Node tables (binding cache, binding update list, routes, tunnels, addresses, neighbours, attachments)
 * rebuilt from the trace: every 'table' entry is a row added, updated or deleted. The state at entry i is
 * the fold of the table entries 0..i (DESIGN.md: every view reads the trace; none asks an agent).
 *
 * `TableFolder` folds incrementally: moving forward applies only the new entries, so a UI stepping
 * through a run or a live run appending to the trace pays for each entry once. Moving backward refolds
 * from the start (a run's table entries are few next to its packets; checkpoints can come later if a
 * profile asks for them).
 */
import type { Cell, TableName, TraceEntry } from '../core/trace-types';

export type Row = Readonly<Record<string, Cell>>;
/** node id → table → row key → row, each level in first-insertion order. */
export type Tables = Map<string, Map<TableName, Map<string, Row>>>;
/** The same as plain objects, for JSON (the CLI's --state, the worker's messages). */
export type TablesJson = Record<string, Partial<Record<TableName, Record<string, Row>>>>;

export class TableFolder {
  private tables: Tables = new Map();
  /** Index of the last entry folded in; -1 before any. */
  private last = -1;

  constructor(private readonly entries: readonly TraceEntry[]) {}

  /** Index of the last entry folded in. */
  get position(): number {
    return this.last;
  }

  /** The tables after entries 0..index (inclusive; clamped to the trace); the returned maps are live. */
  at(index: number): Tables {
    const target = Number.isNaN(index)
      ? -1
      : Math.max(-1, Math.min(Math.floor(index), this.entries.length - 1));
    if (target < this.last) {
      this.tables = new Map();
      this.last = -1;
    }
    for (let i = this.last + 1; i <= target; i++) {
      const e = this.entries[i];
      if (e.kind === 'table') apply(this.tables, e.node, e.table, e.key, e.op, e.row);
    }
    this.last = Math.max(this.last, target);
    return this.tables;
  }
}

function apply(
  t: Tables,
  node: string,
  table: TableName,
  key: string,
  op: 'add' | 'update' | 'delete',
  row: Row | null,
): void {
  let byTable = t.get(node);
  if (!byTable) {
    byTable = new Map();
    t.set(node, byTable);
  }
  let rows = byTable.get(table);
  if (!rows) {
    rows = new Map();
    byTable.set(table, rows);
  }
  if (op === 'delete' || row === null) rows.delete(key);
  else rows.set(key, row);
}

/** The tables after entries 0..index of a trace (a fresh fold; use TableFolder to step repeatedly). */
export function tablesAt(entries: readonly TraceEntry[], index: number): Tables {
  return new TableFolder(entries).at(index);
}

/** Plain-object copy of the tables; empty tables are left out. */
export function tablesToJson(t: Tables): TablesJson {
  const out: TablesJson = {};
  for (const [node, byTable] of t) {
    const tables: Partial<Record<TableName, Record<string, Row>>> = {};
    for (const [name, rows] of byTable) if (rows.size > 0) tables[name] = Object.fromEntries(rows);
    if (Object.keys(tables).length > 0) out[node] = tables;
  }
  return out;
}
