import { describe, expect, it } from 'vitest';
import { ip6 } from '../../src/sim/wire/addr';
import { PrefixIndex, maskedWord } from '../../src/sim/net/prefix-index';

describe('maskedWord', () => {
  it('keeps the first bits of the prefix in each 32-bit word, as a signed integer', () => {
    const b = ip6('ffff:ffff:8000:1::');
    expect(maskedWord(b, 0, 0, 128)).toBe(-1);
    expect(maskedWord(b, 0, 0, 1)).toBe(-0x80000000);
    expect(maskedWord(b, 0, 0, 31)).toBe(-2);
    expect(maskedWord(b, 0, 1, 33)).toBe(-0x80000000);
    expect(maskedWord(b, 0, 1, 47)).toBe(-0x80000000);
    expect(maskedWord(b, 0, 1, 64)).toBe(-0x7fffffff);
  });
});

describe('PrefixIndex', () => {
  it('finds a bucket from any address inside the prefix, at any offset', () => {
    const idx = new PrefixIndex<string>(57);
    idx.set(ip6('2001:db8:0:80::'), 0, 'p57');
    const packet = new Uint8Array(40);
    packet.set(ip6('2001:db8:0:ff::1'), 24);
    expect(idx.get(packet, 24)).toBe('p57');
    packet.set(ip6('2001:db8:0:7f::1'), 24);
    expect(idx.get(packet, 24)).toBeUndefined();
    expect(idx.size).toBe(1);
  });

  it('holds a /0 bucket and a /128 bucket', () => {
    const zero = new PrefixIndex<string>(0);
    expect(zero.get(ip6('::1'), 0)).toBeUndefined();
    zero.set(ip6('::'), 0, 'default');
    expect(zero.get(ip6('ff02::1'), 0)).toBe('default');
    zero.delete(ip6('2001::'), 0);
    expect([zero.get(ip6('::'), 0), zero.size]).toEqual([undefined, 0]);

    const host = new PrefixIndex<string>(128);
    host.set(ip6('2001:db8::7'), 0, 'h');
    expect([host.get(ip6('2001:db8::7'), 0), host.get(ip6('2001:db8::6'), 0)]).toEqual(['h', undefined]);
  });

  it('deletes only what is there, and counts buckets', () => {
    const idx = new PrefixIndex<number>(64);
    idx.set(ip6('2001:db8:1:1::'), 0, 1);
    idx.set(ip6('2001:db8:1:2::'), 0, 2);
    idx.set(ip6('2001:db8:1:2::'), 0, 3); // replaces
    expect(idx.size).toBe(2);
    idx.delete(ip6('2001:db8:9:9::'), 0);
    idx.delete(ip6('2001:db8:1:3::'), 0);
    expect(idx.size).toBe(2);
    idx.delete(ip6('2001:db8:1:1::5'), 0);
    expect([idx.size, idx.get(ip6('2001:db8:1:1::'), 0), idx.get(ip6('2001:db8:1:2::'), 0)]).toEqual([
      1,
      undefined,
      3,
    ]);
    idx.delete(ip6('2001:db8:1:2::'), 0);
    expect(idx.size).toBe(0);
    idx.set(ip6('2001:db8:1:2::'), 0, 4);
    expect(idx.get(ip6('2001:db8:1:2::ab'), 0)).toBe(4);
  });
});
