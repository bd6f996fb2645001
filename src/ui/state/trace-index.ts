/**
 * Indexes over a trace that the time controls and the animation need every frame: where a time falls,
 * which packets are on the wire, where the next signalling message is. Built once per trace (O(n)), then
 * every query is a binary search or a short scan, so 60 frames per second hold on a city-sized trace.
 *
 * A trace is ordered by time (entries are appended as simulated time goes on), which the searches rely on.
 */
import type { Micros } from '../../sim/core/time';
import type { PacketDrop, PacketTx, TraceEntry } from '../../sim/core/trace-types';

export interface TraceIndex {
  /** Ids of every 'tx' entry, in order. */
  readonly tx: Int32Array;
  /** Ids of the 'tx' entries of signalling messages (cls 'signalling'), every hop. */
  readonly signalling: Int32Array;
  /** Ids of every 'drop' entry. */
  readonly drops: Int32Array;
  /** The longest time any packet spent on one hop (arrive − t): how far back an in-flight scan must look. */
  readonly maxFlight: Micros;
}

export function buildTraceIndex(trace: readonly TraceEntry[]): TraceIndex {
  const tx: number[] = [];
  const sig: number[] = [];
  const drops: number[] = [];
  let maxFlight = 0;
  for (const e of trace) {
    if (e.kind === 'tx') {
      tx.push(e.id);
      if (e.cls === 'signalling') sig.push(e.id);
      if (e.arrive - e.t > maxFlight) maxFlight = e.arrive - e.t;
    } else if (e.kind === 'drop') drops.push(e.id);
  }
  return {
    tx: Int32Array.from(tx),
    signalling: Int32Array.from(sig),
    drops: Int32Array.from(drops),
    maxFlight,
  };
}

/** Index of the last entry with t ≤ time, or -1 when the first entry is later than `time`. */
export function lastAtOrBefore(trace: readonly TraceEntry[], time: Micros): number {
  let lo = 0;
  let hi = trace.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (trace[mid].t <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Position in a sorted id list of the last id ≤ `id` (-1 if none). */
export function lastIdAtOrBefore(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] <= id) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Packets on the wire at the view position: sent at or before the cursor (t ≤ time) and not yet arrived
 * (time < arrive). Ordered by id. Packets that were dropped on their hop are included until their drop
 * entry has been applied (a drop at the receiver still showed the packet travelling).
 */
export function packetsInFlight(
  trace: readonly TraceEntry[],
  index: TraceIndex,
  cursor: number,
  time: Micros,
): PacketTx[] {
  const out: PacketTx[] = [];
  for (let k = lastIdAtOrBefore(index.tx, cursor); k >= 0; k--) {
    const e = trace[index.tx[k]] as PacketTx;
    if (e.t < time - index.maxFlight) break;
    if (e.t <= time && time < e.arrive) out.push(e);
  }
  return out.reverse();
}

/** Whether any packet is on the wire at the view position (a cheaper `packetsInFlight(...).length > 0`). */
export function anyInFlight(
  trace: readonly TraceEntry[],
  index: TraceIndex,
  cursor: number,
  time: Micros,
): boolean {
  for (let k = lastIdAtOrBefore(index.tx, cursor); k >= 0; k--) {
    const e = trace[index.tx[k]] as PacketTx;
    if (e.t < time - index.maxFlight) return false;
    if (e.t <= time && time < e.arrive) return true;
  }
  return false;
}

/** Drops applied at or before the cursor that happened within `window` µs before `time` (newest last). */
export function recentDrops(
  trace: readonly TraceEntry[],
  index: TraceIndex,
  cursor: number,
  time: Micros,
  window: Micros,
): PacketDrop[] {
  const out: PacketDrop[] = [];
  for (let k = lastIdAtOrBefore(index.drops, cursor); k >= 0; k--) {
    const e = trace[index.drops[k]] as PacketDrop;
    if (e.t < time - window) break;
    out.push(e);
  }
  return out.reverse();
}

/** Id of the first signalling 'tx' after the cursor (and at or before `until`, when given), or null. */
export function nextSignalling(
  index: TraceIndex,
  trace: readonly TraceEntry[],
  cursor: number,
  until?: Micros,
): number | null {
  const k = lastIdAtOrBefore(index.signalling, cursor) + 1;
  if (k >= index.signalling.length) return null;
  const id = index.signalling[k];
  return until === undefined || trace[id].t <= until ? id : null;
}

/** Id of the last signalling 'tx' before the cursor, or null. */
export function previousSignalling(index: TraceIndex, cursor: number): number | null {
  const k = lastIdAtOrBefore(index.signalling, cursor - 1);
  return k >= 0 ? index.signalling[k] : null;
}
