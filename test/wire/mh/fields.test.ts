/**
 * The inspector's field rows (mobilityFields): whole-packet byte ranges, decoded names, RFC sections,
 * and an "Error" row at the first fault of a malformed header.
 */
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../../src/sim/wire/fields';
import { mobilityFields } from '../../../src/sim/wire/mh';
import { golden, LMA, MAG } from './fixtures';

function find(rows: readonly FieldNode[], name: string): FieldNode | undefined {
  for (const r of rows) {
    if (r.name === name) return r;
    const hit = find(r.children ?? [], name);
    if (hit) return hit;
  }
  return undefined;
}

const all = (rows: readonly FieldNode[]): FieldNode[] => rows.flatMap((r) => [r, ...all(r.children ?? [])]);

describe('field rows of the initial PBU (digest §7.3)', () => {
  const v = golden('pbu_initial');
  const rows = mobilityFields(v.packet, 40, 88, MAG, LMA);
  const options = find(rows, 'Mobility Options');

  it('the HNP option row starts at packet offset 76 and is 20 octets long', () => {
    const hnp = find(rows, 'Home Network Prefix');
    expect([hnp?.start, hnp?.length]).toEqual([76, 20]);
    expect(hnp?.value).toBe('::/0');
    expect(hnp?.rfc).toBe('RFC 5213 §8.3');
    expect(hnp?.help).toBe('Type octet at MH+36; this option must sit at 8n+4 (RFC 6275 §6.2).');
  });

  it('the common header rows come first, at offsets 40–45', () => {
    expect(rows.slice(0, 5).map((r) => [r.name, r.start, r.length])).toEqual([
      ['Payload Proto', 40, 1],
      ['Header Len', 41, 1],
      ['MH Type', 42, 1],
      ['Reserved', 43, 1],
      ['Checksum', 44, 2],
    ]);
    expect(rows[2].value).toBe('5 (Binding Update)');
    expect(rows[4].value).toBe('0x6e22 [correct]');
  });

  it('flags are decoded by letter with one child per bit', () => {
    const flags = find(rows, 'Flags');
    expect(flags?.value).toBe('0x8200 (A, P)');
    expect(flags?.children?.find((c) => c.name.startsWith('P '))?.value).toBe('1');
    expect(flags?.children?.find((c) => c.name.startsWith('H '))?.value).toBe('0');
  });

  it('the options group covers MH+12 to the end and lists pads as rows', () => {
    expect([options?.start, options?.length, options?.value]).toEqual([52, 76, '6 options']);
    expect(options?.children?.map((c) => [c.name, c.start, c.length])).toEqual([
      ['Mobile Node Identifier', 52, 18],
      ['PadN', 70, 6],
      ['Home Network Prefix', 76, 20],
      ['Mobile Node Link-layer Identifier', 96, 10],
      ['Handoff Indicator', 106, 4],
      ['Access Technology Type', 110, 4],
      ['Timestamp', 114, 10],
      ['PadN', 124, 4],
    ]);
  });

  it('option values are decoded for people', () => {
    const byName = (n: string) => options?.children?.find((c) => c.name === n)?.value;
    expect(byName('Mobile Node Identifier')).toBe('"mn1@example.com"');
    expect(byName('Mobile Node Link-layer Identifier')).toBe('00:11:22:33:44:55');
    expect(byName('Handoff Indicator')).toBe('1 (Attachment over a new interface)');
    expect(byName('Access Technology Type')).toBe('4 (IEEE 802.11a/b/g)');
    expect(byName('Timestamp')).toBe('2024-01-01T00:00:00Z + 32768/65536 s');
    expect(find(rows, 'Lifetime')?.value).toBe('900 (3600 s)');
  });

  it('every row carries an RFC reference and lies inside the MH', () => {
    for (const r of all(rows)) {
      expect(r.rfc).toMatch(/^RFC \d{4}/);
      expect(r.start).toBeGreaterThanOrEqual(40);
      expect(r.start + r.length).toBeLessThanOrEqual(128);
    }
  });
});

describe('status names', () => {
  it('PBA 160 shows MISSING_MN_IDENTIFIER_OPTION', () => {
    const v = golden('pba_reject_160');
    expect(find(mobilityFields(v.packet, 40, 48, LMA, MAG), 'Status')?.value).toBe(
      '160 (MISSING_MN_IDENTIFIER_OPTION)',
    );
  });

  it('a Heartbeat response shows R set and the Restart Counter', () => {
    const v = golden('heartbeat_resp_rc');
    const rows = mobilityFields(v.packet, 40, 24, LMA, MAG);
    expect(find(rows, 'Flags')?.value).toBe('0x0001 (R)');
    expect(find(rows, 'Restart Counter')?.start).toBe(54);
  });
});

describe('malformed headers', () => {
  it('a wrong checksum is shown as INCORRECT', () => {
    const v = golden('pbu_initial');
    const b = Uint8Array.from(v.packet);
    b[44] ^= 0x80;
    expect(find(mobilityFields(b, 40, 88, MAG, LMA), 'Checksum')?.value).toBe('0xee22 [INCORRECT]');
  });

  it('an option overrunning the end ends the option rows with an Error row at its Type octet', () => {
    const b = Uint8Array.from(golden('pbu_initial').packet);
    b[115] = 20; // Timestamp Length 20 runs past the end
    const options = find(mobilityFields(b, 40, 88, MAG, LMA), 'Mobility Options');
    const last = options?.children?.at(-1);
    expect([last?.name, last?.start]).toEqual(['Error', 114]);
    expect(last?.value).toBe('Timestamp option Length 20 runs past the end of the Mobility Header');
  });

  it('a Header Len mismatch adds an Error row pointing at Header Len', () => {
    const b = Uint8Array.from(golden('heartbeat_req').packet);
    b[41] = 3;
    const rows = mobilityFields(b, 40, 16, MAG, LMA);
    expect(rows.at(-1)).toMatchObject({ name: 'Error', start: 41, length: 1 });
  });

  it('fewer than 6 octets give a single Error row', () => {
    expect(mobilityFields(Uint8Array.of(59, 0, 5), 0, 3, MAG, LMA)).toEqual([
      expect.objectContaining({ name: 'Error', start: 0, length: 3 }),
    ]);
  });

  it('an unknown MH Type shows its data undecoded', () => {
    const b = Uint8Array.of(59, 1, 42, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const rows = mobilityFields(b, 0, 16, MAG, LMA);
    expect(rows.at(-1)).toMatchObject({
      name: 'Message Data',
      start: 6,
      length: 10,
      value: '0102030405060708090a',
    });
  });
});
