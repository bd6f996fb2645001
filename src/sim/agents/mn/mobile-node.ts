/**
 * The mobile node: a plain IPv6 host with no mobility software (RFC 5213 §2.2, §7).
 *
 * - On a link-layer attach it configures its link-local address (EUI-64 from the interface's MAC, RFC
 *   4291 Appendix A) and sends Router Solicitations (RFC 4861 §6.3.7): at once, then every
 *   RTR_SOLICITATION_INTERVAL up to MAX_RTR_SOLICITATIONS until a Router Advertisement arrives.
 * - From each RA it configures addresses by SLAAC (RFC 4862 §5.5.3) for every autonomous /64 prefix and a
 *   default route through the advertising router (RFC 4861 §6.3.4).
 * - Across a handover it keeps its addresses: the new MAG advertises the same home network prefix from
 *   the same link-local and link-layer address (RFC 5213 §6.9.3, RFC 6543), so nothing on the MN changes.
 * - When the network tears its access link down (RFC 5213 §6.9.1.4) it drops the addresses it had there.
 * - Every node answers pings (the network layer's echo responder); traffic apps are the scenario's.
 *
 * Each interface is independent, so a multi-interface MN has one mobility session per interface.
 * Not modelled: Duplicate Address Detection (every MN address is unique by construction), the RFC 4861
 * random delay before the first RS, and applying the RA's MTU option to the interface (it is noted).
 */
import type { Micros } from '../../core/time';
import { SECOND } from '../../core/time';
import type { NetNode } from '../../net/node';
import type { L2Notice, ReceivedPacket } from '../../net/types';
import { eui64, linkLocalFromMac, parseMac, withInterfaceId } from '../../wire/addr';
import type { PrefixInformation } from '../../wire/nd-options';
import type { RouterAdvertisement } from '../../wire/ndisc';
import { receivedNd, routerSolicitationPacket } from '../host/nd-packets';

/** RFC 4861 §10 host constants. */
export const RTR_SOLICITATION_INTERVAL: Micros = 4 * SECOND;
export const MAX_RTR_SOLICITATIONS = 3;
/** RFC 4862 §5.5.3 (e): the two-hour floor that protects a remaining lifetime from unauthenticated RAs. */
const TWO_HOURS = 7200;

interface AutoAddress {
  readonly iface: string;
  readonly address: string;
  /** Absolute end of the valid lifetime (simulation time), or Infinity. */
  validUntil: number;
  timer: number | null;
}

interface IfaceState {
  /** Router Solicitations sent since the attach. */
  solicitations: number;
  rsTimer: number | null;
  /** The default router learned on this interface, if any. */
  router: string | null;
  /** The last MTU advertised on this interface (noted when it changes). */
  mtu: number | null;
}

export class MobileNodeHost {
  private readonly ifaces = new Map<string, IfaceState>();
  private readonly addresses = new Map<string, AutoAddress>();

  /** `onL2` subscribes a listener to this node's link-layer notices (PmipDomain.onL2, or the network's). */
  constructor(
    readonly node: NetNode,
    onL2: (listener: (e: L2Notice) => void) => void = (l) => node.net.onL2(l),
  ) {
    onL2((e) => {
      if (e.mn === node.id) this.onL2(e);
    });
    node.onReceive(58, (p) => this.onIcmp(p));
  }

  private get sim() {
    return this.node.sim;
  }

  private note(text: string, rfc: string, tag: string): void {
    this.sim.record({ kind: 'decision', node: this.node.id, text, rfc, tag });
  }

  private onL2(e: L2Notice): void {
    const st = this.state(e.iface);
    if (st.rsTimer !== null) this.sim.cancelTimer(st.rsTimer);
    st.rsTimer = null;
    if (e.event === 'detach') return; // addresses stay: the MN may be handed over (RFC 5213 §6.9.3)
    const mac = parseMac(this.node.iface(e.iface)?.mac ?? '');
    if (!mac) return;
    this.node.addAddress(e.iface, linkLocalFromMac(mac), 64);
    st.solicitations = 0;
    this.solicit(e.iface);
  }

  private state(iface: string): IfaceState {
    let st = this.ifaces.get(iface);
    if (!st) {
      st = { solicitations: 0, rsTimer: null, router: null, mtu: null };
      this.ifaces.set(iface, st);
    }
    return st;
  }

  /** RFC 4861 §6.3.7: an RS now, and another after RTR_SOLICITATION_INTERVAL unless an RA came. */
  private solicit(iface: string): void {
    const st = this.state(iface);
    const i = this.node.iface(iface);
    if (!i || i.link === null) return;
    const mac = parseMac(i.mac);
    if (!mac) return;
    st.solicitations++;
    this.node.send(routerSolicitationPacket(linkLocalFromMac(mac), i.mac), { iface });
    st.rsTimer =
      st.solicitations < MAX_RTR_SOLICITATIONS
        ? this.sim.setTimer(this.node.id, `router-solicitation ${iface}`, RTR_SOLICITATION_INTERVAL, () =>
            this.solicit(iface),
          )
        : null;
  }

  private onIcmp(p: ReceivedPacket): void {
    if (p.bytes[p.payloadOffset] !== 134) return;
    const m = receivedNd(p);
    // RFC 4861 §6.1.2: an RA must come from a link-local source.
    if (!m || m.type !== 'router-advertisement' || !p.src.startsWith('fe80:')) return;
    this.onRouterAdvertisement(p.inIface, p.src, m);
  }

  private onRouterAdvertisement(iface: string, router: string, ra: RouterAdvertisement): void {
    const st = this.state(iface);
    if (st.rsTimer !== null) this.sim.cancelTimer(st.rsTimer);
    st.rsTimer = null;
    for (const o of ra.options) {
      if (o.kind === 'prefix-info') this.onPrefix(iface, o);
      else if (o.kind === 'mtu' && o.mtu !== st.mtu) {
        st.mtu = o.mtu;
        this.note(`RA on ${iface} advertises MTU ${o.mtu}`, 'RFC 4861 §6.3.4', 'mn-mtu');
      }
    }
    this.defaultRouter(iface, router, ra.routerLifetime);
  }

  /** RFC 4861 §6.3.4: a router lifetime > 0 makes the sender a default router; 0 removes it. */
  private defaultRouter(iface: string, router: string, lifetime: number): void {
    const st = this.state(iface);
    if (lifetime > 0 && st.router !== router) {
      if (st.router !== null) this.node.removeRoute('::', 0, iface);
      this.node.addRoute({ prefix: '::', length: 0, iface, via: router });
      st.router = router;
    } else if (lifetime === 0 && st.router !== null) {
      this.node.removeRoute('::', 0, iface);
      st.router = null;
    }
  }

  /** RFC 4862 §5.5.3: stateless address autoconfiguration from one Prefix Information option. */
  private onPrefix(iface: string, pio: PrefixInformation): void {
    if (!pio.autonomous || pio.prefix.startsWith('fe80:')) return; // (a), (b)
    if (pio.preferredLifetime > pio.validLifetime) return; // (c)
    const mac = parseMac(this.node.iface(iface)?.mac ?? '');
    if (!mac) return;
    if (pio.prefixLength !== 64) {
      this.note(
        `Prefix ${pio.prefix}/${pio.prefixLength} ignored for SLAAC: a 64-bit interface identifier needs a /64`,
        'RFC 4862 §5.5.3',
        'mn-prefix-ignored',
      );
      return;
    }
    const address = withInterfaceId(pio.prefix, eui64(mac));
    const known = this.addresses.get(address);
    if (!known) {
      if (pio.validLifetime === 0) return; // (d): nothing to form
      this.configure(iface, address, pio);
      return;
    }
    this.updateLifetime(known, pio.validLifetime);
  }

  private configure(iface: string, address: string, pio: PrefixInformation): void {
    this.node.addAddress(iface, address, 64);
    const a: AutoAddress = { iface, address, validUntil: Infinity, timer: null };
    this.addresses.set(address, a);
    this.setValidLifetime(a, pio.validLifetime);
    this.note(
      `Configured ${address} on ${iface} from the advertised prefix ${pio.prefix}/64 (valid ${pio.validLifetime} s)`,
      'RFC 4862 §5.5.3',
      'mn-slaac',
    );
  }

  /** RFC 4862 §5.5.3 (e): lifetimes of an existing address, with the two-hour rule. */
  private updateLifetime(a: AutoAddress, received: number): void {
    const remaining =
      a.validUntil === Infinity ? Infinity : Math.max(0, (a.validUntil - this.sim.now) / SECOND);
    if (received > TWO_HOURS || received > remaining) this.setValidLifetime(a, received);
    else if (remaining > TWO_HOURS) this.setValidLifetime(a, TWO_HOURS);
  }

  private setValidLifetime(a: AutoAddress, seconds: number): void {
    if (a.timer !== null) this.sim.cancelTimer(a.timer);
    a.timer = null;
    if (seconds === 0xffffffff) {
      a.validUntil = Infinity;
      return;
    }
    a.validUntil = this.sim.now + seconds * SECOND;
    a.timer = this.sim.setTimer(this.node.id, `address-valid ${a.address}`, seconds * SECOND, () => {
      a.timer = null;
      this.remove(a, `its valid lifetime ran out`);
    });
  }

  private remove(a: AutoAddress, why: string): void {
    if (a.timer !== null) this.sim.cancelTimer(a.timer);
    this.addresses.delete(a.address);
    this.node.removeAddress(a.iface, a.address);
    this.note(`Removed ${a.address} from ${a.iface}: ${why}`, 'RFC 4862 §5.5.3', 'mn-address-removed');
  }

  /** RFC 5213 §6.9.1.4: the MAG tore the access link down, so the MN loses what it configured there. */
  linkTornDown(iface: string): void {
    for (const a of [...this.addresses.values()])
      if (a.iface === iface) this.remove(a, 'the access link was torn down');
    const st = this.state(iface);
    if (st.router !== null) this.node.removeRoute('::', 0, iface);
    st.router = null;
  }

  /** Addresses configured by SLAAC, per interface (for tests and the UI). */
  configured(iface?: string): string[] {
    return [...this.addresses.values()]
      .filter((a) => iface === undefined || a.iface === iface)
      .map((a) => a.address);
  }
}
