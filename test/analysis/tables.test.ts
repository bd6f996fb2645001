import { describe, expect, it } from 'vitest';
import { TableFolder, tablesAt, tablesToJson } from '../../src/sim/analysis';
import { Trace } from '../../src/sim/core/trace';
import type { TraceEntry, TraceInput } from '../../src/sim/core/trace-types';

function trace(inputs: [number, TraceInput][]): readonly TraceEntry[] {
  const t = new Trace();
  for (const [time, e] of inputs) t.add(time, e);
  return t.entries;
}

const row = (prefix: string, iface: string) => ({ prefix, iface, via: null, metric: 0 });

const entries = trace([
  [
    0,
    { kind: 'table', node: 'r1', table: 'routes', key: 'a', op: 'add', row: row('2001:db8:1::/64', 'eth0') },
  ],
  [
    0,
    { kind: 'table', node: 'r1', table: 'routes', key: 'b', op: 'add', row: row('2001:db8:2::/64', 'eth1') },
  ],
  [5, { kind: 'action', node: '', action: 'link-down', detail: 'x' }],
  [
    6,
    {
      kind: 'table',
      node: 'lma1',
      table: 'bce',
      key: 'mn1',
      op: 'add',
      row: { mnId: 'mn1@example.com', lifetime: 3600 },
    },
  ],
  [
    7,
    {
      kind: 'table',
      node: 'r1',
      table: 'routes',
      key: 'a',
      op: 'update',
      row: row('2001:db8:1::/64', 'eth2'),
    },
  ],
  [8, { kind: 'table', node: 'r1', table: 'routes', key: 'b', op: 'delete', row: null }],
  [9, { kind: 'table', node: 'lma1', table: 'bce', key: 'mn1', op: 'delete', row: null }],
]);

describe('tablesAt', () => {
  it('is empty before the first entry', () => {
    expect(tablesToJson(tablesAt(entries, -1))).toEqual({});
  });

  it('folds adds, updates and deletes up to and including the entry', () => {
    expect(tablesToJson(tablesAt(entries, 3))).toEqual({
      r1: { routes: { a: row('2001:db8:1::/64', 'eth0'), b: row('2001:db8:2::/64', 'eth1') } },
      lma1: { bce: { mn1: { mnId: 'mn1@example.com', lifetime: 3600 } } },
    });
    expect(tablesToJson(tablesAt(entries, 4)).r1).toEqual({
      routes: { a: row('2001:db8:1::/64', 'eth2'), b: row('2001:db8:2::/64', 'eth1') },
    });
    // Deleted rows go; a node whose tables are all empty is left out.
    expect(tablesToJson(tablesAt(entries, 6))).toEqual({
      r1: { routes: { a: row('2001:db8:1::/64', 'eth2') } },
    });
    expect(tablesToJson(tablesAt(entries, 1000))).toEqual(tablesToJson(tablesAt(entries, 6)));
  });

  it('an update keeps the row in its place', () => {
    const t = tablesAt(entries, 4);
    expect([...(t.get('r1')?.get('routes')?.keys() ?? [])]).toEqual(['a', 'b']);
  });
});

describe('TableFolder', () => {
  it('steps forward incrementally and back by refolding, with the same results as a fresh fold', () => {
    const f = new TableFolder(entries);
    for (const i of [0, 3, 4, 1, 6, 2, 5, -1, 6]) {
      expect(tablesToJson(f.at(i)), `at ${i}`).toEqual(tablesToJson(tablesAt(entries, i)));
      expect(f.position).toBe(Math.min(i, entries.length - 1));
    }
  });

  it('sees entries appended to a live trace', () => {
    const t = new Trace();
    const f = new TableFolder(t.entries);
    t.add(0, { kind: 'table', node: 'n', table: 'tunnels', key: 't1', op: 'add', row: { name: 't1' } });
    expect(tablesToJson(f.at(Infinity))).toEqual({ n: { tunnels: { t1: { name: 't1' } } } });
    t.add(1, { kind: 'table', node: 'n', table: 'tunnels', key: 't2', op: 'add', row: { name: 't2' } });
    expect(Object.keys(tablesToJson(f.at(Infinity)).n?.tunnels ?? {})).toEqual(['t1', 't2']);
  });
});
