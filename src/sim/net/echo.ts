/**
 * The ICMPv6 echo responder every node runs (RFC 4443 §4.2): an Echo Reply with the request's
 * identifier, sequence number and data, from the address the request was sent to (or, for a multicast
 * request, a unicast address of the node, RFC 4443 §4.2 and §2.2).
 */
import { isMulticast } from '../wire/addr';
import { emitIPv6Packet } from '../wire/ipv6';
import { ICMPV6_ECHO_REQUEST, emitIcmpv6, parseIcmpv6 } from '../wire/icmpv6';
import type { NetNode } from './node';
import { replyVia, selectSource } from './source-address';
import type { ReceivedPacket } from './types';

export function answerEcho(node: NetNode, p: ReceivedPacket): void {
  if (p.payloadLength < 8 || p.bytes[p.payloadOffset] !== ICMPV6_ECHO_REQUEST) return;
  if (p.src === '::' || isMulticast(p.src)) return;
  const m = parseIcmpv6(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
  if (!m.ok || m.value.type !== 'echo-request' || !m.value.checksumValid) return; // RFC 4443 §2.4 (not valid: discard)
  const via = replyVia(p.src, p.inIface);
  const src = isMulticast(p.dst) ? selectSource(node, p.src, via.iface) : p.dst;
  if (src === null) return;
  const reply = {
    type: 'echo-reply',
    identifier: m.value.identifier,
    sequence: m.value.sequence,
    data: m.value.data,
  } as const;
  const payload = emitIcmpv6(reply, src, p.src);
  node.send(
    emitIPv6Packet({
      trafficClass: 0,
      flowLabel: 0,
      hopLimit: 64,
      src,
      dst: p.src,
      extHeaders: [],
      nextHeader: 58,
      payload,
    }),
    via,
  );
}
