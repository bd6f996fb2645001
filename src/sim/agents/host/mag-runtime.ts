/**
 * The MAG's host runtime: it runs a MAG agent module (mag/mag.agent.ts or a learner's version) on a
 * network node and gives it a `MagContext` (api.ts). The mechanics live here; the decisions in the agent:
 *
 * - link layer: the access point's attach/detach notices (RFC 5213 §6.3), access authentication against
 *   the policy store with its modelled delay (RFC 5213 §6.5, §6.6), then `onAttach` / `onDetach`;
 * - Router Advertisements (RFC 5213 §6.7, §6.9.2): sent when the agent advertises, and in answer to Router
 *   Solicitations, from the MAG's link-local address on that link and the fixed link-layer address;
 * - the data plane of mag-data-plane.ts (tunnel, prefix routes, forward hook);
 * - signalling through the node's SignallingEndpoint (encoding, §4 security, RFC 6275 §9.2 checks).
 */
import type { Micros } from '../../core/time';
import type { NetNode } from '../../net/node';
import type { L2Notice, ReceivedPacket } from '../../net/types';
import { linkLocalFromMac, parseMac } from '../../wire/addr';
import type {
  Advertisement,
  AgentMessage,
  BulEntry,
  FiredTimer,
  MagAgent,
  MagContext,
  MessageSource,
  Prefix,
} from '../api';
import { AgentHost, canonicalAddress } from './agent-host';
import type { PmipDomain } from './domain';
import { MagDataPlane } from './mag-data-plane';
import { receivedNd, routerAdvertisementPacket } from './nd-packets';
import type { SignallingEndpoint } from './signalling';
import { TracedTable } from './table';
import { NamedTimers } from './timers';

export interface MagRuntimeOptions {
  readonly domain: PmipDomain;
  readonly node: NetNode;
  readonly agent: MagAgent;
  /** The Proxy-CoA (RFC 5213 §2.2). */
  readonly proxyCoa: string;
  readonly signalling: SignallingEndpoint;
  /** Modelled access authentication time (RFC 5213 §6.5; RFC 5779 AAA round trip). */
  readonly accessAuthDelay: Micros;
}

interface AccessLink {
  readonly mn: string;
  readonly mnIface: string;
  readonly mac: string;
  readonly att: number;
  /** The MN-Identifier, once access authentication succeeded. */
  mnId: string | null;
  authenticated: boolean;
  linkLocal: string | null;
  advertisement: Advertisement | null;
}

export class MagRuntime extends AgentHost<unknown> {
  readonly ctx: MagContext<unknown>;
  readonly dataPlane: MagDataPlane;
  private readonly agent: MagAgent;
  private readonly links = new Map<string, AccessLink>();
  private readonly bul: TracedTable<BulEntry>;
  private readonly accessAuthDelay: Micros;
  /** The host's own timers (access authentication), apart from the agent's so that names cannot clash. */
  private readonly hostTimers: NamedTimers;

  constructor(opts: MagRuntimeOptions) {
    super(opts.domain, opts.node, canonicalAddress(opts.proxyCoa), opts.signalling);
    this.agent = opts.agent;
    this.accessAuthDelay = opts.accessAuthDelay;
    this.bul = new TracedTable<BulEntry>(this.sim, this.node.id, 'bul');
    this.dataPlane = new MagDataPlane(this.node);
    this.hostTimers = new NamedTimers(this.sim, this.node.id, (t) => this.authenticate(String(t.data.iface)));
    this.ctx = this.buildContext();
    opts.node.setForwardHook(this.dataPlane.hook);
    opts.domain.onL2(this.node.id, (e) => {
      if (e.mag === this.node.id) this.onL2(e);
    });
    opts.node.onReceive(58, (p) => this.onIcmp(p));
    this.signalling.listen((msg, from) =>
      this.call('onMessage', () => this.agent.onMessage?.(this.ctx, msg, from)),
    );
    this.call('init', () => {
      this.state = this.agent.init(this.ctx);
    });
  }

  private buildContext(): MagContext<unknown> {
    const extra = {
      bul: this.bul,
      proxyCoa: this.address,
      isAttached: (iface: string) => this.links.has(iface),
      accessMtu: (iface: string) => this.node.iface(iface)?.mtu ?? 0,
      tunnelMtu: (remote: string) => this.tunnelMtu(remote),
      advertise: (iface: string, adv: Advertisement | null) => this.advertise(iface, adv),
      setLinkLocal: (iface: string, address: string) => this.setLinkLocal(iface, canonicalAddress(address)),
      bindAccessLink: (
        iface: string,
        b: { lmaa: string; prefixes: readonly Prefix[]; localRouting: boolean },
      ) => this.bindAccessLink(iface, b),
      unbindAccessLink: (iface: string) => this.unbindAccessLink(iface),
      closeAccessLink: (iface: string) => this.closeAccessLink(iface),
    };
    return Object.assign(this.baseContext(), extra);
  }

  protected timerFired(t: FiredTimer): void {
    this.call('onTimer', () => this.agent.onTimer?.(this.ctx, t));
  }

  // ── link layer and access authentication ─────────────────────────────────────────────────────

  private onL2(e: L2Notice): void {
    if (e.event === 'attach') this.attached(e);
    else this.detached(e);
  }

  private attached(e: L2Notice): void {
    const link: AccessLink = {
      mn: e.mn,
      mnIface: e.iface,
      mac: e.mac,
      att: e.att,
      mnId: null,
      authenticated: false,
      linkLocal: null,
      advertisement: null,
    };
    this.links.set(e.accessIface, link);
    this.setLinkLocal(e.accessIface, this.defaultLinkLocal());
    // RFC 5213 §6.5, §6.6: access authentication identifies the MN and fetches its profile (RFC 5779).
    this.hostTimers.set(`access-authentication ${e.accessIface}`, this.accessAuthDelay, {
      iface: e.accessIface,
    });
  }

  /** RFC 5213 §6.8, §9.3: the fixed MAG link-local address, or (ALL_ZERO) one derived from the fixed MAC until the LMA assigns one. */
  private defaultLinkLocal(): string {
    const fixed = this.domain.config.fixedMAGLinkLocalAddress;
    if (fixed !== '::') return fixed;
    const mac = parseMac(this.domain.config.fixedMAGLinkLayerAddress);
    return mac ? linkLocalFromMac(mac) : 'fe80::1';
  }

  private authenticate(iface: string): void {
    const link = this.links.get(iface);
    if (!link) return;
    const auth = this.domain.policies.authenticate(link.mac);
    const now = this.sim.now;
    const handoff = auth
      ? this.domain.policies.handoffHint(auth.record.mnId, link.mac, this.node.id, now)
      : 'none';
    if (auth) this.domain.policies.start(auth.record.mnId, link.mac, this.node.id, now);
    link.mnId = auth?.record.mnId ?? null;
    link.authenticated = true;
    const e = {
      accessIface: iface,
      mnLlId: link.mac,
      att: link.att,
      mnId: link.mnId,
      profile: auth?.profile ?? null,
      handoff,
      mn: link.mn,
      mnIface: link.mnIface,
    };
    this.call('onAttach', () => this.agent.onAttach?.(this.ctx, e));
  }

  private detached(e: L2Notice): void {
    const link = this.links.get(e.accessIface);
    if (!link) return;
    this.links.delete(e.accessIface);
    this.hostTimers.cancel(`access-authentication ${e.accessIface}`);
    if (!link.authenticated) return; // the agent never heard of this attachment
    if (link.mnId !== null) this.domain.policies.stop(link.mnId, link.mac, this.node.id, this.sim.now);
    const d = { accessIface: e.accessIface, mnLlId: link.mac, mn: link.mn, mnIface: link.mnIface };
    this.call('onDetach', () => this.agent.onDetach?.(this.ctx, d));
  }

  // ── Router Advertisements ─────────────────────────────────────────────────────────────────────

  private advertise(iface: string, adv: Advertisement | null): void {
    const link = this.links.get(iface);
    if (!link) return;
    link.advertisement = adv;
    if (adv) this.sendRa(iface, link, 'ff02::1');
  }

  private sendRa(iface: string, link: AccessLink, dst: string): void {
    if (!link.advertisement || !link.linkLocal) return;
    const bytes = routerAdvertisementPacket(
      link.linkLocal,
      dst,
      this.domain.config.fixedMAGLinkLayerAddress,
      link.advertisement,
    );
    this.node.send(bytes, { iface });
  }

  /** RFC 4861 §6.2.6 / RFC 5213 §6.9.2: answer an RS with the RA the agent set; before that, stay silent. */
  private onIcmp(p: ReceivedPacket): void {
    if (p.bytes[p.payloadOffset] !== 133) return;
    const link = this.links.get(p.inIface);
    if (!link || !receivedNd(p)) return;
    if (!link.advertisement) return;
    this.sendRa(p.inIface, link, p.src === '::' ? 'ff02::1' : p.src);
  }

  private setLinkLocal(iface: string, address: string): void {
    const link = this.links.get(iface);
    if (!link || link.linkLocal === address) return;
    if (link.linkLocal !== null) this.node.removeAddress(iface, link.linkLocal);
    link.linkLocal = address;
    if (this.node.iface(iface)) this.node.addAddress(iface, address, 64);
  }

  // ── data plane ────────────────────────────────────────────────────────────────────────────────

  private bindAccessLink(
    iface: string,
    b: { lmaa: string; prefixes: readonly Prefix[]; localRouting: boolean },
  ): void {
    if (!this.node.iface(iface)) return;
    this.unbindAccessLink(iface);
    const lmaa = canonicalAddress(b.lmaa);
    const tunnel = this.createTunnel(lmaa);
    const prefixes = b.prefixes.map((p) => ({ prefix: p.prefix, length: p.length }));
    this.dataPlane.bind(iface, { lmaa, prefixes, localRouting: b.localRouting, tunnel });
    for (const p of prefixes) {
      this.node.addRoute({ prefix: p.prefix, length: p.length, iface });
      // The uplink policy route (RFC 5213 §6.10.5): traffic from the HNP goes into the tunnel.
      this.sim.record({
        kind: 'table',
        node: this.node.id,
        table: 'routes',
        key: `from ${p.prefix}/${p.length} dev ${tunnel}`,
        op: 'add',
        row: { prefix: '::/0', from: `${p.prefix}/${p.length}`, iface: tunnel, via: null, metric: 0 },
      });
    }
  }

  private unbindAccessLink(iface: string): void {
    const b = this.dataPlane.binding(iface);
    if (!b) return;
    this.dataPlane.unbind(iface);
    for (const p of b.prefixes) {
      if (this.node.iface(iface)) this.node.removeRoute(p.prefix, p.length, iface);
      this.sim.record({
        kind: 'table',
        node: this.node.id,
        table: 'routes',
        key: `from ${p.prefix}/${p.length} dev ${b.tunnel}`,
        op: 'delete',
        row: null,
      });
    }
  }

  /** RFC 5213 §6.9.1.4: tearing down the p2p link; an MN still on it loses the link and its addresses. */
  private closeAccessLink(iface: string): void {
    const link = this.links.get(iface);
    this.unbindAccessLink(iface);
    if (!link) return;
    // The agent closed the link itself: it gets no onDetach for it.
    this.links.delete(iface);
    this.hostTimers.cancel(`access-authentication ${iface}`);
    if (link.mnId !== null) this.domain.policies.stop(link.mnId, link.mac, this.node.id, this.sim.now);
    this.domain.linkTornDown(link.mn, link.mnIface);
    this.node.net.detach(link.mn, link.mnIface);
  }

  /** For tests and the UI: the access links and what is known about them. */
  accessLinks(): readonly {
    iface: string;
    mn: string;
    mnId: string | null;
    linkLocal: string | null;
    advertised: boolean;
  }[] {
    return [...this.links].map(([iface, l]) => ({
      iface,
      mn: l.mn,
      mnId: l.mnId,
      linkLocal: l.linkLocal,
      advertised: l.advertisement !== null,
    }));
  }

  /** A decoded message, as the agent would receive it (used by test harnesses). */
  deliver(msg: AgentMessage, from: MessageSource): void {
    this.call('onMessage', () => this.agent.onMessage?.(this.ctx, msg, from));
  }
}
