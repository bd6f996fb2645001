// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chartRows, rowsScale } from '../../src/ui/panels/chart/chart-model';
import { exportRange, exportSpec } from '../../src/ui/panels/chart/export-spec';
import { escapeXml, exportSvg } from '../../src/ui/panels/chart/export-svg';
import { buildTraceIndex } from '../../src/ui/state/trace-index';
import { LMAA, MAG1, MN_ID, TraceBuilder, pba, pbu } from './fixtures/trace-builder';

const COLOURS = {
  pbu: '#d9480f',
  pba: '#2b8a3e',
  mh: '#ae3ec9',
  data: '#1971c2',
  nd: '#868e96',
  error: '#e03131',
  other: '#4f5b6b',
  text: '#1b2430',
  muted: '#4f5b6b',
  line: '#cfd6e0',
  background: '#ffffff',
};

function exchange(): TraceBuilder {
  const b = new TraceBuilder();
  const u = b.tx(50_000, 'mag1', 'lma1', pbu(MAG1, LMAA, 1, MN_ID, 1), 10_000);
  b.rx(u);
  const a = b.tx(60_000, 'lma1', 'mag1', pba(LMAA, MAG1, 1, MN_ID), 10_000);
  b.drop(70_000, 'mag1', a, 'scenario fault: drop the 1st "PBA"');
  b.tx(2_000_000, 'mag1', 'lma1', pbu(MAG1, LMAA, 2, MN_ID, 1), 10_000);
  return b;
}

function spec(max?: number, around = 0) {
  const b = exchange();
  const rows = chartRows(b.entries, buildTraceIndex(b.entries).tx, () => true);
  const scale = rowsScale(rows, { pxPerMs: 2, minStep: 18, maxGap: 40, top: 44 });
  const [from, to] = exportRange(rows.ids.length, around, max);
  return exportSpec({
    trace: b.entries,
    rows,
    scale,
    xOf: new Map([
      ['mag1', 100],
      ['lma1', 300],
    ]),
    lifelines: [
      { id: 'mag1', label: 'MAG1' },
      { id: 'lma1', label: 'LMA1' },
    ],
    width: 400,
    dropped: new Set([2]),
    title: 'Basic <domain> & co',
    from,
    to,
    colours: COLOURS,
  });
}

describe('exportSpec', () => {
  it('takes every row, re-based to the top of the file, with ticks and breaks', () => {
    const s = spec();
    expect(s.title).toBe('Basic <domain> & co');
    expect(s.arrows.map((a) => [a.id, a.label, a.kind, a.x1, a.x2, a.y1, a.y2, a.dropped])).toEqual([
      [0, 'PBU seq=1 HI=1', 'pbu', 100, 300, 24, 44, false],
      [2, 'PBA status=0', 'pba', 300, 100, 44, 64, true],
      [4, 'PBU seq=2 HI=1', 'pbu', 100, 300, 104, 124, false],
    ]);
    expect(s.ticks).toEqual([
      { y: 24, text: '0.050' },
      { y: 44, text: '0.060' },
      { y: 104, text: '2.000' },
    ]);
    expect(s.breaks).toEqual([{ y0: 64, y1: 104, text: '… 1.930 s …' }]);
    expect(s.lifelines).toEqual([
      { x: 100, label: 'MAG1' },
      { x: 300, label: 'LMA1' },
    ]);
  });

  it('keeps `max` rows around the given one when the chart is larger, and says so in the title', () => {
    const s = spec(2, 2);
    expect(s.arrows.map((a) => a.id)).toEqual([2, 4]);
    expect(s.title).toBe('Basic <domain> & co (hops 2–3 of 3)');
  });
});

describe('exportRange', () => {
  it('takes every row when they fit, else `max` rows around the given one, inside the chart', () => {
    expect(exportRange(10, 7, 20)).toEqual([0, 10]);
    expect(exportRange(100, 50, 20)).toEqual([40, 60]);
    expect(exportRange(100, 3, 20)).toEqual([0, 20]);
    expect(exportRange(100, 99, 20)).toEqual([80, 100]);
    expect(exportRange(5000, 0)).toEqual([0, 2000]);
  });
});

describe('exportSvg', () => {
  it('writes a well-formed, standalone SVG: inline colours, escaped text, one group per arrow', () => {
    const text = exportSvg(spec());
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const svg = doc.documentElement;
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('width')).toBe('400');
    expect(svg.querySelector('title')?.textContent).toBe('Basic <domain> & co');
    const groups = [...svg.querySelectorAll('g[data-tx]')];
    expect(groups.map((g) => g.getAttribute('data-tx'))).toEqual(['0', '2', '4']);
    expect(groups.map((g) => g.querySelector('text')?.textContent)).toEqual([
      'PBU seq=1 HI=1',
      'PBA status=0',
      'PBU seq=2 HI=1',
    ]);
    // PBU in its colour with an arrowhead; the dropped PBA dashed with a cross instead.
    expect(groups[0].querySelector('line')?.getAttribute('stroke')).toBe('#d9480f');
    expect(groups[0].querySelector('polygon')?.getAttribute('fill')).toBe('#d9480f');
    expect(groups[1].querySelector('line')?.getAttribute('stroke-dasharray')).toBe('5 3');
    expect(groups[1].querySelector('polygon')).toBeNull();
    expect(groups[1].querySelector('path')?.getAttribute('stroke')).toBe('#e03131');
    expect(svg.querySelectorAll('[class], style, link')).toHaveLength(0);
  });

  it('escapes XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
