import { describe, expect, it } from 'vitest';
import { udpStats } from '../../src/sim/analysis';
import type { AppEvent, TraceEntry } from '../../src/sim/core/trace-types';
import { runScenario } from '../../src/sim/scenario';
import { load } from './helpers';

/** h1 — r1 — h2, 1 ms and 2 ms, no bandwidth limits. */
const line = (traffic: unknown[], extra: Record<string, unknown> = {}) =>
  load({
    formatVersion: 1,
    duration: '10s',
    nodes: [
      { id: 'h1', kind: 'host', addresses: { eth0: ['2001:db8:1::10/64'] } },
      { id: 'r1', kind: 'router', addresses: { eth0: ['2001:db8:1::1/64'], eth1: ['2001:db8:2::1/64'] } },
      { id: 'h2', kind: 'host', addresses: { eth0: ['2001:db8:2::20/64'] } },
      { id: 'mn1', kind: 'mn' },
    ],
    links: [
      { a: 'h1:eth0', b: 'r1:eth0', delay: '1ms' },
      { a: 'r1:eth1', b: 'h2:eth0', delay: '2ms' },
    ],
    traffic,
    ...extra,
  });

const apps = (entries: readonly TraceEntry[]) => entries.filter((e): e is AppEvent => e.kind === 'app');

describe('constant-rate UDP flow', () => {
  it('sends at the rate between start and stop; the receiver traces every sequence number', () => {
    const s = line([
      { kind: 'udp', id: 'u', from: 'h1', to: 'h2', start: '1s', stop: '2s', rate: '10pps', size: 100 },
    ]);
    const a = apps(runScenario(s).sim.trace.entries);
    const sent = a.filter((e) => e.event === 'sent');
    expect(sent.map((e) => [e.t, e.node, e.seq])).toEqual(
      Array.from({ length: 10 }, (_, i) => [1_000_000 + i * 100_000, 'h1', i + 1]),
    );
    const got = a.filter((e) => e.event === 'received');
    expect(got.map((e) => [e.t, e.node, e.seq])).toEqual(
      Array.from({ length: 10 }, (_, i) => [1_003_000 + i * 100_000, 'h2', i + 1]),
    );
    expect(udpStats(runScenario(s).sim.trace.entries)).toEqual([
      {
        flow: 'u',
        sent: 10,
        received: 10,
        duplicates: 0,
        lost: 0,
        loss: 0,
        delay: { min: 3000, avg: 3000, max: 3000, mdev: 0 },
      },
    ]);
  });

  it('to an address: the node holding it receives; count bounds the flow', () => {
    const s = line([
      {
        kind: 'udp',
        id: 'u',
        from: 'h2',
        to: '2001:db8:1::10',
        count: 3,
        rate: '2pps',
        srcPort: 7,
        dstPort: 9,
      },
    ]);
    const a = apps(runScenario(s).sim.trace.entries);
    expect(a.map((e) => `${e.t} ${e.node} ${e.event} ${e.seq}`)).toEqual([
      '0 h2 sent 1',
      '3000 h1 received 1',
      '500000 h2 sent 2',
      '503000 h1 received 2',
      '1000000 h2 sent 3',
      '1003000 h1 received 3',
    ]);
  });

  it('a duplicate fault is counted once, as a duplicate', () => {
    const s = line([{ kind: 'udp', id: 'u', from: 'h1', to: 'h2', count: 3, rate: '10pps' }], {
      timeline: [
        { at: '0s', action: 'fault', match: { label: 'UDP', from: 'r1' }, nth: 2, effect: 'duplicate' },
      ],
    });
    expect(udpStats(runScenario(s).sim.trace.entries)).toMatchObject([
      { sent: 3, received: 3, duplicates: 1, lost: 0 },
    ]);
  });
});

describe('ping', () => {
  it('counts, intervals, sequence numbers from 1, and exact RTTs', () => {
    const s = line([
      { kind: 'ping', id: 'p', from: 'h1', to: 'h2', start: '0.5s', interval: '2s', count: 3 },
    ]);
    const a = apps(runScenario(s).sim.trace.entries);
    expect(a.map((e) => `${e.t} ${e.event} ${e.seq} ${e.rtt ?? ''}`)).toEqual([
      '500000 sent 1 ',
      '506000 reply 1 6000',
      '2500000 sent 2 ',
      '2506000 reply 2 6000',
      '4500000 sent 3 ',
      '4506000 reply 3 6000',
    ]);
  });

  it('two pings from one node each match only their own replies', () => {
    const s = line([
      { kind: 'ping', id: 'a', from: 'h1', to: 'h2', count: 2 },
      { kind: 'ping', id: 'b', from: 'h1', to: 'r1', count: 2 },
    ]);
    const replies = apps(runScenario(s).sim.trace.entries).filter((e) => e.event === 'reply');
    expect(replies.map((e) => `${e.flow} ${e.seq} ${e.rtt}`)).toEqual([
      'b 1 2000',
      'a 1 6000',
      'b 2 2000',
      'a 2 6000',
    ]);
  });

  it('times out a request whose reply is dropped', () => {
    const s = line([{ kind: 'ping', id: 'p', from: 'h1', to: 'h2', count: 2, timeout: '1.5s' }], {
      timeline: [{ at: '0s', action: 'fault', match: { label: 'ping reply' }, nth: 1 }],
    });
    const a = apps(runScenario(s).sim.trace.entries);
    expect(a.map((e) => `${e.t} ${e.event} ${e.seq}`)).toEqual([
      '0 sent 1',
      '1000000 sent 2',
      '1006000 reply 2',
      '1500000 timeout 1',
    ]);
  });

  it('skips sends to a node without a global address, and says why once', () => {
    const s = line([{ kind: 'ping', id: 'p', from: 'h1', to: 'mn1', interval: '1s' }]);
    const entries = runScenario(s).sim.trace.entries;
    expect(apps(entries)).toEqual([]);
    const notes = entries.filter((e) => e.kind === 'decision');
    expect(notes).toEqual([
      {
        id: notes[0].id,
        t: 0,
        kind: 'decision',
        node: 'h1',
        tag: 'app-skipped',
        rfc: 'RFC 4862 §5.5',
        data: { flow: 'p', seq: 1 },
        text: 'p: skipping sends from seq 1: mn1 has no global address yet (a mobile node gets one by SLAAC once attached)',
      },
    ]);
  });
});
