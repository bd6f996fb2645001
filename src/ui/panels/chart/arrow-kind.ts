/**
 * How an arrow is drawn: its colour family (shared with the topology's packet animation through the theme's
 * --pkt-* variables), and its weight (signalling bold, data thin, as in the RFCs' message flows).
 */
import type { PacketClass } from '../../../sim/core/trace-types';

export type ArrowKind = 'pbu' | 'pba' | 'mh' | 'data' | 'nd' | 'error' | 'other';

export function arrowKind(label: string, cls: PacketClass): ArrowKind {
  if (cls === 'signalling') {
    if (/^P?BU\b/.test(label)) return 'pbu';
    if (/^P?BA\b/.test(label)) return 'pba';
    return 'mh';
  }
  if (cls === 'data') return 'data';
  if (cls === 'nd') return 'nd';
  if (cls === 'icmp-error') return 'error';
  return 'other';
}

/** The theme variable holding each kind's colour. */
export const KIND_COLOUR_VAR: Readonly<Record<ArrowKind, string>> = {
  pbu: '--pkt-pbu',
  pba: '--pkt-pba',
  mh: '--pkt-mh',
  data: '--pkt-data',
  nd: '--pkt-nd',
  error: '--pkt-error',
  other: '--text-muted',
};

export const KIND_NAMES: Readonly<Record<ArrowKind, string>> = {
  pbu: 'Proxy Binding Update',
  pba: 'Proxy Binding Acknowledgement',
  mh: 'other mobility signalling',
  data: 'data',
  nd: 'neighbour discovery',
  error: 'ICMPv6 error',
  other: 'other',
};

export const isSignalling = (k: ArrowKind): boolean => k === 'pbu' || k === 'pba' || k === 'mh';
