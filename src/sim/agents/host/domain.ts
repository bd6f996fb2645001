/**
 * What the PMIPv6 agents of one network share: the protocol configuration, the policy store, the
 * MAG–LMA security associations (RFC 5213 §4), the wall-clock epoch of the nodes' time of day (RFC 5213
 * §5.5 timestamps), and a directory from addresses to node ids. One domain per Network.
 */
import type { Micros } from '../../core/time';
import type { Network } from '../../net/network';
import type { L2Notice } from '../../net/types';
import type { PmipConfig } from '../api';
import type { PolicyStore } from '../policy/policy-store';

/** 2024-01-01T00:00:00Z: the time of day at simulated time 0 (the digest's vectors use this instant). */
export const DEFAULT_EPOCH_SECONDS = 1_704_067_200;

export interface DomainOptions {
  readonly config: PmipConfig;
  readonly policies: PolicyStore;
  /** Node-id pairs with a security association (RFC 5213 §4); the order within a pair does not matter. */
  readonly securityAssociations: readonly { readonly mag: string; readonly lma: string }[];
  /** Wall-clock second that simulated time 0 stands for. */
  readonly epochSeconds?: number;
  /** Per-node clock error in µs (RFC 5213 §5.5: clocks must be synchronised; an offset breaks that). */
  readonly clockOffsets?: Readonly<Record<string, Micros>>;
}

/** Receives the news that the network tore down a mobile node's access link (RFC 5213 §6.9.1.4). */
export type LinkTeardownListener = (mn: string, iface: string) => void;

export class PmipDomain {
  readonly config: PmipConfig;
  readonly policies: PolicyStore;
  readonly epochSeconds: number;
  private readonly sa = new Set<string>();
  private readonly offsets: Readonly<Record<string, Micros>>;
  private readonly addressOwner = new Map<string, string>();
  private readonly teardownListeners = new Map<string, LinkTeardownListener>();
  /** Link-layer notices per node id (MN or MAG): one network listener dispatching by id, not one per node. */
  private readonly l2Listeners = new Map<string, ((e: L2Notice) => void)[]>();

  constructor(
    readonly net: Network,
    opts: DomainOptions,
  ) {
    this.config = opts.config;
    this.policies = opts.policies;
    this.epochSeconds = opts.epochSeconds ?? DEFAULT_EPOCH_SECONDS;
    this.offsets = opts.clockOffsets ?? {};
    for (const { mag, lma } of opts.securityAssociations) this.sa.add(pairKey(mag, lma));
    net.onL2((e) => {
      for (const l of this.l2Listeners.get(e.mag) ?? []) l(e);
      if (e.mn !== e.mag) for (const l of this.l2Listeners.get(e.mn) ?? []) l(e);
    });
  }

  /** Attach/detach notices that concern `node` (as the MAG or as the mobile node). */
  onL2(node: string, listener: (e: L2Notice) => void): void {
    const list = this.l2Listeners.get(node);
    if (list) list.push(listener);
    else this.l2Listeners.set(node, [listener]);
  }

  /** RFC 5213 §4: is there a security association between these two nodes? */
  hasSecurityAssociation(a: string, b: string): boolean {
    return this.sa.has(pairKey(a, b));
  }

  /** Adds a security association (tests and timeline actions). */
  addSecurityAssociation(mag: string, lma: string): void {
    this.sa.add(pairKey(mag, lma));
  }

  /** The node's time of day in µs since 1970 (the domain epoch + simulated time + the node's offset). */
  clock(node: string): number {
    return this.epochSeconds * 1_000_000 + this.net.sim.now + (this.offsets[node] ?? 0);
  }

  /** The node that holds `address` (a global address; cached, as signalling addresses do not move). */
  nodeOfAddress(address: string): string | null {
    const hit = this.addressOwner.get(address);
    if (hit !== undefined && this.net.node(hit).hasAddress(address)) return hit;
    for (const n of this.net.nodes()) {
      if (n.hasAddress(address)) {
        this.addressOwner.set(address, n.id);
        return n.id;
      }
    }
    return null;
  }

  onLinkTeardown(mn: string, listener: LinkTeardownListener): void {
    this.teardownListeners.set(mn, listener);
  }

  /** Tells the MN host that its access link was torn down by the network (it drops its addresses). */
  linkTornDown(mn: string, iface: string): void {
    this.teardownListeners.get(mn)?.(mn, iface);
  }
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
