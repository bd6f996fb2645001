import { describe, expect, it } from 'vitest';
import { Simulator, replayTo } from '../../src/sim/core/simulator';
import { Trace } from '../../src/sim/core/trace';
import { Network } from '../../src/sim/net/network';
import { echoRequest } from './helpers';

const MN = '2001:db8:1:1::100';
const CN = '2001:db8:ff::1';

/**
 * cn — mag1 / mag2 with lossy wireless access: mn1 pings the CN every 10 ms, hands over from mag1 to
 * mag2 at 100 ms, and a fault drops the 3rd ping request from mag1. Everything random or timed in the
 * network layer is in play.
 */
function build(seed: number): Simulator {
  const sim = new Simulator({ seed });
  const net = new Network(sim);
  for (const [id, kind] of [
    ['cn', 'cn'],
    ['mag1', 'mag'],
    ['mag2', 'mag'],
    ['mn1', 'mn'],
  ] as const)
    net.addNode(id, kind);
  net.addLink(
    'cn-mag1',
    { node: 'cn', iface: 'e1' },
    { node: 'mag1', iface: 'core' },
    { delay: 3_000, bandwidthBps: 10_000_000 },
  );
  net.addLink(
    'cn-mag2',
    { node: 'cn', iface: 'e2' },
    { node: 'mag2', iface: 'core' },
    { delay: 4_000, loss: 0.1 },
  );
  net.node('cn').addAddress('e1', CN, 64);
  for (const mag of ['mag1', 'mag2']) {
    net.addAccessPoint(mag, { att: 4, attachDelay: 5_000, linkDelay: 1_000, loss: 0.2 });
    net.node(mag).addAddress('core', mag === 'mag1' ? '2001:db8:ff::11' : '2001:db8:ff::12', 64);
    net.node(mag).addRoute({ prefix: '::', length: 0, iface: 'core' });
  }
  net.onL2((e) => {
    const mag = net.node(e.mag);
    if (e.event === 'attach') mag.addRoute({ prefix: '2001:db8:1:1::', length: 64, iface: e.accessIface });
    net.node('cn').removeRoute('2001:db8:1:1::', 64);
    if (e.event === 'attach')
      net
        .node('cn')
        .addRoute({ prefix: '2001:db8:1:1::', length: 64, iface: e.mag === 'mag1' ? 'e1' : 'e2' });
  });
  const mn = net.node('mn1');
  mn.addInterface('wlan0');
  mn.addAddress('wlan0', MN, 64);
  mn.addRoute({ prefix: '::', length: 0, iface: 'wlan0' });
  net.addFault({ match: { label: 'ping req', from: 'mag1' }, nth: 3, action: 'drop' });
  net.attach('mn1', 'wlan0', 'mag1');
  for (let i = 0; i < 30; i++) sim.schedule(10_000 + i * 10_000, () => mn.send(echoRequest(MN, CN, i)));
  sim.schedule(100_000, () => net.attach('mn1', 'wlan0', 'mag2'));
  return sim;
}

describe('determinism', () => {
  it('gives a byte-identical trace for the same seed, and a different one for another seed', () => {
    const run = (seed: number) => {
      const sim = build(seed);
      sim.run();
      return sim.trace.toJsonLines();
    };
    const a = run(21);
    expect(a.split('\n').length).toBeGreaterThan(200);
    expect(a).toContain('scenario fault: drop the 3rd \\"ping req\\" from mag1');
    expect(a).toContain('"reason":"loss on link acc:mag1:mn1:wlan0"');
    expect(a).toContain('"event":"detach"');
    expect(run(21)).toBe(a);
    expect(run(22)).not.toBe(a);
  });

  it('replaying to event N reproduces the first part of the full run', () => {
    const full = build(5);
    full.run();
    const n = Math.floor(full.eventsDispatched / 2);
    const half = replayTo(() => build(5), n);
    const prefix = half.trace.toJsonLines();
    expect(full.trace.toJsonLines().startsWith(prefix)).toBe(true);
    expect(Trace.parseJsonLines(prefix).length).toBe(half.trace.length);
  });
});
