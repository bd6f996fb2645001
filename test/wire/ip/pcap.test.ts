import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/sim/wire/bytes';
import { readPcap, writePcap } from '../../../src/sim/wire/pcap';
import { readPcapng, writePcapng } from '../../../src/sim/wire/pcapng';
import { REFERENCE_PCAP, VECTORS } from './fixtures';

const packets = Object.values(VECTORS).map((h, i) => ({ t: i * 1_250_000 + 17, bytes: fromHex(h) }));
const EPOCH_US = 1704067200 * 1_000_000;

describe('pcap (LINKTYPE_RAW, microseconds)', () => {
  it('writes the little-endian file header and record headers', () => {
    const f = writePcap([{ t: 1_500_000, bytes: fromHex('60000000') }]);
    expect(toHex(f.subarray(0, 24))).toBe(
      'd4c3b2a1' + '02000400' + '00000000' + '00000000' + '00000400' + '65000000',
    );
    // ts_sec = 2024-01-01T00:00:01Z, ts_usec = 500000, incl_len = orig_len = 4
    expect(toHex(f.subarray(24))).toBe('81009265' + '20a10700' + '04000000' + '04000000' + '60000000');
  });

  it('round-trips every vector with its time, and honours epochSeconds', () => {
    const r = readPcap(writePcap(packets));
    expect(r.ok && r.value.linkType).toBe(101);
    expect(r.ok && r.value.records.map((x) => [x.timestamp, toHex(x.bytes), x.originalLength])).toEqual(
      packets.map((p) => [EPOCH_US + p.t, toHex(p.bytes), p.bytes.length]),
    );
    const zero = readPcap(writePcap(packets.slice(0, 1), { epochSeconds: 0 }));
    expect(zero.ok && zero.value.records[0].timestamp).toBe(17);
  });

  it('reads the vectors.pcap of the digest, written by scapy', () => {
    const r = readPcap(fromHex(REFERENCE_PCAP));
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.linkType, r.value.snapLen]).toEqual([101, 65535]);
    expect(r.value.records.map((x) => toHex(x.bytes))).toEqual(Object.values(VECTORS));
    expect(r.value.records.map((x) => x.timestamp)).toEqual(
      Object.values(VECTORS).map((_, i) => (1700000000 + i) * 1_000_000),
    );
  });

  it('reads big-endian and nanosecond files too', () => {
    const be = fromHex(
      'a1b23c4d' +
        '00020004' +
        '00000000' +
        '00000000' +
        '0000ffff' +
        '00000065' +
        '00000001' +
        '3b9ac9ff' +
        '00000002' +
        '00000002' +
        '6000',
    );
    expect(readPcap(be)).toEqual({
      ok: true,
      value: {
        linkType: 101,
        snapLen: 65535,
        records: [{ timestamp: 1_999_999, bytes: fromHex('6000'), originalLength: 2 }],
      },
    });
  });

  it('fails on a wrong magic number and on a truncated record', () => {
    expect(readPcap(fromHex('00'.repeat(24)))).toMatchObject({
      ok: false,
      error: { layer: 'pcap', field: 'Magic Number', offset: 0 },
    });
    const f = writePcap(packets.slice(0, 2));
    expect(readPcap(f.subarray(0, f.length - 1))).toMatchObject({
      ok: false,
      error: { field: 'Captured Packet Length' },
    });
    expect(readPcap(f.subarray(0, 30))).toMatchObject({
      ok: false,
      error: { field: 'record header', offset: 24 },
    });
  });
});

describe('pcapng (SHB, one IDB per interface, EPB with comments)', () => {
  const capture = {
    interfaces: [{ name: 'lma/eth0', description: 'LMA towards the MAGs' }, { name: 'mag1/access-mn1' }],
    packets: packets.map((p, i) => ({
      ...p,
      iface: i % 2,
      ...(i % 3 === 0 ? { comment: `pkt ${i}: ✓ RFC 5213` } : {}),
    })),
  };

  it('starts with a Section Header Block naming the application', () => {
    const f = writePcapng(capture);
    expect(toHex(f.subarray(0, 24))).toBe(
      '0a0d0d0a' + toHex(f.subarray(4, 8)) + '4d3c2b1a' + '01000000' + 'ffffffffffffffff',
    );
    const shbLen = f[4] | (f[5] << 8);
    expect(shbLen % 4).toBe(0);
    expect(toHex(f.subarray(shbLen - 4, shbLen))).toBe(toHex(f.subarray(4, 8)));
  });

  it('round-trips interfaces, times, bytes and comments', () => {
    const r = readPcapng(writePcapng(capture, { application: 'test' }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.application).toBe('test');
    expect(r.value.interfaces).toEqual([
      { linkType: 101, snapLen: 262144, name: 'lma/eth0', description: 'LMA towards the MAGs', tsresol: 6 },
      { linkType: 101, snapLen: 262144, name: 'mag1/access-mn1', tsresol: 6 },
    ]);
    expect(r.value.packets.map((p) => ({ ...p, bytes: toHex(p.bytes) }))).toEqual(
      capture.packets.map((p) => ({
        iface: p.iface,
        timestamp: EPOCH_US + p.t,
        bytes: toHex(p.bytes),
        originalLength: p.bytes.length,
        ...(p.comment ? { comment: p.comment } : {}),
      })),
    );
  });

  it('splits 64-bit timestamps across the two words', () => {
    const f = writePcapng(
      { interfaces: [{ name: 'x' }], packets: [{ t: 0, iface: 0, bytes: fromHex('60') }] },
      { epochSeconds: 1704067200 },
    );
    const r = readPcapng(f);
    expect(r.ok && r.value.packets[0].timestamp).toBe(EPOCH_US);
    // 1704067200000000 = 0x00060DD7_10212000: high word then low word, each little-endian
    const epb = f.length - 36;
    expect(toHex(f.subarray(epb + 12, epb + 20))).toBe('d70d0600' + '00202110');
  });

  it('fails on files that are not pcapng', () => {
    expect(readPcapng(writePcap(packets))).toMatchObject({
      ok: false,
      error: { layer: 'pcapng', field: 'Section Header Block' },
    });
    const f = writePcapng(capture);
    expect(readPcapng(f.subarray(0, f.length - 2))).toMatchObject({ ok: false, error: { layer: 'pcapng' } });
  });
});
