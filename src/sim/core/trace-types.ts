/**
 * The trace: one append-only list of everything observable in a run. Every view (topology animation,
 * sequence chart, inspector, tables, event list, metrics), every lesson check and every export reads it;
 * nothing reads an agent's state directly (DESIGN.md, "The data that flows").
 *
 * Entries are plain data (JSON-serialisable except `bytes`, written as hex in JSON lines) and carry a
 * deterministic `id`: its index in the trace.
 */
import type { Micros } from './time';

import type { PacketClass } from '../wire/labels';

export type { PacketClass };

interface Base {
  /** Index in the trace, from 0. */
  readonly id: number;
  readonly t: Micros;
  /** The node this entry happened at ("" for simulator-wide entries). */
  readonly node: string;
}

/** A packet put on a link by `node` (the sender). One per hop. */
export interface PacketTx extends Base {
  readonly kind: 'tx';
  /** Packet id: the same for every hop of one IP packet that is forwarded unchanged (new on encapsulation). */
  readonly pid: number;
  readonly link: string;
  readonly to: string;
  /** When the last bit arrives at `to` (after queueing, serialisation and propagation). */
  readonly arrive: Micros;
  /**
   * The exact bytes on this link. A view into the simulator's byte arena (src/sim/core/byte-arena.ts): it
   * shares its buffer with other packets, so read it through the view (mind `byteOffset`), copy it before
   * transferring, and never write to it.
   */
  readonly bytes: Uint8Array;
  readonly cls: PacketClass;
  /** Short label for charts and animation: "PBU seq=3 HI=3", "PBA status=0", "ping seq=4", "RA". */
  readonly label: string;
  /** True when the packet is IPv6-in-IPv6 / GRE / UDP-encapsulated: it carries another packet. */
  readonly tunnelled: boolean;
}

/** A packet fully received by `node` from a link. */
export interface PacketRx extends Base {
  readonly kind: 'rx';
  readonly pid: number;
  readonly link: string;
  readonly from: string;
  /** Trace id of the matching tx entry. */
  readonly txId: number;
}

/** A packet that did not make it: why, and where. */
export interface PacketDrop extends Base {
  readonly kind: 'drop';
  readonly pid: number;
  readonly link?: string;
  readonly reason: string;
  readonly rfc?: string;
  /** Trace id of the tx entry of the hop it was dropped on (if any). */
  readonly txId?: number;
  readonly bytes?: Uint8Array;
  readonly label?: string;
}

/** A packet handed to a node's local agent or application (delivered to its final destination). */
export interface PacketDeliver extends Base {
  readonly kind: 'deliver';
  readonly pid: number;
  readonly label: string;
  readonly cls: PacketClass;
}

export interface TimerSet extends Base {
  readonly kind: 'timer-set';
  readonly timer: string;
  readonly deadline: Micros;
  readonly timerId: number;
}
export interface TimerFired extends Base {
  readonly kind: 'timer-fired';
  readonly timer: string;
  readonly timerId: number;
}
export interface TimerCancelled extends Base {
  readonly kind: 'timer-cancelled';
  readonly timer: string;
  readonly timerId: number;
}

export type TableName = 'bce' | 'bul' | 'routes' | 'tunnels' | 'addresses' | 'neighbors' | 'attachments';

export type Cell = string | number | boolean | null | readonly string[];

/** A row of one of a node's tables changed; `row` null means deleted. */
export interface TableChange extends Base {
  readonly kind: 'table';
  readonly table: TableName;
  readonly key: string;
  readonly op: 'add' | 'update' | 'delete';
  readonly row: Readonly<Record<string, Cell>> | null;
}

/** An agent's decision, in plain words, with the RFC section that drives it. */
export interface Decision extends Base {
  readonly kind: 'decision';
  readonly text: string;
  readonly rfc: string;
  /** Optional machine-readable tag for lesson checks and metrics, e.g. "pbu-accepted", "pba-rejected". */
  readonly tag?: string;
  readonly data?: Readonly<Record<string, Cell>>;
}

/** Link-layer attach/detach of a mobile node interface to a MAG access point. */
export interface L2Event extends Base {
  readonly kind: 'l2';
  readonly event: 'attach' | 'detach';
  readonly mn: string;
  readonly iface: string;
  readonly mag: string;
}

/** A scenario timeline action taking effect (user drags are actions too). */
export interface ActionApplied extends Base {
  readonly kind: 'action';
  readonly action: string;
  readonly detail: string;
}

/** Learner code threw, looped or misbehaved; the run goes on with the event skipped. */
export interface AgentError extends Base {
  readonly kind: 'error';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** Application-level observation: ping replies with RTT, UDP flow reception, for metrics and lessons. */
export interface AppEvent extends Base {
  readonly kind: 'app';
  readonly app: 'ping' | 'udp';
  readonly event: 'sent' | 'reply' | 'received' | 'timeout';
  readonly flow: string;
  readonly seq: number;
  readonly rtt?: Micros;
}

export type TraceEntry =
  | PacketTx
  | PacketRx
  | PacketDrop
  | PacketDeliver
  | TimerSet
  | TimerFired
  | TimerCancelled
  | TableChange
  | Decision
  | L2Event
  | ActionApplied
  | AgentError
  | AppEvent;

export type TraceKind = TraceEntry['kind'];

/** Distributes Omit over the union so that each entry kind keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What code hands to `trace.add`: the trace fills in id, and the simulator fills in t. */
export type TraceInput = DistributiveOmit<TraceEntry, 'id' | 't'>;
