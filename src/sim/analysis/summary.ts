/**
 * What happened in a run, in numbers: entries by kind, packets sent / delivered / dropped by class and
 * by kind of label, and the drop reasons. The CLI prints it; the metrics view can show it.
 *
 * "Sent" counts IP packets (distinct packet ids put on a link), "hops" counts link transmissions (one per
 * hop). An encapsulated packet has its own id (RFC 2473: a new packet), labelled "⟦inner⟧".
 */
import type { PacketClass, TraceEntry, TraceKind } from '../core/trace-types';
import type { Micros } from '../core/time';

export interface PacketCounts {
  sent: number;
  hops: number;
  delivered: number;
  dropped: number;
}

export interface TraceSummary {
  readonly entries: number;
  /** Time of the last entry. */
  readonly end: Micros;
  readonly byKind: Readonly<Partial<Record<TraceKind, number>>>;
  readonly byClass: Readonly<Record<PacketClass, PacketCounts>>;
  /** By label kind ("PBU", "ping req", "⟦ping req⟧", "RA"), most sent first. */
  readonly byLabel: readonly (PacketCounts & { readonly kind: string })[];
  /** Most frequent first. */
  readonly dropReasons: readonly { readonly reason: string; readonly rfc?: string; readonly count: number }[];
}

const CLASSES: readonly PacketClass[] = ['signalling', 'data', 'nd', 'icmp-error', 'other'];
const zero = (): PacketCounts => ({ sent: 0, hops: 0, delivered: 0, dropped: 0 });

/**
 * "PBU seq=3 HI=3" → "PBU", "ping req seq=4" → "ping req", "UDP 40000→9000" → "UDP",
 * "⟦ping req seq=4⟧" → "⟦ping req⟧": the words before the first parameter (a word with "=" or a digit first).
 */
export function labelKind(label: string): string {
  const tunnelled = label.startsWith('⟦') && label.endsWith('⟧');
  const inner = tunnelled ? label.slice(1, -1) : label;
  const words = inner.split(' ');
  const kept = [words[0]];
  for (const w of words.slice(1)) {
    if (w.includes('=') || /^[0-9]/.test(w)) break;
    kept.push(w);
  }
  const kind = kept.join(' ');
  return tunnelled ? `⟦${kind}⟧` : kind;
}

export function summarize(entries: readonly TraceEntry[]): TraceSummary {
  const byKind: Partial<Record<TraceKind, number>> = {};
  const byClass = Object.fromEntries(CLASSES.map((c) => [c, zero()])) as Record<PacketClass, PacketCounts>;
  const byLabel = new Map<string, PacketCounts>();
  // A label repeats on every hop of its packet: look its kind up once.
  const kindOf = new Map<string, PacketCounts>();
  const reasons = new Map<string, { reason: string; rfc?: string; count: number }>();
  const pidClass = new Map<number, PacketClass>();
  const countFor = (label: string): PacketCounts => {
    let c = kindOf.get(label);
    if (c) return c;
    const k = labelKind(label);
    c = byLabel.get(k);
    if (!c) byLabel.set(k, (c = zero()));
    kindOf.set(label, c);
    return c;
  };
  for (const e of entries) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    if (e.kind === 'tx') {
      const first = !pidClass.has(e.pid);
      pidClass.set(e.pid, e.cls);
      const cls = byClass[e.cls];
      const label = countFor(e.label);
      cls.hops++;
      label.hops++;
      if (first) {
        cls.sent++;
        label.sent++;
      }
    } else if (e.kind === 'deliver') {
      byClass[e.cls].delivered++;
      countFor(e.label).delivered++;
    } else if (e.kind === 'drop') {
      byClass[pidClass.get(e.pid) ?? 'other'].dropped++;
      if (e.label !== undefined) countFor(e.label).dropped++;
      const key = `${e.reason}\n${e.rfc ?? ''}`;
      const r = reasons.get(key) ?? { reason: e.reason, ...(e.rfc ? { rfc: e.rfc } : {}), count: 0 };
      r.count++;
      reasons.set(key, r);
    }
  }
  return {
    entries: entries.length,
    end: entries.length ? entries[entries.length - 1].t : 0,
    byKind,
    byClass,
    byLabel: [...byLabel]
      .map(([kind, c]) => ({ kind, ...c }))
      .sort((a, b) => b.sent - a.sent || b.hops - a.hops || a.kind.localeCompare(b.kind)),
    dropReasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
