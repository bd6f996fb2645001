import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentLib as lib } from '../../src/sim/agents/host/lib';
import { lifetimeUnits, timestampToUs, usToTimestamp } from '../../src/sim/agents/host/mh-convert';

describe('ctx.lib', () => {
  it('seqGreater compares modulo 2^16 with a 32 768-wide "not greater" window (RFC 6275 §9.5.1)', () => {
    expect(lib.seqGreater(2, 1)).toBe(true);
    expect(lib.seqGreater(1, 1)).toBe(false);
    expect(lib.seqGreater(1, 2)).toBe(false);
    expect(lib.seqGreater(0, 65535)).toBe(true); // wrap-around
    expect(lib.seqGreater(32768 + 5, 5)).toBe(false); // exactly half way round counts as not greater
    expect(lib.seqGreater(32767 + 5, 5)).toBe(true);
    expect(lib.seqNext(65535)).toBe(0);
  });

  it('formats timestamps and durations without Date', () => {
    expect(lib.formatTimestamp(1_704_067_200_500_000)).toBe('2024-01-01T00:00:00.500Z');
    expect(lib.formatTimestamp(951_782_400_000_000)).toBe('2000-02-29T00:00:00.000Z');
    expect(lib.formatDuration(1_500_000)).toBe('1.500 s');
  });

  it('compares prefixes and prefix sets', () => {
    const a = { prefix: '2001:db8:1:1::', length: 64 };
    const b = { prefix: '2001:db8:1:2::', length: 64 };
    expect(lib.prefixSetEquals([a, b], [b, a])).toBe(true);
    expect(lib.prefixSetEquals([a], [a, b])).toBe(false);
    expect(lib.prefixEquals(a, { ...a, length: 48 })).toBe(false);
    expect(lib.isAllZeroPrefix(lib.ALL_ZERO_PREFIX)).toBe(true);
    expect(lib.prefixContains(a, '2001:db8:1:1:211:22ff:fe33:4455')).toBe(true);
    expect(lib.parsePrefix('2001:db8:1:1::/64')).toEqual(a);
    expect(lib.formatPrefix(b)).toBe('2001:db8:1:2::/64');
  });

  it('names status codes, handoff indicators and access technologies', () => {
    expect(lib.statusName(lib.STATUS.MISSING_MN_IDENTIFIER_OPTION)).toBe(
      'MISSING_MN_IDENTIFIER_OPTION (160)',
    );
    expect(lib.hiName(lib.HI.NOT_CHANGED)).toBe('handoff state not changed (re-registration) (5)');
    expect(lib.attName(lib.ATT.WLAN)).toBe('IEEE 802.11a/b/g (4)');
    expect(lib.statusName(7)).toBe('7');
    expect(lib.BU.A | lib.BU.P).toBe(0x8200);
  });
});

describe('agent units ↔ wire units', () => {
  it('a timestamp that came off the wire survives µs and back exactly (RFC 5213 §8.8)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 33 }),
        fc.integer({ min: 0, max: 0xffff }),
        (seconds, fraction) => {
          expect(usToTimestamp(timestampToUs(seconds, fraction))).toEqual({ seconds, fraction });
        },
      ),
    );
    expect(usToTimestamp(1_704_067_200_500_000)).toEqual({ seconds: 1_704_067_200, fraction: 0x8000 });
  });

  it('µs timestamps keep their order on the wire', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 0, max: 2 ** 50 }), (a, b) => {
        const [x, y] = [usToTimestamp(a), usToTimestamp(b)].map((t) => t.seconds * 65536 + t.fraction);
        if (a <= b) expect(x).toBeLessThanOrEqual(y);
      }),
    );
  });

  it('lifetimes go in 4-second units, rounded down and capped (RFC 6275 §6.1.7)', () => {
    expect(lifetimeUnits(3600)).toBe(900);
    expect(lifetimeUnits(7)).toBe(1);
    expect(lifetimeUnits(0)).toBe(0);
    expect(lifetimeUnits(10_000_000)).toBe(0xffff);
  });
});
