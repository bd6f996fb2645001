/**
 * Fuzz: 120,000 seeded inputs — the golden vectors and random emitted messages mutated (bit flips,
 * truncations, corrupted Header Len and option Lengths, spliced garbage) plus plain random octets — into
 * parseMobility and mobilityFields. Neither may throw; every field row must lie inside the buffer; and
 * whatever parses must re-emit and re-parse to the same representation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../../src/sim/wire/fields';
import { emitMobility, mobilityFields, parseMobility } from '../../../src/sim/wire/mh';
import { message } from './arbitraries';
import { GOLDEN, LMA, MAG, withoutHeaderInfo } from './fixtures';
import { walkOptions } from './tlv-walk';

/** mulberry32: a small seeded PRNG, so every run fuzzes the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);

/** One mutation of an MH (octets from offset 0). */
function mutate(r: Rand, mh: Uint8Array): Uint8Array {
  const b = Uint8Array.from(mh);
  switch (int(r, 7)) {
    case 0: // flip 1–8 random bits
      for (let i = 1 + int(r, 8); i > 0; i--) b[int(r, b.length)] ^= 1 << int(r, 8);
      return b;
    case 1: // truncate anywhere
      return b.slice(0, int(r, b.length + 1));
    case 2: // Header Len to any value
      if (b.length > 1) b[1] = int(r, 256);
      return b;
    case 3: {
      // an option's Length octet to any value
      const tlvs =
        b.length > 12 ? walkOptions(b, 12).filter((t) => t.type !== 0 && t.offset + 1 < b.length) : [];
      if (tlvs.length) b[tlvs[int(r, tlvs.length)].offset + 1] = int(r, 256);
      return b;
    }
    case 4: {
      // an option's Type octet to any value (known types get foreign data)
      const tlvs = b.length > 12 ? walkOptions(b, 12).filter((t) => t.offset < b.length) : [];
      if (tlvs.length) b[tlvs[int(r, tlvs.length)].offset] = int(r, 256);
      return b;
    }
    case 5: {
      // splice random octets in, keeping Header Len consistent with the new length half of the time
      const junk = Uint8Array.from({ length: 1 + int(r, 24) }, () => int(r, 256));
      const at = int(r, b.length + 1);
      const out = Uint8Array.of(...b.subarray(0, at), ...junk, ...b.subarray(at));
      if (r() < 0.5 && out.length >= 8) out[1] = Math.floor(out.length / 8) - 1;
      return r() < 0.5 ? out.slice(0, out.length - (out.length % 8)) : out;
    }
    default: // MH Type to any value
      if (b.length > 2) b[2] = int(r, 256);
      return b;
  }
}

function randomMh(r: Rand): Uint8Array {
  const len = int(r, 8) === 0 ? int(r, 300) : 8 * (1 + int(r, 12));
  const b = Uint8Array.from({ length: len }, () => int(r, 256));
  if (len >= 8 && r() < 0.8) b[1] = len / 8 - 1;
  if (len >= 8 && r() < 0.7) b[2] = [0, 5, 6, 7, 13, 14, 15, 16, 17, 18, 19, 20][int(r, 12)];
  return b;
}

function rowsInside(rows: readonly FieldNode[], size: number): boolean {
  return rows.every(
    (n) => n.start >= 0 && n.length >= 0 && n.start + n.length <= size && rowsInside(n.children ?? [], size),
  );
}

/** Runs one input through both entry points, at offset 0 and behind a 40-octet prefix; true if it parsed. */
function check(mh: Uint8Array, r: Rand): boolean {
  const prefixed = r() < 0.5;
  const buf = prefixed ? Uint8Array.of(...new Uint8Array(40), ...mh) : mh;
  const off = prefixed ? 40 : 0;
  const [src, dst] = r() < 0.9 ? [MAG, LMA] : ['192.0.2.2', '192.0.2.1'];
  const parsed = parseMobility(buf, off, mh.length, src, dst);
  const rows = mobilityFields(buf, off, mh.length, src, dst);
  if (!rowsInside(rows, buf.length)) throw new Error('a field row lies outside the buffer');
  if (parsed.ok) {
    const again = emitMobility(parsed.value, src, dst);
    const reparsed = parseMobility(again, 0, again.length, src, dst);
    if (!reparsed.ok) throw new Error(`re-emitted message does not parse: ${reparsed.error.message}`);
    expect(withoutHeaderInfo(reparsed.value)).toEqual(withoutHeaderInfo(parsed.value));
  }
  return parsed.ok;
}

/** Both outcomes must be well represented, or the fuzz is not exercising the parser. */
function expectMix(parsedCount: number, total: number, minShare: number): void {
  expect(parsedCount / total).toBeGreaterThan(minShare);
  expect(1 - parsedCount / total).toBeGreaterThan(minShare);
}

describe('fuzz parseMobility and mobilityFields', () => {
  it('60,000 mutations of the golden vectors', () => {
    const r = prng(0x5213);
    const seeds = GOLDEN.map((g) => g.packet.subarray(40));
    let parsed = 0;
    for (let i = 0; i < 60_000; i++) {
      let b = seeds[i % seeds.length];
      for (let k = 1 + int(r, 3); k > 0; k--) b = mutate(r, b);
      if (check(b, r)) parsed++;
    }
    expectMix(parsed, 60_000, 0.2);
  }, 300_000);

  it('30,000 mutations of random emitted messages', () => {
    const r = prng(0x6275);
    const emitted = fc.sample(message, { seed: 42, numRuns: 500 }).map((m) => emitMobility(m, MAG, LMA));
    let parsed = 0;
    for (let i = 0; i < 30_000; i++) if (check(mutate(r, emitted[i % emitted.length]), r)) parsed++;
    expectMix(parsed, 30_000, 0.2);
  }, 300_000);

  it('30,000 random octet strings', () => {
    const r = prng(0x5847);
    let parsed = 0;
    for (let i = 0; i < 30_000; i++) if (check(randomMh(r), r)) parsed++;
    expectMix(parsed, 30_000, 0.05);
  }, 300_000);
});
