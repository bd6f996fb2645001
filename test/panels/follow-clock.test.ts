// @vitest-environment jsdom
/**
 * The chart and the event list follow the clock at every frame of playback: they must do it without
 * reading layout (a forced layout per frame), from the size their resize observer reported and the
 * position their scroll events reported, and write a scroll position only when it changes.
 */
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import EventList from '../../src/ui/panels/EventList.svelte';
import SequenceChart from '../../src/ui/panels/SequenceChart.svelte';
import { sessionWith } from './fixtures/session';
import { LMAA, MAG1, MN_ID, TraceBuilder, pbu } from './fixtures/trace-builder';

const NODES = [
  { id: 'mag1', kind: 'mag' as const },
  { id: 'lma1', kind: 'lma' as const },
];

/** Resize observers that report only when the test says so. */
const observers: { cb: ResizeObserverCallback; els: Element[] }[] = [];
beforeAll(() => {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    #o: { cb: ResizeObserverCallback; els: Element[] };
    constructor(cb: ResizeObserverCallback) {
      this.#o = { cb, els: [] };
      observers.push(this.#o);
    }
    observe(el: Element): void {
      this.#o.els.push(el);
    }
    unobserve(): void {}
    disconnect(): void {}
  };
});

/** Counts the viewport's layout reads and records its scroll writes; it reports a 300 px height. */
function instrument(viewport: HTMLElement) {
  const log = { reads: 0, writes: [] as number[] };
  let top = 0;
  Object.defineProperty(viewport, 'clientHeight', {
    get: () => {
      log.reads++;
      return 300;
    },
  });
  Object.defineProperty(viewport, 'scrollTop', {
    get: () => {
      log.reads++;
      return top;
    },
    set: (v: number) => {
      top = v;
      log.writes.push(v);
    },
  });
  for (const o of observers)
    o.cb(
      o.els.filter((e) => e === viewport).map((target) => ({ target }) as ResizeObserverEntry),
      {} as ResizeObserver,
    );
  flushSync();
  log.reads = 0;
  log.writes = [];
  return log;
}

/** A PBU every 100 ms for 6 s: a chart much taller than its viewport. */
function steady() {
  const b = new TraceBuilder();
  for (let k = 0; k < 60; k++) b.tx(k * 100_000, 'mag1', 'lma1', pbu(MAG1, LMAA, k, MN_ID, 1), 5_000);
  return b.entries;
}

describe('following the clock', () => {
  it('scrolls the sequence chart with the clock without reading layout, writing only new positions', () => {
    const session = sessionWith(steady(), NODES);
    const { container } = render(SequenceChart, { session });
    const log = instrument(container.querySelector('.viewport') as HTMLElement);
    for (let t = 0; t <= 6_000_000; t += 20_000) {
      session.seekToTime(t);
      flushSync();
    }
    expect(log.reads).toBe(0);
    // It scrolled as the clock went down the chart, each time to a new place further down.
    expect(log.writes.length).toBeGreaterThan(3);
    expect(log.writes.every((y, i) => i === 0 || y > log.writes[i - 1])).toBe(true);
    // A clock standing still scrolls nothing.
    const before = log.writes.length;
    session.seekToTime(6_000_000);
    flushSync();
    expect(log.writes.length).toBe(before);
  });

  it('keeps the newest event in view without reading layout', () => {
    const session = sessionWith(steady(), NODES);
    const { container } = render(EventList, { session });
    const log = instrument(container.querySelector('.viewport') as HTMLElement);
    for (let id = 0; id < session.trace.length; id++) {
      session.seekToEntry(id);
      flushSync();
    }
    expect(log.reads).toBe(0);
    // 60 rows of 22 px in 300 px: the last write puts the last row at the bottom.
    expect(log.writes.at(-1)).toBe(60 * 22 - 300);
    expect(log.writes.every((y, i) => i === 0 || y > log.writes[i - 1])).toBe(true);
  });
});
