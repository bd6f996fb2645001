/**
 * The LMA's host runtime: it runs an LMA agent module (lma/lma.agent.ts or a learner's version) on a
 * network node and gives it an `LmaContext` (api.ts). The mechanics live here, the decisions in the agent:
 *
 * - the binding cache as a traced table (every change a 'table' entry, RFC 5213 §5.1);
 * - the policy store seen from the LMA: profiles by MN-Identifier (RFC 5213 §5.3.1 steps 7–8, §6.2), and
 *   which MAGs may register which MN (RFC 5213 §4, §5.3.1 steps 5–6);
 * - the home network prefix pool (lma-prefix-pool.ts, RFC 5213 §5.3.2);
 * - the data plane (lma-data-plane.ts, RFC 5213 §5.6): prefix routes into the tunnels, the
 *   MinDelayBeforeBCEDelete drop, nothing sent back for anchored prefixes without a session;
 * - signalling through the node's SignallingEndpoint (encoding, §4 security, RFC 6275 §9.2 checks).
 */
import type { NetNode } from '../../net/node';
import type {
  AgentMessage,
  BceEntry,
  FiredTimer,
  LmaAgent,
  LmaContext,
  MessageSource,
  PolicyProfile,
  Prefix,
} from '../api';
import { AgentHost, canonicalAddress } from './agent-host';
import type { PmipDomain } from './domain';
import { LmaDataPlane } from './lma-data-plane';
import { PrefixPool } from './lma-prefix-pool';
import type { SignallingEndpoint } from './signalling';
import { TracedTable } from './table';

export interface LmaRuntimeOptions {
  readonly domain: PmipDomain;
  readonly node: NetNode;
  readonly agent: LmaAgent;
  /** The LMA Address, LMAA (RFC 5213 §2.2). */
  readonly lmaa: string;
  readonly signalling: SignallingEndpoint;
  /** The scenario's `prefixPool` ("2001:db8:1::/48"); undefined for an LMA with static prefixes only. */
  readonly prefixPool?: string;
  /** The static home network prefixes of the MNs this LMA anchors (the policies' `prefixes`). */
  readonly staticPrefixes?: readonly Prefix[];
}

export class LmaRuntime extends AgentHost<unknown> {
  readonly ctx: LmaContext<unknown>;
  readonly dataPlane: LmaDataPlane;
  readonly pool: PrefixPool;
  readonly bce: TracedTable<BceEntry>;
  private readonly agent: LmaAgent;
  private readonly statics: readonly Prefix[];

  constructor(opts: LmaRuntimeOptions) {
    super(opts.domain, opts.node, canonicalAddress(opts.lmaa), opts.signalling);
    this.agent = opts.agent;
    this.statics = (opts.staticPrefixes ?? []).map((p) => ({
      prefix: canonicalAddress(p.prefix),
      length: p.length,
    }));
    this.pool = PrefixPool.fromText(
      opts.prefixPool,
      this.statics.map((p) => `${p.prefix}/${p.length}`),
    );
    this.bce = new TracedTable<BceEntry>(this.sim, this.node.id, 'bce');
    this.dataPlane = new LmaDataPlane(
      this.node,
      this.pool.pool ? [this.pool.pool, ...this.statics] : this.statics,
    );
    this.ctx = this.buildContext();
    this.signalling.listen((msg, from) => this.deliver(msg, from));
    this.call('init', () => {
      this.state = this.agent.init(this.ctx);
    });
  }

  private buildContext(): LmaContext<unknown> {
    const extra = {
      bce: this.bce,
      lmaa: this.address,
      profile: (mnId: string) => this.profile(String(mnId)),
      magAuthorized: (proxyCoa: string, mnId: string) =>
        this.magAuthorized(canonicalAddress(proxyCoa), String(mnId)),
      allocatePrefix: () => this.pool.allocate(),
      releasePrefix: (p: Prefix) => this.pool.release(plainPrefix(p)),
      ownsPrefix: (p: Prefix) => this.ownsPrefix(plainPrefix(p)),
      setPrefixRoute: (p: Prefix, via: { readonly tunnelTo: string } | 'discard') =>
        this.setPrefixRoute(plainPrefix(p), via),
      removePrefixRoute: (p: Prefix) => this.dataPlane.unroute(plainPrefix(p)),
    };
    return Object.assign(this.baseContext(), extra);
  }

  protected timerFired(t: FiredTimer): void {
    this.call('onTimer', () => this.agent.onTimer?.(this.ctx, t));
  }

  /** A decoded message, as the agent receives it (the signalling endpoint and test harnesses call this). */
  deliver(msg: AgentMessage, from: MessageSource): void {
    this.call('onMessage', () => this.agent.onMessage?.(this.ctx, msg, from));
  }

  /** RFC 5213 §5.3.1 step 7: the profile, if this LMA is the one the policy names for the MN. */
  private profile(mnId: string): PolicyProfile | null {
    const p = this.domain.policies.profileByMnId(mnId);
    return p !== null && canonicalAddress(p.lmaa) === this.address ? p : null;
  }

  /**
   * RFC 5213 §4, §5.3.1 steps 5–6: the MAG at `proxyCoa` must share a security association with this LMA,
   * and, when the MN's profile lists the MAGs allowed to register it, be one of them.
   */
  private magAuthorized(proxyCoa: string, mnId: string): boolean {
    const mag = this.domain.nodeOfAddress(proxyCoa);
    if (mag === null || !this.domain.hasSecurityAssociation(mag, this.node.id)) return false;
    const allowed = this.domain.policies.profileByMnId(mnId)?.authorizedMags ?? null;
    return allowed === null || allowed.some((a) => canonicalAddress(a) === proxyCoa);
  }

  /** RFC 5213 §5.3.2: the pool's prefixes and the static prefixes of the MNs this LMA serves. */
  private ownsPrefix(p: Prefix): boolean {
    return this.pool.contains(p) || this.statics.some((s) => s.prefix === p.prefix && s.length === p.length);
  }

  private setPrefixRoute(p: Prefix, via: { readonly tunnelTo: string } | 'discard'): void {
    if (via === 'discard') {
      this.dataPlane.route(p, 'discard');
      return;
    }
    const remote = canonicalAddress(via.tunnelTo);
    const tunnel = this.ctx.tunnelTo(remote);
    if (tunnel === null)
      throw new Error(
        `setPrefixRoute: no tunnel to ${remote}; create it first with ctx.createTunnel(${JSON.stringify(remote)})`,
      );
    this.dataPlane.route(p, { iface: tunnel });
  }
}

const plainPrefix = (p: Prefix): Prefix => ({ prefix: canonicalAddress(p.prefix), length: p.length });
