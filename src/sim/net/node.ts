/**
 * A node of the simulated network: its interfaces and addresses, routing table, RFC 2473 tunnels,
 * upper-layer handlers and forward hook. Packet processing itself lives in forwarding.ts (what arrives)
 * and output.ts (what leaves); every table change is traced as a 'table' entry.
 *
 * Hosts (mn, cn, host, aaa) deliver what is addressed to them and discard the rest; routers (lma, mag,
 * router) also forward (RFC 8200 §2). Every node answers ICMPv6 Echo Requests (RFC 4443 §4.1).
 */
import { flatten } from '../core/flat-string';
import type { Simulator } from '../core/simulator';
import type { Cell } from '../core/trace-types';
import { formatIPv6, parseIPv6 } from '../wire/addr';
import { answerEcho } from './echo';
import { input } from './forwarding';
import { NetIface } from './iface';
import type { Network } from './network';
import { newPacket } from './packet';
import type { Packet } from './packet';
import { summaryOf } from './packet';
import { originate } from './output';
import { RoutingTable } from './routing-table';
import type { ForwardHook, Iface, NodeKind, ReceivedPacket, Route, RouteSpec } from './types';
import { DEFAULT_MTU, ROUTER_KINDS, TUNNEL_OVERHEAD } from './types';

export type ReceiveHandler = (p: ReceivedPacket) => void;

/** Canonical RFC 5952 text of an address given by code; throws on a typo (a programming error). */
export function canonical(address: string): string {
  const b = parseIPv6(address);
  if (!b) throw new Error(`not an IPv6 address: ${address}`);
  return formatIPv6(b);
}

export class NetNode {
  readonly sim: Simulator;
  readonly isRouter: boolean;
  private readonly ifaceMap = new Map<string, NetIface>();
  /** Address → how many interfaces hold it (MAGs put one fixed link-local on every access link, RFC 6543). */
  private readonly addressCount = new Map<string, number>();
  /** The last 32 bits of each address held, with counts: a byte-level pre-check for the forwarding path. */
  private readonly addressTails = new Map<number, number>();
  private readonly table = new RoutingTable();
  /** `${local} ${remote}` → tunnel interface, for decapsulation (RFC 2473 §3.2). */
  private readonly tunnelByEnds = new Map<string, NetIface>();
  private readonly handlers = new Map<number, ReceiveHandler[]>();
  private hook: ForwardHook | null = null;
  /** Where packets a node sends to itself come back in (not listed among its interfaces). */
  readonly loopback = new NetIface('lo', '', 65535);

  constructor(
    readonly id: string,
    readonly kind: NodeKind,
    readonly net: Network,
  ) {
    this.sim = net.sim;
    this.isRouter = ROUTER_KINDS.has(kind);
    this.onReceive(58, (p) => answerEcho(this, p));
  }

  interfaces(): readonly Iface[] {
    return [...this.ifaceMap.values()];
  }

  /**
   * The interface `name`, created unplugged (down, no link) when the node does not have it yet: for
   * configuring an MN's radio before its first attach. Links and attach create interfaces themselves.
   */
  addInterface(name: string): Iface {
    return this.ifaceMap.get(name) ?? this.createIface(name, this.net.newMac());
  }

  /** The interface called `name`, or undefined. */
  iface(name: string): NetIface | undefined {
    return this.ifaceMap.get(name);
  }

  // ── addresses ──────────────────────────────────────────────────────────────────────────────────

  addAddress(iface: string, address: string, prefixLength: number): void {
    const i = this.mustIface(iface);
    const a = canonical(address);
    if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 128) {
      throw new RangeError(`prefix length must be 0..128, got ${prefixLength}`);
    }
    const at = i.addresses.findIndex((x) => x.address === a);
    if (at >= 0 && i.addresses[at].prefixLength === prefixLength) return;
    if (at >= 0) i.addresses[at] = { address: a, prefixLength };
    else {
      i.addresses.push({ address: a, prefixLength });
      this.addressCount.set(a, (this.addressCount.get(a) ?? 0) + 1);
      const tail = tailOf(parseIPv6(a) as Uint8Array, 0);
      this.addressTails.set(tail, (this.addressTails.get(tail) ?? 0) + 1);
    }
    this.traceTable('addresses', `${iface} ${a}`, at >= 0 ? 'update' : 'add', {
      iface,
      address: a,
      prefixLength,
    });
  }

  removeAddress(iface: string, address: string): void {
    const i = this.ifaceMap.get(iface);
    const a = canonical(address);
    const at = i ? i.addresses.findIndex((x) => x.address === a) : -1;
    if (!i || at < 0) return;
    i.addresses.splice(at, 1);
    decrement(this.addressCount, a);
    decrement(this.addressTails, tailOf(parseIPv6(a) as Uint8Array, 0));
    this.traceTable('addresses', `${iface} ${a}`, 'delete', null);
  }

  /** True when any interface holds `address` (weak host model, RFC 1122 §3.3.4.2). */
  hasAddress(address: string): boolean {
    if (this.addressCount.has(address)) return true;
    const b = parseIPv6(address);
    return b !== null && this.addressCount.has(formatIPv6(b));
  }

  /** hasAddress for canonical text. */
  isLocal(canonicalAddress: string): boolean {
    return this.addressCount.has(canonicalAddress);
  }

  /** hasAddress for the 16 address bytes at `off` (the forwarding path: text only on a likely hit). */
  isLocalAt(bytes: Uint8Array, off: number): boolean {
    return this.addressTails.has(tailOf(bytes, off)) && this.addressCount.has(formatIPv6(bytes, off));
  }

  // ── routes ─────────────────────────────────────────────────────────────────────────────────────

  addRoute(r: RouteSpec): void {
    this.mustIface(r.iface);
    const change = this.table.add(r);
    const rt = change.route;
    this.traceTable('routes', routeKey(rt), change.op, routeRow(rt));
  }

  /** Removes the routes for prefix/length (only via `iface` when given); false when there were none. */
  removeRoute(prefix: string, length: number, iface?: string): boolean {
    const gone = this.table.remove(prefix, length, iface);
    for (const rt of gone) this.traceTable('routes', routeKey(rt), 'delete', null);
    return gone.length > 0;
  }

  /** Longest-prefix match (RFC 4291 §2.5); ties by metric. */
  lookupRoute(dst: string): Route | null {
    const b = parseIPv6(dst);
    return b ? this.table.lookup(b) : null;
  }

  /** Longest-prefix match for the 16 address bytes at `off` (the forwarding path: no text). */
  routeFor(bytes: Uint8Array, off: number): Route | null {
    return this.table.lookup(bytes, off);
  }

  routes(): readonly Route[] {
    return this.table.all();
  }

  // ── tunnels ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Adds an RFC 2473 IPv6-in-IPv6 tunnel interface from `local` (an address of this node) to `remote`.
   * Its MTU is the MTU towards `remote` (or the default) minus the 40-octet outer header (RFC 2473 §6.7).
   */
  addTunnel(name: string, local: string, remote: string): void {
    if (this.ifaceMap.has(name)) throw new Error(`${this.id} already has an interface ${name}`);
    const l = canonical(local);
    const r = canonical(remote);
    const key = `${l} ${r}`;
    if (this.tunnelByEnds.has(key)) throw new Error(`${this.id} already has a tunnel from ${l} to ${r}`);
    const toRemote = this.lookupRoute(r);
    const pathMtu = toRemote ? (this.ifaceMap.get(toRemote.iface)?.mtu ?? DEFAULT_MTU) : DEFAULT_MTU;
    const t = new NetIface(flatten(name), '', pathMtu - TUNNEL_OVERHEAD, { local: l, remote: r });
    this.ifaceMap.set(name, t);
    this.tunnelByEnds.set(key, t);
    this.traceTable('tunnels', name, 'add', { name, local: l, remote: r, mtu: t.mtu });
  }

  /** Removes a tunnel and the routes through it; no-op when there is none. */
  removeTunnel(name: string): void {
    const t = this.ifaceMap.get(name);
    if (!t?.tunnel) return;
    this.tunnelByEnds.delete(`${t.tunnel.local} ${t.tunnel.remote}`);
    this.dropIface(t);
    this.traceTable('tunnels', name, 'delete', null);
  }

  /** The tunnel that decapsulates packets from `remote` to `local`, if any. */
  tunnelFor(local: string, remote: string): NetIface | undefined {
    return this.tunnelByEnds.get(`${local} ${remote}`);
  }

  // ── packets ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Originates an IPv6 packet (the node takes ownership of `bytes`): out of `iface` when given, else by
   * route lookup. Link-scope multicast needs `iface` unless the node has a single link. Returns the pid.
   * `nextHop` is informational on point-to-point links (the peer is the only neighbour).
   */
  send(bytes: Uint8Array, opts: { iface?: string; nextHop?: string } = {}): number {
    const pkt = newPacket(this.net.newPid(), bytes);
    originate(this, pkt, opts.iface);
    return pkt.info.pid;
  }

  /** Registers a handler for packets delivered here with upper-layer protocol `nextHeader`. */
  onReceive(nextHeader: number, handler: ReceiveHandler): void {
    let list = this.handlers.get(nextHeader);
    if (!list) {
      list = [];
      this.handlers.set(nextHeader, list);
    }
    list.push(handler);
  }

  handlersFor(nextHeader: number): readonly ReceiveHandler[] | undefined {
    return this.handlers.get(nextHeader);
  }

  setForwardHook(hook: ForwardHook | null): void {
    this.hook = hook;
  }

  get forwardHook(): ForwardHook | null {
    return this.hook;
  }

  /** A packet fully received on `iface` (called by the link). */
  input(pkt: Packet, iface: NetIface): void {
    input(this, pkt, iface);
  }

  // ── used by the network layer ──────────────────────────────────────────────────────────────────

  /** Creates an unplugged interface with the given MAC (e.g. an MN radio); throws when the name is taken. */
  createIface(name: string, mac: string): NetIface {
    if (this.ifaceMap.has(name)) throw new Error(`${this.id} already has an interface ${name}`);
    const i = new NetIface(flatten(name), mac, DEFAULT_MTU); // a Map key looked up per packet: stored flat
    this.ifaceMap.set(name, i);
    return i;
  }

  /** Removes an unplugged interface with its addresses and the routes out of it. */
  removeIface(name: string): void {
    const i = this.ifaceMap.get(name);
    if (!i) return;
    if (i.attachment) throw new Error(`${this.id} ${name} is still on link ${i.link}`);
    for (const a of [...i.addresses]) this.removeAddress(name, a.address);
    this.dropIface(i);
  }

  drop(pkt: Packet, reason: string, rfc?: string): void {
    const label = summaryOf(pkt).label;
    this.sim.record({
      kind: 'drop',
      node: this.id,
      pid: pkt.info.pid,
      reason,
      ...(rfc ? { rfc } : {}),
      bytes: pkt.bytes,
      label,
    });
  }

  deliver(pkt: Packet): void {
    const s = summaryOf(pkt);
    const trace = this.sim.trace;
    trace.append({
      id: trace.length,
      t: this.sim.now,
      kind: 'deliver',
      node: this.id,
      pid: pkt.info.pid,
      label: s.label,
      cls: s.cls,
    });
  }

  private dropIface(i: NetIface): void {
    for (const rt of this.table.removeByIface(i.name))
      this.traceTable('routes', routeKey(rt), 'delete', null);
    this.ifaceMap.delete(i.name);
  }

  private mustIface(name: string): NetIface {
    const i = this.ifaceMap.get(name);
    if (!i) throw new Error(`${this.id} has no interface ${name}`);
    return i;
  }

  private traceTable(
    table: 'routes' | 'tunnels' | 'addresses',
    key: string,
    op: 'add' | 'update' | 'delete',
    row: Record<string, Cell> | null,
  ): void {
    const trace = this.sim.trace;
    trace.append({
      id: trace.length,
      t: this.sim.now,
      kind: 'table',
      node: this.id,
      table,
      key: flatten(key),
      op,
      row,
    });
  }
}

const tailOf = (b: Uint8Array, off: number): number =>
  ((b[off + 12] << 24) | (b[off + 13] << 16) | (b[off + 14] << 8) | b[off + 15]) >>> 0;

function decrement<K>(m: Map<K, number>, k: K): void {
  const n = (m.get(k) ?? 1) - 1;
  if (n > 0) m.set(k, n);
  else m.delete(k);
}

const routeKey = (r: Route): string => `${r.prefix}/${r.length} dev ${r.iface}`;

const routeRow = (r: Route): Record<string, Cell> => ({
  prefix: `${r.prefix}/${r.length}`,
  iface: r.iface,
  via: r.via ?? null,
  metric: r.metric,
});
