import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/core/simulator';
import { Network } from '../../src/sim/net/network';
import type { LinkProps } from '../../src/sim/net/types';
import { entries, rawPacket } from './helpers';

const A = '2001:db8::a';
const B = '2001:db8::b';

/** Two hosts a (eth0) — b (eth0) on link "a-b"; b records when each packet reaches it. */
function pair(props: LinkProps, seed = 7) {
  const sim = new Simulator({ seed });
  const net = new Network(sim);
  net.addNode('a', 'host');
  net.addNode('b', 'host');
  net.addLink('a-b', { node: 'a', iface: 'eth0' }, { node: 'b', iface: 'eth0' }, props);
  net.node('a').addAddress('eth0', A, 64);
  net.node('b').addAddress('eth0', B, 64);
  net.node('a').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  const arrivals: { t: number; pid: number }[] = [];
  net.node('b').onReceive(59, (p) => arrivals.push({ t: sim.now, pid: p.pid }));
  const send = (size: number) => net.node('a').send(rawPacket(A, B, 59, size));
  return { sim, net, arrivals, send };
}

describe('point-to-point link timing', () => {
  it('arrival = propagation delay when bandwidth is infinite', () => {
    const { sim, arrivals, send } = pair({ delay: 1500 });
    sim.runUntil(100);
    send(200);
    sim.run();
    expect(arrivals).toEqual([{ t: 1600, pid: 1 }]);
    expect(entries(sim, 'tx')[0]).toMatchObject({
      t: 100,
      node: 'a',
      link: 'a-b',
      to: 'b',
      arrive: 1600,
      pid: 1,
    });
  });

  it('adds serialisation (bytes × 8 / bps, rounded up to a µs) and queues back-to-back packets', () => {
    const { sim, arrivals, send } = pair({ delay: 1000, bandwidthBps: 1_000_000 });
    send(125); // 1000 bits at 1 Mb/s: 1000 µs
    send(125);
    send(100); // 800 µs
    sim.run();
    expect(arrivals.map((a) => a.t)).toEqual([2000, 3000, 3800]);
    expect(entries(sim, 'tx').map((e) => e.arrive)).toEqual([2000, 3000, 3800]);
    expect(entries(sim, 'rx').map((e) => e.t)).toEqual([2000, 3000, 3800]);
  });

  it('rounds a fractional serialisation time up', () => {
    const { sim, arrivals, send } = pair({ delay: 0, bandwidthBps: 3_000_000 });
    send(100); // 800 bits at 3 Mb/s = 266.67 µs
    sim.run();
    expect(arrivals.map((a) => a.t)).toEqual([267]);
  });

  it('a transmitter idle again starts at once', () => {
    const { sim, arrivals, send } = pair({ delay: 10, bandwidthBps: 8_000_000 }); // 1 µs per octet
    send(100);
    sim.runUntil(5000);
    send(100);
    sim.run();
    expect(arrivals.map((a) => a.t)).toEqual([110, 5110]);
  });

  it('each direction has its own transmitter', () => {
    const { sim, net, arrivals, send } = pair({ delay: 0, bandwidthBps: 8_000_000 });
    const back: number[] = [];
    net.node('a').onReceive(59, () => back.push(sim.now));
    net.node('b').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
    send(1000);
    net.node('b').send(rawPacket(B, A, 59, 1000));
    sim.run();
    expect(arrivals.map((a) => a.t)).toEqual([1000]);
    expect(back).toEqual([1000]);
  });
});

describe('drop-tail queue', () => {
  it('drops what does not fit behind the packet being serialised, with the reason', () => {
    const { sim, arrivals, send } = pair({ delay: 0, bandwidthBps: 8_000_000, queuePackets: 2 });
    for (let i = 0; i < 5; i++) send(1000); // 1000 µs each: 1 transmitting + 2 waiting
    sim.run();
    expect(arrivals).toEqual([
      { t: 1000, pid: 1 },
      { t: 2000, pid: 2 },
      { t: 3000, pid: 3 },
    ]);
    const drops = entries(sim, 'drop');
    expect(drops.map((d) => ({ t: d.t, node: d.node, pid: d.pid, reason: d.reason, link: d.link }))).toEqual([
      { t: 0, node: 'a', pid: 4, reason: 'queue full on link a-b', link: 'a-b' },
      { t: 0, node: 'a', pid: 5, reason: 'queue full on link a-b', link: 'a-b' },
    ]);
    expect(entries(sim, 'tx').map((e) => e.pid)).toEqual([1, 2, 3]);
  });

  it('makes room as packets start transmitting', () => {
    const { sim, arrivals, send } = pair({ delay: 0, bandwidthBps: 8_000_000, queuePackets: 1 });
    send(1000);
    send(1000);
    send(1000); // dropped: one waiting already
    sim.runUntil(1000); // the 2nd starts transmitting now, the queue is empty again
    send(1000);
    sim.run();
    expect(arrivals.map((a) => [a.pid, a.t])).toEqual([
      [1, 1000],
      [2, 2000],
      [4, 3000],
    ]);
    expect(entries(sim, 'drop').map((d) => d.pid)).toEqual([3]);
  });
});

describe('seeded loss', () => {
  const lostPids = (sim: Simulator, link: string) =>
    entries(sim, 'drop')
      .filter((d) => d.reason === `loss on link ${link}`)
      .map((d) => d.pid);

  it('traces a lost packet as sent, then dropped when it would have arrived', () => {
    const { sim, arrivals, send } = pair({ delay: 500, loss: 1 });
    send(100);
    sim.run();
    expect(arrivals).toEqual([]);
    const [tx] = entries(sim, 'tx');
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({
        t: 500,
        node: 'b',
        pid: 1,
        link: 'a-b',
        reason: 'loss on link a-b',
        txId: tx.id,
      }),
    ]);
    expect(entries(sim, 'rx')).toEqual([]);
  });

  it('is the same for the same seed and different for another', () => {
    const run = (seed: number) => {
      const { sim, send } = pair({ delay: 100, loss: 0.3 }, seed);
      for (let i = 0; i < 200; i++) send(100);
      sim.run();
      return lostPids(sim, 'a-b');
    };
    const first = run(11);
    expect(first.length).toBeGreaterThan(30);
    expect(first.length).toBeLessThan(90);
    expect(run(11)).toEqual(first);
    expect(run(12)).not.toEqual(first);
  });

  it('draws from the link’s own stream: traffic on another lossy link changes nothing', () => {
    const run = (withOther: boolean) => {
      const { sim, net, send } = pair({ delay: 100, loss: 0.3 }, 5);
      net.addNode('c', 'host');
      net.addLink(
        'a-c',
        { node: 'a', iface: 'eth1' },
        { node: 'c', iface: 'eth0' },
        { delay: 100, loss: 0.5 },
      );
      for (let i = 0; i < 100; i++) {
        send(100);
        if (withOther) net.node('a').send(rawPacket(A, '2001:db8::c', 59, 100), { iface: 'eth1' });
      }
      sim.run();
      // pids differ between the runs (the other link's packets take ids too): compare send order
      const sent = entries(sim, 'tx')
        .filter((e) => e.link === 'a-b')
        .map((e) => e.pid);
      const lost = new Set(lostPids(sim, 'a-b'));
      return sent.map((pid) => lost.has(pid));
    };
    const alone = run(false);
    expect(alone.filter(Boolean).length).toBeGreaterThan(10);
    expect(run(true)).toEqual(alone);
  });

  it('does not draw at all on a link without loss', () => {
    const { sim, send } = pair({ delay: 1 });
    send(100);
    sim.run();
    // the stream is untouched: its first draw is still the first value of a fresh stream
    expect(sim.rng('link:a-b').next()).toBe(new Simulator({ seed: 7 }).rng('link:a-b').next());
  });
});

describe('link up/down and MTU', () => {
  it('drops packets on the wire when the link goes down, refuses new ones, and recovers', () => {
    const { sim, net, arrivals, send } = pair({ delay: 1000 });
    send(100);
    sim.runUntil(400);
    net.setLinkUp('a-b', false);
    expect(net.node('a').iface('eth0')?.up).toBe(false);
    send(100);
    sim.runUntil(2000);
    net.setLinkUp('a-b', true);
    send(100);
    sim.run();
    expect(arrivals).toEqual([{ t: 3000, pid: 3 }]);
    const drops = entries(sim, 'drop').map((d) => ({
      t: d.t,
      node: d.node,
      pid: d.pid,
      reason: d.reason,
      hasTx: d.txId !== undefined,
    }));
    expect(drops).toEqual([
      { t: 400, node: 'b', pid: 1, reason: 'link down', hasTx: true },
      { t: 400, node: 'a', pid: 2, reason: 'link down', hasTx: false },
    ]);
  });

  it('drops an own packet larger than the link MTU (no fragmentation)', () => {
    const { sim, arrivals, send } = pair({ delay: 10, mtu: 1280 });
    send(1281);
    send(1280);
    sim.run();
    expect(arrivals.map((a) => a.pid)).toEqual([2]);
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({
        node: 'a',
        pid: 1,
        reason: 'packet of 1281 octets is too big for link a-b (MTU 1280)',
        rfc: 'RFC 8200 §5',
      }),
    ]);
  });

  it('rejects impossible link properties', () => {
    expect(() => pair({ delay: -1 })).toThrow(/delay/);
    expect(() => pair({ delay: 1.5 })).toThrow(/delay/);
    expect(() => pair({ delay: 1, loss: 2 })).toThrow(/loss/);
    expect(() => pair({ delay: 1, mtu: 1000 })).toThrow(/1280/);
    expect(() => pair({ delay: 1, bandwidthBps: 0 })).toThrow(/bandwidth/);
  });
});
