/**
 * Ping: ICMPv6 Echo Requests (RFC 4443 §4.1) from one node to a target at a steady interval, matching the
 * Echo Replies (§4.2) by identifier and sequence number. Traced as 'app' entries: `sent` per request,
 * `reply` with the round-trip time, `timeout` for a request unanswered after the timeout.
 *
 * The identifier tells this flow's replies apart from other pings of the same node; sequence numbers
 * start at 1 (as iputils ping) and wrap at 16 bits. A reply after its timeout, or a duplicate, is ignored.
 */
import type { Micros } from '../../core/time';
import type { NetNode } from '../../net/node';
import type { ReceivedPacket } from '../../net/types';
import { ICMPV6_ECHO_REPLY, emitIcmpv6, parseIcmpv6 } from '../../wire/icmpv6';
import { emitIPv6Packet } from '../../wire/ipv6';
import { SkipNotes, endpoints } from './addresses';
import type { Target } from './addresses';
import { periodic } from './periodic';
import type { Pacing } from './periodic';

export interface PingOptions extends Pacing {
  /** Flow name in the trace. */
  readonly flow: string;
  readonly from: NetNode;
  readonly to: Target;
  /** Echo data octets. */
  readonly size: number;
  readonly timeout: Micros;
  /** Echo identifier (16 bits), unique among the pings of `from`. */
  readonly identifier: number;
}

const ICMPV6 = 58;
const HOP_LIMIT = 64;

/** Data octets 0x00, 0x01, … as a recognisable pattern in the inspector (like `ping -p`). */
function echoData(size: number): Uint8Array {
  const d = new Uint8Array(size);
  for (let i = 0; i < size; i++) d[i] = i & 0xff;
  return d;
}

export function startPing(o: PingOptions): void {
  const sim = o.from.sim;
  const outstanding = new Map<number, Micros>();
  const data = echoData(o.size);
  const skips = new SkipNotes(o.from, o.flow);
  let seq = 0;
  o.from.onReceive(ICMPV6, (p) => onReply(p));

  periodic(sim, o, () => {
    const next = (seq % 0xffff) + 1;
    const ends = endpoints(o.from, o.to);
    if ('skip' in ends) {
      skips.skipped(next, ends);
      return false;
    }
    skips.sent();
    seq = next;
    const payload = emitIcmpv6(
      { type: 'echo-request', identifier: o.identifier, sequence: seq, data },
      ends.src,
      ends.dst,
    );
    const bytes = emitIPv6Packet({
      trafficClass: 0,
      flowLabel: 0,
      hopLimit: HOP_LIMIT,
      src: ends.src,
      dst: ends.dst,
      extHeaders: [],
      nextHeader: ICMPV6,
      payload,
    });
    const sentSeq = seq;
    outstanding.set(sentSeq, sim.now);
    sim.record({ kind: 'app', node: o.from.id, app: 'ping', event: 'sent', flow: o.flow, seq: sentSeq });
    o.from.send(bytes);
    sim.after(o.timeout, () => {
      if (!outstanding.delete(sentSeq)) return;
      sim.record({ kind: 'app', node: o.from.id, app: 'ping', event: 'timeout', flow: o.flow, seq: sentSeq });
    });
    return true;
  });

  function onReply(p: ReceivedPacket): void {
    if (p.payloadLength < 8 || p.bytes[p.payloadOffset] !== ICMPV6_ECHO_REPLY) return;
    // Every ping of this node sees every reply: read the Identifier (RFC 4443 §4.2) before parsing.
    if (((p.bytes[p.payloadOffset + 4] << 8) | p.bytes[p.payloadOffset + 5]) !== o.identifier) return;
    const m = parseIcmpv6(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
    if (
      !m.ok ||
      m.value.type !== 'echo-reply' ||
      !m.value.checksumValid ||
      m.value.identifier !== o.identifier
    )
      return;
    const sentAt = outstanding.get(m.value.sequence);
    if (sentAt === undefined) return;
    outstanding.delete(m.value.sequence);
    sim.record({
      kind: 'app',
      node: o.from.id,
      app: 'ping',
      event: 'reply',
      flow: o.flow,
      seq: m.value.sequence,
      rtt: sim.now - sentAt,
    });
  }
}
