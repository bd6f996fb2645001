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
    expect(t.removeByIface('b').map((r) => `${r.prefix}/${r.length}`)).toEqual([
      '2001:db8::/32',
      '2001:db8:5::/48',
    ]);
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
    const route = fc.record({
      bytes: addr,
      length: fc.integer({ min: 0, max: 128 }),
      metric: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(route, { maxLength: 40 }),
        fc.array(addr, { minLength: 1, maxLength: 20 }),
        (routes, dsts) => {
          const t = new RoutingTable();
          const hex = (b: Uint8Array) =>
            Array.from({ length: 8 }, (_, i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16)).join(':');
          routes.forEach((r, i) =>
            t.add({ prefix: hex(r.bytes), length: r.length, iface: `if${i}`, metric: r.metric }),
          );
          // random addresses rarely match long prefixes: also probe each prefix itself and its neighbour
          // just past the prefix boundary (the first host bit flipped)
          const flipped = routes
            .filter((r) => r.length < 128)
            .map((r) => {
              const b = r.bytes.slice();
              b[r.length >> 3] ^= 0x80 >> (r.length & 7);
              return b;
            });
          for (const d of [...dsts, ...routes.map((r) => r.bytes), ...flipped]) {
            let best: { length: number; metric: number; i: number } | null = null;
            routes.forEach((r, i) => {
              if (!prefixMatch(r.bytes, d, r.length)) return;
              // the same prefix on two interfaces: lower metric, then the first added
              if (!best || r.length > best.length || (r.length === best.length && r.metric < best.metric))
                best = { length: r.length, metric: r.metric, i };
            });
            const want = best as { i: number } | null;
            expect(t.lookup(d)?.iface ?? null).toBe(want === null ? null : `if${want.i}`);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('RoutingTable bookkeeping', () => {
  it('keeps a replaced route in its place in all(), also when its metric changes', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8:1::', length: 48, iface: 'a' });
    t.add({ prefix: '2001:db8:2::', length: 48, iface: 'b' });
    t.add({ prefix: '2001:db8:1::', length: 48, iface: 'a', metric: 9 });
    expect(t.all().map((r) => `${r.prefix}/${r.length} ${r.iface} ${r.metric}`)).toEqual([
      '2001:db8:1::/48 a 9',
      '2001:db8:2::/48 b 0',
    ]);
  });

  it('ranks a route whose metric changed after the routes it now ties with', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a', metric: 0 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'b', metric: 1 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a', metric: 1 });
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 b');
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a', metric: 1 }); // same metric: keeps its rank
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 b');
  });

  it('returns removed routes in the order they were added, whatever their metrics', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:db8::', length: 32, iface: 'x', metric: 5 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'y', metric: 1 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'z', metric: 3 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'w', metric: 4 });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'w', metric: 2 }); // re-ranked, not re-ordered
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 y');
    expect(t.remove('2001:db8::', 32).map((r) => r.iface)).toEqual(['x', 'y', 'z', 'w']);
    expect(t.all()).toEqual([]);
  });

  it('finds the routes to remove from any spelling of the prefix', () => {
    const t = new RoutingTable();
    t.add({ prefix: '2001:DB8:0:1::', length: 64, iface: 'a' });
    expect(t.remove('2001:db8:0:1:0:0:0:0', 64).map((r) => r.prefix)).toEqual(['2001:db8:0:1::']);
    expect(t.remove('not an address', 64)).toEqual([]);
    expect(t.remove('10.0.0.1', 8)).toEqual([]);
  });

  it('forgets a prefix length once its last route is gone, and a /0 default like any other', () => {
    const t = new RoutingTable();
    t.add({ prefix: '::', length: 0, iface: 'up' });
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a' });
    expect(t.removeByIface('a').length).toBe(1);
    expect(look(t, '2001:db8::1')).toBe('::/0 up');
    t.remove('::', 0);
    expect(look(t, '2001:db8::1')).toBeNull();
    t.add({ prefix: '2001:db8::', length: 32, iface: 'a' });
    expect(look(t, '2001:db8::1')).toBe('2001:db8::/32 a');
  });

  /** The table as a plain list, with the semantics RoutingTable must keep (the reference for the property). */
  class ListTable {
    rows: { prefix: Uint8Array; length: number; iface: string; metric: number; rank: number }[] = [];
    private ranks = 0;
    add(prefix: Uint8Array, length: number, iface: string, metric: number): void {
      const i = this.rows.findIndex(
        (r) => r.length === length && prefixMatch(r.prefix, prefix, length) && r.iface === iface,
      );
      // A new route, or one whose metric changed, ranks after the routes of equal metric already there.
      if (i < 0) this.rows.push({ prefix, length, iface, metric, rank: this.ranks++ });
      else if (this.rows[i].metric !== metric) this.rows[i] = { ...this.rows[i], metric, rank: this.ranks++ };
    }
    remove(prefix: Uint8Array, length: number, iface?: string): string[] {
      const gone = this.rows.filter(
        (r) =>
          r.length === length &&
          prefixMatch(r.prefix, prefix, length) &&
          (iface === undefined || r.iface === iface),
      );
      this.rows = this.rows.filter((r) => !gone.includes(r));
      return gone.map((r) => r.iface);
    }
    removeByIface(iface: string): string[] {
      const gone = this.rows.filter((r) => r.iface === iface);
      this.rows = this.rows.filter((r) => r.iface !== iface);
      return gone.map((r) => r.iface);
    }
    lookup(d: Uint8Array): string | null {
      let best: { length: number; metric: number; iface: string; rank: number } | null = null;
      for (const r of this.rows) {
        if (!prefixMatch(r.prefix, d, r.length)) continue;
        const better =
          !best ||
          r.length > best.length ||
          (r.length === best.length &&
            (r.metric < best.metric || (r.metric === best.metric && r.rank < best.rank)));
        if (better) best = r;
      }
      return best ? best.iface : null;
    }
  }

  it('agrees with a plain list through any sequence of adds and removals (property)', () => {
    // Few distinct prefixes and interfaces, so that operations hit the same routes again and again.
    const prefixes = ['2001:db8::', '2001:db8:1:1::7', '2001:db9::'].map((p) => ip6(p));
    const op = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        p: fc.nat(2),
        len: fc.constantFrom(0, 32, 64, 128),
        i: fc.nat(2),
        metric: fc.nat(2),
      }),
      fc.record({
        op: fc.constant('remove' as const),
        p: fc.nat(2),
        len: fc.constantFrom(0, 32, 64, 128),
        i: fc.option(fc.nat(2), { nil: undefined }),
      }),
      fc.record({ op: fc.constant('drop-iface' as const), i: fc.nat(2) }),
    );
    const hex = (b: Uint8Array) =>
      Array.from({ length: 8 }, (_, k) => ((b[2 * k] << 8) | b[2 * k + 1]).toString(16)).join(':');
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const t = new RoutingTable();
        const ref = new ListTable();
        for (const o of ops) {
          if (o.op === 'add') {
            t.add({ prefix: hex(prefixes[o.p]), length: o.len, iface: `if${o.i}`, metric: o.metric });
            ref.add(prefixes[o.p], o.len, `if${o.i}`, o.metric);
          } else if (o.op === 'remove') {
            const iface = o.i === undefined ? undefined : `if${o.i}`;
            expect(t.remove(hex(prefixes[o.p]), o.len, iface).map((r) => r.iface)).toEqual(
              ref.remove(prefixes[o.p], o.len, iface),
            );
          } else {
            expect(t.removeByIface(`if${o.i}`).map((r) => r.iface)).toEqual(ref.removeByIface(`if${o.i}`));
          }
          expect(t.all().map((r) => `${r.iface} ${r.length} ${r.metric}`)).toEqual(
            ref.rows.map((r) => `${r.iface} ${r.length} ${r.metric}`),
          );
          for (const d of prefixes) expect(t.lookup(d)?.iface ?? null).toBe(ref.lookup(d));
        }
      }),
      { seed: 5213, numRuns: 300 },
    );
  });
});
