/**
 * A constant-rate UDP flow (RFC 768): one datagram every 1/rate seconds from `from` to a target, each
 * carrying its sequence number and send time. The sender traces 'app' `sent`, the receiving node 'app'
 * `received` (with the sequence number), so loss and one-way delay follow from the trace by sequence.
 *
 * Payload: sequence number (32 bits) ‖ send time in µs (64 bits) ‖ zero padding up to `size` octets.
 */
import type { NetNode } from '../../net/node';
import type { ReceivedPacket } from '../../net/types';
import { emitIPv6Packet } from '../../wire/ipv6';
import { emitUdp, parseUdp } from '../../wire/udp';
import { SkipNotes, endpoints } from './addresses';
import type { Target } from './addresses';
import { periodic } from './periodic';
import type { Pacing } from './periodic';

export interface UdpFlowOptions extends Pacing {
  readonly flow: string;
  readonly from: NetNode;
  readonly to: Target;
  /** The node that counts what arrives (null: nobody listens, only `sent` is traced). */
  readonly receiver: NetNode | null;
  /** UDP payload octets, at least UDP_FLOW_HEADER. */
  readonly size: number;
  readonly srcPort: number;
  readonly dstPort: number;
}

export const UDP_FLOW_HEADER = 12;
const UDP = 17;
const HOP_LIMIT = 64;

function payloadOf(seq: number, sentAt: number, size: number): Uint8Array {
  const p = new Uint8Array(Math.max(size, UDP_FLOW_HEADER));
  const v = new DataView(p.buffer);
  v.setUint32(0, seq);
  v.setUint32(4, Math.floor(sentAt / 2 ** 32));
  v.setUint32(8, sentAt >>> 0);
  return p;
}

export function startUdpFlow(o: UdpFlowOptions): void {
  const sim = o.from.sim;
  const skips = new SkipNotes(o.from, o.flow);
  let seq = 0;
  if (o.receiver) {
    const receiver = o.receiver;
    receiver.onReceive(UDP, (p) => onDatagram(receiver, p));
  }
  periodic(sim, o, () => {
    const ends = endpoints(o.from, o.to);
    if ('skip' in ends) {
      skips.skipped(seq + 1, ends);
      return false;
    }
    skips.sent();
    seq++;
    const payload = emitUdp(
      { srcPort: o.srcPort, dstPort: o.dstPort, payload: payloadOf(seq, sim.now, o.size) },
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
      nextHeader: UDP,
      payload,
    });
    sim.record({ kind: 'app', node: o.from.id, app: 'udp', event: 'sent', flow: o.flow, seq });
    o.from.send(bytes);
    return true;
  });

  function onDatagram(receiver: NetNode, p: ReceivedPacket): void {
    const d = parseUdp(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
    if (!d.ok || !d.value.checksumValid || d.value.dstPort !== o.dstPort || d.value.srcPort !== o.srcPort)
      return;
    if (d.value.payload.length < UDP_FLOW_HEADER) return;
    const got = new DataView(d.value.payload.buffer, d.value.payload.byteOffset, UDP_FLOW_HEADER).getUint32(
      0,
    );
    sim.record({ kind: 'app', node: receiver.id, app: 'udp', event: 'received', flow: o.flow, seq: got });
  }
}
