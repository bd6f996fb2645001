/**
 * The scenario format (version 1): everything a run needs, as plain JSON. docs/scenario-format.md explains
 * each field; scenario.schema.json is the machine-readable twin (a test keeps the two in sync).
 *
 * These types describe a scenario AFTER `loadScenario`: every default is filled in, but values keep their
 * written form (durations as "1.5s", bandwidths as "100Mbps"), so a loaded scenario is itself a valid
 * scenario file. That lets the UI append a user action to `timeline` and save the document as it is.
 */
import type { ProtocolConfig } from './config';

export const FORMAT_VERSION = 1;

/** Node kinds of the format. `host` is a plain end host (what a `cn` is, without the PMIPv6 role). */
export type ScenarioNodeKind = 'lma' | 'mag' | 'mn' | 'cn' | 'router' | 'aaa' | 'host';
export const NODE_KINDS: readonly ScenarioNodeKind[] = ['lma', 'mag', 'mn', 'cn', 'router', 'aaa', 'host'];

/** A duration in text: a decimal number and a unit, "300ms", "1.5s", "1.5 s", "250us", "2min", "1h". */
export type DurationText = string;

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A wireless interface of a mobile node (RFC 5213 §6.3: each attachment is its own p2p link). */
export interface MnInterface {
  readonly name: string;
  /** "02:00:00:00:00:01"; the MN-LL-Identifier the MAG learns (RFC 5213 §2.2). */
  readonly mac: string;
  /** Access Technology Type (RFC 5213 §8.5), as a number after loading; names are accepted in the file. */
  readonly att: number;
  /** MAG the interface attaches to at t = 0. */
  readonly attachTo?: string;
}

/** The MAG's access point: how long a link-layer attach takes and what the access link is like. */
export interface AccessPoint {
  /** Access Technology Type of the access link (RFC 5213 §8.5); an MN interface attaching here must match. */
  readonly att: number;
  readonly attachDelay: DurationText;
  readonly linkDelay: DurationText;
  readonly bandwidth?: string;
  readonly loss: number;
}

export interface ScenarioNode {
  readonly id: string;
  readonly kind: ScenarioNodeKind;
  readonly label?: string;
  /** Interface name → addresses with prefix length, "2001:db8:0:1::1/64". */
  readonly addresses: Readonly<Record<string, readonly string[]>>;
  /** LMA only: the pool home network prefixes are allocated from, split into /64s. */
  readonly prefixPool?: string;
  /** LMA only: the LMA Address (LMAA, RFC 5213 §2.2); defaults to the LMA's first global address. */
  readonly lmaAddress?: string;
  /** MAG only: the Proxy Care-of Address (RFC 5213 §2.2); defaults to the MAG's first global address. */
  readonly proxyCoa?: string;
  /** MAG only. */
  readonly accessPoint?: AccessPoint;
  /** MN only: its wireless interfaces. */
  readonly interfaces?: readonly MnInterface[];
  readonly position?: Position;
}

/** A wired point-to-point link between two node interfaces. */
export interface ScenarioLink {
  readonly id: string;
  /** "node:iface". */
  readonly a: string;
  readonly b: string;
  readonly delay: DurationText;
  /** "100Mbps"; absent = infinitely fast (no serialisation delay). */
  readonly bandwidth?: string;
  readonly loss: number;
  /** Queue length in packets (drop-tail). */
  readonly queue: number;
  readonly mtu: number;
  /** A link that starts down (bring it up with a "link-up" action). */
  readonly down?: boolean;
}

/** A static route of one node. `via` is a neighbour node id or a next-hop address; `iface` names the way out. */
export interface StaticRoute {
  readonly prefix: string;
  readonly via?: string;
  readonly iface?: string;
  readonly metric?: number;
}

/** Per-MN policy profile (RFC 5213 §6.2), as the policy store holds it. */
export interface Policy {
  readonly mn: string;
  /** MN-Identifier, an NAI (RFC 4282), e.g. "mn1@example.com". */
  readonly mnId: string;
  readonly lma: string;
  readonly networkBasedMobility: boolean;
  /** Static home network prefixes, or "allocate" for prefixes from the LMA's pool. */
  readonly prefixes: readonly string[] | 'allocate';
  /** How many /64s to allocate with "allocate"; with a static list, its length. */
  readonly prefixCount: number;
  /** Binding lifetime asked for; defaults to config.defaultLifetime. */
  readonly lifetime: DurationText;
}

/** A MAG–LMA security association (RFC 5213 §4): the LMA accepts PBUs from this MAG. */
export interface SecurityAssociation {
  readonly mag: string;
  readonly lma: string;
}

export interface PingTraffic {
  readonly kind: 'ping';
  /** Flow name used in 'app' trace entries. */
  readonly id: string;
  readonly from: string;
  /** A node id (resolved to its address when each packet is sent) or an IPv6 address. */
  readonly to: string;
  readonly start: DurationText;
  readonly stop?: DurationText;
  readonly interval: DurationText;
  /** Echo data bytes (as `ping -s`). */
  readonly size: number;
  /** Stop after this many requests (absent = until `stop` or the end). */
  readonly count?: number;
  /** A request without a reply after this long is reported as a timeout. */
  readonly timeout: DurationText;
}

export interface UdpTraffic {
  readonly kind: 'udp';
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly start: DurationText;
  readonly stop?: DurationText;
  /** Packets per second, "10pps". */
  readonly rate: string;
  /** UDP payload bytes (at least 8: sequence number and send time). */
  readonly size: number;
  readonly count?: number;
  readonly srcPort: number;
  readonly dstPort: number;
}

export type TrafficSpec = PingTraffic | UdpTraffic;

export type TimelineActionName = 'attach' | 'detach' | 'move' | 'link-down' | 'link-up' | 'fault';
export const TIMELINE_ACTIONS: readonly TimelineActionName[] = [
  'attach',
  'detach',
  'move',
  'link-down',
  'link-up',
  'fault',
];

export type FaultEffect = 'drop' | 'delay' | 'duplicate';
export const FAULT_EFFECTS: readonly FaultEffect[] = ['drop', 'delay', 'duplicate'];

export interface FaultMatch {
  /** The packet label starts with this: "PBU", "PBA", "ping". */
  readonly label?: string;
  /** Node ids of the hop. */
  readonly from?: string;
  readonly to?: string;
}

/** One timeline entry. Which fields apply depends on `action` (docs/scenario-format.md, "timeline"). */
export interface TimelineAction {
  readonly at: DurationText;
  readonly action: TimelineActionName;
  readonly mn?: string;
  readonly iface?: string;
  readonly mag?: string;
  readonly link?: string;
  readonly match?: FaultMatch;
  readonly nth?: number;
  readonly effect?: FaultEffect;
  readonly delay?: DurationText;
}

export interface Scenario {
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly duration: DurationText;
  readonly nodes: readonly ScenarioNode[];
  readonly links: readonly ScenarioLink[];
  /** Node id → its static routes. A node listed here gets exactly these; every other node gets computed routes. */
  readonly routes: Readonly<Record<string, readonly StaticRoute[]>>;
  readonly policies: readonly Policy[];
  readonly security: readonly SecurityAssociation[];
  readonly config: ProtocolConfig;
  readonly traffic: readonly TrafficSpec[];
  readonly timeline: readonly TimelineAction[];
}

/** One validation problem: where (a JSON path like `nodes[3].addresses.eth0[0]`) and what. */
export interface ValidationError {
  /** "" for the document as a whole (and for JSON syntax errors, which carry line and column instead). */
  readonly path: string;
  readonly message: string;
  /** JSON syntax errors only: 1-based line and column in the text. */
  readonly line?: number;
  readonly column?: number;
}
