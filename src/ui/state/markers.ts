/**
 * Timeline markers: the moments a learner wants to jump to — link-layer attachments, handovers, and the
 * PBUs and PBAs (RFC 5213 §6.9.1.1, §5.3.5) that follow them. Derived from the trace alone.
 */
import type { Micros } from '../../sim/core/time';
import type { TraceEntry } from '../../sim/core/trace-types';

export type MarkerKind = 'attach' | 'handover' | 'detach' | 'pbu' | 'pba';

export interface Marker {
  readonly kind: MarkerKind;
  readonly t: Micros;
  /** Trace id to seek to. */
  readonly id: number;
  readonly label: string;
}

export const MARKER_NAMES: Readonly<Record<MarkerKind, string>> = {
  attach: 'attachment',
  handover: 'handover',
  detach: 'detachment',
  pbu: 'PBU',
  pba: 'PBA',
};

/**
 * One marker per attach/detach (an attach to a different MAG than the MN's previous one is a handover)
 * and one per PBU/PBA as first sent (its first hop, not every router on the way).
 */
export function buildMarkers(trace: readonly TraceEntry[]): Marker[] {
  const out: Marker[] = [];
  const lastMag = new Map<string, string>();
  const seenPid = new Set<number>();
  for (const e of trace) {
    if (e.kind === 'l2') {
      const key = `${e.mn}/${e.iface}`;
      if (e.event === 'detach') {
        out.push({ kind: 'detach', t: e.t, id: e.id, label: `${e.mn} detaches from ${e.mag}` });
      } else {
        const prev = lastMag.get(key);
        const handover = prev !== undefined && prev !== e.mag;
        out.push({
          kind: handover ? 'handover' : 'attach',
          t: e.t,
          id: e.id,
          label: handover ? `${e.mn} hands over ${prev} → ${e.mag}` : `${e.mn} attaches to ${e.mag}`,
        });
        lastMag.set(key, e.mag);
      }
    } else if (e.kind === 'tx' && !seenPid.has(e.pid)) {
      seenPid.add(e.pid);
      if (e.label.startsWith('PBU'))
        out.push({ kind: 'pbu', t: e.t, id: e.id, label: `${e.label} from ${e.node}` });
      else if (e.label.startsWith('PBA'))
        out.push({ kind: 'pba', t: e.t, id: e.id, label: `${e.label} from ${e.node}` });
    }
  }
  return out;
}
