/**
 * What a node does with a packet leaving it: choose the interface (given, or by longest-prefix match),
 * check the MTU, and put it on the link; or, for a tunnel interface, encapsulate it (RFC 2473 §3.1) into a
 * new packet with a new pid, from the tunnel's local to its remote end-point, and send that on.
 *
 * A packet too big for the next link is dropped; when the node was forwarding it, an ICMPv6 Packet Too
 * Big goes back to its source (RFC 4443 §3.2; RFC 2473 §7.1 for a tunnel). A node's own oversized
 * packets are dropped too: fragmentation (RFC 8200 §4.5) is not modelled.
 */
import { formatIPv6 } from '../wire/addr';
import { invokingPacket } from '../wire/icmpv6';
import { ipv6PacketEnd } from '../wire/ipv6';
import { encapsulateInIPv6 } from '../wire/tunnel';
import { sendIcmpError } from './icmp-errors';
import type { NetIface } from './iface';
import type { NetNode } from './node';
import type { Packet } from './packet';
import { newPacket } from './packet';
import { TUNNEL_HOP_LIMIT } from './types';

/** RFC 2473 §6.6 default Tunnel Encapsulation Limit, used here as the bound on nested tunnels. */
const MAX_TUNNEL_NESTING = 4;

/** Sends a packet the node itself originates, out of `ifaceName` when given. */
export function originate(node: NetNode, pkt: Packet, ifaceName?: string): void {
  const b = pkt.bytes;
  if (ipv6PacketEnd(b) < 0) {
    node.drop(pkt, 'not a valid IPv6 packet (bad version or length)', 'RFC 8200 §3');
    return;
  }
  if (ifaceName !== undefined) {
    const iface = node.iface(ifaceName);
    if (iface) transmit(node, pkt, iface, false);
    else node.drop(pkt, `${node.id} has no interface ${ifaceName}`);
    return;
  }
  const dst = formatIPv6(b, 24);
  if (b[24] === 0xff) {
    const only = soleLinkInterface(node);
    if (only) transmit(node, pkt, only, false);
    else node.drop(pkt, `multicast to ${dst} needs an interface to go out of`, 'RFC 4291 §2.7');
    return;
  }
  if (node.isLocal(dst)) {
    node.sim.after(0, () => node.input(pkt, node.loopback));
    return;
  }
  const own = HOST_KINDS.has(node.kind) ? interfaceOfSource(node, b) : null;
  if (own) {
    transmit(node, pkt, own, false);
    return;
  }
  const route = node.routeFor(b, 24);
  if (route === null) node.drop(pkt, `no route to ${dst}`);
  else transmit(node, pkt, node.iface(route.iface) as NetIface, false);
}

const HOST_KINDS: ReadonlySet<string> = new Set(['mn', 'cn', 'host']);

/**
 * A multihomed host sends a packet out of the interface that holds its source address (RFC 8028 §3: the
 * first hop is chosen by source address), so a reply from an MN's LTE home address does not leave through
 * its WLAN interface, where that MAG would rightly drop it (RFC 5213 §6.10.5).
 */
function interfaceOfSource(node: NetNode, b: Uint8Array): NetIface | null {
  if (b[8] === 0xfe && (b[9] & 0xc0) === 0x80) return null; // link-local: the route decides
  const src = formatIPv6(b, 8);
  for (const i of node.interfaces() as readonly NetIface[]) {
    if (i.isTunnel || i.attachment === null) continue;
    if (i.addresses.some((a) => a.address === src)) return i;
  }
  return null;
}

/** The node's one link interface, when it has exactly one (a host with a single link). */
function soleLinkInterface(node: NetNode): NetIface | null {
  let found: NetIface | null = null;
  for (const i of node.interfaces() as readonly NetIface[]) {
    if (i.isTunnel || i.attachment === null) continue;
    if (found) return null;
    found = i;
  }
  return found;
}

/** Sends `pkt` out of `iface`; `forwarded` says whether the node is forwarding it (for ICMPv6 errors). */
export function transmit(node: NetNode, pkt: Packet, iface: NetIface, forwarded: boolean, depth = 0): void {
  if (iface.tunnel !== null) {
    encapsulate(node, pkt, iface, forwarded, depth);
    return;
  }
  const at = iface.attachment;
  if (at === null) {
    node.drop(pkt, `interface ${iface.name} is not attached to a link`);
    return;
  }
  if (pkt.bytes.length > iface.mtu) {
    tooBig(node, pkt, iface.mtu, `link ${at.link.id}`, forwarded);
    return;
  }
  at.link.send(at.end, pkt);
}

/** RFC 2473 §3.1: the tunnel entry point prepends an IPv6 header from its local to its remote end-point. */
function encapsulate(node: NetNode, pkt: Packet, tunnel: NetIface, forwarded: boolean, depth: number): void {
  const ends = tunnel.tunnel as { local: string; remote: string };
  if (depth >= MAX_TUNNEL_NESTING) {
    node.drop(
      pkt,
      `tunnels nested more than ${MAX_TUNNEL_NESTING} deep (routing loop through ${tunnel.name}?)`,
      'RFC 2473 §4',
    );
    return;
  }
  if (pkt.bytes.length > tunnel.mtu) {
    tooBig(node, pkt, tunnel.mtu, `tunnel ${tunnel.name}`, forwarded);
    return;
  }
  const e = encapsulateInIPv6(pkt.bytes, { src: ends.local, dst: ends.remote, hopLimit: TUNNEL_HOP_LIMIT });
  if (!e.ok) {
    node.drop(pkt, `cannot encapsulate: ${e.error.message}`, 'RFC 2473 §4.1.1');
    if (forwarded)
      sendIcmpError(node, pkt.bytes, null, {
        type: 'parameter-problem',
        code: 0,
        pointer: e.error.offset,
        invoking: invokingPacket(pkt.bytes),
      });
    return;
  }
  const outer = newPacket(node.net.newPid(), e.value, pkt.info);
  const route = node.routeFor(e.value, 24);
  if (route === null) node.drop(outer, `no route to ${ends.remote} (the far end of tunnel ${tunnel.name})`);
  else transmit(node, outer, node.iface(route.iface) as NetIface, false, depth + 1);
}

function tooBig(node: NetNode, pkt: Packet, mtu: number, where: string, forwarded: boolean): void {
  node.drop(
    pkt,
    `packet of ${pkt.bytes.length} octets is too big for ${where} (MTU ${mtu})`,
    forwarded ? 'RFC 4443 §3.2' : 'RFC 8200 §5',
  );
  if (forwarded)
    sendIcmpError(node, pkt.bytes, null, {
      type: 'packet-too-big',
      mtu,
      invoking: invokingPacket(pkt.bytes),
    });
}
