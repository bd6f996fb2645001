import { describe, expect, it } from 'vitest';
import {
  MINUTE,
  bindingCacheSize,
  mnIdOf,
  mobilityMessageOf,
  signallingLoad,
} from '../../src/sim/analysis/signalling-load';
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
  tunnel,
} from '../panels/fixtures/trace-builder';

// Sizes of the fixture packets (IPv6 header + Mobility Header): PBU 40 + 64, PBA 40 + 56, heartbeat 40 + 16.
const PBU = 104;
const PBA = 96;
const HB = 56;

function twoMinutes(): TraceBuilder {
  const b = new TraceBuilder();
  // mn1 registers through a router: one message, two hops.
  const first = b.tx(1_000_000, 'mag1', 'r1', pbu(MAG1, LMAA, 1, MN_ID, 1), 5_000);
  b.tx(1_005_000, 'r1', 'lma1', first.bytes, 5_000, first.pid);
  b.tx(1_010_000, 'lma1', 'mag1', pba(LMAA, MAG1, 1, MN_ID), 10_000);
  b.tx(30_000_000, 'mag1', 'lma1', ping(CN, MN_ADDR, 1), 10_000); // data: not signalling
  b.tx(61_000_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 1, 'mn2@example.com', 1), 10_000);
  b.tx(61_010_000, 'lma1', 'mag2', pba(LMAA, MAG2, 1, 'mn2@example.com'), 10_000);
  b.tx(90_000_000, 'mag1', 'lma1', heartbeat(MAG1, LMAA, 1), 10_000);
  return b;
}

describe('signallingLoad', () => {
  it('counts messages once at their first hop, by minute and by MN-Identifier', () => {
    const load = signallingLoad(twoMinutes().entries, { end: 2 * MINUTE });
    expect(load.messages).toBe(5);
    expect(load.bytes).toBe(2 * PBU + 2 * PBA + HB);
    expect(load.hops).toBe(6);
    expect(load.hopBytes).toBe(3 * PBU + 2 * PBA + HB);
    expect(load.buckets).toEqual([
      { start: 0, messages: 2, bytes: PBU + PBA },
      { start: MINUTE, messages: 3, bytes: PBU + PBA + HB },
    ]);
    expect(load.perMn).toEqual([
      { mnId: MN_ID, messages: 2, bytes: PBU + PBA },
      { mnId: 'mn2@example.com', messages: 2, bytes: PBU + PBA },
    ]);
    expect(load.unattributed).toEqual({ messages: 1, bytes: HB });
    // 5 messages / 2 MNs / 2 minutes.
    expect(load.perMnPerMinute).toEqual({ messages: 1.25, bytes: (2 * PBU + 2 * PBA + HB) / 4 });
  });

  it('takes the span from the last entry when no end is given, and has no rate without an MN', () => {
    const b = new TraceBuilder();
    b.tx(30_000_000, 'mag1', 'lma1', heartbeat(MAG1, LMAA, 1), 10_000);
    const load = signallingLoad(b.entries, { bucket: 10_000_000 });
    expect(load.span).toBe(30_000_000);
    expect(load.buckets.map((x) => x.messages)).toEqual([0, 0, 0, 1]);
    expect(load.perMnPerMinute).toBeNull();
  });

  it('is all zeros for an empty trace', () => {
    const load = signallingLoad([]);
    expect(load).toMatchObject({ messages: 0, bytes: 0, hops: 0, span: 0, perMn: [], perMnPerMinute: null });
    expect(load.buckets).toEqual([{ start: 0, messages: 0, bytes: 0 }]);
  });
});

describe('mobilityMessageOf / mnIdOf', () => {
  it('finds the Mobility Header of a PBU and its MN-ID', () => {
    const msg = mobilityMessageOf(pbu(MAG1, LMAA, 9, MN_ID, 3));
    expect(msg?.type).toBe('binding-update');
    expect(msg?.type === 'binding-update' && msg.sequence).toBe(9);
    expect(mnIdOf(pba(LMAA, MAG1, 9, 'x@y'))).toBe('x@y');
  });

  it('returns null for data, tunnels and garbage', () => {
    expect(mobilityMessageOf(ping(CN, MN_ADDR, 1))).toBeNull();
    expect(mobilityMessageOf(tunnel(LMAA, MAG1, pbu(MAG1, LMAA, 1, MN_ID, 1)))).toBeNull();
    expect(mobilityMessageOf(new Uint8Array(3))).toBeNull();
    const cut = pbu(MAG1, LMAA, 1, MN_ID, 1).slice(0, 60);
    expect(mnIdOf(cut)).toBeNull();
    expect(mnIdOf(heartbeat(MAG1, LMAA, 1))).toBeNull();
  });
});

describe('bindingCacheSize', () => {
  it('steps at adds and deletes, not at updates', () => {
    const b = new TraceBuilder();
    b.table(1, 'lma1', 'bce', 'a', { mnId: 'a' });
    b.table(2, 'lma1', 'bce', 'b', { mnId: 'b' });
    b.table(3, 'lma1', 'bce', 'a', { mnId: 'a', seq: 2 }, 'update');
    b.table(4, 'lma2', 'bce', 'c', { mnId: 'c' });
    b.table(5, 'lma1', 'bce', 'a', null);
    b.table(6, 'mag1', 'bul', 'x', { mnId: 'x' });
    expect(bindingCacheSize(b.entries)).toEqual([
      {
        node: 'lma1',
        points: [
          { t: 1, size: 1, id: 0 },
          { t: 2, size: 2, id: 1 },
          { t: 5, size: 1, id: 4 },
        ],
      },
      { node: 'lma2', points: [{ t: 4, size: 1, id: 3 }] },
    ]);
  });
});
