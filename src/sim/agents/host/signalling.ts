/**
 * The signalling edge of a MAG or LMA node: PBU/PBA as IPv6 + Mobility Header (next header 135) between
 * Proxy-CoA and LMAA, byte-exact with real checksums, Hop Limit 64, no Home Address option and no Type 2
 * routing header (RFC 5213 §6.9.1.5, §5.3.6).
 *
 * Receiving, in the order of RFC 5213 §5.3.1 steps 1–3 and §6.9.1.2 step 1:
 * 1. security (RFC 5213 §4): the sender must hold a security association with this node, and a replay —
 *    the same message bytes again from the same peer within REPLAY_WINDOW — is dropped. The SA is a
 *    modelled attribute: byte-level ESP is not produced, so captures show the Mobility Header itself;
 * 2. RFC 6275 §9.2: a bad checksum is silently discarded; Payload Proto ≠ 59 or a Header Len too small for
 *    the message is discarded with an ICMPv6 Parameter Problem (code 0) pointing at the field; an MH Type
 *    this node does not process is answered with a Binding Error, status 2;
 * 3. the decoded PBU/PBA goes to the agent.
 */
import type { Micros } from '../../core/time';
import { SECOND } from '../../core/time';
import type { NetNode } from '../../net/node';
import { sendIcmpError } from '../../net/icmp-errors';
import type { ReceivedPacket } from '../../net/types';
import { bytesEqual } from '../../wire/bytes';
import { ipv6PseudoChecksum } from '../../wire/checksum';
import { invokingPacket } from '../../wire/icmpv6';
import { emitIPv6Packet } from '../../wire/ipv6';
import { mobilityLabel } from '../../wire/mh/label';
import type { MobilityMessage } from '../../wire/mh/messages';
import { emitMobility, parseMobility } from '../../wire/mh/mobility';
import type { ParsedMobilityMessage } from '../../wire/mh/mobility';
import { MH_NEXT_HEADER, MH_PAYLOAD_PROTO_NONE } from '../../wire/mh/mobility-header';
import type { AgentMessage, MessageSource } from '../api';
import type { PmipDomain } from './domain';
import { fromBindingAck, fromBindingUpdate, toWireMessage } from './mh-convert';

/** How long a message's bytes are remembered per peer for replay detection (RFC 5213 §4). */
export const REPLAY_WINDOW: Micros = 30 * SECOND;
/** Hop Limit of signalling packets (the digest's vectors use 64). */
export const SIGNALLING_HOP_LIMIT = 64;

export type MessageListener = (msg: AgentMessage, from: MessageSource) => void;
/** A handler for an MH Type other than 5/6 (an extension such as Heartbeat, RFC 5847). */
export type MhTypeHandler = (msg: ParsedMobilityMessage, from: MessageSource, p: ReceivedPacket) => void;

export class SignallingEndpoint {
  private listener: MessageListener | null = null;
  private readonly typeHandlers = new Map<number, MhTypeHandler>();
  /** Per peer: FNV-1a hash of the message bytes → the messages with that hash and when they were seen. */
  private readonly seen = new Map<string, Map<number, { bytes: Uint8Array; at: Micros }[]>>();

  constructor(
    private readonly domain: PmipDomain,
    readonly node: NetNode,
  ) {
    node.onReceive(MH_NEXT_HEADER, (p) => this.receive(p));
  }

  /** The agent's entry point for PBUs and PBAs. */
  listen(l: MessageListener): void {
    this.listener = l;
  }

  /** Lets an extension process another MH Type instead of answering it with Binding Error status 2. */
  handleType(mhType: number, h: MhTypeHandler): void {
    this.typeHandlers.set(mhType, h);
  }

  send(msg: AgentMessage, src: string, dst: string): void {
    this.sendWire(toWireMessage(msg), src, dst);
  }

  sendWire(msg: MobilityMessage, src: string, dst: string): void {
    const payload = emitMobility(msg, src, dst);
    this.node.send(
      emitIPv6Packet({
        trafficClass: 0,
        flowLabel: 0,
        hopLimit: SIGNALLING_HOP_LIMIT,
        src,
        dst,
        extHeaders: [],
        nextHeader: MH_NEXT_HEADER,
        payload,
      }),
    );
  }

  private drop(p: ReceivedPacket, reason: string, rfc: string, label: string): void {
    this.node.sim.record({
      kind: 'drop',
      node: this.node.id,
      pid: p.pid,
      reason,
      rfc,
      bytes: p.bytes,
      label,
    });
  }

  private receive(p: ReceivedPacket): void {
    const parsed = parseMobility(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
    const label = parsed.ok ? mobilityLabel(parsed.value) : 'Mobility Header';
    const peer = this.domain.nodeOfAddress(p.src);
    if (peer === null || !this.domain.hasSecurityAssociation(this.node.id, peer)) {
      this.drop(
        p,
        `no security association between ${this.node.id} and ${peer ?? p.src}: ${label} dropped`,
        'RFC 5213 §4',
        label,
      );
      return;
    }
    if (this.isReplay(peer, p)) {
      this.drop(
        p,
        `replayed ${label} from ${peer} (the same message was received within ${REPLAY_WINDOW / SECOND} s)`,
        'RFC 5213 §4',
        label,
      );
      return;
    }
    // RFC 6275 §9.2: the checksum is checked first, over the bytes as received, so a packet that is both
    // corrupted and malformed is discarded silently rather than answered with an ICMPv6 error.
    if (!mhChecksumValid(p)) {
      const at = p.payloadOffset + 4;
      const sent = ((p.bytes[at] ?? 0) << 8) | (p.bytes[at + 1] ?? 0);
      this.drop(
        p,
        `Mobility Header checksum 0x${sent.toString(16).padStart(4, '0')} is wrong: silently discarded`,
        'RFC 6275 §9.2',
        label,
      );
      return;
    }
    if (!parsed.ok) {
      this.malformed(p, parsed.error.field, parsed.error.offset, parsed.error.message, label);
      return;
    }
    const msg = parsed.value;
    if (msg.payloadProto !== MH_PAYLOAD_PROTO_NONE) {
      this.drop(p, `Payload Proto is ${msg.payloadProto}, not 59: discarded`, 'RFC 6275 §9.2', label);
      sendIcmpError(this.node, p.bytes, p.inIface, {
        type: 'parameter-problem',
        code: 0,
        pointer: p.payloadOffset,
        invoking: invokingPacket(p.bytes),
      });
      return;
    }
    this.dispatch(msg, { src: p.src, dst: p.dst, peer }, p, label);
  }

  /** RFC 6275 §9.2: a Header Len too small for the message → Parameter Problem pointing at Header Len. */
  private malformed(p: ReceivedPacket, field: string, offset: number, message: string, label: string): void {
    this.drop(p, `malformed Mobility Header: ${message}`, 'RFC 6275 §9.2', label);
    if (field === 'headerLen') {
      sendIcmpError(this.node, p.bytes, p.inIface, {
        type: 'parameter-problem',
        code: 0,
        pointer: offset,
        invoking: invokingPacket(p.bytes),
      });
    }
  }

  private dispatch(msg: ParsedMobilityMessage, from: MessageSource, p: ReceivedPacket, label: string): void {
    const handler = this.typeHandlers.get(msg.mhType);
    if (handler) {
      handler(msg, from, p);
      return;
    }
    if (msg.type === 'binding-update') this.listener?.(fromBindingUpdate(msg), from);
    else if (msg.type === 'binding-ack') this.listener?.(fromBindingAck(msg), from);
    else if (msg.type === 'binding-error') {
      this.node.sim.record({
        kind: 'decision',
        node: this.node.id,
        text: `Binding Error status ${msg.status} from ${from.peer}: noted, no reply`,
        rfc: 'RFC 6275 §9.2',
        tag: 'binding-error-received',
      });
    } else this.unrecognised(msg.mhType, from, label);
  }

  /** RFC 6275 §9.2: an MH Type this node does not process is answered with a Binding Error, status 2. */
  private unrecognised(mhType: number, from: MessageSource, label: string): void {
    this.node.sim.record({
      kind: 'decision',
      node: this.node.id,
      text: `${label} (MH Type ${mhType}) is not processed here: answering with Binding Error status 2`,
      rfc: 'RFC 6275 §9.2',
      tag: 'binding-error-sent',
    });
    this.sendWire(
      { type: 'binding-error', mhType: 7, status: 2, homeAddress: '::', options: [] },
      from.dst,
      from.src,
    );
  }

  /** RFC 5213 §4 anti-replay: the same Mobility Header bytes from the same peer within the window. */
  private isReplay(peer: string, p: ReceivedPacket): boolean {
    const now = this.node.sim.now;
    let seen = this.seen.get(peer);
    if (!seen) {
      seen = new Map();
      this.seen.set(peer, seen);
    }
    const mh = p.bytes.subarray(p.payloadOffset, p.payloadOffset + p.payloadLength);
    const h = fnv1a(mh);
    const same = seen.get(h);
    if (same?.some((s) => now - s.at <= REPLAY_WINDOW && bytesEqual(s.bytes, mh))) return true;
    if (seen.size > 256)
      for (const [k, list] of seen) if (list.every((s) => now - s.at > REPLAY_WINDOW)) seen.delete(k);
    const kept = (same ?? []).filter((s) => now - s.at <= REPLAY_WINDOW);
    // Received bytes are views into the simulator's byte arena, which is never written again: no copy needed.
    kept.push({ bytes: mh, at: now });
    seen.set(h, kept);
    return false;
  }
}

/** 32-bit FNV-1a: a cheap key for the replay memory (equal bytes are still compared in full). */
function fnv1a(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

/** One's-complement sum over the pseudo-header and the whole MH (checksum included) folds to 0xffff when intact. */
function mhChecksumValid(p: ReceivedPacket): boolean {
  const b = p.bytes;
  const end = p.payloadOffset + p.payloadLength;
  return (
    ipv6PseudoChecksum(b.subarray(8, 24), b.subarray(24, 40), MH_NEXT_HEADER, b, p.payloadOffset, end) === 0
  );
}
