import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/sim/analysis/signalling-load';
import {
  bucketFor,
  buildMetrics,
  handoversAt,
  histogram,
  loadAt,
  loadNow,
  summarise,
  upTo,
} from '../../src/ui/panels/metrics/model';
import {
  CN,
  LMAA,
  MAG1,
  MAG2,
  MN_ADDR,
  MN_ID,
  TraceBuilder,
  heartbeat,
  pba,
  pbu,
  ping,
} from './fixtures/trace-builder';

function run(): TraceBuilder {
  const b = new TraceBuilder();
  b.l2(0, 'attach', 'mn1', 'mag1');
  b.table(0, 'mag1', 'attachments', 'mn1 wlan0', {
    mn: 'mn1',
    iface: 'wlan0',
    accessIface: 'acc',
    mac: 'm',
    att: 4,
  });
  b.table(0, 'mag1', 'bul', 'acc', { mnId: MN_ID, accessIface: 'acc' });
  b.tx(0, 'mag1', 'lma1', pbu(MAG1, LMAA, 1, MN_ID, 1), 10_000);
  b.table(10_000, 'lma1', 'bce', 'k', { mnId: MN_ID });
  b.tx(10_000, 'lma1', 'mag1', pba(LMAA, MAG1, 1, MN_ID), 10_000);
  b.app(1_030_000, 'cn1', 'reply', 1, 30_000, 'ping-mn1');
  b.app(2_000_000, 'cn1', 'timeout', 2, undefined, 'ping-mn1');
  b.app(2_031_000, 'cn1', 'reply', 3, 31_000, 'ping-mn1');
  b.l2(5_000_000, 'detach', 'mn1', 'mag1');
  b.l2(5_100_000, 'attach', 'mn1', 'mag2');
  b.table(5_100_000, 'mag2', 'attachments', 'mn1 wlan0', {
    mn: 'mn1',
    iface: 'wlan0',
    accessIface: 'acc',
    mac: 'm',
    att: 4,
  });
  b.table(5_100_000, 'mag2', 'bul', 'acc', { mnId: MN_ID, accessIface: 'acc' });
  b.rx(b.tx(5_100_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 1, MN_ID, 3), 10_000));
  b.rx(b.tx(5_110_000, 'lma1', 'mag2', pba(LMAA, MAG2, 1, MN_ID), 10_000));
  b.rx(b.tx(5_500_000, 'mag2', 'mn1', ping(CN, MN_ADDR, 5), 2_000));
  return b;
}

describe('buildMetrics', () => {
  it('collects the handovers, the ping samples, the signalling hops and the binding cache series', () => {
    const m = buildMetrics(run().entries);
    expect(m.handovers.map((h) => [h.from, h.to, h.pbaReceived?.t, h.firstDownlink?.t])).toEqual([
      ['mag1', 'mag2', 5_120_000, 5_502_000],
    ]);
    expect(m.pings).toEqual([
      {
        flow: 'ping-mn1',
        node: 'cn1',
        rtt: [
          { t: 1_030_000, v: 30 },
          { t: 2_031_000, v: 31 },
        ],
        timeouts: [2_000_000],
      },
    ]);
    expect(m.allRtt).toEqual([
      { t: 1_030_000, v: 30 },
      { t: 2_031_000, v: 31 },
    ]);
    expect(m.allTimeouts).toEqual([{ t: 2_000_000 }]);
    expect(m.signalling.map((e) => e.label)).toEqual([
      'PBU seq=1 HI=1',
      'PBA status=0',
      'PBU seq=1 HI=3',
      'PBA status=0',
    ]);
    expect(m.bindingCache).toEqual([{ node: 'lma1', points: [{ t: 10_000, size: 1, id: 4 }] }]);
  });
});

describe('cutting at the clock', () => {
  const m = buildMetrics(run().entries);

  it('shows a handover only once it began, and only the milestones reached', () => {
    expect(handoversAt(m, 5_099_999)).toEqual([]);
    const [{ h, parts }] = handoversAt(m, 5_115_000);
    expect(h.pbuSent?.t).toBe(5_100_000);
    expect(h.pbaReceived).toBeNull();
    expect(parts).toEqual({
      linkLayer: 100_000,
      magReaction: 0,
      registration: null,
      routerAdvertisement: null,
      total: null,
    });
    const later = handoversAt(m, 6_000_000)[0];
    expect(later.h.pbaReceived?.t).toBe(5_120_000);
    expect(later.parts.total).toBe(502_000);
  });

  it('cuts a time-sorted list', () => {
    expect(upTo(m.pings[0].rtt, 2_031_000)).toHaveLength(2);
    expect(upTo(m.pings[0].rtt, 2_030_999)).toHaveLength(1);
  });

  it('counts the signalling sent so far, in 10 s buckets for a short run', () => {
    expect(bucketFor(60_000_000)).toBe(10_000_000);
    expect(bucketFor(10 * MINUTE)).toBe(MINUTE);
    const early = loadAt(m, 1_000_000, 60_000_000);
    expect([early.messages, early.bytes, early.span]).toEqual([2, 104 + 96, 1_000_000]);
    const later = loadAt(m, 6_000_000, 60_000_000);
    expect(later.messages).toBe(4);
    expect(later.perMn).toEqual([{ mnId: MN_ID, messages: 4, bytes: 2 * (104 + 96) }]);
    // 4 messages / 1 MN / 0.1 minute.
    expect(later.perMnPerMinute?.messages).toBeCloseTo(40, 10);
  });
});

describe('the signalling load from running totals', () => {
  const m = buildMetrics(run().entries);
  /** loadAt's figures that loadNow gives too. */
  const figures = (l: ReturnType<typeof loadNow>) => ({
    messages: l.messages,
    bytes: l.bytes,
    bucket: l.bucket,
    span: l.span,
    hops: l.hops,
    hopBytes: l.hopBytes,
    buckets: l.buckets,
    perMnPerMinute: l.perMnPerMinute,
  });

  it('counts each message once, at its first hop, and cuts at the clock', () => {
    expect(figures(loadNow(m, 9_999, 60_000_000))).toEqual({
      messages: 1,
      bytes: 104,
      bucket: 10_000_000,
      span: 9_999,
      hops: 1,
      hopBytes: 104,
      buckets: [{ start: 0, messages: 1, bytes: 104 }],
      perMnPerMinute: { messages: 1 / (9_999 / MINUTE), bytes: 104 / (9_999 / MINUTE) },
    });
    const later = loadNow(m, 12_000_000, 60_000_000);
    expect([later.messages, later.bytes, later.hops]).toEqual([4, 400, 4]);
    expect(later.buckets).toEqual([
      { start: 0, messages: 4, bytes: 400 },
      { start: 10_000_000, messages: 0, bytes: 0 },
    ]);
  });

  it('has no rate before the first message', () => {
    expect(figures(loadNow(m, 0, 60_000_000))).toEqual(figures(loadAt(m, 0, 60_000_000)));
    expect(loadNow(buildMetrics([]), 5_000_000, 60_000_000).perMnPerMinute).toBeNull();
  });

  it('agrees with loadAt at any clock, for any mix of messages, hops, heartbeats and MNs', () => {
    const message = fc.record({
      t: fc.integer({ min: 0, max: 4 * MINUTE }),
      mn: fc.integer({ min: 0, max: 3 }),
      heartbeat: fc.boolean(),
      hops: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 5 * MINUTE }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(MINUTE, 10 * MINUTE),
        (msgs, clocks, duration) => {
          const b = new TraceBuilder();
          // Trace order is time order; a message's later hops follow its first by 1 ms each.
          const hops = msgs.flatMap((x, k) =>
            Array.from({ length: x.hops }, (_, h) => ({ ...x, k, t: x.t + h * 1000 })),
          );
          hops.sort((a, c) => a.t - c.t);
          for (const h of hops)
            b.tx(
              h.t,
              'mag1',
              'lma1',
              h.heartbeat ? heartbeat(MAG1, LMAA, h.k) : pbu(MAG1, LMAA, h.k, `mn${h.mn}@example.com`, 1),
              500,
              1000 + h.k,
            );
          const model = buildMetrics(b.entries);
          for (const clock of clocks)
            expect(figures(loadNow(model, clock, duration))).toEqual(figures(loadAt(model, clock, duration)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('summarise and histogram', () => {
  it('gives count, mean, median, min and max', () => {
    expect(summarise([4, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, median: 2.5, min: 1, max: 4 });
    expect(summarise([5, 1, 3])).toEqual({ count: 3, mean: 3, median: 3, min: 1, max: 5 });
    expect(summarise([])).toBeNull();
  });

  it('counts each distinct value', () => {
    expect(histogram([2, 0, 2, 4, 0, 2])).toEqual([
      [0, 2],
      [2, 3],
      [4, 1],
    ]);
  });
});
