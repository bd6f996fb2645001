/**
 * Wireless access points on MAGs and the link-layer attach/detach of mobile-node interfaces.
 *
 * RFC 5213 §6.3: every MN attachment is its own point-to-point link to the MAG. Attaching creates, after
 * the access point's `attachDelay` (association time), a MAG access interface `acc-<mn>-<iface>` and the
 * link `acc:<mag>:<mn>:<iface>` between it and the MN's interface. Detaching is immediate: the link is
 * torn down (packets on it are dropped: "link-layer detach") and the access interface removed, with its
 * addresses and routes, after the listeners (the MAG agent, RFC 5213 §6.9.1.3) have heard of it.
 *
 * Every MAG access interface presents the same link-layer address, 00:00:5e:00:52:13 (RFC 6543 §3, the
 * FixedMAGLinkLayerAddressOnAllAccessLinks of RFC 5213 §6.8), so the MN's default router does not change
 * across a handover.
 */
import type { EventId } from '../core/event-queue';
import type { Network } from './network';
import type { AccessPointSpec, L2Notice } from './types';

export const FIXED_MAG_MAC = '00:00:5e:00:52:13';

interface Attachment {
  readonly mag: string;
  /** The scheduled completion of an attach in progress; null once attached. */
  readonly pending: EventId | null;
  readonly accessIface: string;
  readonly linkId: string;
}

export const accessIfaceName = (mn: string, iface: string): string => `acc-${mn}-${iface}`;
export const accessLinkId = (mag: string, mn: string, iface: string): string => `acc:${mag}:${mn}:${iface}`;

export class AccessPoints {
  private readonly aps = new Map<string, AccessPointSpec>();
  private readonly state = new Map<string, Attachment>();
  private readonly listeners: ((e: L2Notice) => void)[] = [];

  constructor(private readonly net: Network) {}

  add(mag: string, spec: AccessPointSpec): void {
    this.net.node(mag);
    if (this.aps.has(mag)) throw new Error(`${mag} already has an access point`);
    for (const [what, v] of [
      ['attachDelay', spec.attachDelay],
      ['linkDelay', spec.linkDelay],
    ] as const) {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`access point on ${mag}: ${what} must be an integer >= 0 µs, got ${v}`);
    }
    this.aps.set(mag, spec);
  }

  listen(listener: (e: L2Notice) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Starts attaching `mn`'s `iface` to `mag`. Attaching elsewhere first detaches (break before make: one
   * radio); attaching where it is already attached, or attaching, changes nothing.
   */
  attach(mn: string, iface: string, mag: string): void {
    const ap = this.aps.get(mag);
    if (!ap) throw new Error(`${mag} has no access point`);
    const own = this.net.node(mn).iface(iface);
    const key = keyOf(mn, iface);
    if (own && (own.isTunnel || (own.attachment !== null && !this.state.has(key)))) {
      throw new Error(
        `${mn} ${iface} is ${own.isTunnel ? 'a tunnel' : `on link ${own.link}`}: it cannot attach to an access point`,
      );
    }
    const cur = this.state.get(key);
    if (cur?.mag === mag) return;
    if (cur) this.detach(mn, iface);
    const pending = this.net.sim.after(ap.attachDelay, () => this.complete(mn, iface, mag, ap));
    this.state.set(key, {
      mag,
      pending,
      accessIface: accessIfaceName(mn, iface),
      linkId: accessLinkId(mag, mn, iface),
    });
  }

  /** Detaches at once; cancels an attach still in progress. No-op when not attached. */
  detach(mn: string, iface: string): void {
    const key = keyOf(mn, iface);
    const cur = this.state.get(key);
    if (!cur) return;
    this.state.delete(key);
    if (cur.pending !== null) {
      this.net.sim.cancel(cur.pending);
      return;
    }
    const mac = this.net.node(mn).iface(iface)?.mac ?? '';
    this.net.sim.record({ kind: 'l2', node: cur.mag, event: 'detach', mn, iface, mag: cur.mag });
    this.net.removeLink(cur.linkId, 'link-layer detach');
    this.announce('detach', mn, iface, cur, mac);
    this.net.node(cur.mag).removeIface(cur.accessIface);
  }

  /** The MAG `mn`'s `iface` is attached to, or null (also while an attach is in progress). */
  attachmentOf(mn: string, iface: string): string | null {
    const cur = this.state.get(keyOf(mn, iface));
    return cur && cur.pending === null ? cur.mag : null;
  }

  private complete(mn: string, iface: string, mag: string, ap: AccessPointSpec): void {
    const mnNode = this.net.node(mn);
    const mnIface = mnNode.iface(iface) ?? mnNode.createIface(iface, this.net.newMac());
    const att: Attachment = {
      mag,
      pending: null,
      accessIface: accessIfaceName(mn, iface),
      linkId: accessLinkId(mag, mn, iface),
    };
    this.net.node(mag).createIface(att.accessIface, FIXED_MAG_MAC);
    this.net.addLink(
      att.linkId,
      { node: mn, iface },
      { node: mag, iface: att.accessIface },
      {
        delay: ap.linkDelay,
        ...(ap.bandwidthBps !== undefined ? { bandwidthBps: ap.bandwidthBps } : {}),
        ...(ap.loss !== undefined ? { loss: ap.loss } : {}),
      },
    );
    this.state.set(keyOf(mn, iface), att);
    this.net.sim.record({ kind: 'l2', node: mag, event: 'attach', mn, iface, mag });
    this.announce('attach', mn, iface, att, mnIface.mac, ap.att);
  }

  /** Traces the MAG's attachments table and tells the listeners (the l2 entry is already recorded). */
  private announce(
    event: 'attach' | 'detach',
    mn: string,
    iface: string,
    a: Attachment,
    mac: string,
    att = this.aps.get(a.mag)?.att ?? 0,
  ): void {
    this.net.sim.record({
      kind: 'table',
      node: a.mag,
      table: 'attachments',
      key: `${mn} ${iface}`,
      op: event === 'attach' ? 'add' : 'delete',
      row: event === 'attach' ? { mn, iface, accessIface: a.accessIface, mac, att } : null,
    });
    const notice: L2Notice = { event, mn, iface, mag: a.mag, accessIface: a.accessIface, mac, att };
    for (const l of this.listeners) l(notice);
  }
}

const keyOf = (mn: string, iface: string): string => `${mn}\n${iface}`;
