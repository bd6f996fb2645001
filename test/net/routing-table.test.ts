import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ip6, prefixMatch } from '../../src/sim/wire/addr';
import { RoutingTable } from '../../src/sim/net/routing-table';

const look = (t: RoutingTable, dst: string) => {
  const r = t.lookup(ip6(dst));
  return r ? `${r.prefix}/${r.length} ${r.iface}` : null;
};

describe('RoutingTable longest-prefix match', () => {
  it('prefers the longest matching prefix, down to the /0 default', () => {
    const t = new RoutingTable();
    t.add({ prefix: '::', length: 0, iface: 'default' });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'p32' });
    t.add({ prefix: '2001:db8:1::', length: 48, iface: 'p48' });
    t.add({ prefix: '2001:db8:1:1::', length: 64, iface: 'p64' });
    t.add({ prefix: '2001:db8:1:1::7', length: 128, iface: 'host' });
    expect(look(t, '2001:db8:1:1::7')).toBe('2001:db8:1:1::7/128 host');
    expect(look(t, '2001:db8:1:1::8')).toBe('2001:db8:1:1::/64 p64');
    expect(look(t, '2001:db8:1:2::1')).toBe('2001:db8:1::/48 p48');
    expect(look(t, '2001:db8:ffff::1')).toBe('2001:db8::/32 p32');
    expect(look(t, '2001:db9::1')).toBe('::/0 default');
    expect(look(t, 'ff02::1')).toBe('::/0 default');
  });

  it('returns null with no default route and no match', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a' });
    expect(look(t, '2001:db9::1')).toBeNull();
    expect(new RoutingTable().lookup(ip6('::1'))).toBeNull();
  });

  it('matches prefixes that end inside a byte and inside a 32-bit word', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8:0:80::', length: 57, iface: 'p57' });
    t.add({ prefix: '2001:db8::', length: 56, iface: 'p56' });
    t.add({ prefix: '2001:db8::fffe', length: 127, iface: 'p127' });
    expect(look(t, '2001:db8:0:ff::1')).toBe('2001:db8:0:80::/57 p57');
    expect(look(t, '2001:db8:0:7f::1')).toBe('2001:db8::/56 p56');
    expect(look(t, '2001:db8::ffff')).toBe('2001:db8::fffe/127 p127');
    expect(look(t, '2001:db8::fffd')).toBe('2001:db8::/56 p56');
  });

  it('clears host bits of an added prefix', () => {
    const t = new RoutingTable();
    const c = t.add({ prefix: '2001:db8:1:1::99', length: 64, iface: 'a' });
    expect(c.route.prefix).toBe('2001:db8:1:1::');
    expect(look(t, '2001:db8:1:1::5')).toBe('2001:db8:1:1::/64 a');
  });

  it('breaks ties on the same prefix by metric, then by the order added', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8::', length: 32, iface: 'slow', metric: 20 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'fast', metric: 10 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'fast-too', metric: 10 });
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 fast');
    t.remove('2001:db8::', 32, 'fast');
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 fast-too');
    t.add({ prefix: '2001:db8::', length: 32, iface: 'slow', metric: 5 });
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 slow');
  });

  it('a longer prefix wins over a lower metric on a shorter one', () => {
    const t = new RoutingTable();
    t.add({ prefix: '::', length: 0, iface: 'default', metric: 0 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'specific', metric: 1000 });
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 specific');
  });

  it('replaces the route for the same prefix and interface, and reports the change', () => {
    const t = new RoutingTable();
    expect(t.add({ prefix: '2001:db8::', length: 32, iface: 'a' }).op).toBe('add');
    const c = t.add({ prefix: '2001:db8::', length: 32, iface: 'a', via: 'fe80::1', metric: 3 });
    expect(c.op).toBe('update');
    expect(t.all()).toEqual([{ prefix: '2001:db8::', length: 32, iface: 'a', via: 'fe80::1', metric: 3 }]);
  });

  it('removes by prefix (all interfaces or one) and by interface', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a' });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'b' });
    t.add({ prefix: '2001:db8:5::', length: 48, iface: 'b' });
    expect(t.remove('2001:db8::', 32, 'a').map((r) => r.iface)).toEqual(['a']);
    expect(t.removeByIface('b').map((r) => `${r.prefix}/${r.length}`)).toEqual(['2001:db8::/32', '2001:db8:5::/48']);
    expect(t.all()).toEqual([]);
    expect(look(t, '2001:db8:5::1')).toBeNull();
    expect(t.remove('2001:db8::', 32)).toEqual([]);
  });

  it('rejects a prefix that is not IPv6 and a length outside 0..128', () => {
    const t = new RoutingTable();
    expect(() => t.add({ prefix: '10.0.0.0', length: 8, iface: 'a' })).toThrow(/not an IPv6 address/);
    expect(() => t.add({ prefix: '2001:db8::', length: 129, iface: 'a' })).toThrow(/0\.\.128/);
  });

  it('agrees with a linear scan on random tables (property)', () => {
    const addr = fc.uint8Array({ minLength: 16, maxLength: 16 });
    const route = fc.record({ bytes: addr, length: fc.integer({ min: 0, max: 128 }), metric: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(route, { maxLength: 40 }), fc.array(addr, { minLength: 1, maxLength: 20 }), (routes, dsts) => {
        const t = new RoutingTable();
        const hex = (b: Uint8Array) => Array.from({ length: 8 }, (_, i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16)).join(':');
        routes.forEach((r, i) => t.add({ prefix: hex(r.bytes), length: r.length, iface: `if${i}`, metric: r.metric }));
        // random addresses rarely match long prefixes: also probe each prefix itself and its neighbour
        // just past the prefix boundary (the first host bit flipped)
        const flipped = routes.filter((r) => r.length < 128).map((r) => {
          const b = r.bytes.slice();
          b[r.length >> 3] ^= 0x80 >> (r.length & 7);
          return b;
        });
        for (const d of [...dsts, ...routes.map((r) => r.bytes), ...flipped]) {
          let best: { length: number; metric: number; i: number } | null = null;
          routes.forEach((r, i) => {
            if (!prefixMatch(r.bytes, d, r.length)) return;
            // the same prefix on two interfaces: lower metric, then the first added
            if (!best || r.length > best.length || (r.length === best.length && r.metric < best.metric)) best = { length: r.length, metric: r.metric, i };
          });
          const want = best as { i: number } | null;
          expect(t.lookup(d)?.iface ?? null).toBe(want === null ? null : `if${want.i}`);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
