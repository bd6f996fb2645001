import { describe, expect, it } from 'vitest';
import {
  accessDistance,
  chartRows,
  DRAWN_LIMIT,
  droppedHops,
  HEAD_H,
  laneOrder,
  lifelines,
  rowAtCursor,
  rowsInBand,
  rowsScale,
  viewBand,
} from '../../src/ui/panels/chart/chart-model';
import { arrowKind } from '../../src/ui/panels/chart/arrow-kind';
import { buildTraceIndex } from '../../src/ui/state/trace-index';
import {
  CN,
  LMAA,
  MAG1,
  MN_ADDR,
  MN_ID,
  TraceBuilder,
  pba,
  pbu,
  ping,
  ra,
  tunnel,
} from './fixtures/trace-builder';

const NODES = [
  { id: 'cn1', kind: 'cn' as const },
  { id: 'r1', kind: 'router' as const },
  { id: 'lma1', kind: 'lma' as const },
  { id: 'r2', kind: 'router' as const },
  { id: 'mag1', kind: 'mag' as const },
  { id: 'mn1', kind: 'mn' as const },
];
const LINKS = [
  { a: 'cn1:eth0', b: 'r1:eth0' },
  { a: 'r1:eth1', b: 'lma1:eth0' },
  { a: 'lma1:eth1', b: 'r2:eth0' },
  { a: 'r2:eth1', b: 'mag1:eth0' },
];

function registration(): TraceBuilder {
  const b = new TraceBuilder();
  b.l2(0, 'attach', 'mn1', 'mag1');
  const u1 = b.tx(1_000, 'mag1', 'r2', pbu(MAG1, LMAA, 1, MN_ID, 1), 2_000);
  b.rx(u1);
  const u2 = b.tx(3_000, 'r2', 'lma1', u1.bytes, 2_000, u1.pid);
  b.rx(u2);
  b.decision(5_000, 'lma1', 'PBU accepted', 'RFC 5213 §5.3.2', 'pbu-accepted');
  const a1 = b.tx(5_000, 'lma1', 'r2', pba(LMAA, MAG1, 1, MN_ID), 2_000);
  b.drop(7_000, 'r2', a1, 'scenario fault');
  b.tx(8_000, 'mag1', 'mn1', ra(), 1_000);
  const p1 = b.tx(1_000_000, 'cn1', 'r1', ping(CN, MN_ADDR, 1), 5_000);
  b.tx(1_005_000, 'r1', 'lma1', p1.bytes, 5_000, p1.pid);
  b.tx(1_010_000, 'lma1', 'r2', tunnel(LMAA, MAG1, ping(CN, MN_ADDR, 1)), 2_000);
  return b;
}

describe('chartRows', () => {
  it('keeps the hops that pass the filter, with their times and the longest flight', () => {
    const b = registration();
    const idx = buildTraceIndex(b.entries);
    const all = chartRows(b.entries, idx.tx, () => true);
    expect([...all.ids]).toEqual([1, 3, 6, 8, 9, 10, 11]);
    expect([...all.t]).toEqual([1_000, 3_000, 5_000, 8_000, 1_000_000, 1_005_000, 1_010_000]);
    expect([...all.arrive]).toEqual([3_000, 5_000, 7_000, 9_000, 1_005_000, 1_010_000, 1_012_000]);
    expect(all.maxFlight).toBe(5_000);
    const sig = chartRows(b.entries, idx.tx, (tx) => tx.cls === 'signalling');
    expect([...sig.ids]).toEqual([1, 3, 6]);
    expect(sig.maxFlight).toBe(2_000);
  });

  it('ignores index ids beyond the trace it is given (a run still streaming in)', () => {
    const b = registration();
    const idx = buildTraceIndex(b.entries);
    expect([...chartRows(b.entries.slice(0, 5), idx.tx, () => true).ids]).toEqual([1, 3]);
  });
});

describe('lifelines', () => {
  it('orders the nodes from the access network outwards: MN, MAG, routers and LMA by hops, CN last', () => {
    expect(Object.fromEntries(accessDistance(NODES, LINKS))).toEqual({
      mn1: 0,
      mag1: 1,
      r2: 2,
      lma1: 3,
      r1: 4,
      cn1: 5,
    });
    const b = registration();
    const rows = chartRows(b.entries, buildTraceIndex(b.entries).tx, () => true);
    expect(lifelines(b.entries, rows, laneOrder(NODES, LINKS))).toEqual([
      'mn1',
      'mag1',
      'r2',
      'lma1',
      'r1',
      'cn1',
    ]);
    // Only the nodes of some rows (the chart's compact mode for huge scenarios).
    expect(lifelines(b.entries, rows, laneOrder(NODES, LINKS), [4, 5])).toEqual(['lma1', 'r1', 'cn1']);
  });

  it('shows only the nodes some drawn hop touches, by role when there are no links', () => {
    const b = registration();
    const rows = chartRows(b.entries, buildTraceIndex(b.entries).tx, (tx) => tx.cls === 'signalling');
    expect(lifelines(b.entries, rows, laneOrder(NODES))).toEqual(['mag1', 'lma1', 'r2']);
  });

  it('puts nodes the scenario does not list last', () => {
    const b = registration();
    const rows = chartRows(b.entries, buildTraceIndex(b.entries).tx, (tx) => tx.cls === 'signalling');
    expect(
      lifelines(
        b.entries,
        rows,
        laneOrder(
          NODES.filter((n) => n.id !== 'r2'),
          LINKS,
        ),
      ),
    ).toEqual(['mag1', 'lma1', 'r2']);
  });
});

describe('rowsInBand and rowAtCursor', () => {
  const b = registration();
  const rows = chartRows(b.entries, buildTraceIndex(b.entries).tx, () => true);
  const scale = rowsScale(rows, { pxPerMs: 10, minStep: 20, maxGap: 50, top: 0 });

  it('returns the rows whose arrow crosses the band, in order', () => {
    // Knots: 1, 3, 5, 7, 8, 9 ms (20 px apart), then 1000, 1005, 1010, 1012 ms.
    expect(rowsInBand(rows, scale, 0, 30)).toEqual([0, 1]);
    expect(rowsInBand(rows, scale, 35, 45)).toEqual([1, 2]);
    expect(rowsInBand(rows, scale, 45, 55)).toEqual([2]);
    expect(rowsInBand(rows, scale, 105, 140)).toEqual([]);
    expect(rowsInBand(rows, scale, 0, 1e6)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rowsInBand(rows, scale, 0, 1e6, 2)).toEqual([5, 6]);
  });

  it('draws for a viewport its band with a margin, a screenful before layout', () => {
    // The band is [scrollTop − heads − 60, scrollTop + height + 60].
    expect(viewBand(rows, scale, 200, 10)).toEqual(rowsInBand(rows, scale, 200 - HEAD_H - 60, 270));
    expect(viewBand(rows, scale, 200, 10)).toEqual([4, 5, 6]);
    expect(viewBand(rows, scale, 0, 0)).toEqual(rowsInBand(rows, scale, -HEAD_H - 60, 660));
  });

  it('draws at most DRAWN_LIMIT arrows, the latest ones, in a storm of simultaneous hops', () => {
    const storm = new TraceBuilder();
    for (let k = 0; k < DRAWN_LIMIT + 50; k++)
      storm.tx(1_000, 'mag1', 'lma1', pbu(MAG1, LMAA, k, MN_ID, 1), 10_000);
    const many = chartRows(storm.entries, buildTraceIndex(storm.entries).tx, () => true);
    const band = viewBand(many, rowsScale(many), 0, 400);
    expect(band).toHaveLength(DRAWN_LIMIT);
    expect(band[0]).toBe(50);
    expect(band.at(-1)).toBe(DRAWN_LIMIT + 49);
  });

  it('finds the last row at or before a trace position', () => {
    expect(rowAtCursor(rows, -1)).toBe(-1);
    expect(rowAtCursor(rows, 0)).toBe(-1);
    expect(rowAtCursor(rows, 1)).toBe(0);
    expect(rowAtCursor(rows, 7)).toBe(2);
    expect(rowAtCursor(rows, 999)).toBe(6);
  });
});

describe('droppedHops', () => {
  it('names the hops whose packet was dropped', () => {
    const b = registration();
    expect([...droppedHops(b.entries, buildTraceIndex(b.entries).drops)]).toEqual([6]);
  });
});

describe('arrowKind', () => {
  it('colours PBU, PBA, other mobility messages and the packet classes apart', () => {
    expect(arrowKind('PBU seq=3 HI=3', 'signalling')).toBe('pbu');
    expect(arrowKind('PBU dereg seq=5', 'signalling')).toBe('pbu');
    expect(arrowKind('PBA status=0', 'signalling')).toBe('pba');
    expect(arrowKind('BA status=0', 'signalling')).toBe('pba');
    expect(arrowKind('HB req seq=1', 'signalling')).toBe('mh');
    expect(arrowKind('BRI', 'signalling')).toBe('mh');
    expect(arrowKind('⟦ping req seq=1⟧', 'data')).toBe('data');
    expect(arrowKind('RA', 'nd')).toBe('nd');
    expect(arrowKind('Dest Unreach', 'icmp-error')).toBe('error');
    expect(arrowKind('malformed ipv6', 'other')).toBe('other');
  });
});
