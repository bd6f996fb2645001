/**
 * What keeps the topology at 50+ fps in a city's start-up storm: packet dots and plain tags filled one path
 * per colour, node positions cached between frames, and no attachment edges for a crowd of MNs.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CROWD, layoutTopology, topologyElements } from '../../src/ui/topology/elements';
import { NodePositions } from '../../src/ui/topology/node-positions';
import { PacketPainter } from '../../src/ui/topology/packet-painter';
import type { PacketColors, PacketLook, Sprite } from '../../src/ui/topology/packet-painter';
import { addressOwners, mnLocations, topologyWorld } from '../../src/ui/topology/world';
import { TablesCursor, viewOf } from '../../src/ui/state/tables';
import { lastAtOrBefore } from '../../src/ui/state/trace-index';
import { runBasicDomain } from './local-backend';

const COLORS: PacketColors = {
  pbu: '#pbu',
  pba: '#pba',
  mh: '#mh',
  data: '#data',
  nd: '#nd',
  error: '#err',
  tunnel: '#tun',
  labelBg: '#bg',
  labelText: '#text',
  danger: '#danger',
};

/** A 2D context that records the calls the painter makes (and the fill colour of each fill). */
function recordingContext() {
  const calls: string[] = [];
  const fills: string[] = [];
  const texts: string[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textBaseline: '',
    textAlign: '',
    globalAlpha: 1,
    lineCap: '',
    beginPath: () => calls.push('beginPath'),
    arc: () => calls.push('arc'),
    moveTo: () => calls.push('moveTo'),
    lineTo: () => calls.push('lineTo'),
    rect: () => calls.push('rect'),
    roundRect: () => calls.push('roundRect'),
    fill: () => {
      calls.push('fill');
      fills.push(ctx.fillStyle);
    },
    stroke: () => calls.push('stroke'),
    fillText: (t: string) => texts.push(t),
    measureText: (t: string) => ({ width: t.length * 6 }),
    save: () => calls.push('save'),
    restore: () => calls.push('restore'),
    setLineDash: () => calls.push('setLineDash'),
    clearRect: () => calls.push('clearRect'),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, fills, texts };
}

const sprite = (id: number, look: PacketLook, extra: Partial<Sprite> = {}): Sprite => ({
  id,
  x: 10 + id,
  y: 20,
  look,
  label: `${look.toUpperCase()} ${id}`,
  tunnelled: false,
  selected: false,
  ...extra,
});

describe('packet painter in a storm', () => {
  it('fills a thousand dots with one fill per colour, and still hits each of them', () => {
    const { ctx, calls, fills } = recordingContext();
    const painter = new PacketPainter(ctx, COLORS);
    const sprites = Array.from({ length: 1000 }, (_, i) =>
      sprite(i, i % 4 === 0 ? 'nd' : 'data', { x: 10 + i * 20 }),
    );
    painter.drawPackets(sprites);
    expect(fills).toEqual(['#nd', '#data']);
    expect(calls.filter((c) => c === 'arc')).toHaveLength(1000);
    expect(painter.hit(10 + 500 * 20, 20)).toBe(500);
    expect(painter.hit(10 + 500 * 20, 20 + 30)).toBeNull();
  });

  it('draws 200 signalling tags without text, one fill per colour, a selected one with its label', () => {
    const { ctx, fills, texts } = recordingContext();
    const painter = new PacketPainter(ctx, COLORS);
    const looks: PacketLook[] = ['pbu', 'pba', 'mh'];
    const sprites = Array.from({ length: 200 }, (_, i) =>
      sprite(i, looks[i % 3], { selected: i === 7, y: 20 + i * 40 }),
    );
    painter.drawPackets(sprites);
    expect(fills).toEqual(['#pbu', '#pba', '#mh', '#pba']);
    expect(texts).toEqual(['PBA 7']);
    expect(painter.hit(10 + 7, 20 + 7 * 40)).toBe(7);
    expect(painter.hit(10 + 9, 20 + 9 * 40)).toBe(9);
  });

  it('keeps labels, one tag at a time, when few signalling messages are in flight', () => {
    const { ctx, fills, texts } = recordingContext();
    const painter = new PacketPainter(ctx, COLORS);
    painter.drawPackets([sprite(1, 'pbu'), sprite(2, 'pba'), sprite(3, 'data')]);
    expect(fills).toEqual(['#data', '#pbu', '#pba']);
    expect(texts).toEqual(['PBU 1', 'PBA 2']);
  });

  it('draws the tunnel wrapper under a tunnelled dot', () => {
    const { ctx, calls, fills } = recordingContext();
    const painter = new PacketPainter(ctx, COLORS);
    painter.drawPackets([sprite(1, 'data', { tunnelled: true })]);
    expect(fills).toEqual(['#bg', '#data']);
    expect(calls.indexOf('setLineDash')).toBeLessThan(calls.indexOf('arc'));
  });
});

describe('node positions for the packet layer', () => {
  const graph = () =>
    cytoscape({
      headless: true,
      styleEnabled: false,
      layout: { name: 'preset' },
      elements: [
        { group: 'nodes', data: { id: 'a' }, position: { x: 10, y: 20 } },
        { group: 'nodes', data: { id: 'b' }, position: { x: -5, y: 0 } },
        { group: 'edges', data: { id: 'e', source: 'a', target: 'b' } },
      ],
    });

  it('maps model positions through the viewport read at the start of the frame', () => {
    const cy = graph();
    const pos = new NodePositions(cy);
    cy.viewport({ zoom: 2, pan: { x: 100, y: 50 } });
    pos.frame();
    expect(pos.rendered('a')).toEqual({ x: 120, y: 90 });
    expect(pos.rendered('b')).toEqual({ x: 90, y: 50 });
    expect(pos.rendered('e')).toBeNull();
    expect(pos.rendered('nope')).toBeNull();
  });

  it('follows a node that moves, one that is added and one that is removed', () => {
    const cy = graph();
    const pos = new NodePositions(cy);
    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    pos.frame();
    expect(pos.rendered('a')).toEqual({ x: 10, y: 20 });
    expect(pos.rendered('c')).toBeNull();
    cy.getElementById('a').position({ x: 30, y: 40 });
    cy.add({ group: 'nodes', data: { id: 'c' }, position: { x: 1, y: 2 } });
    cy.getElementById('b').remove();
    expect(pos.rendered('a')).toEqual({ x: 30, y: 40 });
    expect(pos.rendered('c')).toEqual({ x: 1, y: 2 });
    expect(pos.rendered('b')).toBeNull();
  });

  it('stops listening once disposed', () => {
    const cy = graph();
    // Cytoscape's emitter is not in its typings; its listener list is what on/off change.
    const listening = () =>
      (cy as unknown as { emitter(): { listeners: { event: string }[] } })
        .emitter()
        .listeners.filter((l) => l.event === 'position').length;
    const pos = new NodePositions(cy);
    expect(listening()).toBe(1);
    pos.dispose();
    expect(listening()).toBe(0);
  });
});

describe('a crowd of MNs', () => {
  const { scenario, trace } = runBasicDomain();
  const mn1 = scenario.nodes.find((n) => n.id === 'mn1');

  it('is drawn without attachment edges (the basic domain keeps its one)', () => {
    if (!mn1) throw new Error('the basic domain has mn1');
    const many = Array.from({ length: CROWD + 1 }, (_, i) => ({ ...mn1, id: `mn${i + 1}` }));
    const crowd = { ...scenario, nodes: [...scenario.nodes.filter((n) => n.kind !== 'mn'), ...many] };
    const tables = viewOf(new TablesCursor().at(trace, lastAtOrBefore(trace, 5_000_000)));
    const world = topologyWorld(scenario, tables, addressOwners(scenario));
    const attachments = new Map(many.map((m) => [`${m.id}/wlan0`, 'mag1']));
    const at = (s: typeof scenario) => layoutTopology(s, mnLocations(s, 5_000_000), new Map());
    const crowdEls = topologyElements(crowd, { ...world, attachments }, at(crowd));
    expect(crowdEls.filter((e) => e.classes.startsWith('attach'))).toEqual([]);
    expect(crowdEls.filter((e) => e.classes === 'node mn crowd')).toHaveLength(CROWD + 1);
    expect(crowdEls.some((e) => e.data.id === 'tun:lma1|mag1')).toBe(true);
    const basicEls = topologyElements(scenario, world, at(scenario));
    expect(basicEls.filter((e) => e.classes === 'attach').map((e) => e.data.id)).toEqual([
      'att:mn1/wlan0@mag1',
    ]);
  });
});
