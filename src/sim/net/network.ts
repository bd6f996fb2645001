/**
 * The Network: the nodes and links of one simulation, the wireless access points of the MAGs, the
 * scenario's fault injection, and the deterministic counters (packet ids, MAC addresses) they share.
 */
import type { Simulator } from '../core/simulator';
import { AccessPoints } from './access';
import { FaultTable } from './faults';
import { Link, checkLinkProps } from './link';
import { NetNode } from './node';
import type { AccessPointSpec, FaultSpec, L2Notice, LinkProps, NodeKind } from './types';

export class Network {
  private readonly nodeMap = new Map<string, NetNode>();
  private readonly linkMap = new Map<string, Link>();
  private readonly faults = new FaultTable();
  private readonly access: AccessPoints;
  private pidCounter = 0;
  private macCounter = 0;

  constructor(readonly sim: Simulator) {
    this.access = new AccessPoints(this);
  }

  addNode(id: string, kind: NodeKind): NetNode {
    if (this.nodeMap.has(id)) throw new Error(`node ${id} already exists`);
    const n = new NetNode(id, kind, this);
    this.nodeMap.set(id, n);
    return n;
  }

  /** The node `id`; throws when there is none (a programming error). */
  node(id: string): NetNode {
    const n = this.nodeMap.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  nodes(): readonly NetNode[] {
    return [...this.nodeMap.values()];
  }

  /**
   * Connects two interfaces with a point-to-point link. An interface is created when the node does not
   * have it yet; an existing one must not be plugged into another link.
   */
  addLink(
    id: string,
    a: { node: string; iface: string },
    b: { node: string; iface: string },
    props: LinkProps,
  ): Link {
    if (this.linkMap.has(id)) throw new Error(`link ${id} already exists`);
    if (a.node === b.node) throw new Error(`link ${id}: both ends are on ${a.node}`);
    checkLinkProps(id, props);
    for (const { node, iface } of [a, b]) {
      const i = this.node(node).iface(iface);
      if (i && (i.isTunnel || i.attachment))
        throw new Error(
          `link ${id}: ${node} ${iface} is ${i.isTunnel ? 'a tunnel' : `already on link ${i.link}`}`,
        );
    }
    const ends = [a, b].map(({ node, iface }) => {
      const n = this.node(node);
      return { node: n, iface: n.iface(iface) ?? n.createIface(iface, this.newMac()) };
    });
    const link = new Link(id, [ends[0], ends[1]], props, this.sim, this.faults);
    this.linkMap.set(id, link);
    return link;
  }

  /** The link `id`; throws when there is none. */
  link(id: string): Link {
    const l = this.linkMap.get(id);
    if (!l) throw new Error(`no link ${id}`);
    return l;
  }

  links(): readonly Link[] {
    return [...this.linkMap.values()];
  }

  /** Takes a link down (what is on it is dropped: "link down") or brings it back up. */
  setLinkUp(id: string, up: boolean): void {
    this.link(id).setUp(up);
  }

  /** Tears a link down for good, dropping what is on it with `reason`. */
  removeLink(id: string, reason = 'link removed'): void {
    const l = this.link(id);
    l.tearDown(reason);
    this.linkMap.delete(id);
  }

  // ── wireless access (RFC 5213 §6.3) ────────────────────────────────────────────────────────────

  addAccessPoint(mag: string, opts: AccessPointSpec): void {
    this.access.add(mag, opts);
  }

  attach(mn: string, iface: string, mag: string): void {
    this.access.attach(mn, iface, mag);
  }

  detach(mn: string, iface: string): void {
    this.access.detach(mn, iface);
  }

  attachmentOf(mn: string, iface: string): string | null {
    return this.access.attachmentOf(mn, iface);
  }

  onL2(listener: (e: L2Notice) => void): void {
    this.access.listen(listener);
  }

  // ── faults ─────────────────────────────────────────────────────────────────────────────────────

  addFault(f: FaultSpec): void {
    this.faults.add(f);
  }

  // ── counters ───────────────────────────────────────────────────────────────────────────────────

  /** The next packet id: 1, 2, 3, … in the order packets are created (deterministic). */
  newPid(): number {
    return ++this.pidCounter;
  }

  /** A locally administered unicast MAC (RFC 7042 §2.1), 02:00:00:00:00:01 upwards, in creation order. */
  newMac(): string {
    const n = ++this.macCounter;
    const hex = (v: number) => v.toString(16).padStart(2, '0');
    return `02:00:00:${hex((n >> 16) & 0xff)}:${hex((n >> 8) & 0xff)}:${hex(n & 0xff)}`;
  }
}
