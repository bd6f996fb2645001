/**
 * The agent API: what a PMIPv6 agent (MAG, LMA) is, and the context its handlers receive.
 *
 * DESIGN.md, "Agents and the learner's editor": an agent's logic is a module of handlers (attach, detach,
 * message received, timer fired) that get a context — the current time, the agent's own tables, its
 * configuration and its effects (send a message, set or cancel a timer, create or remove a tunnel or a
 * route, advertise a prefix, note a decision with its RFC section). Handlers speak DECODED messages; the
 * host runtime (src/sim/agents/host) encodes and decodes the bytes, enforces the RFC 5213 §4 security
 * model, and turns every effect into a trace entry.
 *
 * The reference agents (mag/mag.agent.ts, lma/lma.agent.ts) are single files that a learner edits in the
 * browser. They may contain only `import type` imports: at run time everything comes from `ctx`,
 * including the small helpers in `ctx.lib`. So this file holds TYPES ONLY (no run-time values).
 *
 * Units: times and durations are integer microseconds (`Micros`; `ctx.lib.SECOND`, `ctx.lib.MS`);
 * binding lifetimes are seconds (the host encodes them in 4-second units, RFC 6275 §6.1.7, rounding down);
 * timestamps are microseconds since 1970-01-01T00:00:00Z (the host converts to and from the 48.16
 * fixed-point wire format of RFC 5213 §8.8, exactly for every value that came off the wire); addresses
 * are canonical RFC 5952 strings; prefixes are `{ prefix, length }` with the host bits cleared.
 *
 * Module shape (the default export of an agent file):
 *
 *   export default {
 *     role: 'mag', name: 'reference MAG',
 *     init(ctx) { return { ... } },                    // the agent's private state, reachable as ctx.state
 *     onAttach(ctx, e) { ... }, onDetach(ctx, e) { ... },
 *     onMessage(ctx, msg, from) { ... }, onTimer(ctx, timer) { ... },
 *   } satisfies MagAgent<State>;
 *
 * An exception thrown by a handler is caught by the host, recorded as a trace 'error' entry (with the
 * line and column in the agent source when known), and the run goes on.
 */
import type { Micros } from '../core/time';
import type { Cell } from '../core/trace-types';

export type { Micros } from '../core/time';
export type { Cell } from '../core/trace-types';

// ---------------------------------------------------------------------------------------------------
// Values carried in messages and tables
// ---------------------------------------------------------------------------------------------------

/** An IPv6 prefix; `prefix` is canonical RFC 5952 text ("2001:db8:1:1::"). */
export interface Prefix {
  readonly prefix: string;
  readonly length: number;
}

/**
 * Home Network Prefix option (type 22), RFC 5213 §8.3, with the prefix as received (host bits as sent).
 * The ALL_ZERO request is `{ prefix: '::', length: 0 }`. `flags` is the former Reserved octet (RFC 7864 §4.1 puts the L "off-link" flag at 0x80); 0 normally.
 */
export interface HomeNetworkPrefix extends Prefix {
  readonly flags?: number;
}

/**
 * A mobility option outside the RFC 5213 set (vendor-specific, extensions, unknown types), in the decoded
 * form of src/sim/wire/mh/options (`type` names it: 'vendor-specific', 'gre-key', 'unknown', …). Agents
 * that do not know it carry it unchanged.
 */
export type OtherOption = { readonly type: string } & Readonly<Record<string, unknown>>;

/**
 * The options RFC 5213 §8.1/§8.2 defines for a PBU/PBA, decoded. An absent field means the option is
 * absent. The host encodes them in this order, with the RFC alignment and Pad1/PadN: MN-ID, HNP… (8n+4),
 * MN LL-ID, HI, ATT, Link-local Address (8n+6), Timestamp (8n+2), Alternate CoA (8n+6), then `other` —
 * the order of the digest's golden packets.
 */
export interface PmipOptions {
  /** Mobile Node Identifier option, subtype 1 (NAI). '' is the zero-length identifier (RFC 5213 §5.3.6). */
  readonly mnId?: string;
  /** MN-Identifier subtype (RFC 4283 / RFC 8371); 1 = NAI when omitted. */
  readonly mnIdSubtype?: number;
  /** One Home Network Prefix option each; an empty list means no HNP option at all. */
  readonly hnps: readonly HomeNetworkPrefix[];
  /** Handoff Indicator (type 23), RFC 5213 §8.4; see `ctx.lib.HI`. */
  readonly hi?: number;
  /** Access Technology Type (type 24), RFC 5213 §8.5; see `ctx.lib.ATT`. */
  readonly att?: number;
  /** Mobile Node Link-layer Identifier (type 25), e.g. "00:11:22:33:44:55" (colon-separated hex octets). */
  readonly mnLlId?: string;
  /** Link-local Address option (type 26), RFC 5213 §8.7; '::' is the ALL_ZERO "please give me one" value. */
  readonly linkLocal?: string;
  /** Timestamp option (type 27), RFC 5213 §8.8, as microseconds since 1970-01-01T00:00:00Z. */
  readonly timestamp?: number;
  /** Alternate Care-of Address option (type 3), RFC 6275 §6.2.5. */
  readonly altCoa?: string;
  /** Options the agent does not interpret, re-emitted as they are. */
  readonly other?: readonly OtherOption[];
}

/** Proxy Binding Update: Mobility Header type 5 with P = 1 (RFC 5213 §8.1). */
export interface ProxyBindingUpdate extends PmipOptions {
  readonly type: 'pbu';
  readonly seq: number;
  /** The 16-bit flags word (A = 0x8000, P = 0x0200 …, see `ctx.lib.BU`). A PBU MUST have A and P set. */
  readonly flags: number;
  /** Requested lifetime in seconds; 0 = de-registration. Encoded in 4-second units, rounded down. */
  readonly lifetime: number;
}

/** Proxy Binding Acknowledgement: Mobility Header type 6 with P = 1 (RFC 5213 §8.2). */
export interface ProxyBindingAck extends PmipOptions {
  readonly type: 'pba';
  /** Status: < 128 accepted, ≥ 128 rejected (see `ctx.lib.STATUS`). */
  readonly status: number;
  /** The 8-bit flags octet (K = 0x80, R = 0x40, P = 0x20 …, see `ctx.lib.BA`). A PBA MUST have P set. */
  readonly flags: number;
  readonly seq: number;
  /** Granted lifetime in seconds (undefined meaning when status ≥ 128). */
  readonly lifetime: number;
}

/** The decoded messages an agent sends and receives. */
export type AgentMessage = ProxyBindingUpdate | ProxyBindingAck;

/** Where a received message came from (the IPv6 header of the packet that carried it). */
export interface MessageSource {
  /** IPv6 source address (a PBU's Proxy-CoA unless an Alternate CoA option says otherwise). */
  readonly src: string;
  /** IPv6 destination address (the address of ours it was sent to). */
  readonly dst: string;
  /** The node id of the sender (for notes; the protocol itself only knows addresses). */
  readonly peer: string;
}

// ---------------------------------------------------------------------------------------------------
// Tables: every change is a 'table' trace entry (table name, key, row)
// ---------------------------------------------------------------------------------------------------

/** A row is flat data: strings, numbers, booleans, null or string lists (what the trace can carry). */
export type Row = Readonly<Record<string, Cell>>;

/** A keyed table owned by the host. `set` and `delete` are the only ways to change it, and each is traced. */
export interface Table<R extends Row> {
  get(key: string): R | undefined;
  has(key: string): boolean;
  /** Adds or replaces the row (traced as 'add' or 'update'). The table keeps a frozen copy. */
  set(key: string, row: R): void;
  /** Changes some fields of an existing row (traced as 'update'); returns the new row, or undefined if none. */
  update(key: string, changes: Partial<R>): R | undefined;
  /** Deletes the row (traced as 'delete'); false when there was none. */
  delete(key: string): boolean;
  keys(): string[];
  values(): R[];
  entries(): [string, R][];
  find(pred: (row: R, key: string) => boolean): [string, R] | undefined;
  filter(pred: (row: R, key: string) => boolean): [string, R][];
  readonly size: number;
}

/**
 * Binding Update List entry at the MAG — RFC 5213 §6.1 on top of RFC 6275 §11.1. Prefix lists are
 * "prefix/length" strings so that the row is flat.
 */
export type BulEntry = {
  readonly mnId: string;
  /** MN-LL-Identifier; null when unknown (ALL_ZERO), RFC 5213 §6.1. */
  readonly mnLlId: string | null;
  /** Home network prefixes assigned by the LMA ("2001:db8:1:1::/64"); empty until the first PBA 0. */
  readonly hnps: readonly string[];
  /** The access interface (the MN's point-to-point link) of this session. */
  readonly accessIface: string;
  readonly att: number;
  readonly lmaa: string;
  readonly proxyCoa: string;
  /** The MAG's link-local address on the access link. */
  readonly magLinkLocal: string;
  /** 'registering' | 'bound' | 'refreshing' | 'deregistering' | 'rejected' — the agent's words. */
  readonly state: string;
  /** Lifetime requested in the last PBU, seconds. */
  readonly requestedLifetime: number;
  /** Lifetime granted by the last accepted PBA, seconds (0 before). */
  readonly lifetime: number;
  /** When the binding expires (simulation time), or null while none is granted. */
  readonly expires: Micros | null;
  /** Sequence number of the last PBU sent. */
  readonly seq: number;
  /** Handoff Indicator of the last PBU sent. */
  readonly hi: number;
  /** When the last PBU was sent (rate limiting, RFC 6275 §11.8). */
  readonly lastSent: Micros;
  /** Current retransmission timeout (back-off state, RFC 6275 §11.8). */
  readonly retransmitTimeout: Micros;
  /** RFC 6275 §11.1 "stop sending BUs" flag (set after PBA 152 or a mismatching PBA, RFC 5213 §6.9.1.2). */
  readonly stopped: boolean;
  readonly tunnel: string | null;
};

/**
 * Binding Cache entry at the LMA — RFC 5213 §5.1 on top of RFC 6275 §9.1. The key is the agent's choice
 * (one entry per mobility session).
 */
export type BceEntry = {
  readonly mnId: string;
  /** MN-LL-Identifier; null stands for the 2-octet ALL_ZERO value (RFC 5213 §5.1). */
  readonly mnLlId: string | null;
  /** Home network prefixes of the session ("2001:db8:1:1::/64"). */
  readonly hnps: readonly string[];
  /** Proxy-CoA of the serving MAG. */
  readonly proxyCoa: string;
  readonly att: number;
  /** The MAG link-local address for the p2p link (RFC 5213 §5.1), or null when none was requested. */
  readonly magLinkLocal: string | null;
  /** Tunnel interface name towards the serving MAG. */
  readonly tunnel: string | null;
  /** Granted lifetime, seconds. */
  readonly lifetime: number;
  /** When the entry expires (simulation time). */
  readonly expires: Micros;
  /** Timestamp of the last accepted PBU (µs since 1970), or null with the sequence-number scheme. */
  readonly timestamp: number | null;
  /** Highest sequence number accepted (RFC 6275 §9.1). */
  readonly seq: number;
  /** 'active' | 'deregistering' (MinDelayBeforeBCEDelete hold, RFC 5213 §5.3.5) — the agent's words. */
  readonly state: string;
  /** Handoff Indicator of the last accepted PBU. */
  readonly hi: number;
  /** When the session was created (simulation time). */
  readonly created: Micros;
};

// ---------------------------------------------------------------------------------------------------
// Configuration and policy
// ---------------------------------------------------------------------------------------------------

/**
 * Protocol configuration of the domain: the scenario `config` (src/sim/scenario/config.ts, same names,
 * RFC defaults of the digest §4.7) with durations in µs and lifetimes in seconds, plus a few playground
 * choices the scenario format does not expose (marked "fixed").
 */
export interface PmipConfig {
  /** INITIAL_BINDACK_TIMEOUT, RFC 6275 §12 (1 s). */
  readonly initialBindackTimeout: Micros;
  /** InitialBindackTimeoutFirstReg, RFC 6275 §13 (1.5 s); used for a first PBU only when `useFirstRegTimeout`. */
  readonly initialBindackTimeoutFirstReg: Micros;
  /** Fixed false: RFC 5213 §6.9.4 lets the MAG use INITIAL_BINDACK_TIMEOUT for the first PBU too. */
  readonly useFirstRegTimeout: boolean;
  /** MAX_BINDACK_TIMEOUT, RFC 6275 §12 (32 s). */
  readonly maxBindackTimeout: Micros;
  /** MAX_UPDATE_RATE, RFC 6275 §12 (3 messages of one type to one peer per second). */
  readonly maxUpdateRate: number;
  /** Lifetime a MAG requests when the profile gives none, seconds (scenario `defaultLifetime`). */
  readonly defaultLifetime: number;
  /** Fixed 262 140 s: the largest lifetime the LMA grants (65 535 × 4 s, RFC 6275 §6.1.7). */
  readonly maxBindingLifetime: number;
  /** How long before expiry the MAG refreshes (RFC 6275 §11.7.3 "well before"), µs. */
  readonly pbuRefreshMargin: Micros;
  /** TimestampBasedApproachInUse (RFC 5213 §9.3): timestamps (true) or sequence numbers (false). */
  readonly timestampBasedApproachInUse: boolean;
  /** MobileNodeGeneratedTimestampInUse (RFC 5213 §9.3, §5.5). */
  readonly mobileNodeGeneratedTimestampInUse: boolean;
  /** TimestampValidityWindow, RFC 5213 §9.1 (300 ms). */
  readonly timestampValidityWindow: Micros;
  /** MinDelayBeforeBCEDelete, RFC 5213 §9.1 (10 000 ms). */
  readonly minDelayBeforeBCEDelete: Micros;
  /** MaxDelayBeforeNewBCEAssign, RFC 5213 §9.1 (1 500 ms). */
  readonly maxDelayBeforeNewBCEAssign: Micros;
  /** Fixed false: RFC 5213 §5.4.1.2 lets an LMA create a new session at once instead of waiting on HI = 4. */
  readonly createSessionImmediatelyOnHi4: boolean;
  /** FixedMAGLinkLocalAddressOnAllAccessLinks (RFC 5213 §9.3; RFC 6543): '::' = ALL_ZERO (ask the LMA). */
  readonly fixedMAGLinkLocalAddress: string;
  /** FixedMAGLinkLayerAddressOnAllAccessLinks (RFC 5213 §9.3; RFC 6543). */
  readonly fixedMAGLinkLayerAddress: string;
  /** EnableMAGLocalRouting, RFC 5213 §9.2 (false: reverse-tunnel everything). */
  readonly enableMAGLocalRouting: boolean;
  /** Fixed 1800 s: router lifetime in the MAG's RAs (RFC 4861 §6.2.1, 3 × MaxRtrAdvInterval). */
  readonly routerLifetime: number;
}

/**
 * A mobile node's policy profile, RFC 5213 §6.2, as the policy store (src/sim/agents/policy) gives it.
 * The MAG receives the view for the attaching interface; the LMA asks by MN-Identifier.
 */
export interface PolicyProfile {
  readonly mnId: string;
  /** The LMA address serving this MN (mandatory in a profile, RFC 5213 §6.2). */
  readonly lmaa: string;
  /** Entitled to network-based mobility (RFC 5213 §5.3.1 step 8, §6.14). */
  readonly pmip: boolean;
  /**
   * Static home network prefixes. At the MAG: those of the attaching interface (empty = let the LMA
   * allocate). At the LMA: every prefix authorized for the MN (RFC 5213 §5.3.2).
   */
  readonly hnps: readonly Prefix[];
  /** How many prefixes the LMA allocates for an ALL_ZERO request (RFC 5213 §5.3.2 "one or more"). */
  readonly prefixCount: number;
  /** Binding lifetime for this MN, seconds (RFC 5213 §6.2 "HNP lifetime"). */
  readonly lifetime: number;
  /** MAG addresses (Proxy-CoAs) allowed to register this MN (RFC 5213 §4, §5.3.1 step 5); null = any MAG with an SA. */
  readonly authorizedMags: readonly string[] | null;
}

/**
 * What the access network and the policy store's accounting know about the MN's other sessions when it
 * attaches — the input to the Handoff Indicator choice of RFC 5213 §6.9.1.1:
 * - 'none': no session of this MN anywhere (a fresh attachment);
 * - 'same-interface': this interface (link-layer id) had a session at another MAG (inter-MAG handoff);
 * - 'other-interface': another interface of the MN just lost its session (inter-interface handoff);
 * - 'unknown': the store cannot tell.
 */
export type HandoffHint = 'none' | 'same-interface' | 'other-interface' | 'unknown';

// ---------------------------------------------------------------------------------------------------
// Library helpers available at run time through ctx.lib (agent files cannot import values)
// ---------------------------------------------------------------------------------------------------

export interface AgentLib {
  readonly SECOND: Micros;
  readonly MS: Micros;
  /** Binding Update flag bits (RFC 6275 §6.1.7, RFC 5213 §8.1). */
  readonly BU: {
    readonly A: number;
    readonly H: number;
    readonly L: number;
    readonly K: number;
    readonly M: number;
    readonly R: number;
    readonly P: number;
    readonly F: number;
    readonly T: number;
    readonly B: number;
  };
  /** Binding Acknowledgement flag bits (RFC 6275 §6.1.8, RFC 5213 §8.2). */
  readonly BA: {
    readonly K: number;
    readonly R: number;
    readonly P: number;
    readonly T: number;
    readonly B: number;
  };
  /** Status codes (RFC 6275 §6.1.8, RFC 5213 §8.9). */
  readonly STATUS: {
    readonly ACCEPTED: 0;
    readonly REASON_UNSPECIFIED: 128;
    readonly ADMINISTRATIVELY_PROHIBITED: 129;
    readonly INSUFFICIENT_RESOURCES: 130;
    readonly SEQUENCE_NUMBER_OUT_OF_WINDOW: 135;
    readonly PROXY_REG_NOT_ENABLED: 152;
    readonly NOT_LMA_FOR_THIS_MOBILE_NODE: 153;
    readonly MAG_NOT_AUTHORIZED_FOR_PROXY_REG: 154;
    readonly NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX: 155;
    readonly TIMESTAMP_MISMATCH: 156;
    readonly TIMESTAMP_LOWER_THAN_PREV_ACCEPTED: 157;
    readonly MISSING_HOME_NETWORK_PREFIX_OPTION: 158;
    readonly BCE_PBU_PREFIX_SET_DO_NOT_MATCH: 159;
    readonly MISSING_MN_IDENTIFIER_OPTION: 160;
    readonly MISSING_HANDOFF_INDICATOR_OPTION: 161;
    readonly MISSING_ACCESS_TECH_TYPE_OPTION: 162;
  };
  /** Handoff Indicator values (RFC 5213 §8.4). */
  readonly HI: {
    readonly NEW_INTERFACE: 1;
    readonly INTER_INTERFACE: 2;
    readonly INTER_MAG_SAME_INTERFACE: 3;
    readonly UNKNOWN: 4;
    readonly NOT_CHANGED: 5;
  };
  /** Access Technology Type values (RFC 5213 §8.5). */
  readonly ATT: {
    readonly VIRTUAL: 1;
    readonly PPP: 2;
    readonly ETHERNET: 3;
    readonly WLAN: 4;
    readonly WIMAX: 5;
    readonly GERAN: 6;
    readonly UTRAN: 7;
    readonly EUTRAN: 8;
  };
  /** The ALL_ZERO Home Network Prefix request (RFC 5213 §2.2, §6.9.1.1). */
  readonly ALL_ZERO_PREFIX: HomeNetworkPrefix;
  /** The ALL_ZERO address ('::'). */
  readonly ALL_ZERO_ADDRESS: string;
  /** "PROXY_REG_NOT_ENABLED (152)", "accepted (0)". */
  statusName(status: number): string;
  hiName(hi: number): string;
  attName(att: number): string;
  /** Next sequence number modulo 2^16. */
  seqNext(seq: number): number;
  /** RFC 6275 §9.5.1: true when `a` is greater than `b` modulo 2^16 (b and the 32 768 values before it are "not greater"). */
  seqGreater(a: number, b: number): boolean;
  /** True when the prefix is the ALL_ZERO value. */
  isAllZeroPrefix(p: Prefix): boolean;
  /** Same prefix and length (prefix texts are canonical, so this is text equality). */
  prefixEquals(a: Prefix, b: Prefix): boolean;
  /** Same set of prefixes, in any order (RFC 5213 §5.4.1.1 "content or count"). */
  prefixSetEquals(a: readonly Prefix[], b: readonly Prefix[]): boolean;
  /** "2001:db8:1:1::/64". */
  formatPrefix(p: Prefix): string;
  /** Parses "2001:db8:1:1::/64"; null when malformed. */
  parsePrefix(text: string): Prefix | null;
  /** True when `address` lies inside `p`. */
  prefixContains(p: Prefix, address: string): boolean;
  isLinkLocal(address: string): boolean;
  /** "2024-01-01T00:00:00.500Z" for a timestamp in µs since 1970. */
  formatTimestamp(us: number): string;
  /** Seconds with 3 decimals, for notes: "1.500 s". */
  formatDuration(us: Micros): string;
}

// ---------------------------------------------------------------------------------------------------
// Context: what every handler receives
// ---------------------------------------------------------------------------------------------------

/** A timer as the agent sees it when it fires: its name and the data given when it was set. */
export interface FiredTimer {
  readonly name: string;
  readonly data: Readonly<Record<string, Cell>>;
}

export interface AgentContextBase<S> {
  /** Current simulation time (µs since the start of the run). */
  readonly now: Micros;
  /** This node's id. */
  readonly node: string;
  /** The domain's protocol configuration. */
  readonly config: PmipConfig;
  /** The agent's private state: the value `init` returned. */
  readonly state: S;
  readonly lib: AgentLib;
  /** This node's time of day in µs since 1970 (the simulation epoch plus the node's clock offset), RFC 5213 §5.5. */
  clock(): number;
  /** A deterministic random number in [0, 1) from this node's own stream. */
  random(): number;
  /**
   * Notes a decision in the trace in plain words with the RFC section that drives it, e.g.
   * ctx.note('PBA accepted: mn1@example.com bound to 2001:db8:1:1::/64', 'RFC 5213 §6.9.1.2', 'pba-accepted').
   */
  note(text: string, rfc: string, tag?: string, data?: Readonly<Record<string, Cell>>): void;
  /**
   * Sets a named timer (traced as 'timer-set', then 'timer-fired'); `onTimer` receives its name and data.
   * Names are per agent: setting a name that is already pending replaces that timer.
   */
  setTimer(name: string, delay: Micros, data?: Readonly<Record<string, Cell>>): void;
  /** Cancels a pending timer by name (traced as 'timer-cancelled'); false when none was pending. */
  cancelTimer(name: string): boolean;
  /** Time left on a pending timer, or null. */
  timerRemaining(name: string): Micros | null;
  /** Encodes and sends a mobility message (IPv6 + Mobility Header, hop limit 64) from `from` (default: this node's signalling address). */
  send(msg: AgentMessage, to: string, from?: string): void;
  /** Creates the IPv6-in-IPv6 tunnel (RFC 2473) to `remote` unless it exists; returns its interface name. */
  createTunnel(remote: string): string;
  /** Deletes the tunnel to `remote` (and the routes through it); false when none existed. */
  deleteTunnel(remote: string): boolean;
  /** The tunnel interface name to `remote`, or null. */
  tunnelTo(remote: string): string | null;
}

/** The MN's point-to-point access link coming up at the MAG, after access authentication (RFC 5213 §6.5, §6.6). */
export interface AttachEvent {
  /** The MAG's access interface of this p2p link. */
  readonly accessIface: string;
  /** The MN interface's link-layer address (its MN-LL-Identifier), "" when unknown. */
  readonly mnLlId: string;
  /** Access technology of the access point (RFC 5213 §8.5). */
  readonly att: number;
  /** The MN-Identifier from access authentication, or null when the policy store does not know this MN. */
  readonly mnId: string | null;
  /** The MN's policy profile (RFC 5213 §6.2) for this interface, or null when there is none. */
  readonly profile: PolicyProfile | null;
  /** What the access network knows about the MN's other sessions (RFC 5213 §6.9.1.1). */
  readonly handoff: HandoffHint;
  /** Node id and interface of the mobile node (for notes only). */
  readonly mn: string;
  readonly mnIface: string;
}

export interface DetachEvent {
  readonly accessIface: string;
  readonly mnLlId: string;
  readonly mn: string;
  readonly mnIface: string;
}

/** A Prefix Information option the MAG puts in its Router Advertisements (RFC 4861 §4.6.2). */
export interface AdvertisedPrefix extends Prefix {
  /** Valid lifetime, seconds (0 withdraws the prefix, RFC 5213 §6.12). */
  readonly validLifetime: number;
  /** Preferred lifetime, seconds. */
  readonly preferredLifetime: number;
}

/** What the MAG advertises on one access link (RFC 5213 §6.7, §6.9.2, §6.9.5). */
export interface Advertisement {
  readonly prefixes: readonly AdvertisedPrefix[];
  /** MTU option value (RFC 4861 §4.6.4); omitted when undefined. */
  readonly mtu?: number;
  /** Router lifetime, seconds. */
  readonly routerLifetime: number;
}

/** The MAG's context: the BUL, its access links and the data-plane effects of RFC 5213 §6. */
export interface MagContext<S = unknown> extends AgentContextBase<S> {
  /** The Binding Update List, keyed by the access interface of the session. */
  readonly bul: Table<BulEntry>;
  /** This MAG's Proxy-CoA (the global address of its egress interface). */
  readonly proxyCoa: string;
  /** True while an MN is attached at the link layer on this access interface — the "reliable method" of RFC 5213 §6.9.1.3. */
  isAttached(accessIface: string): boolean;
  /** MTU of the access link. */
  accessMtu(accessIface: string): number;
  /** MTU available to inner packets through the tunnel to `remote` (path MTU minus the 40-octet outer header, RFC 2473 §6.7). */
  tunnelMtu(remote: string): number;
  /**
   * Sets what the MAG advertises on the access link and sends an unsolicited RA now; Router Solicitations
   * on that link are answered with it from then on. null stops advertising (RSs go unanswered).
   */
  advertise(accessIface: string, adv: Advertisement | null): void;
  /** The MAG's link-local source on this access link (default: FixedMAGLinkLocalAddressOnAllAccessLinks). */
  setLinkLocal(accessIface: string, address: string): void;
  /**
   * Binds the access link to a tunnel (RFC 5213 §6.9.1.2, §6.10.5): uplink packets from the link whose
   * source lies in `prefixes` go into the tunnel to `lmaa` (or stay local when `localRouting` allows a
   * locally attached destination); downlink packets for `prefixes` are delivered on this link.
   */
  bindAccessLink(
    accessIface: string,
    binding: { readonly lmaa: string; readonly prefixes: readonly Prefix[]; readonly localRouting: boolean },
  ): void;
  /** Removes the binding: the MN's uplink packets are dropped again and its prefix routes are removed. */
  unbindAccessLink(accessIface: string): void;
  /** Tears down the point-to-point link (RFC 5213 §6.9.1.4): the MN, if still there, is detached at the link layer. */
  closeAccessLink(accessIface: string): void;
}

/** The LMA's context: the binding cache, the prefix pool, prefix routes and the policy store (RFC 5213 §5). */
export interface LmaContext<S = unknown> extends AgentContextBase<S> {
  /** The Binding Cache; the key is the agent's choice of session id. */
  readonly bce: Table<BceEntry>;
  /** This LMA's address (LMAA). */
  readonly lmaa: string;
  /** The MN's policy profile, or null when this LMA does not serve that MN-Identifier (RFC 5213 §5.3.1 step 7). */
  profile(mnId: string): PolicyProfile | null;
  /** Whether the MAG at `proxyCoa` may send proxy registrations for `mnId` (RFC 5213 §4, §5.3.1 step 5). */
  magAuthorized(proxyCoa: string, mnId: string): boolean;
  /** Takes an unused prefix from the LMA's pool (RFC 5213 §5.3.2); null when the pool is exhausted. */
  allocatePrefix(): Prefix | null;
  /** Returns a prefix to the pool (after MinDelayBeforeBCEDelete, RFC 5213 §5.3.5). */
  releasePrefix(p: Prefix): void;
  /** True when the prefix belongs to this LMA (its pool or a static prefix of a profile it serves), RFC 5213 §5.3.2. */
  ownsPrefix(p: Prefix): boolean;
  /**
   * Routes a home network prefix (RFC 5213 §5.6.2): into the tunnel to `proxyCoa`, or 'discard' to drop
   * the MN's traffic (the MinDelayBeforeBCEDelete hold, RFC 5213 §5.3.5).
   */
  setPrefixRoute(p: Prefix, via: { readonly tunnelTo: string } | 'discard'): void;
  removePrefixRoute(p: Prefix): void;
}

// ---------------------------------------------------------------------------------------------------
// Agent modules
// ---------------------------------------------------------------------------------------------------

/** The context handed to `init`: everything but the state, which init creates. */
export type InitContext<C> = Omit<C, 'state'>;

export interface MagAgent<S = any> {
  readonly role: 'mag';
  readonly name: string;
  init(ctx: InitContext<MagContext<S>>): S;
  /** The MN's p2p link came up and access authentication finished (RFC 5213 §6.5, §6.6). */
  onAttach?(ctx: MagContext<S>, e: AttachEvent): void;
  /** The MN left the access link (RFC 5213 §6.13). */
  onDetach?(ctx: MagContext<S>, e: DetachEvent): void;
  /** A mobility message arrived that passed the host's checks (RFC 5213 §4 security, RFC 6275 §9.2). */
  onMessage?(ctx: MagContext<S>, msg: AgentMessage, from: MessageSource): void;
  onTimer?(ctx: MagContext<S>, timer: FiredTimer): void;
}

export interface LmaAgent<S = any> {
  readonly role: 'lma';
  readonly name: string;
  init(ctx: InitContext<LmaContext<S>>): S;
  onMessage?(ctx: LmaContext<S>, msg: AgentMessage, from: MessageSource): void;
  onTimer?(ctx: LmaContext<S>, timer: FiredTimer): void;
}

export type AgentModule = MagAgent | LmaAgent;
export type AgentRole = AgentModule['role'];
