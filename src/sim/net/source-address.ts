/**
 * Source address selection for packets the network layer originates itself (echo replies, ICMPv6
 * errors). A reduced RFC 6724 §5: same scope as the destination (rule 2), on the outgoing interface
 * (rule 5), else any address of that scope on the node, in interface order.
 */
import { isLinkLocal } from '../wire/addr';
import type { NetNode } from './node';

export function selectSource(node: NetNode, dst: string, outIface?: string): string | null {
  const wantLinkLocal = isLinkLocal(dst);
  const ifaceName = outIface ?? node.lookupRoute(dst)?.iface;
  const fits = (a: string) => isLinkLocal(a) === wantLinkLocal;
  const out = ifaceName !== undefined ? node.iface(ifaceName) : undefined;
  for (const a of out?.addresses ?? []) if (fits(a.address)) return a.address;
  if (wantLinkLocal) return null; // a link-local source must belong to the link it is sent on (RFC 4291 §2.5.6)
  for (const i of node.interfaces()) for (const a of i.addresses) if (fits(a.address)) return a.address;
  return null;
}

/** Send options for a reply to `dst`: a link-local destination is reachable only on the link it came from. */
export const replyVia = (dst: string, inIface: string): { iface?: string } =>
  isLinkLocal(dst) ? { iface: inIface } : {};
