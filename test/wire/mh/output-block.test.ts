/**
 * Emitted headers are views into shared 8 KB blocks (src/sim/wire/mh/output-block.ts): a result must never
 * change when later messages are emitted, across block boundaries too, and large results get their own buffer.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/sim/wire/bytes';
import { emitMobility, heartbeatFlags, type MobilityMessage } from '../../../src/sim/wire/mh';
import { GOLDEN, LMA, MAG, mhOf } from './fixtures';

describe('emitted results', () => {
  it('stay intact while 1,000 further messages (several blocks) are emitted', () => {
    const kept = Array.from({ length: 1000 }, (_, i) => {
      const v = GOLDEN[i % GOLDEN.length];
      return { v, bytes: emitMobility(v.message, v.src, v.dst) };
    });
    for (const { v, bytes } of kept) expect(toHex(bytes)).toBe(toHex(mhOf(v)));
    expect(new Set(kept.map((k) => k.bytes.buffer)).size).toBeGreaterThan(1);
  });

  it('are exactly as long as the header, whatever their byteOffset', () => {
    const a = emitMobility(GOLDEN[4].message, MAG, LMA);
    const b = emitMobility(GOLDEN[4].message, MAG, LMA);
    expect([a.length, b.length]).toEqual([16, 16]);
    expect(a.buffer === b.buffer ? b.byteOffset - a.byteOffset : 16).toBe(16);
  });

  it('over 1 KB get a buffer of their own', () => {
    const big: MobilityMessage = {
      type: 'heartbeat',
      mhType: 13,
      flags: heartbeatFlags('R'),
      sequence: 1,
      options: Array.from({ length: 5 }, () => ({
        type: 'vendor-specific',
        vendorId: 1,
        subtype: 1,
        data: new Uint8Array(240),
      })),
    };
    const mh = emitMobility(big, LMA, MAG);
    expect(mh.length).toBeGreaterThan(1024);
    expect([mh.byteOffset, mh.buffer.byteLength]).toEqual([0, mh.length]);
  });
});
