/**
 * Unknown options and unknown MH Types survive a round trip (RFC 6275 §6.2.1: a receiver skips unknown
 * options; §9.2: an unknown MH Type is answered with Binding Error status 2, so it must still be read).
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import {
  buFlags,
  emitMobility,
  findOption,
  parseMobility,
  type MobilityMessage,
} from '../../../src/sim/wire/mh';
import { LMA, MAG, withoutHeaderInfo } from './fixtures';

describe('unknown mobility options', () => {
  // A PBU with a vendor-less unknown option 200 (3 data octets) between MN-ID and HI.
  const pbu: MobilityMessage = {
    type: 'binding-update',
    mhType: 5,
    sequence: 4,
    flags: buFlags('A', 'P'),
    lifetime: 10,
    options: [
      { type: 'mn-id', subtype: 1, id: 'mn' },
      { type: 'unknown', optType: 200, data: Uint8Array.of(0xde, 0xad, 0xbf) },
      { type: 'handoff-indicator', value: 5 },
    ],
  };

  it('are emitted verbatim where the sender put them, with no alignment', () => {
    const mh = emitMobility(pbu, MAG, LMA);
    // MN-ID 08 03 01 'm' 'n' at 12..16, option 200 at 17..21, HI at 22..25, PadN(6) to 32.
    expect(toHex(mh.subarray(12))).toBe('080301' + '6d6e' + 'c803deadbf' + '17020005' + '010400000000');
  });

  it('parse back to the same entry, and the known options around them still decode', () => {
    const mh = emitMobility(pbu, MAG, LMA);
    const parsed = parseMobility(mh, 0, mh.length, MAG, LMA);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(withoutHeaderInfo(parsed.value)).toEqual(pbu);
    expect(findOption(parsed.value, 'handoff-indicator')?.value).toBe(5);
  });

  it("cannot be Pad1 or PadN: padding is the encoder's business", () => {
    for (const optType of [0, 1])
      expect(() =>
        emitMobility({ ...pbu, options: [{ type: 'unknown', optType, data: new Uint8Array(0) }] }, MAG, LMA),
      ).toThrow(RangeError);
  });
});

describe('unknown MH Types', () => {
  it('MH type 42 keeps everything after the common header', () => {
    const msg: MobilityMessage = { type: 'unknown', mhType: 42, data: fromHex('0102030405060708090a') };
    const mh = emitMobility(msg, MAG, LMA);
    expect(mh.length).toBe(16);
    expect(mh[2]).toBe(42);
    const parsed = parseMobility(mh, 0, mh.length, MAG, LMA);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(withoutHeaderInfo(parsed.value)).toEqual(msg);
    expect(parsed.value.checksumValid).toBe(true);
  });

  it('short data is zero-filled to the 8-octet multiple (as Pad1s would be)', () => {
    const mh = emitMobility({ type: 'unknown', mhType: 99, data: Uint8Array.of(7) }, MAG, LMA);
    expect(toHex(mh.subarray(6))).toBe('0700');
  });

  it('a Binding Revocation with B.R. Type 0 (reserved) is an unknown message of type 16', () => {
    const data = fromHex('00010005800000000102' + '0000');
    const mh = emitMobility({ type: 'unknown', mhType: 16, data: data.subarray(0, 10) }, LMA, MAG);
    const parsed = parseMobility(mh, 0, mh.length, LMA, MAG);
    expect(parsed.ok && parsed.value.type).toBe('unknown');
    expect(parsed.ok && parsed.value.mhType).toBe(16);
  });

  it('B.R. Type 1 and 2 decode as BRI and BRA', () => {
    const bri = emitMobility(
      {
        type: 'binding-revocation-indication',
        mhType: 16,
        trigger: 2,
        sequence: 9,
        flags: { P: true, V: false, G: false },
        options: [],
      },
      LMA,
      MAG,
    );
    expect(toHex(bri.subarray(6, 12))).toBe('010200098000');
    const bra = emitMobility(
      {
        type: 'binding-revocation-ack',
        mhType: 16,
        status: 132,
        sequence: 9,
        flags: { P: true, V: false, G: true },
        options: [],
      },
      MAG,
      LMA,
    );
    expect(toHex(bra.subarray(6, 12))).toBe('02840009a000');
    const p1 = parseMobility(bri, 0, bri.length, LMA, MAG);
    const p2 = parseMobility(bra, 0, bra.length, MAG, LMA);
    expect(p1.ok && p1.value.type).toBe('binding-revocation-indication');
    expect(p2.ok && p2.value.type === 'binding-revocation-ack' && p2.value.status).toBe(132);
  });
});
