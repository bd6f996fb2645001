/**
 * Round-trip properties over arbitrary messages (fast-check, fixed seeds): parse(emit(m)) = m, and
 * emit(parse(x)) = x for every emitted x, over IPv6 (checksum computed) and IPv4/UDP transport (checksum 0).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, toHex } from '../../../src/sim/wire/bytes';
import { emitMobility, parseMobility, type MobilityMessage } from '../../../src/sim/wire/mh';
import { message } from './arbitraries';
import { LMA, MAG, withoutHeaderInfo } from './fixtures';

const RUNS = { seed: 20240101, numRuns: 3000 };

describe('round trip over IPv6 (RFC 6275 §6.1.1 checksum)', () => {
  it('parse(emit(m)) gives m back, with a valid checksum and Payload Proto 59', () => {
    fc.assert(
      fc.property(message, (m) => {
        const mh = emitMobility(m, MAG, LMA);
        const parsed = parseMobility(mh, 0, mh.length, MAG, LMA);
        if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
        expect(withoutHeaderInfo(parsed.value)).toEqual(m);
        expect(parsed.value.checksumValid).toBe(true);
        expect(parsed.value.payloadProto).toBe(59);
        expect(parsed.value.headerLen).toBe(mh.length / 8 - 1);
      }),
      RUNS,
    );
  });

  it('emit(parse(x)) = x for every emitted x', () => {
    fc.assert(
      fc.property(message, (m) => {
        const x = emitMobility(m, MAG, LMA);
        const parsed = parseMobility(x, 0, x.length, MAG, LMA);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const again = emitMobility(parsed.value, MAG, LMA);
        if (!bytesEqual(again, x)) expect(toHex(again)).toBe(toHex(x));
      }),
      RUNS,
    );
  });

  it('parses a message embedded at an offset of a larger buffer', () => {
    fc.assert(
      fc.property(
        message,
        fc.uint8Array({ maxLength: 50 }),
        fc.uint8Array({ maxLength: 20 }),
        (m, before, after) => {
          const mh = emitMobility(m, LMA, MAG);
          const buf = Uint8Array.of(...before, ...mh, ...after);
          const parsed = parseMobility(buf, before.length, mh.length, LMA, MAG);
          expect(parsed.ok && withoutHeaderInfo(parsed.value)).toEqual(m);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('round trip over IPv4/UDP transport (RFC 5844 §4: MH checksum 0)', () => {
  it('IPv4 endpoints give checksum 0, which parses as valid', () => {
    fc.assert(
      fc.property(message, (m: MobilityMessage) => {
        const mh = emitMobility(m, '192.0.2.2', '192.0.2.1');
        expect([mh[4], mh[5]]).toEqual([0, 0]);
        const parsed = parseMobility(mh, 0, mh.length, '192.0.2.2', '192.0.2.1');
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(parsed.value.checksumValid).toBe(true);
        expect(withoutHeaderInfo(parsed.value)).toEqual(m);
      }),
      { seed: 5844, numRuns: 500 },
    );
  });
});
