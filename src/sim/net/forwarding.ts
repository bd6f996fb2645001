/**
 * What a node does with a packet it received (from a link, from a tunnel, or from itself):
 *
 *   addressed to me ──► tunnel from a known remote? decapsulate (RFC 2473 §3.3), process the inner packet
 *                       as received on the tunnel interface; else hand to the upper-layer handlers
 *   link-scope multicast ──► the same, if the interface is a member of the group (RFC 4291 §2.7)
 *   anything else ──► a host drops it; a router forwards it (RFC 8200 §3, RFC 4443 §3):
 *                       forward hook → route lookup → hop limit → decremented copy → output
 *
 * The per-hop path reads the fixed header in place and copies the bytes only to patch the Hop Limit;
 * it never re-parses the packet.
 */
import { formatIPv6 } from '../wire/addr';
import { addressBytes } from '../wire/address-bytes';
import { parseExtHeaderChain } from '../wire/ext-headers';
import { protocolName } from '../wire/ip-protocols';
import { ipv6PacketEnd, ipv6UpperLayer } from '../wire/ipv6';
import { invokingPacket } from '../wire/icmpv6';
import { decapsulateFromIPv6 } from '../wire/tunnel';
import { sendIcmpError } from './icmp-errors';
import type { NetIface } from './iface';
import type { NetNode } from './node';
import { transmit } from './output';
import type { Packet } from './packet';
import type { ReceivedPacket } from './types';

/** Entry point: `pkt` fully received by `node` on `iface`. */
export function input(node: NetNode, pkt: Packet, iface: NetIface): void {
  const b = pkt.bytes;
  if (ipv6PacketEnd(b) < 0) {
    node.drop(pkt, 'not a valid IPv6 packet (bad version or length)', 'RFC 8200 §3');
    return;
  }
  if (b[24] === 0xff) multicastInput(node, pkt, iface, formatIPv6(b, 24));
  else if (node.isLocalAt(b, 24)) localInput(node, pkt, iface, formatIPv6(b, 24));
  else if (!node.isRouter)
    node.drop(
      pkt,
      `${formatIPv6(b, 24)} is not an address of this host, and hosts do not forward`,
      'RFC 8200 §2',
    );
  else forward(node, pkt, iface);
}

function multicastInput(node: NetNode, pkt: Packet, iface: NetIface, dst: string): void {
  const scope = pkt.bytes[25] & 0x0f;
  if (scope > 2) node.drop(pkt, `multicast routing is not modelled (${dst})`);
  else if (!isMember(node, iface, pkt.bytes))
    node.drop(pkt, `${iface.name} is not a member of ${dst}`, 'RFC 4291 §2.8');
  else localInput(node, pkt, iface, dst);
}

/** RFC 4291 §2.8: hosts join all-nodes and their solicited-node groups; routers also all-routers. */
function isMember(node: NetNode, iface: NetIface, b: Uint8Array): boolean {
  for (let i = 26; i < 35; i++) if (b[i] !== 0) return false;
  if (b[35] === 0 && b[36] === 0 && b[37] === 0 && b[38] === 0)
    return b[39] === 1 || (b[39] === 2 && node.isRouter);
  if (b[35] !== 1 || b[36] !== 0xff) return false;
  for (const a of iface.addresses) {
    const ab = addressBytes(a.address);
    if (ab[13] === b[37] && ab[14] === b[38] && ab[15] === b[39]) return true; // solicited-node group ff02::1:ff00:0/104 (§2.7.1)
  }
  return false;
}

function localInput(node: NetNode, pkt: Packet, iface: NetIface, dst: string): void {
  const b = pkt.bytes;
  const up = ipv6UpperLayer(b);
  if (up === null) {
    node.drop(pkt, 'extension header chain runs past the end of the packet', 'RFC 8200 §4');
    return;
  }
  if (up.nextHeader === 41) {
    const tunnel = node.tunnelFor(dst, formatIPv6(b, 8));
    if (tunnel) {
      decapsulate(node, pkt, tunnel);
      return;
    }
  }
  const handlers = node.handlersFor(up.nextHeader);
  if (!handlers || handlers.length === 0) {
    noListener(node, pkt, iface, up.nextHeader);
    return;
  }
  node.deliver(pkt);
  const p: ReceivedPacket = {
    pid: pkt.info.pid,
    bytes: b,
    inIface: iface.name,
    src: formatIPv6(b, 8),
    dst,
    nextHeader: up.nextHeader,
    payloadOffset: up.offset,
    payloadLength: up.length,
    hopLimit: b[7],
  };
  for (let i = 0, n = handlers.length; i < n; i++) handlers[i](p);
}

/** RFC 2473 §3.3: the tunnel exit point strips the outer header; the inner packet goes on from here. */
function decapsulate(node: NetNode, pkt: Packet, tunnel: NetIface): void {
  const d = decapsulateFromIPv6(pkt.bytes);
  if (!d.ok) {
    node.drop(pkt, `cannot decapsulate: ${d.error.message}`, 'RFC 2473 §3.3');
    return;
  }
  node.deliver(pkt);
  const carried = pkt.info.carried;
  const info = carried ?? { pid: node.net.newPid(), summary: null, carried: null };
  const inner: Packet = { info, bytes: d.value.inner, archived: false };
  input(node, inner, tunnel);
}

/** Nobody here speaks the upper-layer protocol: RFC 4443 §3.1 code 4 for UDP, RFC 8200 §4 otherwise. */
function noListener(node: NetNode, pkt: Packet, iface: NetIface, nh: number): void {
  const b = pkt.bytes;
  node.drop(
    pkt,
    `no listener for next header ${protocolName(nh)}`,
    nh === 17 ? 'RFC 4443 §3.1' : 'RFC 8200 §4',
  );
  if (nh === 59) return; // No Next Header: nothing follows, nothing to report (RFC 8200 §4.7)
  if (nh === 17) {
    sendIcmpError(node, b, iface.name, {
      type: 'destination-unreachable',
      code: 4,
      invoking: invokingPacket(b),
    });
    return;
  }
  sendIcmpError(node, b, iface.name, {
    type: 'parameter-problem',
    code: 1,
    pointer: nextHeaderFieldOffset(b),
    invoking: invokingPacket(b),
  });
}

/** Offset of the Next Header field that names the upper-layer protocol (RFC 4443 §3.4 Pointer). */
function nextHeaderFieldOffset(b: Uint8Array): number {
  const chain = parseExtHeaderChain(b, 40, 40 + ((b[4] << 8) | b[5]), b[6]);
  if (!chain.ok || chain.value.starts.length === 0) return 6;
  return chain.value.starts[chain.value.starts.length - 1];
}

/** RFC 4291 §2.5.6: fe80::/10. */
const isLinkLocalAt = (b: Uint8Array, off: number): boolean =>
  b[off] === 0xfe && (b[off + 1] & 0xc0) === 0x80;

function forward(node: NetNode, pkt: Packet, iface: NetIface): void {
  const b = pkt.bytes;
  let out: NetIface | undefined;
  const hook = node.forwardHook;
  if (hook !== null) {
    const v = hook(receivedForHook(pkt, iface));
    if (v === 'consumed') return;
    if (typeof v === 'object' && 'drop' in v) {
      node.drop(pkt, v.drop, v.rfc);
      return;
    }
    if (typeof v === 'object') {
      out = node.iface(v.iface);
      if (!out) {
        node.drop(pkt, `forward hook chose ${v.iface}, which ${node.id} does not have`);
        return;
      }
    }
  }
  if (isLinkLocalAt(b, 8) || isLinkLocalAt(b, 24)) {
    node.drop(pkt, 'link-local addresses are never forwarded off their link', 'RFC 4291 §2.5.6');
    return;
  }
  if (out === undefined) {
    const route = node.routeFor(b, 24);
    if (route === null) {
      node.drop(pkt, `no route to ${formatIPv6(b, 24)}`, 'RFC 4443 §3.1');
      sendIcmpError(node, b, iface.name, {
        type: 'destination-unreachable',
        code: 0,
        invoking: invokingPacket(b),
      });
      return;
    }
    out = node.iface(route.iface) as NetIface;
  }
  const hopLimit = b[7];
  if (hopLimit <= 1) {
    node.drop(pkt, 'hop limit exceeded', 'RFC 4443 §3.3');
    sendIcmpError(node, b, iface.name, { type: 'time-exceeded', code: 0, invoking: invokingPacket(b) });
    return;
  }
  // RFC 8200 §3: the copy that goes on has its Hop Limit decremented; it is written once, into the arena
  // where the trace keeps it.
  const next = node.sim.arena.copy(b);
  next[7] = hopLimit - 1;
  transmit(node, { info: pkt.info, bytes: next, archived: true }, out, true);
}

function receivedForHook(pkt: Packet, iface: NetIface): ReceivedPacket {
  const b = pkt.bytes;
  const up = ipv6UpperLayer(b);
  return {
    pid: pkt.info.pid,
    bytes: b,
    inIface: iface.name,
    src: formatIPv6(b, 8),
    dst: formatIPv6(b, 24),
    nextHeader: up ? up.nextHeader : b[6],
    payloadOffset: up ? up.offset : 40,
    payloadLength: up ? up.length : (b[4] << 8) | b[5],
    hopLimit: b[7],
  };
}
