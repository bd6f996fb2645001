/**
 * Ordering of Proxy Binding Updates at the LMA — digest §6 behaviours 52–58 (RFC 5213 §5.5: timestamps with
 * TimestampValidityWindow and MobileNodeGeneratedTimestampInUse; without a Timestamp option, the RFC 6275
 * §9.5.1 sequence-number rule), against the real LMA agent (lma-harness.ts).
 *
 * Timestamps here are multiples of 1/64 s so that the 48.16 fixed point of the wire (RFC 5213 §8.8) carries
 * them exactly and an echo can be compared with ===.
 */
import { describe, expect, it } from 'vitest';
import { FIRST, LmaHarness, MS, SECOND, exact } from './lma-harness';

/** Time of day of the LMA when its last decision was taken (the PBA's "current time", RFC 5213 §5.5). */
function lmaClockAtLastDecision(h: LmaHarness): number {
  const d = h.decisions();
  return h.domain.clock('lma1') - (h.sim.now - d[d.length - 1].t);
}

/** RFC 5213 §8.8: the wire keeps 1/65536 s, so a time of day comes back within 16 µs. */
const WIRE_RESOLUTION = 16;

describe('Timestamps — RFC 5213 §5.5', () => {
  it('B52 a timestamp within ±300 ms of the LMA clock and newer than the last → accepted and echoed unchanged — RFC 5213 §5.5', () => {
    // mag1's clock runs 250 ms ahead of the LMA's: still inside TimestampValidityWindow.
    const h = new LmaHarness({ clockOffsets: { mag1: 250 * MS } });
    const ts = exact(h.clock(1));
    const pba = h.exchange(1, { timestamp: ts });
    expect(pba).toMatchObject({ status: 0, timestamp: ts });
    const ts2 = exact(h.clock(1));
    expect(h.exchange(1, { timestamp: ts2, hnps: [FIRST], hi: 5 })).toMatchObject({
      status: 0,
      timestamp: ts2,
    });
    expect(h.bce()[0][1].timestamp).toBe(ts2);
  });

  it("B53 a timestamp older than the last accepted one → PBA 157 carrying the LMA's current time — RFC 5213 §5.5", () => {
    const h = new LmaHarness();
    h.until(SECOND);
    const first = exact(h.clock(1));
    h.exchange(1, { timestamp: first });
    const older = first - 100 * MS;
    const pba = h.exchange(1, { timestamp: older, hnps: [FIRST], hi: 5 });
    expect(pba?.status).toBe(157);
    expect(pba?.timestamp).not.toBe(older);
    expect(Math.abs((pba?.timestamp as number) - lmaClockAtLastDecision(h))).toBeLessThan(WIRE_RESOLUTION);
    expect(h.bce()[0][1].timestamp).toBe(first);
  });

  it("B54 a timestamp more than 300 ms from the LMA clock → PBA 156 carrying the LMA's current time — RFC 5213 §5.5", () => {
    const h = new LmaHarness({ clockOffsets: { mag1: 400 * MS, mag2: -400 * MS } });
    for (const mag of [1, 2]) {
      const ts = exact(h.clock(mag));
      const pba = h.exchange(mag, { timestamp: ts });
      expect(pba?.status).toBe(156);
      expect(Math.abs((pba?.timestamp as number) - lmaClockAtLastDecision(h))).toBeLessThan(WIRE_RESOLUTION);
    }
    expect(h.bce()).toEqual([]);
  });

  it('B54 a timestamp equal to the last accepted one is not "greater" → 156 (the letter of RFC 5213 §5.5; digest appendix)', () => {
    const h = new LmaHarness();
    const ts = exact(h.clock(1));
    h.exchange(1, { timestamp: ts });
    expect(h.exchange(1, { timestamp: ts, hnps: [FIRST], hi: 5 })?.status).toBe(156);
  });

  it('B55 MobileNodeGeneratedTimestampInUse = 1 skips the window check but still enforces monotonicity — RFC 5213 §5.5', () => {
    const h = new LmaHarness({
      config: { mobileNodeGeneratedTimestampInUse: true },
      clockOffsets: { mag1: 5 * SECOND },
    });
    const ts = exact(h.clock(1));
    expect(h.exchange(1, { timestamp: ts })).toMatchObject({ status: 0, timestamp: ts });
    expect(h.exchange(1, { timestamp: ts - SECOND, hnps: [FIRST], hi: 5 })?.status).toBe(157);
    expect(h.exchange(1, { timestamp: ts + SECOND, hnps: [FIRST], hi: 5 })?.status).toBe(0);
  });

  it('B56 with a Timestamp present, an out-of-order Sequence # is not rejected and is echoed — RFC 5213 §5.5', () => {
    const h = new LmaHarness();
    expect(h.exchange(1, { seq: 100 })?.status).toBe(0);
    const pba = h.exchange(1, { seq: 50, hnps: [FIRST], hi: 5 });
    expect(pba).toMatchObject({ status: 0, seq: 50 });
    expect(h.bce()[0][1].seq).toBe(50);
  });
});

describe('Sequence numbers without a Timestamp — RFC 5213 §5.5, RFC 6275 §9.5.1', () => {
  const noTs = { timestamp: undefined };

  it('B57 Sequence # not greater than the stored one (mod 2^16, 32 768-wide window) → BA 135 with the last accepted number, never a Timestamp — RFC 5213 §5.5, RFC 6275 §9.5.1', () => {
    const h = new LmaHarness();
    h.exchange(1, { ...noTs, seq: 10 });
    const refresh = { ...noTs, hnps: [FIRST], hi: 5 };
    // 10 itself, 9, and 32778 = 10 − 32768 (mod 2^16) are "not greater"; 32777 = 10 + 32767 is the farthest greater one.
    for (const seq of [10, 9, 32778, 32777]) h.exchange(1, { ...refresh, seq });
    // Now 16000 (behind 32777) is "not greater", and 8 = 32777 + 32767 (mod 2^16) wraps around to greater.
    for (const seq of [16000, 8]) h.exchange(1, { ...refresh, seq });
    // Read the PBAs as the LMA sent them (a MAG's replay filter may drop a repeated, byte-identical 135).
    expect(h.sentBytes('PBA').map(statusAndSeq)).toEqual([
      [0, 10],
      [135, 10],
      [135, 10],
      [135, 10],
      [0, 32777],
      [135, 32777],
      [0, 8],
    ]);
    for (const b of h.sentBytes('PBA')) expect(hasOption(b, 27)).toBe(false);
    expect(h.bce()[0][1].seq).toBe(8);
  });

  it('B58 without a Timestamp and without a binding, any Sequence # is accepted — RFC 6275 §9.5.1', () => {
    const h = new LmaHarness({ policies: [{ mnId: 'mn1@example.com', lifetime: 8 }] });
    expect(h.exchange(1, { ...noTs, seq: 65535 })?.status).toBe(0);
    h.until(10 * SECOND);
    expect(h.bce()).toEqual([]);
    // The binding expired: a far lower number starts a new session.
    expect(h.exchange(1, { ...noTs, seq: 3 })).toMatchObject({ status: 0, seq: 3 });
  });
});

/** Status (MH+6) and Sequence # (MH+8) of a PBA packet with no extension headers. */
const statusAndSeq = (packet: Uint8Array): [number, number] => [packet[46], (packet[48] << 8) | packet[49]];

/** True when the PBA's mobility options (from MH offset 12) include an option of `type`. */
function hasOption(packet: Uint8Array, type: number): boolean {
  const mhLen = (packet[41] + 1) * 8;
  for (let off = 40 + 12; off < 40 + mhLen;) {
    if (packet[off] === 0) {
      off += 1;
      continue;
    }
    if (packet[off] === type) return true;
    off += 2 + packet[off + 1];
  }
  return false;
}
