/**
 * Option alignment (RFC 6275 §6.2, digest §6 item 9): the encoder puts each option's Type octet at its
 * `xn+y` offset from the start of the MH with the least padding (Pad1 for one octet, PadN otherwise),
 * leaves unaligned options where they fall, and pads the header to a multiple of 8.
 */
import { describe, expect, it } from 'vitest';
import {
  buFlags,
  emitMobility,
  heartbeatFlags,
  optionAlignment,
  type MobilityMessage,
  type MobilityOption,
} from '../../../src/sim/wire/mh';
import { LMA, MAG } from './fixtures';
import { walkOptions } from './tlv-walk';

const ALIGNED: readonly { option: MobilityOption; code: number; x: number; y: number }[] = [
  {
    option: { type: 'hnp', prefix: '2001:db8:1:1::', prefixLength: 64, offLink: false },
    code: 22,
    x: 8,
    y: 4,
  },
  { option: { type: 'link-local-address', address: 'fe80::200:5eff:fe00:5213' }, code: 26, x: 8, y: 6 },
  { option: { type: 'alternate-coa', address: '2001:db8:ffff::9' }, code: 3, x: 8, y: 6 },
  { option: { type: 'timestamp', seconds: 1704067200, fraction: 0x8000 }, code: 27, x: 8, y: 2 },
  { option: { type: 'restart-counter', value: 7 }, code: 28, x: 4, y: 2 },
  {
    option: { type: 'vendor-specific', vendorId: 9, subtype: 1, data: Uint8Array.of(1, 2, 3) },
    code: 19,
    x: 4,
    y: 2,
  },
  { option: { type: 'gre-key', key: 0x01020304 }, code: 33, x: 4, y: 0 },
  { option: { type: 'gre-key', key: null }, code: 33, x: 4, y: 0 },
  { option: { type: 'ipv4-hoa-request', prefixLength: 24, address: '0.0.0.0' }, code: 36, x: 4, y: 0 },
  {
    option: { type: 'ipv4-hoa-reply', status: 0, prefixLength: 24, address: '192.0.2.10' },
    code: 37,
    x: 4,
    y: 0,
  },
  { option: { type: 'ipv4-default-router', address: '192.0.2.1' }, code: 38, x: 4, y: 0 },
  { option: { type: 'nat-detection', forceUdp: true, refreshTime: 110 }, code: 31, x: 4, y: 0 },
  { option: { type: 'ipv4-coa', address: '198.51.100.7' }, code: 32, x: 4, y: 0 },
];

/** A PBU whose options start with an MN-ID of `idLength` characters, so the next option starts at 15 + idLength. */
function pbuWith(idLength: number, ...rest: MobilityOption[]): MobilityMessage {
  const mnId: MobilityOption = { type: 'mn-id', subtype: 1, id: 'x'.repeat(idLength) };
  return {
    type: 'binding-update',
    mhType: 5,
    sequence: 1,
    flags: buFlags('A', 'P'),
    lifetime: 1,
    options: [mnId, ...rest],
  };
}

describe.each(ALIGNED)('option $code ($option.type) at $x n + $y', ({ option, code, x, y }) => {
  it('reports its rule through optionAlignment', () => {
    expect(optionAlignment(option)).toEqual([x, y]);
  });

  it.each(Array.from({ length: 16 }, (_, i) => i))(
    'after an MN-ID of %i characters: aligned, with the least padding',
    (idLength) => {
      const mh = emitMobility(pbuWith(idLength, option), MAG, LMA);
      const tlvs = walkOptions(mh, 12);
      const at = tlvs.findIndex((t) => t.type === code);
      const target = tlvs[at];
      expect(target.offset % x).toBe(y);
      const free = 12 + 2 + 1 + idLength; // where the option would start with no padding
      const gap = target.offset - free;
      expect(gap).toBe((((y - free) % x) + x) % x);
      const pads = tlvs.slice(1, at);
      if (gap === 0) expect(pads).toEqual([]);
      else expect(pads).toEqual([{ offset: free, type: gap === 1 ? 0 : 1, size: gap }]);
      expect(mh.length % 8).toBe(0);
      expect(mh[1]).toBe(mh.length / 8 - 1);
    },
  );
});

describe('options without an alignment rule', () => {
  const UNALIGNED: readonly MobilityOption[] = [
    { type: 'mn-id', subtype: 1, id: 'a' },
    { type: 'handoff-indicator', value: 1 },
    { type: 'access-technology-type', value: 4 },
    { type: 'mn-link-layer-id', id: '00:11:22:33:44:55' },
    { type: 'ipv4-dhcp-support-mode', dhcpServer: true },
    { type: 'context-request', requests: [{ reqType: 22, data: new Uint8Array(0) }] },
    { type: 'lma-address', address: LMA },
    { type: 'mn-lla-iid', iid: '02:11:22:ff:fe:33:44:55' },
    { type: 'mn-group-id', subtype: 1, groupId: 1 },
    { type: 'mag-ipv6-address', addressLength: 128, address: MAG },
    { type: 'unknown', optType: 200, data: Uint8Array.of(9) },
  ];

  it.each(UNALIGNED.map((o) => [o.type, o] as const))(
    '%s follows the previous option directly',
    (_name, option) => {
      expect(optionAlignment(option)).toBeNull();
      const mh = emitMobility(pbuWith(0, option), MAG, LMA); // MN-ID occupies 12..14
      expect(walkOptions(mh, 12)[1].offset).toBe(15);
    },
  );
});

describe('tail padding to a multiple of 8 (RFC 6275 §6.1.1)', () => {
  it.each([
    [0, 'a PadN of 2 at 14'],
    [1, 'a Pad1 at 15'],
    [2, 'no padding'],
  ])('heartbeat whose unknown option has %i data octets ends with %s', (n) => {
    const hb: MobilityMessage = {
      type: 'heartbeat',
      mhType: 13,
      flags: heartbeatFlags(),
      sequence: 9,
      options: [{ type: 'unknown', optType: 99, data: new Uint8Array(n) }],
    };
    const mh = emitMobility(hb, MAG, LMA);
    expect(mh.length).toBe(16);
    const tlvs = walkOptions(mh, 12);
    const used = 14 + n;
    if (used === 16) expect(tlvs).toHaveLength(1);
    else if (used === 15) expect(tlvs[1]).toEqual({ offset: 15, type: 0, size: 1 });
    else expect(tlvs[1]).toEqual({ offset: 14, type: 1, size: 2 });
  });

  it('a message with no options and a 6-octet fixed part gets one PadN of 4 (Header Len 1)', () => {
    const mh = emitMobility(
      {
        type: 'binding-revocation-indication',
        mhType: 16,
        trigger: 1,
        sequence: 3,
        flags: { P: true, V: false, G: false },
        options: [],
      },
      MAG,
      LMA,
    );
    expect(Array.from(mh.subarray(12))).toEqual([1, 2, 0, 0]);
    expect(mh[1]).toBe(1);
  });

  it('a Binding Error (24-octet fixed part) needs no padding at all (Header Len 2)', () => {
    const mh = emitMobility(
      { type: 'binding-error', mhType: 7, status: 2, homeAddress: '::', options: [] },
      LMA,
      MAG,
    );
    expect(mh.length).toBe(24);
    expect(mh[1]).toBe(2);
  });
});
