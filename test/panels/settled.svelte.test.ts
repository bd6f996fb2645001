// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../../src/sim/core/trace-types';
import { settledTrace } from '../../src/ui/panels/shared/settled.svelte';
import { throttledWhile } from '../../src/ui/panels/shared/throttle.svelte';
import { buildTraceIndex } from '../../src/ui/state/trace-index';
import { TraceBuilder } from './fixtures/trace-builder';

function entries(n: number, from?: TraceEntry[]): TraceEntry[] {
  const b = new TraceBuilder();
  for (const e of from ?? []) b.entries.push(e);
  while (b.entries.length < n) b.decision(b.entries.length, 'lma1', 'x', 'RFC 5213 §5');
  return b.entries;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('settledTrace', () => {
  it('follows a new run and the end of a run at once, and a growing run at most every `ms`', () => {
    const s = $state({ trace: entries(10), complete: false });
    let seen: readonly TraceEntry[] = [];
    const stop = $effect.root(() => {
      const settled = settledTrace(
        () => ({ trace: s.trace, index: buildTraceIndex(s.trace), complete: s.complete }),
        1000,
      );
      $effect(() => {
        seen = settled.current.trace;
      });
    });
    flushSync();
    expect(seen.length).toBe(10);
    // The same run grows: not yet…
    s.trace = entries(20, s.trace);
    flushSync();
    expect(seen.length).toBe(10);
    s.trace = entries(30, s.trace);
    flushSync();
    vi.advanceTimersByTime(999);
    flushSync();
    expect(seen.length).toBe(10);
    // …then the latest, once.
    vi.advanceTimersByTime(1);
    flushSync();
    expect(seen.length).toBe(30);
    // Complete: at once.
    s.trace = entries(40, s.trace);
    s.complete = true;
    flushSync();
    expect(seen.length).toBe(40);
    // A new run (other entries): at once.
    s.complete = false;
    s.trace = entries(5);
    flushSync();
    expect(seen.length).toBe(5);
    stop();
  });
});

describe('throttledWhile', () => {
  it('is exact while not busy, and updates at most every `ms` while busy', () => {
    const s = $state({ v: 1, busy: false });
    let seen = 0;
    const stop = $effect.root(() => {
      const t = throttledWhile(
        () => s.v,
        () => s.busy,
        200,
      );
      $effect(() => {
        seen = t.current;
      });
    });
    flushSync();
    expect(seen).toBe(1);
    s.v = 2;
    flushSync();
    expect(seen).toBe(2);
    s.busy = true;
    s.v = 3;
    flushSync();
    s.v = 4;
    flushSync();
    expect(seen).toBe(2);
    vi.advanceTimersByTime(200);
    flushSync();
    expect(seen).toBe(4);
    s.v = 5;
    s.busy = false;
    flushSync();
    expect(seen).toBe(5);
    stop();
  });

  it('while busy, tracks only `watch` and reads the value only when it takes a snapshot', () => {
    const s = $state({ tick: 0, v: 1, busy: true });
    let reads = 0;
    let seen = 0;
    const stop = $effect.root(() => {
      const t = throttledWhile(
        () => {
          reads++;
          return s.v * 10 + s.tick;
        },
        () => s.busy,
        200,
        () => s.tick,
      );
      $effect(() => {
        seen = t.current;
      });
    });
    flushSync();
    expect([seen, reads]).toEqual([10, 1]);
    for (let k = 1; k <= 5; k++) {
      s.tick = k;
      flushSync();
    }
    // Five ticks within 200 ms: no read until the snapshot, then one.
    expect([seen, reads]).toEqual([10, 1]);
    vi.advanceTimersByTime(200);
    flushSync();
    expect([seen, reads]).toEqual([15, 2]);
    // Not watched while busy: a change of v alone starts no snapshot.
    s.v = 2;
    flushSync();
    vi.advanceTimersByTime(200);
    flushSync();
    expect([seen, reads]).toEqual([15, 2]);
    // Exact again once idle.
    s.busy = false;
    flushSync();
    expect(seen).toBe(25);
    stop();
  });
});
