/**
 * One interface of a node: a link end (wired, or a wireless access attachment) or an RFC 2473 tunnel.
 * Outside the net layer it is seen through the read-only `Iface` view; the node and the link change it.
 */
import type { Iface, IfaceAddress } from './types';
import type { Link } from './link';

export class NetIface implements Iface {
  mtu: number;
  up = false;
  readonly addresses: IfaceAddress[] = [];
  /** The link this interface transmits on, and which of its two ends it is. */
  attachment: { readonly link: Link; readonly end: 0 | 1 } | null = null;

  constructor(
    readonly name: string,
    readonly mac: string,
    mtu: number,
    readonly tunnel: { readonly local: string; readonly remote: string } | null = null,
  ) {
    this.mtu = mtu;
    if (tunnel) this.up = true; // a tunnel is up as long as it exists (RFC 2473 §3: a virtual link)
  }

  get link(): string | null {
    return this.attachment ? this.attachment.link.id : null;
  }

  get isTunnel(): boolean {
    return this.tunnel !== null;
  }

  hasAddress(address: string): boolean {
    for (const a of this.addresses) if (a.address === address) return true;
    return false;
  }
}
