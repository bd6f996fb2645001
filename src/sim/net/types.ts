/**
 * The plain data shapes of the network layer: what a scenario hands in (link properties, routes, faults)
 * and what agents get back (received packets, interface views, L2 events). Behaviour lives in the modules
 * named after it (link.ts, forwarding.ts, access.ts, …).
 */
import type { Micros } from '../core/time';

export type NodeKind = 'lma' | 'mag' | 'mn' | 'cn' | 'router' | 'aaa' | 'host';

/** Kinds that forward packets not addressed to them (RFC 8200 §2: a router vs a host). */
export const ROUTER_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['lma', 'mag', 'router']);

export interface LinkProps {
  /** One-way propagation delay. */
  readonly delay: Micros;
  /** Transmit rate of each direction; undefined = infinite (no serialisation delay, no queueing). */
  readonly bandwidthBps?: number;
  /** Probability, 0..1, that a packet is lost in transit; drawn from the link's own stream `link:<id>`. */
  readonly loss?: number;
  /** Packets that may wait behind the one being serialised (drop-tail); default 100. */
  readonly queuePackets?: number;
  /** Largest IPv6 packet the link carries; default 1500 (RFC 8200 §5 minimum is 1280). */
  readonly mtu?: number;
}

export const DEFAULT_QUEUE_PACKETS = 100;
export const DEFAULT_MTU = 1500;
/** RFC 2473 §3: the outer IPv6 header a tunnel adds. */
export const TUNNEL_OVERHEAD = 40;
/** RFC 2473 §6.3 / Linux ip6_tunnel default: Hop Limit of the outer header. */
export const TUNNEL_HOP_LIMIT = 64;

export interface IfaceAddress {
  readonly address: string;
  readonly prefixLength: number;
}

/** A read-only view of one interface of a node (physical, wireless access, or tunnel). */
export interface Iface {
  readonly name: string;
  readonly mac: string;
  readonly mtu: number;
  readonly up: boolean;
  readonly addresses: readonly IfaceAddress[];
  /** Id of the link the interface is plugged into; null for tunnels and detached interfaces. */
  readonly link: string | null;
  readonly isTunnel: boolean;
  /** RFC 2473 tunnel end-points (canonical text); null for non-tunnel interfaces. */
  readonly tunnel: { readonly local: string; readonly remote: string } | null;
}

export interface RouteSpec {
  readonly prefix: string;
  readonly length: number;
  readonly iface: string;
  readonly via?: string;
  /** Lower wins among routes for the same prefix; default 0. Equal metrics: the first added wins. */
  readonly metric?: number;
}

export interface Route {
  /** Canonical text with host bits cleared. */
  readonly prefix: string;
  readonly length: number;
  readonly iface: string;
  readonly via?: string;
  readonly metric: number;
}

export interface ReceivedPacket {
  readonly pid: number;
  /** The whole IPv6 packet as it arrived (do not write into it). */
  readonly bytes: Uint8Array;
  readonly inIface: string;
  readonly src: string;
  readonly dst: string;
  /** Upper-layer protocol after any extension headers (58 ICMPv6, 17 UDP, 135 MH, 41 IPv6, ...). */
  readonly nextHeader: number;
  /** Offset of the upper-layer header in `bytes`. */
  readonly payloadOffset: number;
  /** Length of the upper-layer data (from payloadOffset to the end of the IPv6 payload). */
  readonly payloadLength: number;
  readonly hopLimit: number;
}

/**
 * What a forward hook decides about a packet a router would forward: let it go on ('forward'), take it
 * ('consumed': the hook owner has handled it), drop it with a reason, or forward it out of a given
 * interface (policy routing, e.g. the MAG sending an MN's uplink into its LMA tunnel, RFC 5213 §6.10.5).
 */
export type ForwardVerdict =
  'forward' | 'consumed' | { readonly drop: string; readonly rfc?: string } | { readonly iface: string };

export type ForwardHook = (p: ReceivedPacket) => ForwardVerdict;

export interface L2Notice {
  readonly event: 'attach' | 'detach';
  readonly mn: string;
  readonly iface: string;
  readonly mag: string;
  /** The MAG's interface for this attachment (RFC 5213 §6.3: one point-to-point link per MN). */
  readonly accessIface: string;
  /** Link-layer address of the MN's interface (the MN-LL-ID source, RFC 5213 §8.6). */
  readonly mac: string;
  /** Access Technology Type of the access point (RFC 5213 §8.5). */
  readonly att: number;
}

export interface AccessPointSpec {
  readonly att: number;
  readonly attachDelay: Micros;
  readonly linkDelay: Micros;
  readonly bandwidthBps?: number;
  readonly loss?: number;
}

export interface FaultSpec {
  readonly match: {
    /** The packet's trace label starts with this, e.g. "PBU", "PBA", "ping". */
    readonly label?: string;
    /** Node id of the hop's sender. */
    readonly from?: string;
    /** Node id of the hop's receiver. */
    readonly to?: string;
  };
  /** 1-based: the n-th matching packet put on a link after the fault is added. */
  readonly nth: number;
  readonly action: 'drop' | 'delay' | 'duplicate';
  /** Extra one-way delay for action 'delay'. */
  readonly delay?: Micros;
}
