/**
 * The LMA's home network prefix pool (src/sim/agents/host/lma-prefix-pool.ts, RFC 5213 §5.3.2): /64s cut
 * from the scenario's pool, lowest free first, static prefixes skipped, released ones handed out again.
 */
import { describe, expect, it } from 'vitest';
import { PrefixPool } from '../../src/sim/agents/host/lma-prefix-pool';

const p64 = (prefix: string) => ({ prefix, length: 64 });

describe('PrefixPool', () => {
  it('hands out the /64s of the pool lowest first, skipping reserved (static) prefixes', () => {
    const pool = PrefixPool.fromText('2001:db8:1::/62', ['2001:db8:1:1::/64']);
    expect([pool.allocate(), pool.allocate(), pool.allocate(), pool.allocate()]).toEqual([
      p64('2001:db8:1::'),
      p64('2001:db8:1:2::'),
      p64('2001:db8:1:3::'),
      null,
    ]);
    expect(pool.allocated).toBe(3);
  });

  it('hands a released prefix out again before any higher one, lowest released first', () => {
    const pool = PrefixPool.fromText('2001:db8:1::/62');
    const take = () => {
      const p = pool.allocate();
      if (!p) throw new Error('pool exhausted too early');
      return p;
    };
    const [a, b, c] = [take(), take(), take()];
    pool.release(c);
    pool.release(a);
    expect(pool.allocate()).toEqual(a);
    expect(pool.allocate()).toEqual(c);
    expect(pool.allocate()).toEqual(p64('2001:db8:1:3::'));
    expect(b).toEqual(p64('2001:db8:1:1::'));
  });

  it('ignores the release of a prefix it did not hand out', () => {
    const pool = PrefixPool.fromText('2001:db8:1::/63');
    pool.release(p64('2001:db8:1:1::'));
    expect(pool.allocate()).toEqual(p64('2001:db8:1::'));
    expect(pool.allocate()).toEqual(p64('2001:db8:1:1::'));
    expect(pool.allocate()).toBeNull();
  });

  it('counts across 16-bit boundaries of a /40 pool', () => {
    const pool = PrefixPool.fromText('2001:db8:100::/40');
    const got = Array.from({ length: 65_537 }, () => pool.allocate());
    expect(got[65_535]).toEqual(p64('2001:db8:100:ffff::'));
    expect(got[65_536]).toEqual(p64('2001:db8:101::'));
  });

  it('knows what lies inside the pool', () => {
    const pool = PrefixPool.fromText('2001:db8:1::/48');
    expect(pool.contains(p64('2001:db8:1:7::'))).toBe(true);
    expect(pool.contains({ prefix: '2001:db8:1:7::', length: 56 })).toBe(true);
    expect(pool.contains({ prefix: '2001:db8::', length: 32 })).toBe(false);
    expect(pool.contains(p64('2001:db8:2::'))).toBe(false);
    expect(PrefixPool.fromText(undefined).contains(p64('2001:db8:1::'))).toBe(false);
    expect(PrefixPool.fromText(undefined).allocate()).toBeNull();
  });

  it('refuses a pool longer than /64', () => {
    expect(() => PrefixPool.fromText('2001:db8:1::/72')).toThrow(/\/64s/);
  });
});
