import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/sim/core/event-queue';
import { createRng } from '../../src/sim/core/prng';

/** Pops everything, calling each callback, and returns the log the callbacks wrote. */
function drain(q: EventQueue, log: string[]): string[] {
  for (let fn = q.pop(); fn !== null; fn = q.pop()) fn();
  return log;
}

describe('EventQueue ordering', () => {
  it('pops by time, and events at the same time in insertion order', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const add = (t: number, tag: string) => q.push(t, () => log.push(tag));
    add(30, 'c1');
    add(10, 'a1');
    add(30, 'c2');
    add(20, 'b1');
    add(10, 'a2');
    add(30, 'c3');
    add(0, 'z');
    add(10, 'a3');
    expect(drain(q, log)).toEqual(['z', 'a1', 'a2', 'a3', 'b1', 'c1', 'c2', 'c3']);
  });

  it('keeps FIFO order for 5000 events at one time (across heap growth)', () => {
    const q = new EventQueue();
    const log: number[] = [];
    for (let i = 0; i < 5000; i++) q.push(7, () => log.push(i));
    for (let fn = q.pop(); fn !== null; fn = q.pop()) fn();
    expect(log).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('peekTime and size follow pushes and pops; pop on empty gives null', () => {
    const q = new EventQueue();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBeUndefined();
    expect(q.pop()).toBeNull();
    q.push(50, () => {});
    q.push(40, () => {});
    expect(q.size).toBe(2);
    expect(q.peekTime()).toBe(40);
    q.pop();
    expect(q.peekTime()).toBe(50);
    q.pop();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBeUndefined();
  });
});

describe('EventQueue cancellation', () => {
  it('a cancelled event never runs; cancel is true once, then false', () => {
    const q = new EventQueue();
    const log: string[] = [];
    q.push(1, () => log.push('a'));
    const b = q.push(2, () => log.push('b'));
    q.push(3, () => log.push('c'));
    expect(q.has(b)).toBe(true);
    expect(q.cancel(b)).toBe(true);
    expect(q.has(b)).toBe(false);
    expect(q.cancel(b)).toBe(false);
    expect(q.size).toBe(2);
    expect(drain(q, log)).toEqual(['a', 'c']);
  });

  it('peekTime skips cancelled events, including a cancelled head', () => {
    const q = new EventQueue();
    const head = q.push(5, () => {});
    const second = q.push(8, () => {});
    q.push(9, () => {});
    expect(q.cancel(head)).toBe(true);
    expect(q.peekTime()).toBe(8);
    expect(q.cancel(second)).toBe(true);
    expect(q.peekTime()).toBe(9);
    expect(q.size).toBe(1);
  });

  it('cancel after the event ran is false, even when a new event reuses its slot', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const a = q.push(1, () => log.push('a'));
    q.pop()?.();
    const b = q.push(2, () => log.push('b')); // reuses a's slot
    expect(b).not.toBe(a);
    expect(q.cancel(a)).toBe(false);
    expect(q.has(b)).toBe(true);
    expect(drain(q, log)).toEqual(['a', 'b']);
  });

  it('ids are unique across slot reuse', () => {
    const q = new EventQueue();
    const ids = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      ids.add(q.push(i, () => {}));
      ids.add(q.push(i, () => {}));
      q.pop();
    }
    expect(ids.size).toBe(2000);
  });

  it('cancel of ids it never issued is false and harmless', () => {
    const q = new EventQueue();
    q.push(1, () => {});
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 60, 12345]) expect(q.cancel(bad)).toBe(false);
    expect(q.size).toBe(1);
  });
});

interface Ref {
  time: number;
  seq: number;
  id: number;
  tag: number;
}

/** Pops the (time, seq)-least entry of the reference list. */
function refPop(ref: Ref[]): Ref {
  let best = 0;
  for (let i = 1; i < ref.length; i++) {
    const a = ref[i];
    const b = ref[best];
    if (a.time < b.time || (a.time === b.time && a.seq < b.seq)) best = i;
  }
  return ref.splice(best, 1)[0];
}

describe('EventQueue against a sorted reference', () => {
  it('matches the reference over 30000 seeded random push/pop/cancel operations', () => {
    const rng = createRng(2024, 'test:event-queue');
    const q = new EventQueue();
    const ref: Ref[] = [];
    const gone: number[] = []; // ids that ran or were cancelled
    let seq = 0;
    let popped = -1;
    let maxSize = 0;
    for (let op = 0; op < 30_000; op++) {
      const r = rng.next();
      if (r < 0.55) {
        const time = rng.int(0, 200); // narrow range: many ties
        const tag = seq;
        const id = q.push(time, () => (popped = tag));
        ref.push({ time, seq: seq++, id, tag });
      } else if (r < 0.85) {
        const fn = q.pop();
        if (ref.length === 0) {
          expect(fn).toBeNull();
          continue;
        }
        const want = refPop(ref);
        fn?.();
        expect(popped).toBe(want.tag);
        gone.push(want.id);
      } else if (ref.length > 0 && r < 0.97) {
        const victim = ref.splice(rng.int(0, ref.length - 1), 1)[0];
        expect(q.cancel(victim.id)).toBe(true);
        gone.push(victim.id);
      } else if (gone.length > 0) {
        expect(q.cancel(rng.pick(gone))).toBe(false);
      }
      expect(q.size).toBe(ref.length);
      const head = ref.length ? ref.reduce((m, e) => (e.time < m ? e.time : m), Infinity) : undefined;
      expect(q.peekTime()).toBe(head);
      maxSize = Math.max(maxSize, ref.length);
    }
    expect(maxSize).toBeGreaterThan(1024); // the heap grew past its initial capacity
  });

  it('property: any sequence of operations pops in (time, insertion) order', () => {
    const opArb = fc.oneof(
      fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ op: fc.constant('pop' as const) }),
      fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const q = new EventQueue();
        const ref: Ref[] = [];
        let seq = 0;
        let popped = -1;
        for (const o of ops) {
          if (o.op === 'push') {
            const tag = seq;
            ref.push({ time: o.time, seq: seq++, id: q.push(o.time, () => (popped = tag)), tag });
          } else if (o.op === 'pop') {
            const fn = q.pop();
            if (ref.length === 0) {
              if (fn !== null) return false;
              continue;
            }
            fn?.();
            if (popped !== refPop(ref).tag) return false;
          } else if (ref.length > 0) {
            const victim = ref.splice(o.pick % ref.length, 1)[0];
            if (!q.cancel(victim.id)) return false;
          }
          if (q.size !== ref.length) return false;
        }
        return true;
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
