import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIPv6, formatMac, parseIPv6, parseMac } from '../../../src/sim/wire/addr';
import { AddressTextCache } from '../../../src/sim/wire/address-text-cache';
import { TextMemo } from '../../../src/sim/wire/text-memo';

/** RFC 5952 text written the long way, independent of addr.ts. */
function reference(b: Uint8Array): string {
  const words = Array.from({ length: 8 }, (_, i) => (b[2 * i] << 8) | b[2 * i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
  }
  if (best === 0 && bestLen === 5 && words[5] === 0xffff) return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  if (best < 0) return words.map((w) => w.toString(16)).join(':');
  const head = words
    .slice(0, best)
    .map((w) => w.toString(16))
    .join(':');
  const tail = words
    .slice(best + bestLen)
    .map((w) => w.toString(16))
    .join(':');
  return `${head}::${tail}`;
}

describe('formatIPv6 with its memo', () => {
  it('gives the RFC 5952 text, the first time and from the memo, at any offset', () => {
    const addr = fc.uint8Array({ minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(addr, fc.nat(7), (b, pad) => {
        const buf = new Uint8Array(pad + 16);
        buf.set(b, pad);
        const want = reference(b);
        expect(formatIPv6(buf, pad)).toBe(want);
        expect(formatIPv6(b)).toBe(want);
        expect(formatIPv6(b.slice())).toBe(want);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('tells apart addresses that differ in any one bit', () => {
    const base = parseIPv6('2001:db8:1:2:3:4:5:6') as Uint8Array;
    const seen = new Set([formatIPv6(base)]);
    for (let bit = 0; bit < 128; bit++) {
      const b = base.slice();
      b[bit >> 3] ^= 0x80 >> (bit & 7);
      const text = formatIPv6(b);
      expect(parseIPv6(text)).toEqual(b);
      seen.add(text);
    }
    expect(seen.size).toBe(129);
  });

  it('keeps answering right after it fills up and starts again', () => {
    const cache = new AddressTextCache();
    let formatted = 0;
    const format = (b: Uint8Array, off: number): string => {
      formatted++;
      return reference(b.subarray(off, off + 16));
    };
    const b = new Uint8Array(16);
    b[0] = 0x20;
    const n = 32768 + 10;
    for (let i = 0; i < n; i++) {
      b[14] = i >> 8;
      b[15] = i & 0xff;
      expect(cache.text(b, 0, format)).toBe(reference(b));
    }
    expect(formatted).toBe(n);
    // The last ten were remembered after the clear; the first one was forgotten.
    b[14] = (n - 1) >> 8;
    b[15] = (n - 1) & 0xff;
    cache.text(b, 0, format);
    expect(formatted).toBe(n);
    b[14] = 0;
    b[15] = 0;
    expect(cache.text(b, 0, format)).toBe('2000::');
    expect(formatted).toBe(n + 1);
  });
});

describe('parse memos', () => {
  it('parseIPv6 hands each caller its own bytes', () => {
    const a = parseIPv6('2001:db8::1') as Uint8Array;
    a[15] = 0x99;
    expect(parseIPv6('2001:db8::1')).toEqual(
      Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1]),
    );
    expect(parseIPv6('2001:db8::1')).not.toBe(parseIPv6('2001:db8::1'));
  });

  it('parseIPv6 remembers failures as failures', () => {
    expect(parseIPv6('2001:db8::1::2')).toBeNull();
    expect(parseIPv6('2001:db8::1::2')).toBeNull();
    expect(parseIPv6(42 as unknown as string)).toBeNull();
  });

  it('parseMac hands each caller its own bytes', () => {
    const m = parseMac('02:00:00:00:00:01') as Uint8Array;
    m[5] = 7;
    expect(parseMac('02:00:00:00:00:01')).toEqual(Uint8Array.from([2, 0, 0, 0, 0, 1]));
    expect(parseMac('02-00-00-00-00-0g')).toBeNull();
  });

  it('TextMemo parses each text once, including texts whose result is null', () => {
    const calls: string[] = [];
    const memo = new TextMemo((t: string) => {
      calls.push(t);
      return t === 'bad' ? null : t.length;
    });
    expect([memo.get('abc'), memo.get('abc'), memo.get('bad'), memo.get('bad')]).toEqual([3, 3, null, null]);
    expect(calls).toEqual(['abc', 'bad']);
  });
});

describe('formatMac with its memo', () => {
  it('writes every MAC the same, first time or not, at any offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), fc.nat(5), (mac, pad) => {
        const buf = new Uint8Array(pad + 6);
        buf.set(mac, pad);
        const want = Array.from(mac, (x) => x.toString(16).padStart(2, '0')).join(':');
        expect(formatMac(buf, pad)).toBe(want);
        expect(formatMac(mac)).toBe(want);
        expect(parseMac(want)).toEqual(mac);
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(formatMac(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]))).toBe('ff:ff:ff:ff:ff:fe');
    expect(formatMac(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('ff:ff:ff:ff:ff:ff');
  });
});
