/**
 * ICMPv6 error messages a node sends about a packet it could not handle (RFC 4443 §3), with the rules of
 * §2.4 (e) that keep errors from multiplying: never about an ICMPv6 error message, never about a packet
 * to a multicast address (Packet Too Big excepted), never to an unspecified or multicast source.
 * Rate limiting (§2.4 f) is not modelled.
 */
import { formatIPv6 } from '../wire/addr';
import { emitIPv6Packet, ipv6UpperLayer } from '../wire/ipv6';
import type { Icmpv6Error } from '../wire/icmpv6';
import { emitIcmpv6 } from '../wire/icmpv6';
import type { NetNode } from './node';
import { replyVia, selectSource } from './source-address';

/** RFC 4443 §2.4 (e): may `offending` be answered with an error of this type? */
export function mayReportError(offending: Uint8Array, type: Icmpv6Error['type']): boolean {
  if (offending.length < 40) return false;
  if (offending[8] === 0xff || isUnspecified(offending, 8)) return false; // (e.3)–(e.5): no usable source
  if (offending[24] === 0xff && type !== 'packet-too-big') return false; // (e.3): multicast destination
  const up = ipv6UpperLayer(offending);
  if (up && up.nextHeader === 58 && up.length > 0 && offending[up.offset] < 128) return false; // (e.1)
  return true;
}

function isUnspecified(b: Uint8Array, off: number): boolean {
  for (let i = off; i < off + 16; i++) if (b[i] !== 0) return false;
  return true;
}

/**
 * Sends `err` back to the source of `offending` (the packet as this node received it, `inIface` the
 * interface it came in on). Silently does nothing when §2.4 (e) forbids it or no source address fits.
 */
export function sendIcmpError(
  node: NetNode,
  offending: Uint8Array,
  inIface: string | null,
  err: Icmpv6Error,
): void {
  if (!mayReportError(offending, err.type)) return;
  const dst = formatIPv6(offending, 8);
  const via = inIface === null ? {} : replyVia(dst, inIface);
  const src = selectSource(node, dst, via.iface);
  if (src === null) return;
  const payload = emitIcmpv6(err, src, dst);
  const bytes = emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: 64,
    src,
    dst,
    extHeaders: [],
    nextHeader: 58,
    payload,
  });
  node.send(bytes, via);
}
