/**
 * Shared builders for the network-layer tests: packets (echo requests, UDP-less raw payloads) and small
 * topologies (a chain of routers between two hosts) with their addresses and routes.
 */
import { Simulator } from '../../src/sim/core/simulator';
import type { TraceEntry, TraceKind } from '../../src/sim/core/trace-types';
import { emitIPv6Packet } from '../../src/sim/wire/ipv6';
import { emitIcmpv6 } from '../../src/sim/wire/icmpv6';
import { Network } from '../../src/sim/net/network';
import type { LinkProps } from '../../src/sim/net/types';

export function echoRequest(
  src: string,
  dst: string,
  sequence: number,
  opts: { hopLimit?: number; data?: Uint8Array } = {},
): Uint8Array {
  const data = opts.data ?? new Uint8Array(16).fill(0xab);
  const payload = emitIcmpv6({ type: 'echo-request', identifier: 0x1234, sequence, data }, src, dst);
  return emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: opts.hopLimit ?? 64,
    src,
    dst,
    extHeaders: [],
    nextHeader: 58,
    payload,
  });
}

/** A packet with an arbitrary upper-layer protocol and `size` octets in total. */
export function rawPacket(
  src: string,
  dst: string,
  nextHeader: number,
  size: number,
  hopLimit = 64,
): Uint8Array {
  return emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit,
    src,
    dst,
    extHeaders: [],
    nextHeader,
    payload: new Uint8Array(size - 40),
  });
}

export function entries<K extends TraceKind>(sim: Simulator, kind: K): Extract<TraceEntry, { kind: K }>[] {
  return sim.trace.entries.filter((e): e is Extract<TraceEntry, { kind: K }> => e.kind === kind);
}

/** Address of `node`'s end on chain link i (1-based): 2001:db8:i::1 on the left end, ::2 on the right. */
export const chainAddr = (link: number, side: 'left' | 'right'): string =>
  `2001:db8:${link}::${side === 'left' ? 1 : 2}`;

/**
 * h1 — r1 — r2 — … — r(n-1) — h2: n links, link i = "L<i>" between chain node i-1 and i, its prefix
 * 2001:db8:i::/64. Interfaces: "left" towards h1, "right" towards h2 (hosts have "eth0"). Each router
 * routes every chain prefix out of the side it lies on; hosts have a default route.
 */
export function chain(links: number, props: (i: number) => LinkProps, seed = 1) {
  const sim = new Simulator({ seed });
  const net = new Network(sim);
  const names = ['h1', ...Array.from({ length: links - 1 }, (_, i) => `r${i + 1}`), 'h2'];
  names.forEach((id, i) => net.addNode(id, i === 0 || i === names.length - 1 ? 'host' : 'router'));
  for (let i = 1; i <= links; i++) {
    const a = names[i - 1];
    const b = names[i];
    const aIf = i === 1 ? 'eth0' : 'right';
    const bIf = i === links ? 'eth0' : 'left';
    net.addLink(`L${i}`, { node: a, iface: aIf }, { node: b, iface: bIf }, props(i));
    net.node(a).addAddress(aIf, chainAddr(i, 'left'), 64);
    net.node(b).addAddress(bIf, chainAddr(i, 'right'), 64);
  }
  net.node('h1').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  net.node('h2').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  for (let r = 1; r < links; r++) {
    for (let i = 1; i <= links; i++)
      net.node(`r${r}`).addRoute({ prefix: `2001:db8:${i}::`, length: 64, iface: i <= r ? 'left' : 'right' });
  }
  return { sim, net, h1: chainAddr(1, 'left'), h2: chainAddr(links, 'right') };
}
