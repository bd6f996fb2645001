/** Starting the scenario's traffic flows: resolving their ends to nodes and addresses, then the apps. */
import { startPing, startUdpFlow } from '../agents/traffic';
import type { Target } from '../agents/traffic';
import type { NetNode, Network } from '../net';
import { formatIPv6, ip6, isIPv6, prefixContains, parsePrefix } from '../wire/addr';
import type { Scenario, TrafficSpec } from './types';
import { durationOf, parsePacketRate } from './units';

/** A flow's target: a node (address looked up per packet) or a literal address. */
function targetOf(net: Network, to: string): Target {
  return isIPv6(to) ? { address: formatIPv6(ip6(to)) } : { node: net.node(to) };
}

/**
 * The node that receives what is sent to `to`: the node itself, the node configured with that address,
 * or the mobile node whose static home network prefix holds it; null when none is known before the run.
 */
export function receiverOf(net: Network, s: Scenario, to: string): NetNode | null {
  if (!isIPv6(to)) return net.node(to);
  const address = formatIPv6(ip6(to));
  const owner = s.nodes.find((n) =>
    Object.values(n.addresses).some((l) => l.some((t) => t.slice(0, t.indexOf('/')) === address)),
  );
  if (owner) return net.node(owner.id);
  const policy = s.policies.find(
    (p) =>
      p.prefixes !== 'allocate' &&
      p.prefixes.some((text) => {
        const prefix = parsePrefix(text);
        return prefix !== null && prefixContains(prefix, address);
      }),
  );
  return policy ? net.node(policy.mn) : null;
}

function pacing(t: TrafficSpec, interval: number) {
  return {
    start: durationOf(t.start),
    interval,
    ...(t.stop !== undefined ? { stop: durationOf(t.stop) } : {}),
    ...(t.count !== undefined ? { count: t.count } : {}),
  };
}

export function startTraffic(net: Network, s: Scenario): void {
  s.traffic.forEach((t, index) => {
    const from = net.node(t.from);
    const to = targetOf(net, t.to);
    if (t.kind === 'ping') {
      // Echo identifier: distinct per flow, so each ping matches only its own replies (RFC 4443 §4.1).
      startPing({
        ...pacing(t, durationOf(t.interval)),
        flow: t.id,
        from,
        to,
        size: t.size,
        timeout: durationOf(t.timeout),
        identifier: (0x1000 + index) & 0xffff,
      });
      return;
    }
    const interval = Math.max(1, Math.round(1e6 / (parsePacketRate(t.rate) as number)));
    startUdpFlow({
      ...pacing(t, interval),
      flow: t.id,
      from,
      to,
      receiver: receiverOf(net, s, t.to),
      size: t.size,
      srcPort: t.srcPort,
      dstPort: t.dstPort,
    });
  });
}
