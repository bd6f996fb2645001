/**
 * Short packet labels and classes for charts, animation and the trace ("ping req seq=4", "RA",
 * "⟦ping req seq=4⟧"). Both the full decoder and the cheap per-packet summary build labels here, so the
 * two always agree.
 */
import { protocolShortName } from './ip-protocols';

/** How a packet is drawn and filtered: signalling (Mobility Header), neighbour discovery, ICMPv6 errors, data. */
export type PacketClass = 'signalling' | 'data' | 'nd' | 'icmp-error' | 'other';

export interface Labelled {
  readonly label: string;
  readonly cls: PacketClass;
}

const ICMPV6_LABELS: Readonly<Record<number, string>> = {
  1: 'Dest Unreach',
  2: 'Packet Too Big',
  3: 'Time Exceeded',
  4: 'Param Problem',
  133: 'RS',
  134: 'RA',
  135: 'NS',
  136: 'NA',
  137: 'Redirect',
};

/** Label and class of an ICMPv6 message from its Type (and the echo Sequence Number). */
export function icmpv6Labelled(type: number, sequence: number): Labelled {
  if (type === 128) return { label: `ping req seq=${sequence}`, cls: 'data' };
  if (type === 129) return { label: `ping reply seq=${sequence}`, cls: 'data' };
  const label = ICMPV6_LABELS[type] ?? `ICMPv6 type ${type}`;
  if (type >= 1 && type <= 4) return { label, cls: 'icmp-error' };
  if (type >= 133 && type <= 137) return { label, cls: 'nd' };
  return { label, cls: 'other' };
}

export const udpLabelled = (srcPort: number, dstPort: number): Labelled => ({
  label: `UDP ${srcPort}→${dstPort}`,
  cls: 'data',
});

export const mobilityLabelled = (label: string): Labelled => ({ label, cls: 'signalling' });

/** A packet inside a tunnel keeps its class; its label is wrapped. */
export const tunnelled = (inner: Labelled): Labelled => ({ label: `⟦${inner.label}⟧`, cls: inner.cls });

/** An upper layer this decoder does not read ("IPv6 TCP", "IPv4 ESP"). */
export const otherLabelled = (ipVersion: 4 | 6, protocol: number): Labelled => ({
  label:
    protocol === 59 ? `IPv${ipVersion} no next header` : `IPv${ipVersion} ${protocolShortName(protocol)}`,
  cls: 'data',
});

export const fragmentLabelled = (ipVersion: 4 | 6): Labelled => ({
  label: `IPv${ipVersion} fragment`,
  cls: 'data',
});

/** A packet that failed to parse at `layer`. */
export const malformed = (layer: string): Labelled => ({ label: `malformed ${layer}`, cls: 'other' });

/** Deeper nesting than this is shown as opaque payload (a crafted packet could nest hundreds of tunnels). */
export const MAX_TUNNEL_DEPTH = 8;
