/**
 * Golden vectors (digest §7.3–§7.7): every MH vector is produced byte for byte by emitMobility from a
 * hand-built representation, read back by parseMobility into exactly that representation, and — wrapped
 * by the IPv6 codec — reproduces the whole captured packet.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/sim/wire/bytes';
import { emitIPv6Packet, parseIPv6Packet } from '../../../src/sim/wire/ipv6';
import {
  emitMobility,
  parseMobility,
  type MobilityMessage,
  type MobilityOption,
} from '../../../src/sim/wire/mh';
import { GOLDEN, mhOf, withoutHeaderInfo } from './fixtures';

/** Fills the encoder's scratch space with 0xa5, so an octet the encoder forgets to write shows up. */
function dirtyScratch(): void {
  const junk: MobilityOption = {
    type: 'vendor-specific',
    vendorId: 0xa5a5a5a5,
    subtype: 0xa5,
    data: new Uint8Array(250).fill(0xa5),
  };
  const m: MobilityMessage = {
    type: 'heartbeat',
    mhType: 13,
    flags: { U: true, R: true },
    sequence: 0xa5a5a5a5,
    options: Array(7).fill(junk),
  };
  expect(emitMobility(m, v6a, v6b).length).toBeGreaterThan(1800);
}
const v6a = '2001:db8::a5';
const v6b = '2001:db8::5a';

describe.each(GOLDEN)('golden vector $name', (v) => {
  it('emit(representation) reproduces the MH octets, even after a large message filled the scratch with 0xa5', () => {
    dirtyScratch();
    expect(toHex(emitMobility(v.message, v.src, v.dst))).toBe(toHex(mhOf(v)));
  });

  it('parse(octets) gives the representation, with the header facts as data', () => {
    const parsed = parseMobility(v.packet, 40, v.packet.length - 40, v.src, v.dst);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(withoutHeaderInfo(parsed.value)).toEqual(v.message);
    expect(parsed.value.payloadProto).toBe(59);
    expect(parsed.value.headerLen).toBe(v.headerLen);
    expect(parsed.value.checksum).toBe(v.checksum);
    expect(parsed.value.checksumValid).toBe(true);
  });

  it('inside an IPv6 packet (hop limit 64, next header 135) gives the whole captured packet', () => {
    const payload = emitMobility(v.message, v.src, v.dst);
    const packet = emitIPv6Packet({
      trafficClass: 0,
      flowLabel: 0,
      hopLimit: 64,
      src: v.src,
      dst: v.dst,
      extHeaders: [],
      nextHeader: 135,
      payload,
    });
    expect(toHex(packet)).toBe(toHex(v.packet));
  });

  it('reads back from the IPv6 parser with the addresses it reports', () => {
    const ip = parseIPv6Packet(v.packet);
    if (!ip.ok) throw new Error(ip.error.message);
    expect(ip.value.nextHeader).toBe(135);
    const parsed = parseMobility(ip.value.payload, 0, ip.value.payload.length, ip.value.src, ip.value.dst);
    expect(parsed.ok && withoutHeaderInfo(parsed.value)).toEqual(v.message);
  });
});

describe('golden annotations (annot.md)', () => {
  it('PBU: A and P set (flags octets 82 00), lifetime 900 units = 3600 s', () => {
    const pbu = mhOf(GOLDEN[0]);
    expect([pbu[8], pbu[9]]).toEqual([0x82, 0x00]);
    expect((pbu[10] << 8) | pbu[11]).toBe(900);
  });

  it('PBA: the P flag is 0x20 of the flags octet at MH+7', () => {
    expect(mhOf(GOLDEN[1])[7]).toBe(0x20);
  });

  it('the timestamp 2024-01-01T00:00:00.5Z encodes as 00 00 65 92 00 80 80 00 (digest §6 item 11)', () => {
    expect(toHex(mhOf(GOLDEN[0]).subarray(76, 84))).toBe('0000659200808000');
  });
});
