/**
 * What a parse refuses (typed errors naming field and offset) and what it reports as data for the
 * receiver to decide (RFC 6275 §9.2: bad checksum → silent discard; Payload Proto ≠ 59 → ICMP Parameter
 * Problem). Offsets are offsets in the buffer handed in, so the MH here starts at 40.
 */
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/sim/wire/bytes';
import { buFlags, emitMobility, parseMobility, type MobilityMessage } from '../../../src/sim/wire/mh';
import { golden, LMA, MAG } from './fixtures';

const pbu = golden('pbu_initial');
const copy = () => Uint8Array.from(pbu.packet);
const parsePbu = (b: Uint8Array, length = b.length - 40) => parseMobility(b, 40, length, MAG, LMA);

function error(b: Uint8Array, length?: number) {
  const r = parsePbu(b, length);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('structural errors', () => {
  it('Header Len that disagrees with the octets handed in → error at Header Len', () => {
    const b = copy();
    b[41] = 9;
    expect(error(b)).toEqual({
      layer: 'mh',
      field: 'headerLen',
      offset: 41,
      message: 'Header Len 9 means 80 octets, but the packet carries 88 (RFC 6275 §6.1.1)',
    });
  });

  it('a length that is not what Header Len says (trailing octets) → error at Header Len', () => {
    const e = error(Uint8Array.of(...pbu.packet, 0, 0, 0, 0, 0, 0, 0, 0), 96);
    expect([e.field, e.offset]).toEqual(['headerLen', 41]);
  });

  it('fewer than 8 octets → length error', () => {
    const e = parseMobility(pbu.packet, 40, 6, MAG, LMA);
    expect(!e.ok && [e.error.field, e.error.offset]).toEqual(['length', 40]);
  });

  it('a range outside the buffer → length error, no throw', () => {
    for (const [off, len] of [
      [120, 16],
      [-1, 8],
      [0, 1000],
      [NaN, 8],
    ]) {
      const r = parseMobility(pbu.packet, off, len, MAG, LMA);
      expect(!r.ok && r.error.field).toBe('length');
      expect(!r.ok && Number.isInteger(r.error.offset) && r.error.offset >= 0 && r.error.offset <= 128).toBe(
        true,
      );
    }
  });

  it('Header Len too small for the message (RFC 6275 §9.2: BU with Header Len 0)', () => {
    const bu = fromHex('3b0005000000000182000384'.slice(0, 16)); // 8 octets: common header + 2 octets
    const r = parseMobility(bu, 0, 8, MAG, LMA);
    expect(!r.ok && r.error).toEqual({
      layer: 'mh',
      field: 'headerLen',
      offset: 1,
      message: 'Header Len 0 is too small for a Binding Update (RFC 6275 §9.2)',
    });
  });

  it('an option whose Length runs past the end → error at that Length octet', () => {
    const b = copy();
    b[125] = 3; // the tail PadN at MH+84 now claims 5 octets, 1 more than remain
    expect(error(b)).toEqual({
      layer: 'mh',
      field: 'options[6].length',
      offset: 125,
      message: 'PadN option Length 3 runs past the end of the Mobility Header (2 octets left)',
    });
  });

  it('an option Type in the last octet with no Length → error at the Type octet', () => {
    const b = copy();
    b.set([0, 0, 0, 22], 124); // Pad1 ×3 then a lone HNP Type octet at MH+87
    expect(error(b)).toMatchObject({ field: 'options[6].length', offset: 127 });
  });

  it('a known option with the wrong Length → error naming the option and its Length octet', () => {
    const b = copy();
    b[97] = 1; // MN LL-ID Length 1 < 2 reserved octets
    b.set([1, 5, 0, 0, 0, 0, 0], 99); // keep the TLV chain intact after it
    expect(error(b)).toEqual({
      layer: 'mh',
      field: 'options[2].length',
      offset: 97,
      message: 'MN Link-layer Identifier option Length must be at least 2, not 1',
    });
  });

  it('HNP with Prefix Length > 128 → error at Prefix Length', () => {
    const b = copy();
    b[79] = 129;
    expect(error(b)).toMatchObject({ field: 'options[1].prefixLength', offset: 79 });
  });

  it('endpoints that are not addresses → typed error, no throw', () => {
    const r = parseMobility(pbu.packet, 40, 88, 'not-an-address', LMA);
    expect(!r.ok && [r.error.field, r.error.offset]).toEqual(['checksum', 44]);
  });
});

describe('facts reported as data (the receiver decides, RFC 6275 §9.2)', () => {
  it('a wrong checksum parses, with checksumValid false', () => {
    const b = copy();
    b[45] ^= 1;
    const r = parsePbu(b);
    expect(r.ok && [r.value.checksum, r.value.checksumValid]).toEqual([0x6e23, false]);
  });

  it('a checksum computed for other endpoints is invalid (swapping them would not show: the sum commutes)', () => {
    const r = parseMobility(pbu.packet, 40, 88, MAG, '2001:db8:ffff::3');
    expect(r.ok && r.value.checksumValid).toBe(false);
  });

  it('Payload Proto ≠ 59 parses and is reported', () => {
    const m: MobilityMessage = {
      type: 'binding-update',
      mhType: 5,
      sequence: 1,
      flags: buFlags('A', 'P'),
      lifetime: 1,
      options: [],
    };
    const mh = emitMobility(m, MAG, LMA, { payloadProto: 6 });
    const r = parseMobility(mh, 0, mh.length, MAG, LMA);
    expect(r.ok && [r.value.payloadProto, r.value.checksumValid]).toEqual([6, true]);
  });

  it('over IPv4 transport a non-zero MH checksum is invalid (RFC 5844 §4.1.3.2)', () => {
    const m: MobilityMessage = {
      type: 'heartbeat',
      mhType: 13,
      flags: { U: false, R: false },
      sequence: 1,
      options: [],
    };
    const mh = emitMobility(m, MAG, LMA); // checksum computed for IPv6
    const r = parseMobility(mh, 0, mh.length, '192.0.2.2', '192.0.2.1');
    expect(r.ok && r.value.checksumValid).toBe(false);
  });

  it('non-zero padding contents are accepted (receivers ignore them)', () => {
    const b = copy();
    b[72] = 0xaa; // inside the PadN at MH+30
    const r = parsePbu(b);
    expect(r.ok && r.value.checksumValid).toBe(false);
    expect(r.ok && r.value.type).toBe('binding-update');
  });
});

describe('emit refuses representations that cannot be encoded', () => {
  const base: MobilityMessage = {
    type: 'binding-update',
    mhType: 5,
    sequence: 1,
    flags: buFlags('A', 'P'),
    lifetime: 1,
    options: [],
  };
  it.each([
    ['sequence 65536', { ...base, sequence: 65536 }],
    ['fractional lifetime', { ...base, lifetime: 1.5 }],
    [
      'HNP prefix that is not an address',
      { ...base, options: [{ type: 'hnp', prefix: '2001:db8::zz', prefixLength: 64, offLink: false }] },
    ],
    [
      'HNP prefix length 129',
      { ...base, options: [{ type: 'hnp', prefix: '::', prefixLength: 129, offLink: false }] },
    ],
    ['an NAI of 255 octets', { ...base, options: [{ type: 'mn-id', subtype: 1, id: 'a'.repeat(255) }] }],
    ['a MAC with a bad octet', { ...base, options: [{ type: 'mn-link-layer-id', id: '00:11:22:33:44:5g' }] }],
    [
      'IPv4 text in an IPv6 field',
      { ...base, options: [{ type: 'link-local-address', address: '192.0.2.1' }] },
    ],
    ['mismatched type and mhType', { ...base, mhType: 6 }],
    [
      'options longer than 2048 octets',
      {
        ...base,
        options: Array.from({ length: 9 }, () => ({
          type: 'vendor-specific',
          vendorId: 1,
          subtype: 1,
          data: new Uint8Array(250),
        })),
      },
    ],
  ] as [string, MobilityMessage][])('%s → RangeError', (_what, m) => {
    expect(() => emitMobility(m, MAG, LMA)).toThrow(RangeError);
  });

  it('a computed checksum over IPv4 endpoints → RangeError', () => {
    expect(() => emitMobility(base, '192.0.2.1', '192.0.2.2', { checksum: 'compute' })).toThrow(RangeError);
  });

  it("checksum: 'zero' leaves it 0 even between IPv6 endpoints", () => {
    const mh = emitMobility(base, MAG, LMA, { checksum: 'zero' });
    expect([mh[4], mh[5]]).toEqual([0, 0]);
  });
});
