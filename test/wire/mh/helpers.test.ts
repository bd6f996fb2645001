/** Timestamp helpers, flag tables, named tables and the text forms used by the representations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIPv6 } from '../../../src/sim/wire/addr';
import {
  ACCESS_TECHNOLOGY_TYPE,
  ACCESS_TECHNOLOGY_TYPE_NAMES,
  BA_FLAG_BITS,
  BA_STATUS,
  BA_STATUS_NAMES,
  BINDING_ERROR_STATUS,
  BINDING_ERROR_STATUS_NAMES,
  IPV4_HOA_REPLY_STATUS,
  IPV4_HOA_REPLY_STATUS_NAMES,
  baFlagsValue,
  BR_FLAG_BITS,
  BRA_STATUS,
  BRA_STATUS_NAMES,
  brFlagsValue,
  BU_FLAG_BITS,
  buFlagsValue,
  compareTimestamps,
  HACK_CODE,
  HACK_CODE_NAMES,
  HACK_FLAG_BITS,
  hackFlagsValue,
  HANDOFF_INDICATOR,
  HANDOFF_INDICATOR_NAMES,
  HEARTBEAT_FLAG_BITS,
  heartbeatFlagsValue,
  HI_FLAG_BITS,
  hiFlagsValue,
  LRA_FLAG_BITS,
  lraFlagsValue,
  MH_TYPE,
  MH_TYPE_NAMES,
  OPTION_TYPE,
  OPTION_TYPE_NAMES,
  readBaFlags,
  readBrFlags,
  readBuFlags,
  readFlags,
  readHackFlags,
  readHeartbeatFlags,
  readHiFlags,
  readLraFlags,
  readUpnFlags,
  REVOCATION_TRIGGER,
  REVOCATION_TRIGGER_NAMES,
  timestampFromMicros,
  timestampToMicros,
  UPA_STATUS,
  UPA_STATUS_NAMES,
  UPN_FLAG_BITS,
  UPN_REASON,
  UPN_REASON_NAMES,
  upnFlagsValue,
  type FlagBit,
} from '../../../src/sim/wire/mh';
import { colonHex, ipv6Text, utf8Text, writeColonHex, writeUtf8 } from '../../../src/sim/wire/mh/text';

const EPOCH_2024 = 1704067200;

describe('timestamps (RFC 5213 §8.8: 48-bit seconds + 1/65536 fraction, not NTP)', () => {
  it('simulated 0.5 s after 2024-01-01T00:00:00Z is the golden value (seconds 0x659200 80, fraction 0x8000)', () => {
    expect(timestampFromMicros(EPOCH_2024, 500_000)).toEqual({ seconds: 1704067200, fraction: 0x8000 });
  });

  it('whole seconds carry over and the fraction is truncated', () => {
    expect(timestampFromMicros(EPOCH_2024, 600_000_000)).toEqual({ seconds: 1704067800, fraction: 0 });
    expect(timestampFromMicros(0, 1)).toEqual({ seconds: 0, fraction: 0 }); // 1 µs = 0.065 units
    expect(timestampFromMicros(0, 16)).toEqual({ seconds: 0, fraction: 1 }); // 16 µs = 1.048 units
  });

  it('timestampToMicros inverts timestampFromMicros to within one fraction unit (≈15.3 µs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (us) => {
        const back = timestampToMicros(timestampFromMicros(EPOCH_2024, us), EPOCH_2024);
        expect(Math.abs(back - us)).toBeLessThanOrEqual(16);
      }),
      { seed: 1, numRuns: 2000 },
    );
  });

  it('compareTimestamps orders by seconds, then fraction', () => {
    expect(compareTimestamps({ seconds: 5, fraction: 0 }, { seconds: 4, fraction: 65535 })).toBe(1);
    expect(compareTimestamps({ seconds: 5, fraction: 1 }, { seconds: 5, fraction: 2 })).toBe(-1);
    expect(compareTimestamps({ seconds: 5, fraction: 2 }, { seconds: 5, fraction: 2 })).toBe(0);
  });
});

describe('flag tables agree with the literal readers and writers', () => {
  const cases: [string, readonly FlagBit<string>[], (v: number) => object, (f: never) => number][] = [
    ['BU', BU_FLAG_BITS, readBuFlags, buFlagsValue],
    ['BA', BA_FLAG_BITS, readBaFlags, baFlagsValue],
    ['Heartbeat', HEARTBEAT_FLAG_BITS, readHeartbeatFlags, heartbeatFlagsValue],
    ['HI', HI_FLAG_BITS, readHiFlags, hiFlagsValue],
    ['HAck', HACK_FLAG_BITS, readHackFlags, hackFlagsValue],
    ['BRI/BRA', BR_FLAG_BITS, readBrFlags, brFlagsValue],
    ['LRA', LRA_FLAG_BITS, readLraFlags, lraFlagsValue],
    ['UPN', UPN_FLAG_BITS, readUpnFlags, upnFlagsValue],
  ];
  it.each(cases)(
    '%s: each bit alone reads back as its letter only, and writes back to its mask',
    (_n, bits, read, write) => {
      for (const b of bits) {
        const flags = read(b.mask);
        expect(flags).toEqual(readFlags(b.mask, bits));
        expect(
          Object.entries(flags)
            .filter(([, v]) => v)
            .map(([k]) => k),
        ).toEqual([b.letter]);
        expect(write(flags as never)).toBe(b.mask);
      }
      expect(read(0xffff)).toEqual(readFlags(0xffff, bits));
    },
  );

  it('the BU masks are those of the digest §2.3 table (A 0x8000 … D 0x0010)', () => {
    expect(BU_FLAG_BITS.map((b) => `${b.letter}${b.mask.toString(16)}`).join(' ')).toBe(
      'A8000 H4000 L2000 K1000 M800 R400 P200 F100 T80 B40 S20 D10',
    );
    expect(BA_FLAG_BITS.map((b) => `${b.letter}${b.mask.toString(16)}`).join(' ')).toBe(
      'K80 R40 P20 T10 B8 S4 D2',
    );
  });
});

describe('named tables', () => {
  it.each([
    ['MH_TYPE', MH_TYPE, MH_TYPE_NAMES],
    ['OPTION_TYPE', OPTION_TYPE, OPTION_TYPE_NAMES],
    ['BA_STATUS', BA_STATUS, BA_STATUS_NAMES],
    ['HANDOFF_INDICATOR', HANDOFF_INDICATOR, HANDOFF_INDICATOR_NAMES],
    ['ACCESS_TECHNOLOGY_TYPE', ACCESS_TECHNOLOGY_TYPE, ACCESS_TECHNOLOGY_TYPE_NAMES],
    ['REVOCATION_TRIGGER', REVOCATION_TRIGGER, REVOCATION_TRIGGER_NAMES],
    ['BRA_STATUS', BRA_STATUS, BRA_STATUS_NAMES],
    ['HACK_CODE', HACK_CODE, HACK_CODE_NAMES],
    ['UPN_REASON', UPN_REASON, UPN_REASON_NAMES],
    ['UPA_STATUS', UPA_STATUS, UPA_STATUS_NAMES],
    ['BINDING_ERROR_STATUS', BINDING_ERROR_STATUS, BINDING_ERROR_STATUS_NAMES],
    ['IPV4_HOA_REPLY_STATUS', IPV4_HOA_REPLY_STATUS, IPV4_HOA_REPLY_STATUS_NAMES],
  ] as [string, Record<string, number>, Record<number, string>][])(
    'every %s constant has a display name',
    (_n, codes, names) => {
      for (const v of Object.values(codes)) expect(names[v]).toBeTypeOf('string');
    },
  );

  it('the RFC 5213 status block is 152–162 and 151 is not PMIPv6 (digest §0 item 3)', () => {
    expect(BA_STATUS_NAMES[151]).toBe('SERVICE_AUTHORIZATION_FAILED');
    expect([152, 156, 157, 160, 162].map((c) => BA_STATUS_NAMES[c])).toEqual([
      'PROXY_REG_NOT_ENABLED',
      'TIMESTAMP_MISMATCH',
      'TIMESTAMP_LOWER_THAN_PREV_ACCEPTED',
      'MISSING_MN_IDENTIFIER_OPTION',
      'MISSING_ACCESS_TECH_TYPE_OPTION',
    ]);
    for (let c = 128; c <= 175; c++) expect(BA_STATUS_NAMES[c]).toBeTypeOf('string');
  });

  it('Handoff Indicator 6 exists (RFC 7864) and ATT 4 is 802.11', () => {
    expect(HANDOFF_INDICATOR_NAMES[6]).toBe('Attachment over a new interface sharing prefixes');
    expect(ACCESS_TECHNOLOGY_TYPE_NAMES[ACCESS_TECHNOLOGY_TYPE.IEEE_802_11]).toBe('IEEE 802.11a/b/g');
  });
});

describe('text forms', () => {
  it('ipv6Text equals addr.formatIPv6 for any 16 octets, and repeats give the same string', () => {
    const words = fc.array(
      fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })),
      { minLength: 8, maxLength: 8 },
    );
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 7 }), (w, off) => {
        const b = new Uint8Array(off + 16);
        w.forEach((x, i) => b.set([x >> 8, x & 0xff], off + 2 * i));
        expect(ipv6Text(b, off)).toBe(formatIPv6(b, off));
        expect(ipv6Text(Uint8Array.from(b), off)).toBe(formatIPv6(b, off));
      }),
      { seed: 3, numRuns: 3000 },
    );
  });

  it('colon hex round-trips and rejects malformed text', () => {
    const buf = new Uint8Array(16);
    expect(writeColonHex('00:1A:22:33:44:ff', buf, 0, 16)).toBe(6);
    expect(colonHex(buf, 0, 6)).toBe('00:1a:22:33:44:ff');
    expect(writeColonHex('', buf, 0, 16)).toBe(0);
    for (const bad of ['0:11', '00-11', '00:11:', '001:1', 'zz', '00:11:22'.repeat(1) + ':4'])
      expect(writeColonHex(bad, buf, 0, 16)).toBe(-1);
    expect(writeColonHex('00:11:22', buf, 0, 2)).toBe(-1);
  });

  it('UTF-8 identifiers: ASCII and non-ASCII round-trip; invalid octets become U+FFFD', () => {
    const buf = new Uint8Array(64);
    for (const s of ['mn1@example.com', 'müller@exämple.org', '']) {
      const n = writeUtf8(s, buf, 0, 64);
      expect(utf8Text(buf, 0, n)).toBe(s);
    }
    expect(writeUtf8('a'.repeat(65), buf, 0, 64)).toBe(-1);
    expect(utf8Text(Uint8Array.of(0x61, 0xff, 0x62), 0, 3)).toBe('a\ufffdb');
  });
});
