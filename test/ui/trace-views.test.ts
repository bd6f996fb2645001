/** Trace indexes, timeline markers and table snapshots over the real basic-domain trace. */
import { describe, expect, it } from 'vitest';
import type { PacketTx } from '../../src/sim/core/trace-types';
import { buildMarkers } from '../../src/ui/state/markers';
import { lastChangedKeys, TablesCursor } from '../../src/ui/state/tables';
import {
  anyInFlight,
  buildTraceIndex,
  lastAtOrBefore,
  nextSignalling,
  packetsInFlight,
  previousSignalling,
  recentDrops,
} from '../../src/ui/state/trace-index';
import { runBasicDomain } from './local-backend';

const { trace } = runBasicDomain();
const index = buildTraceIndex(trace);
const pbu = trace.find((e) => e.kind === 'tx' && e.label.startsWith('PBU')) as PacketTx;

describe('trace index', () => {
  it('indexes tx, signalling and drop entries in order', () => {
    expect(index.tx.length).toBe(trace.filter((e) => e.kind === 'tx').length);
    expect(
      [...index.signalling].every(
        (id) => trace[id].kind === 'tx' && (trace[id] as PacketTx).cls === 'signalling',
      ),
    ).toBe(true);
    expect(index.signalling.length).toBe(12);
    expect([...index.drops].map((id) => trace[id].kind)).toEqual(['drop']);
    expect(index.maxFlight).toBe(
      Math.max(...trace.filter((e): e is PacketTx => e.kind === 'tx').map((e) => e.arrive - e.t)),
    );
  });

  it('finds the last entry at or before a time', () => {
    expect(lastAtOrBefore(trace, -1)).toBe(-1);
    expect(lastAtOrBefore(trace, 1e12)).toBe(trace.length - 1);
    const i = lastAtOrBefore(trace, pbu.t);
    expect(trace[i].t).toBe(pbu.t);
    expect(trace[i + 1].t).toBeGreaterThan(pbu.t);
    expect(lastAtOrBefore([], 5)).toBe(-1);
  });

  it('puts a packet in flight from its send time until it arrives, once the cursor has applied it', () => {
    const mid = (pbu.t + pbu.arrive) / 2;
    const after = lastAtOrBefore(trace, mid);
    expect(packetsInFlight(trace, index, after, mid).map((e) => e.id)).toEqual([pbu.id]);
    expect(anyInFlight(trace, index, after, mid)).toBe(true);
    // Before its tx entry is applied, it is not on the wire yet (stepping within one instant).
    expect(packetsInFlight(trace, index, pbu.id - 1, pbu.t).map((e) => e.id)).not.toContain(pbu.id);
    expect(packetsInFlight(trace, index, pbu.id, pbu.t).map((e) => e.id)).toContain(pbu.id);
    // At its arrival it is no longer in flight.
    expect(
      packetsInFlight(trace, index, lastAtOrBefore(trace, pbu.arrive), pbu.arrive).map((e) => e.id),
    ).not.toContain(pbu.id);
    expect(anyInFlight(trace, index, lastAtOrBefore(trace, 1_500_000), 1_500_000)).toBe(false);
  });

  it('finds drops within a window before the clock', () => {
    const drop = trace[index.drops[0]];
    const at = lastAtOrBefore(trace, drop.t + 5_000);
    expect(recentDrops(trace, index, at, drop.t + 5_000, 10_000).map((d) => d.id)).toEqual([drop.id]);
    expect(recentDrops(trace, index, at, drop.t + 5_000, 4_000)).toEqual([]);
    expect(recentDrops(trace, index, drop.id - 1, drop.t, 10_000)).toEqual([]);
  });

  it('steps between signalling messages and respects a time limit', () => {
    expect(nextSignalling(index, trace, -1)).toBe(pbu.id);
    expect(nextSignalling(index, trace, -1, pbu.t - 1)).toBeNull();
    expect(nextSignalling(index, trace, pbu.id)).toBe(index.signalling[1]);
    expect(previousSignalling(index, pbu.id)).toBeNull();
    expect(previousSignalling(index, index.signalling[1])).toBe(pbu.id);
    expect(nextSignalling(index, trace, trace.length - 1)).toBeNull();
  });
});

describe('timeline markers', () => {
  it('marks the attachment, the handover, and each PBU and PBA once (first hop)', () => {
    const m = buildMarkers(trace);
    expect(m.map((x) => `${x.kind} ${x.t}`)).toEqual([
      'attach 50000',
      'pbu 50000',
      'pba 54000',
      'detach 30000000',
      'pbu 30000000',
      'pba 30004000',
      'handover 30050000',
      'pbu 30050000',
      'pba 30054000',
    ]);
    expect(m[6].label).toBe('mn1 hands over mag1 → mag2');
    expect(m[1].label).toBe('PBU seq=1 HI=1 from mag1');
  });
});

describe('tables at the cursor', () => {
  it('gives the tables after the cursor, forward and back', () => {
    const c = new TablesCursor();
    const bceAdd = trace.findIndex((e) => e.kind === 'table' && e.table === 'bce');
    const a = c.at(trace, bceAdd);
    expect(c.at(trace, bceAdd)).toBe(a);
    expect([...(a.get('lma1')?.get('bce')?.keys() ?? [])]).toEqual(['mn1@example.com#1']);
    expect(
      c
        .at(trace, bceAdd - 1)
        .get('lma1')
        ?.get('bce')?.size ?? 0,
    ).toBe(0);
    // The earlier snapshot is not changed by folding further.
    c.at(trace, trace.length - 1);
    expect(a.get('lma1')?.get('bce')?.get('mn1@example.com#1')?.proxyCoa).toBe('2001:db8:ffff:1::2');
    expect(c.at(trace, -1).size).toBe(0);
  });

  it('names the rows changed at the current instant', () => {
    const bceAdd = trace.findIndex((e) => e.kind === 'table' && e.table === 'bce');
    const keys = lastChangedKeys(trace, bceAdd);
    expect(keys.has('lma1/bce/mn1@example.com#1')).toBe(true);
    expect(
      [...keys].every((k) =>
        trace.some(
          (e) => e.kind === 'table' && e.t === trace[bceAdd].t && `${e.node}/${e.table}/${e.key}` === k,
        ),
      ),
    ).toBe(true);
    expect(lastChangedKeys(trace, -1).size).toBe(0);
  });
});

describe('table snapshots', () => {
  it('returns the same snapshot while no table entry is passed, and shares untouched tables', () => {
    const c = new TablesCursor();
    const tableIds = trace.filter((e) => e.kind === 'table').map((e) => e.id);
    const bceAdd = trace.findIndex((e) => e.kind === 'table' && e.table === 'bce');
    const before = c.at(trace, bceAdd - 1);
    const next = tableIds.find((id) => id > bceAdd) as number;
    const a = c.at(trace, bceAdd);
    expect(a).not.toBe(before);
    for (let i = bceAdd; i < next; i++) expect(c.at(trace, i)).toBe(a);
    // A step that only touched lma1's tables leaves every other node's maps as they were.
    const touched = new Set(trace.slice(bceAdd, bceAdd + 1).map((e) => e.node));
    expect(touched).toEqual(new Set(['lma1']));
    for (const [node, byTable] of a)
      if (node !== 'lma1' && before.has(node)) expect(byTable).toBe(before.get(node));
    // Forward snapshots equal fresh folds, at every table entry.
    for (const id of tableIds.filter((_, i) => i % 7 === 0)) {
      const fresh = new TablesCursor().at(trace, id);
      expect(plainTables(c.at(trace, id))).toEqual(plainTables(fresh));
    }
  });
});

function plainTables(t: Map<string, Map<string, Map<string, unknown>>>) {
  return [...t].map(([n, byTable]) => [n, [...byTable].map(([name, rows]) => [name, [...rows]])]);
}
