/**
 * Rows the current instant deleted: they are gone from `session.tables`, but a learner should see what
 * vanished (the binding cache entry removed after MinDelayBeforeBCEDelete, RFC 5213 §5.3.5), so the
 * tables show them struck through, with their last values found in the trace.
 */
import type { Row, Tables } from '../../../sim/analysis/tables';
import type { TableName, TraceEntry } from '../../../sim/core/trace-types';

export interface RemovedRow {
  readonly node: string;
  readonly table: TableName;
  readonly key: string;
  readonly row: Row;
}

/** How far back to look for a removed row's last value. */
const SCAN = 50_000;

export function removedRows(
  trace: readonly TraceEntry[],
  cursor: number,
  changed: ReadonlySet<string>,
  tables: Tables,
): RemovedRow[] {
  const wanted = new Map<string, { node: string; table: TableName; key: string }>();
  const instant = trace[cursor]?.t;
  // The changed keys are those of the cursor's instant: the deletes among them are in that instant too.
  for (let i = cursor; i >= 0 && i > cursor - SCAN && trace[i].t === instant; i--) {
    const e = trace[i];
    if (e.kind !== 'table' || e.op !== 'delete') continue;
    const id = `${e.node}/${e.table}/${e.key}`;
    if (changed.has(id) && !tables.get(e.node)?.get(e.table)?.has(e.key))
      wanted.set(id, { node: e.node, table: e.table, key: e.key });
  }
  if (wanted.size === 0) return [];
  const out: RemovedRow[] = [];
  const found = new Set<string>();
  for (let i = cursor; i >= 0 && i > cursor - SCAN && found.size < wanted.size; i--) {
    const e = trace[i];
    if (e?.kind !== 'table' || e.row === null) continue;
    const id = `${e.node}/${e.table}/${e.key}`;
    const w = wanted.get(id);
    if (!w || found.has(id)) continue;
    found.add(id);
    out.push({ ...w, row: e.row });
  }
  return out.reverse();
}
