/**
 * A packet inside the network layer: its bytes on this hop plus the identity it keeps across hops.
 *
 * The identity (`PacketInfo`) is one object shared by every hop of an IP packet forwarded unchanged: the
 * pid and the trace summary (label, class, tunnelled), computed once on first use rather than re-decoded
 * per hop. An encapsulated packet carries the identity of the packet inside it, so that after
 * decapsulation (RFC 2473 §3) the inner packet is traced with its original pid again.
 */
import { flatten } from '../core/flat-string';
import type { PacketClass } from '../core/trace-types';
import { packetSummary } from '../wire/decode';

export interface Summary {
  readonly label: string;
  readonly cls: PacketClass;
  readonly tunnelled: boolean;
}

export interface PacketInfo {
  readonly pid: number;
  summary: Summary | null;
  /** For an encapsulating packet built by a tunnel: the identity of the packet it carries. */
  readonly carried: PacketInfo | null;
}

export interface Packet {
  readonly info: PacketInfo;
  /** The whole IPv6 packet as it is on this hop. Never written after the packet is handed on. */
  readonly bytes: Uint8Array;
  /**
   * True when `bytes` already live in the simulator's byte arena (core/byte-arena.ts), so that a link
   * can trace them as they are; a packet a node builds is copied there when it is first put on a link.
   */
  readonly archived: boolean;
}

export function newPacket(pid: number, bytes: Uint8Array, carried: PacketInfo | null = null): Packet {
  return { info: { pid, summary: null, carried }, bytes, archived: false };
}

/** The packet's label, class and tunnelled flag, decoded once per pid. */
export function summaryOf(p: Packet): Summary {
  let s = p.info.summary;
  if (s === null) {
    s = packetSummary(p.bytes);
    flatten(s.label); // every hop's tx entry holds it
    p.info.summary = s;
  }
  return s;
}
