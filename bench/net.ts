/**
 * Figures for the network layer: packets forwarded across a 5-hop path (h1 — r1 — r2 — r3 — r4 — h2),
 * with every tx/rx/deliver traced as in a real run. Two loads: a one-way stream (h1 sends, h2 delivers)
 * and ping (every request answered by h2's echo responder, so both directions and ICMPv6 encode/decode).
 * Each figure is the best of a few timed rounds after a warm-up round.
 */
import type { Figure } from './figure';
import { Simulator } from '../src/sim/core/index';
import { Network } from '../src/sim/net/index';
import { emitIPv6Packet } from '../src/sim/wire/ipv6';
import { emitIcmpv6 } from '../src/sim/wire/icmpv6';

const ROUNDS = 5;
const HOPS = 5;
const H1 = '2001:db8:1::1';
const H2 = `2001:db8:${HOPS}::2`;

function fiveHopPath(): { sim: Simulator; net: Network } {
  const sim = new Simulator({ seed: 1 });
  const net = new Network(sim);
  const names = ['h1', 'r1', 'r2', 'r3', 'r4', 'h2'];
  names.forEach((id, i) => net.addNode(id, i === 0 || i === HOPS ? 'host' : 'router'));
  for (let i = 1; i <= HOPS; i++) {
    const [a, b] = [names[i - 1], names[i]];
    net.addLink(
      `L${i}`,
      { node: a, iface: 'right' },
      { node: b, iface: 'left' },
      { delay: 1_000, bandwidthBps: 1_000_000_000 },
    );
    net.node(a).addAddress('right', `2001:db8:${i}::1`, 64);
    net.node(b).addAddress('left', `2001:db8:${i}::2`, 64);
  }
  net.node('h1').addRoute({ prefix: '::', length: 0, iface: 'right' });
  net.node('h2').addRoute({ prefix: '::', length: 0, iface: 'left' });
  for (let r = 1; r < HOPS; r++) {
    net.node(`r${r}`).addRoute({ prefix: '2001:db8:1::', length: 64, iface: 'left' });
    net.node(`r${r}`).addRoute({ prefix: `2001:db8:${HOPS}::`, length: 64, iface: 'right' });
  }
  return { sim, net };
}

interface Load {
  packets: number;
  hops: number;
  events: number;
  traceEntries: number;
}

/** h1 sends `count` packets, one every 10 µs; returns what got through and what it cost. */
function stream(count: number, ping: boolean): Load {
  const { sim, net } = fiveHopPath();
  let delivered = 0;
  const h1 = net.node('h1');
  const h2 = net.node('h2');
  const sink = (): void => {
    delivered++;
  };
  if (ping) h1.onReceive(58, sink);
  else h2.onReceive(59, sink);
  const payload = emitIcmpv6(
    { type: 'echo-request', identifier: 1, sequence: 1, data: new Uint8Array(56) },
    H1,
    H2,
  );
  const request = emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: 64,
    src: H1,
    dst: H2,
    extHeaders: [],
    nextHeader: ping ? 58 : 59,
    payload,
  });
  let sent = 0;
  const tick = (): void => {
    h1.send(request);
    if (++sent < count) sim.after(10, tick);
  };
  sim.after(0, tick);
  sim.run();
  const packets = ping ? 2 * delivered : delivered;
  return { packets, hops: packets * HOPS, events: sim.eventsDispatched, traceEntries: sim.trace.length };
}

function best(body: () => Load): { perSecond: Load } {
  body();
  let top: Load = { packets: 0, hops: 0, events: 0, traceEntries: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    const load = body();
    const s = (performance.now() - start) / 1000;
    if (load.packets / s > top.packets)
      top = {
        packets: load.packets / s,
        hops: load.hops / s,
        events: load.events / s,
        traceEntries: load.traceEntries / s,
      };
  }
  return { perSecond: top };
}

export async function run(): Promise<Figure[]> {
  const oneWay = best(() => stream(50_000, false)).perSecond;
  const ping = best(() => stream(25_000, true)).perSecond;
  return [
    {
      name: '5-hop path, one-way stream: packets delivered',
      value: oneWay.packets,
      unit: 'pkts/s',
      note: '5 hops each',
    },
    { name: '5-hop path, one-way stream: hops (tx + rx + forward)', value: oneWay.hops, unit: 'hops/s' },
    { name: '5-hop path, one-way stream: events dispatched', value: oneWay.events, unit: 'events/s' },
    {
      name: '5-hop path, one-way stream: trace entries written',
      value: oneWay.traceEntries,
      unit: 'entries/s',
    },
    {
      name: '5-hop path, ping: packets delivered (requests + replies)',
      value: ping.packets,
      unit: 'pkts/s',
      note: 'echo responder included',
    },
    { name: '5-hop path, ping: events dispatched', value: ping.events, unit: 'events/s' },
  ];
}
