/**
 * An agent table (the MAG's binding update list, the LMA's binding cache) whose every change is a 'table'
 * trace entry: the UI's state tables and the lesson checks read the tables from the trace, never from the
 * agent (DESIGN.md, "The data that flows").
 */
import type { Simulator } from '../../core/simulator';
import type { TableName } from '../../core/trace-types';
import type { Row, Table } from '../api';

export class TracedTable<R extends Row> implements Table<R> {
  private readonly rows = new Map<string, R>();

  constructor(
    private readonly sim: Simulator,
    private readonly node: string,
    private readonly table: TableName,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(key: string): R | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  set(key: string, row: R): void {
    const frozen = freezeRow(row);
    const op = this.rows.has(key) ? 'update' : 'add';
    this.rows.set(key, frozen);
    this.sim.record({ kind: 'table', node: this.node, table: this.table, key, op, row: frozen });
  }

  update(key: string, changes: Partial<R>): R | undefined {
    const old = this.rows.get(key);
    if (old === undefined) return undefined;
    const row = freezeOwned({ ...old, ...changes } as R);
    this.rows.set(key, row);
    this.sim.record({ kind: 'table', node: this.node, table: this.table, key, op: 'update', row });
    return row;
  }

  delete(key: string): boolean {
    if (!this.rows.delete(key)) return false;
    this.sim.record({ kind: 'table', node: this.node, table: this.table, key, op: 'delete', row: null });
    return true;
  }

  keys(): string[] {
    return [...this.rows.keys()];
  }

  values(): R[] {
    return [...this.rows.values()];
  }

  entries(): [string, R][] {
    return [...this.rows.entries()];
  }

  find(pred: (row: R, key: string) => boolean): [string, R] | undefined {
    for (const [k, r] of this.rows) if (pred(r, k)) return [k, r];
    return undefined;
  }

  filter(pred: (row: R, key: string) => boolean): [string, R][] {
    const out: [string, R][] = [];
    for (const [k, r] of this.rows) if (pred(r, k)) out.push([k, r]);
    return out;
  }
}

/** A frozen copy (lists too), so that a row in the trace never changes after it was recorded. */
function freezeRow<R extends Row>(row: R): R {
  return freezeOwned({ ...row });
}

/** Freezes a row this module just built (a spread literal keeps V8's fast in-object layout). */
function freezeOwned<R extends Row>(copy: R): R {
  const r = copy as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (Array.isArray(v)) r[k] = Object.freeze([...v]);
  }
  return Object.freeze(copy);
}
