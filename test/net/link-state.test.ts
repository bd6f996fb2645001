import { describe, expect, it } from 'vitest';
import { Flights } from '../../src/sim/net/link-state';
import type { Flight } from '../../src/sim/net/link-state';

const flight = (txId: number): Flight => ({
  pkt: { info: { pid: txId, summary: null, carried: null }, bytes: new Uint8Array(0), archived: false },
  from: 0,
  txId,
  lost: null,
  event: 0,
  done: false,
});

describe('Flights', () => {
  it('counts what is on the link through bursts, idle spells and out-of-order arrivals', () => {
    const fl = new Flights();
    const a = [flight(1), flight(2), flight(3)];
    a.forEach((f) => fl.add(f));
    fl.finish(a[1]); // overtaken (a delay fault)
    expect(fl.size).toBe(2);
    fl.finish(a[0]);
    fl.finish(a[2]);
    expect(fl.size).toBe(0);
    const b = [flight(4), flight(5)];
    b.forEach((f) => fl.add(f)); // the idle list is reused
    fl.finish(b[0]);
    expect(fl.takeAll().map((f) => f.txId)).toEqual([5]);
    expect([fl.size, b[1].done]).toEqual([0, true]);
    expect(fl.takeAll()).toEqual([]);
  });

  it('takes everything still on the link, oldest first, also after a long run of traffic', () => {
    const fl = new Flights();
    const all = Array.from({ length: 5000 }, (_, i) => flight(i));
    // A link that is never idle: one packet always in flight, so the front is trimmed as it goes.
    fl.add(all[0]);
    for (let i = 1; i < 4000; i++) {
      fl.add(all[i]);
      fl.finish(all[i - 1]);
    }
    expect(fl.size).toBe(1);
    for (let i = 4000; i < 5000; i++) fl.add(all[i]);
    fl.finish(all[4500]);
    const left = fl.takeAll().map((f) => f.txId);
    expect(left.length).toBe(1000);
    expect(left[0]).toBe(3999);
    expect(left.includes(4500)).toBe(false);
    expect(left[left.length - 1]).toBe(4999);
  });
});
