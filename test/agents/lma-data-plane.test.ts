import { describe, expect, it } from 'vitest';
import { LmaDataPlane } from '../../src/sim/agents/host/lma-data-plane';
import { Simulator } from '../../src/sim/core/simulator';
import { Network } from '../../src/sim/net/network';
import { rawPacket } from '../net/helpers';

/** r ── lma, the LMA anchoring 2001:db8:100::/40 with a tunnel back to r standing in for a MAG. */
function setup() {
  const sim = new Simulator({ seed: 1 });
  const net = new Network(sim);
  const lma = net.addNode('lma', 'lma');
  const r = net.addNode('r', 'router');
  net.addLink('l', { node: 'r', iface: 'eth0' }, { node: 'lma', iface: 'eth0' }, { delay: 1000 });
  lma.addAddress('eth0', '2001:db8:f::1', 64);
  r.addAddress('eth0', '2001:db8:f::2', 64);
  lma.addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  r.addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  lma.addTunnel('tnl-mag1', '2001:db8:f::1', '2001:db8:f::2');
  const dp = new LmaDataPlane(lma, [{ prefix: '2001:db8:100::', length: 40 }]);
  /** What became of one packet r sends through the LMA: 'tunnelled', or the LMA's drop reason. */
  const fate = (src: string, dst: string): string => {
    const pid = r.send(rawPacket(src, dst, 59, 48));
    sim.run();
    const drop = sim.trace.entries.find((e) => e.kind === 'drop' && e.pid === pid);
    if (drop?.kind === 'drop') return drop.reason;
    return sim.trace.entries.some((e) => e.kind === 'tx' && e.node === 'lma' && e.tunnelled)
      ? 'tunnelled'
      : 'forwarded';
  };
  return { sim, lma, dp, fate };
}

describe('LmaDataPlane (RFC 5213 §5.6)', () => {
  it('tunnels a session prefix, drops it during the MinDelayBeforeBCEDelete hold, and anchors the rest', () => {
    const { dp, lma, fate } = setup();
    const hnp = { prefix: '2001:db8:100:1::', length: 64 };
    dp.route(hnp, { iface: 'tnl-mag1' });
    expect(dp.routeOf(hnp)).toBe('tnl-mag1');
    expect(lma.routes().map((r) => `${r.prefix}/${r.length} ${r.iface}`)).toContain(
      '2001:db8:100:1::/64 tnl-mag1',
    );
    expect(fate('2001:db8:f::2', '2001:db8:100:1::5')).toBe('tunnelled');

    dp.route(hnp, 'discard');
    expect(dp.routeOf(hnp)).toBe('discard');
    expect(lma.routes().some((r) => r.iface === 'tnl-mag1')).toBe(false);
    expect(fate('2001:db8:f::2', '2001:db8:100:1::5')).toBe(
      'the binding for 2001:db8:100:1::/64 is de-registered and waiting for deletion (MinDelayBeforeBCEDelete): its traffic is dropped',
    );
    expect(fate('2001:db8:100:1::9', '2001:db8:300::1')).toMatch(
      /^the binding for 2001:db8:100:1::\/64 is de-registered/,
    );

    dp.unroute(hnp);
    expect(dp.routeOf(hnp)).toBeNull();
    expect(fate('2001:db8:f::2', '2001:db8:100:1::5')).toBe(
      'no mobility session holds the home network prefix of 2001:db8:100:1::5',
    );
    expect(fate('2001:db8:f::2', '2001:db8:200::5')).not.toMatch(/session|binding/);
  });

  it('finds the longest session prefix holding an address', () => {
    const { dp, fate } = setup();
    dp.route({ prefix: '2001:db8:100::', length: 48 }, 'discard');
    dp.route({ prefix: '2001:db8:100:7::', length: 64 }, { iface: 'tnl-mag1' });
    expect(fate('2001:db8:f::2', '2001:db8:100:7::1')).toBe('tunnelled');
    expect(fate('2001:db8:f::2', '2001:db8:100:8::1')).toMatch(
      /^the binding for 2001:db8:100::\/48 is de-registered/,
    );
    dp.unroute({ prefix: '2001:db8:100::', length: 48 });
    dp.unroute({ prefix: '2001:db8:100::', length: 48 }); // already gone: nothing to do
    expect(fate('2001:db8:f::2', '2001:db8:100:8::1')).toMatch(/^no mobility session holds/);
  });
});
