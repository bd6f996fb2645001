import { describe, expect, it } from 'vitest';
import { Simulator, createRng, replayTo } from '../../src/sim/core/index';

/** Schedules fn at each time, logging "tag@now" when it runs. */
function logAt(sim: Simulator, log: string[], times: [number, string][]): void {
  for (const [t, tag] of times) sim.schedule(t, () => log.push(`${tag}@${sim.now}`));
}

describe('Simulator scheduling', () => {
  it('runs events in time order, ties in scheduling order, and advances now', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    logAt(sim, log, [
      [300, 'c'],
      [100, 'a'],
      [300, 'd'],
      [200, 'b'],
      [100, 'a2'],
    ]);
    expect(sim.now).toBe(0);
    sim.run();
    expect(log).toEqual(['a@100', 'a2@100', 'b@200', 'c@300', 'd@300']);
    expect(sim.now).toBe(300);
    expect(sim.eventsDispatched).toBe(5);
  });

  it('after() is relative to now, and events scheduled at now run after those already due at now', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    sim.schedule(50, () => {
      log.push(`first@${sim.now}`);
      sim.after(0, () => log.push(`zero-delay@${sim.now}`));
      sim.after(25, () => log.push(`later@${sim.now}`));
    });
    sim.schedule(50, () => log.push(`second@${sim.now}`));
    sim.run();
    expect(log).toEqual(['first@50', 'second@50', 'zero-delay@50', 'later@75']);
  });

  it('rejects times in the past, fractional and non-finite times with RangeError', () => {
    const sim = new Simulator({ seed: 1 });
    sim.schedule(100, () => {});
    sim.step();
    for (const bad of [99, 100.5, Number.NaN, Infinity, -Infinity])
      expect(() => sim.schedule(bad, () => {})).toThrow(RangeError);
    expect(() => sim.after(-1, () => {})).toThrow(RangeError);
    expect(sim.pendingEvents).toBe(0);
    expect(() => sim.schedule(100, () => {})).not.toThrow();
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => new Simulator({ seed: 0.5 })).toThrow(RangeError);
  });

  it('cancel stops an event; peek skips cancelled events', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    const a = sim.schedule(10, () => log.push('a'));
    sim.schedule(20, () => log.push('b'));
    expect(sim.peek()).toBe(10);
    expect(sim.cancel(a)).toBe(true);
    expect(sim.cancel(a)).toBe(false);
    expect(sim.peek()).toBe(20);
    expect(sim.pendingEvents).toBe(1);
    sim.run();
    expect(log).toEqual(['b']);
    expect(sim.peek()).toBeUndefined();
  });

  it('an event can cancel another event due at the same time', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    let victim = -1;
    sim.schedule(5, () => {
      log.push('killer');
      sim.cancel(victim);
    });
    victim = sim.schedule(5, () => log.push('victim'));
    sim.run();
    expect(log).toEqual(['killer']);
    expect(sim.eventsDispatched).toBe(1);
  });
});

describe('Simulator step / runUntil / run', () => {
  it('step dispatches exactly one event and returns false when none is left', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    logAt(sim, log, [
      [10, 'a'],
      [20, 'b'],
    ]);
    expect(sim.step()).toBe(true);
    expect(log).toEqual(['a@10']);
    expect(sim.now).toBe(10);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.now).toBe(20);
    expect(sim.eventsDispatched).toBe(2);
  });

  it('runUntil dispatches events due at or before t (including new ones), then sets now = t', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    logAt(sim, log, [
      [100, 'a'],
      [250, 'c'],
      [251, 'd'],
    ]);
    sim.schedule(200, () => sim.after(50, () => log.push(`spawned@${sim.now}`)));
    sim.runUntil(250);
    expect(log).toEqual(['a@100', 'c@250', 'spawned@250']);
    expect(sim.now).toBe(250);
    expect(sim.peek()).toBe(251);
    sim.runUntil(1000);
    expect(log.at(-1)).toBe('d@251');
    expect(sim.now).toBe(1000);
    expect(() => sim.runUntil(999)).toThrow(RangeError);
    expect(() => sim.runUntil(1000.5)).toThrow(RangeError);
  });

  it('run({ maxEvents }) stops after that many events, leaving now at the last one', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    logAt(sim, log, [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    sim.run({ maxEvents: 2 });
    expect(log).toEqual(['a@1', 'b@2']);
    expect(sim.now).toBe(2);
    sim.run({ maxEvents: 0 });
    expect(sim.eventsDispatched).toBe(2);
  });

  it('run({ until }) moves the clock to until, unless maxEvents stopped it first', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    logAt(sim, log, [
      [10, 'a'],
      [20, 'b'],
      [30, 'c'],
      [40, 'd'],
    ]);
    sim.run({ until: 25 });
    expect(log).toEqual(['a@10', 'b@20']);
    expect(sim.now).toBe(25);
    sim.run({ until: 100, maxEvents: 1 });
    expect(log.at(-1)).toBe('c@30');
    expect(sim.now).toBe(30);
    sim.run({ until: 100, maxEvents: 1 }); // the last due event: nothing is left before 100
    expect(sim.now).toBe(100);
    expect(() => sim.run({ until: 50 })).toThrow(RangeError);
  });

  it('refuses to step from inside an event, and stays usable afterwards', () => {
    const sim = new Simulator({ seed: 1 });
    let inner: unknown = null;
    sim.schedule(1, () => {
      try {
        sim.step();
      } catch (e) {
        inner = e;
      }
    });
    sim.schedule(2, () => {});
    sim.run();
    expect(inner).toBeInstanceOf(Error);
    expect(sim.eventsDispatched).toBe(2);
  });

  it('an event that throws propagates; the event counts as dispatched and the run can go on', () => {
    const sim = new Simulator({ seed: 1 });
    const log: string[] = [];
    sim.schedule(1, () => {
      throw new Error('boom');
    });
    logAt(sim, log, [[2, 'next']]);
    expect(() => sim.run()).toThrow('boom');
    expect(sim.eventsDispatched).toBe(1);
    expect(sim.now).toBe(1);
    sim.run();
    expect(log).toEqual(['next@2']);
  });
});

describe('Simulator rng and record', () => {
  it('rng(name) returns the same stream object, seeded from (seed, name)', () => {
    const sim = new Simulator({ seed: 31 });
    const r = sim.rng('link:l1');
    expect(sim.rng('link:l1')).toBe(r);
    const ref = createRng(31, 'link:l1');
    expect([r.next(), r.next(), r.int(0, 9)]).toEqual([ref.next(), ref.next(), ref.int(0, 9)]);
  });

  it('record stamps entries with the current time', () => {
    const sim = new Simulator({ seed: 1 });
    sim.schedule(1234, () => sim.record({ kind: 'action', node: '', action: 'move', detail: 'mn1 → mag2' }));
    sim.run();
    expect(sim.trace.entries).toEqual([
      { id: 0, t: 1234, kind: 'action', node: '', action: 'move', detail: 'mn1 → mag2' },
    ]);
  });
});

describe('Simulator timers', () => {
  it('traces timer-set, then timer-fired before the callback runs', () => {
    const sim = new Simulator({ seed: 1 });
    sim.runUntil(100);
    const id = sim.setTimer('mag1', 'pba-wait', 1500, () =>
      sim.record({ kind: 'decision', node: 'mag1', text: 'retransmit PBU', rfc: 'RFC 5213 §6.9.4' }),
    );
    expect(id).toBe(1);
    expect(sim.pendingTimers()).toEqual([{ id: 1, node: 'mag1', name: 'pba-wait', deadline: 1600 }]);
    sim.run();
    expect(sim.trace.entries).toEqual([
      { id: 0, t: 100, kind: 'timer-set', node: 'mag1', timer: 'pba-wait', deadline: 1600, timerId: 1 },
      { id: 1, t: 1600, kind: 'timer-fired', node: 'mag1', timer: 'pba-wait', timerId: 1 },
      { id: 2, t: 1600, kind: 'decision', node: 'mag1', text: 'retransmit PBU', rfc: 'RFC 5213 §6.9.4' },
    ]);
    expect(sim.pendingTimers()).toEqual([]);
  });

  it('cancelTimer traces timer-cancelled once; the callback never runs', () => {
    const sim = new Simulator({ seed: 1 });
    let fired = false;
    const id = sim.setTimer('lma', 'bce-lifetime', 10, () => (fired = true));
    sim.runUntil(5);
    expect(sim.cancelTimer(id)).toBe(true);
    expect(sim.cancelTimer(id)).toBe(false);
    sim.run();
    expect(fired).toBe(false);
    expect(sim.pendingEvents).toBe(0);
    expect(sim.trace.entries.map((e) => [e.t, e.kind])).toEqual([
      [0, 'timer-set'],
      [5, 'timer-cancelled'],
    ]);
    expect(sim.trace.at(1)).toEqual({
      id: 1,
      t: 5,
      kind: 'timer-cancelled',
      node: 'lma',
      timer: 'bce-lifetime',
      timerId: 1,
    });
  });

  it('cancelTimer after the timer fired is false and traces nothing', () => {
    const sim = new Simulator({ seed: 1 });
    const id = sim.setTimer('mag1', 't', 1, () => {});
    sim.run();
    expect(sim.cancelTimer(id)).toBe(false);
    expect(sim.cancelTimer(999)).toBe(false);
    expect(sim.trace.entries.map((e) => e.kind)).toEqual(['timer-set', 'timer-fired']);
  });

  it('a timer can be re-armed from its own callback; ids count up deterministically', () => {
    const sim = new Simulator({ seed: 1 });
    const ids: number[] = [];
    const arm = (): void => {
      if (ids.length < 3) ids.push(sim.setTimer('mn1', 'rs', 4000, arm));
    };
    arm();
    sim.run();
    expect(ids).toEqual([1, 2, 3]);
    expect(sim.now).toBe(12_000);
    expect(sim.trace.entries.filter((e) => e.kind === 'timer-fired').map((e) => e.t)).toEqual([
      4000, 8000, 12_000,
    ]);
  });

  it('pendingTimers filters by node and sorts by deadline, then id', () => {
    const sim = new Simulator({ seed: 1 });
    sim.setTimer('mag1', 'a', 30, () => {});
    sim.setTimer('lma', 'b', 10, () => {});
    sim.setTimer('mag1', 'c', 10, () => {});
    sim.setTimer('mag1', 'd', 20, () => {});
    expect(sim.pendingTimers().map((t) => t.name)).toEqual(['b', 'c', 'd', 'a']);
    expect(sim.pendingTimers('mag1').map((t) => [t.id, t.name, t.deadline])).toEqual([
      [3, 'c', 10],
      [4, 'd', 20],
      [1, 'a', 30],
    ]);
    expect(sim.pendingTimers('nobody')).toEqual([]);
  });

  it('a negative delay throws and does not use up a timer id', () => {
    const sim = new Simulator({ seed: 1 });
    expect(() => sim.setTimer('x', 'bad', -5, () => {})).toThrow(RangeError);
    expect(sim.setTimer('x', 'good', 5, () => {})).toBe(1);
    expect(sim.trace.length).toBe(1);
  });
});

/** A small run with randomness, timers and chains of events, for replay tests. */
function buildChatty(): Simulator {
  const sim = new Simulator({ seed: 5 });
  for (const node of ['a', 'b', 'c']) {
    const rng = sim.rng(node);
    let n = 0;
    const tick = (): void => {
      sim.record({ kind: 'app', node, app: 'ping', event: 'sent', flow: node, seq: n });
      if (++n < 20) sim.after(rng.int(1, 500), tick);
      if (rng.chance(0.3)) sim.setTimer(node, 'retry', rng.int(1, 300), () => {});
    };
    sim.schedule(0, tick);
  }
  return sim;
}

describe('replayTo', () => {
  it('gives a simulator at exactly N dispatched events, whose trace is a prefix of the full run', () => {
    const full = buildChatty();
    full.run();
    expect(full.eventsDispatched).toBeGreaterThan(60);
    const whole = full.trace.entries;
    for (const n of [0, 1, 17, 45, full.eventsDispatched]) {
      const sim = replayTo(buildChatty, n);
      expect(sim.eventsDispatched).toBe(n);
      const part = sim.trace.entries;
      expect(part).toEqual(whole.slice(0, part.length));
    }
  });

  it('matches stepping a fresh simulator N times: same clock, trace and pending timers', () => {
    const stepped = buildChatty();
    for (let i = 0; i < 33; i++) stepped.step();
    const replayed = replayTo(buildChatty, 33);
    expect(replayed.now).toBe(stepped.now);
    expect(replayed.trace.toJsonLines()).toBe(stepped.trace.toJsonLines());
    expect(replayed.pendingTimers()).toEqual(stepped.pendingTimers());
    expect(replayed.peek()).toBe(stepped.peek());
  });

  it('past the end it stops at the end; bad counts are RangeErrors', () => {
    const full = buildChatty();
    full.run();
    const sim = replayTo(buildChatty, full.eventsDispatched + 100);
    expect(sim.eventsDispatched).toBe(full.eventsDispatched);
    expect(() => replayTo(buildChatty, -1)).toThrow(RangeError);
    expect(() => replayTo(buildChatty, 2.5)).toThrow(RangeError);
    const eager = (): Simulator => {
      const s = buildChatty();
      s.run({ maxEvents: 10 });
      return s;
    };
    expect(() => replayTo(eager, 5)).toThrow(RangeError);
    expect(replayTo(eager, 12).eventsDispatched).toBe(12);
  });
});
