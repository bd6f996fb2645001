import { describe, expect, it } from 'vitest';
import { planRoutes } from '../../src/sim/scenario';
import { load } from './helpers';

const show = (plan: ReturnType<typeof planRoutes>, id: string) =>
  (plan.get(id) ?? []).map(
    (r) =>
      `${r.prefix}/${r.length} ${r.iface}${r.via ? ` via ${r.via}` : ''}${r.metric !== undefined ? ` metric ${r.metric}` : ''}`,
  );

/**
 *        r2 (1 ms each side)
 *      /    \
 *  h1-r1     r4-h2      r1-r3 5 ms, r3-r4 4 ms; h3 hangs off both r1 and r4 (a host: never transit);
 *      \    /           the lma hangs off r3 (1 ms)
 *        r3
 */
function diamond(extra: Record<string, unknown> = {}) {
  return load({
    formatVersion: 1,
    nodes: [
      { id: 'h1', kind: 'host', addresses: { eth0: ['2001:db8:1::1/64'] } },
      { id: 'r1', kind: 'router', addresses: { eth0: ['2001:db8:1::2/64'] } },
      { id: 'r2', kind: 'router' },
      { id: 'r3', kind: 'router' },
      { id: 'r4', kind: 'router', addresses: { eth9: ['2001:db8:9::1/64'] } },
      { id: 'h2', kind: 'host', addresses: { eth0: ['2001:db8:9::2/64'] } },
      { id: 'h3', kind: 'host', addresses: { a: ['2001:db8:3::1/64'] } },
      { id: 'lma', kind: 'lma', addresses: { eth0: ['2001:db8:5::1/64'] }, prefixPool: '2001:db8:100::/40' },
    ],
    links: [
      { a: 'h1:eth0', b: 'r1:eth0', delay: '1ms' },
      { a: 'r1:eth1', b: 'r2:eth0', delay: '1ms' },
      { a: 'r2:eth1', b: 'r4:eth0', delay: '1ms' },
      { a: 'r1:eth2', b: 'r3:eth0', delay: '5ms' },
      { a: 'r3:eth1', b: 'r4:eth1', delay: '4ms' },
      { a: 'r4:eth9', b: 'h2:eth0', delay: '1ms' },
      { a: 'h3:a', b: 'r1:eth3', delay: '1us' },
      { a: 'h3:b', b: 'r4:eth3', delay: '1us' },
      { a: 'lma:eth0', b: 'r3:eth2', delay: '1ms' },
    ],
    ...extra,
  });
}

describe('planRoutes', () => {
  it('follows the least total delay, never through a host', () => {
    const plan = planRoutes(diamond());
    // h2's prefix from r1: via r2 (2 ms), not via h3 (2 µs, but a host) nor r3 (9 ms). The pool from r1:
    // via r3 (6 ms), not r2 (7 ms); from r2: via r4 (6 ms), not r1 (7 ms).
    expect(show(plan, 'r1')).toContain('2001:db8:9::/64 eth1');
    expect(show(plan, 'r1')).toContain('2001:db8:100::/40 eth2');
    expect(show(plan, 'r2')).toEqual([
      '2001:db8:1::/64 eth0',
      '2001:db8:9::/64 eth1',
      '2001:db8:3::/64 eth0',
      '2001:db8:5::/64 eth1',
      '2001:db8:100::/40 eth1',
    ]);
  });

  it('gives a multi-homed host a route per prefix, over its nearest link', () => {
    const plan = planRoutes(diamond());
    expect(show(plan, 'h3')).toEqual([
      '2001:db8:3::/64 a',
      '2001:db8:1::/64 a',
      '2001:db8:9::/64 b',
      '2001:db8:5::/64 b',
      '2001:db8:100::/40 b',
    ]);
  });

  it('routes static home network prefixes to their LMA', () => {
    const s = diamond({
      nodes: [...diamond().nodes, { id: 'mn1', kind: 'mn' }],
      policies: [{ mn: 'mn1', prefixes: ['2001:db8:200:1::/64'] }],
    });
    expect(show(planRoutes(s), 'r4')).toContain('2001:db8:200:1::/64 eth1');
  });

  it('gives a node listed in routes exactly its static routes (and its on-link prefixes)', () => {
    const s = diamond({
      routes: {
        r1: [
          { prefix: '::/0', via: 'r3', metric: 5 },
          { prefix: '2001:db8:77::/48', via: '2001:db8:1::1' },
          { prefix: '2001:db8:78::/48', iface: 'eth1' },
        ],
      },
    });
    expect(show(planRoutes(s), 'r1')).toEqual([
      '2001:db8:1::/64 eth0',
      '::/0 eth2 metric 5',
      '2001:db8:77::/48 eth0 via 2001:db8:1::1',
      '2001:db8:78::/48 eth1',
    ]);
  });

  it('static routes are validated against the topology', () => {
    expect(() => diamond({ routes: { r1: [{ prefix: '::/0', via: 'h2' }] } })).toThrow(
      'routes.r1[0].via: "h2" is not a neighbour of r1 nor an IPv6 address (its neighbours: h1, r2, r3, h3)',
    );
    expect(() => diamond({ routes: { r1: [{ prefix: '::/0', via: '2001:db8:44::1' }] } })).toThrow(
      'routes.r1[0].via: no link of r1 leads to 2001:db8:44::1; name the way out with "iface"',
    );
    expect(() => diamond({ routes: { r1: [{ prefix: '::/0' }] } })).toThrow(
      'routes.r1[0]: a route needs "via" (a neighbour node id or next-hop address) or "iface" (the way out)',
    );
    expect(() => diamond({ routes: { r9: [{ prefix: '::/0', iface: 'eth0' }] } })).toThrow(
      'routes.r9: no node "r9"; did you mean "r1"?',
    );
  });
});
