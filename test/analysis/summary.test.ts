import { describe, expect, it } from 'vitest';
import { labelKind, pingStats, summarize, udpStats } from '../../src/sim/analysis';
import { Trace } from '../../src/sim/core/trace';
import type { PacketClass, TraceEntry, TraceInput } from '../../src/sim/core/trace-types';

function trace(inputs: [number, TraceInput][]): readonly TraceEntry[] {
  const t = new Trace();
  for (const [time, e] of inputs) t.add(time, e);
  return t.entries;
}

const bytes = new Uint8Array([0x60]);
const tx = (pid: number, label: string, cls: PacketClass, link = 'l1'): TraceInput => ({
  kind: 'tx',
  node: 'a',
  pid,
  link,
  to: 'b',
  arrive: 0,
  bytes,
  cls,
  label,
  tunnelled: label.startsWith('⟦'),
});

describe('labelKind', () => {
  const cases: [string, string][] = [
    ['PBU seq=3 HI=3', 'PBU'],
    ['PBA status=0', 'PBA'],
    ['ping req seq=4', 'ping req'],
    ['ping reply seq=4', 'ping reply'],
    ['⟦ping req seq=4⟧', '⟦ping req⟧'],
    ['UDP 40000→9000', 'UDP'],
    ['RA', 'RA'],
    ['Dest Unreach', 'Dest Unreach'],
    ['IPv6 fragment', 'IPv6 fragment'],
  ];
  for (const [label, kind] of cases) it(label, () => expect(labelKind(label)).toBe(kind));
});

describe('summarize', () => {
  const entries = trace([
    [0, tx(1, 'ping req seq=1', 'data')],
    [1, { kind: 'rx', node: 'b', pid: 1, link: 'l1', from: 'a', txId: 0 }],
    [1, tx(1, 'ping req seq=1', 'data', 'l2')],
    [2, { kind: 'deliver', node: 'c', pid: 1, label: 'ping req seq=1', cls: 'data' }],
    [3, tx(2, 'PBU seq=1 HI=1', 'signalling')],
    [
      4,
      {
        kind: 'drop',
        node: 'b',
        pid: 2,
        link: 'l1',
        reason: 'loss on link l1',
        txId: 4,
        label: 'PBU seq=1 HI=1',
      },
    ],
    [5, tx(3, 'PBU seq=2 HI=1', 'signalling')],
    [
      6,
      {
        kind: 'drop',
        node: 'b',
        pid: 3,
        link: 'l1',
        reason: 'loss on link l1',
        txId: 6,
        label: 'PBU seq=2 HI=1',
      },
    ],
    [7, { kind: 'drop', node: 'a', pid: 4, reason: 'no route to 2001:db8::9', label: 'ping req seq=2' }],
    [8, tx(5, '⟦ping req seq=3⟧', 'data')],
    [9, { kind: 'timer-set', node: 'a', timer: 't', deadline: 10, timerId: 1 }],
  ]);
  const s = summarize(entries);

  it('counts entries by kind and the time of the last one', () => {
    expect(s.entries).toBe(11);
    expect(s.end).toBe(9);
    expect(s.byKind).toEqual({ tx: 5, rx: 1, deliver: 1, drop: 3, 'timer-set': 1 });
  });

  it('counts packets (distinct ids), hops, deliveries and drops per class', () => {
    expect(s.byClass.data).toEqual({ sent: 2, hops: 3, delivered: 1, dropped: 0 });
    expect(s.byClass.signalling).toEqual({ sent: 2, hops: 2, delivered: 0, dropped: 2 });
    // A packet dropped before any hop has no known class.
    expect(s.byClass.other).toEqual({ sent: 0, hops: 0, delivered: 0, dropped: 1 });
    expect(s.byClass.nd).toEqual({ sent: 0, hops: 0, delivered: 0, dropped: 0 });
  });

  it('counts per kind of label, most sent first', () => {
    expect(s.byLabel).toEqual([
      { kind: 'PBU', sent: 2, hops: 2, delivered: 0, dropped: 2 },
      { kind: 'ping req', sent: 1, hops: 2, delivered: 1, dropped: 1 },
      { kind: '⟦ping req⟧', sent: 1, hops: 1, delivered: 0, dropped: 0 },
    ]);
  });

  it('lists the drop reasons, most frequent first', () => {
    expect(s.dropReasons).toEqual([
      { reason: 'loss on link l1', count: 2 },
      { reason: 'no route to 2001:db8::9', count: 1 },
    ]);
  });

  it('of an empty trace', () => {
    expect(summarize([])).toMatchObject({ entries: 0, end: 0, byKind: {}, byLabel: [], dropReasons: [] });
  });
});

describe('pingStats and udpStats', () => {
  const app = (
    node: string,
    a: 'ping' | 'udp',
    event: 'sent' | 'reply' | 'received' | 'timeout',
    flow: string,
    seq: number,
    rtt?: number,
  ): TraceInput => ({ kind: 'app', node, app: a, event, flow, seq, ...(rtt !== undefined ? { rtt } : {}) });
  const entries = trace([
    [0, app('cn', 'ping', 'sent', 'p', 1)],
    [10, app('cn', 'ping', 'reply', 'p', 1, 10)],
    [100, app('cn', 'ping', 'sent', 'p', 2)],
    [130, app('cn', 'ping', 'reply', 'p', 2, 30)],
    [200, app('cn', 'ping', 'sent', 'p', 3)],
    [300, app('cn', 'ping', 'sent', 'p', 4)],
    [400, app('cn', 'ping', 'timeout', 'p', 3)],
    [0, app('a', 'udp', 'sent', 'u', 1)],
    [5, app('b', 'udp', 'received', 'u', 1)],
    [10, app('a', 'udp', 'sent', 'u', 2)],
    [20, app('a', 'udp', 'sent', 'u', 3)],
    [27, app('b', 'udp', 'received', 'u', 3)],
    [28, app('b', 'udp', 'received', 'u', 3)],
    [30, app('cn', 'ping', 'sent', 'q', 1)],
  ]);

  it('ping: sent, replies, timeouts, pending, loss and RTT (mdev as iputils: the standard deviation)', () => {
    expect(pingStats(entries)).toEqual([
      {
        flow: 'p',
        node: 'cn',
        sent: 4,
        replies: 2,
        timeouts: 1,
        pending: 1,
        loss: 1 / 3,
        rtt: { min: 10, avg: 20, max: 30, mdev: 10 },
      },
      { flow: 'q', node: 'cn', sent: 1, replies: 0, timeouts: 0, pending: 1, loss: 0, rtt: null },
    ]);
  });

  it('udp: received by distinct sequence number, duplicates, loss, one-way delay', () => {
    expect(udpStats(entries)).toEqual([
      {
        flow: 'u',
        sent: 3,
        received: 2,
        duplicates: 1,
        lost: 1,
        loss: 1 / 3,
        delay: { min: 5, avg: 6, max: 7, mdev: 1 },
      },
    ]);
  });
});
