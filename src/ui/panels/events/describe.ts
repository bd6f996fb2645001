/**
 * One readable line per trace entry for the event list ("PBU seq=1 HI=3 → LMA1", "timer “retransmit
 * acc-mn1-wlan0” set, fires at 1.050 s"), the group it belongs to for the kind filter, and the packet it
 * refers to (a receive or drop names its hop; a delivery finds the hop that brought it).
 */
import { formatTime } from '../../../sim/core/time';
import type { TraceEntry, TraceKind } from '../../../sim/core/trace-types';
import { TABLE_TITLES } from '../tables/format';

export type KindGroup =
  'sent' | 'received' | 'dropped' | 'decisions' | 'tables' | 'timers' | 'link' | 'actions' | 'app' | 'errors';

export const GROUPS: readonly { id: KindGroup; label: string; kinds: readonly TraceKind[] }[] = [
  { id: 'sent', label: 'Sent', kinds: ['tx'] },
  { id: 'received', label: 'Received', kinds: ['rx', 'deliver'] },
  { id: 'dropped', label: 'Dropped', kinds: ['drop'] },
  { id: 'decisions', label: 'Decisions', kinds: ['decision'] },
  { id: 'tables', label: 'Tables', kinds: ['table'] },
  { id: 'timers', label: 'Timers', kinds: ['timer-set', 'timer-fired', 'timer-cancelled'] },
  { id: 'link', label: 'Link layer', kinds: ['l2'] },
  { id: 'actions', label: 'Actions', kinds: ['action'] },
  { id: 'app', label: 'Applications', kinds: ['app'] },
  { id: 'errors', label: 'Errors', kinds: ['error'] },
];

const GROUP_OF = new Map<TraceKind, KindGroup>(GROUPS.flatMap((g) => g.kinds.map((k) => [k, g.id] as const)));

export function groupOf(kind: TraceKind): KindGroup {
  return GROUP_OF.get(kind) ?? 'app';
}

/** Short badge text per kind. */
export const KIND_BADGE: Readonly<Record<TraceKind, string>> = {
  tx: 'sent',
  rx: 'recv',
  deliver: 'deliver',
  drop: 'drop',
  'timer-set': 'timer',
  'timer-fired': 'timer',
  'timer-cancelled': 'timer',
  table: 'table',
  decision: 'note',
  l2: 'link',
  action: 'action',
  error: 'error',
  app: 'app',
};

export type Name = (node: string) => string;

export function describeEntry(e: TraceEntry, trace: readonly TraceEntry[], name: Name): string {
  switch (e.kind) {
    case 'tx':
      return `${e.label} → ${name(e.to)} (${e.bytes.length} octets)`;
    case 'rx': {
      const tx = trace[e.txId];
      return `${tx?.kind === 'tx' ? tx.label : 'packet'} ← ${name(e.from)}`;
    }
    case 'deliver':
      return `${e.label} delivered`;
    case 'drop':
      return `dropped ${e.label ?? 'a packet'}: ${e.reason}`;
    case 'timer-set':
      return `timer “${e.timer}” set, fires at ${formatTime(e.deadline)}`;
    case 'timer-fired':
      return `timer “${e.timer}” fired`;
    case 'timer-cancelled':
      return `timer “${e.timer}” cancelled`;
    case 'table':
      return `${TABLE_TITLES[e.table] ?? e.table}: ${e.op === 'add' ? 'added' : e.op === 'update' ? 'updated' : 'deleted'} ${e.key}`;
    case 'decision':
      return e.text;
    case 'l2':
      return `${name(e.mn)} ${e.event === 'attach' ? 'attached to' : 'detached from'} ${name(e.mag)} (${e.iface})`;
    case 'action':
      return `${e.action}: ${e.detail}`;
    case 'error':
      return `error: ${e.message}${e.line !== undefined ? ` (line ${e.line}${e.column !== undefined ? `:${e.column}` : ''})` : ''}`;
    case 'app':
      return `${e.flow}: ${e.app} ${e.event} seq=${e.seq}${e.rtt !== undefined ? `, round trip ${formatTime(e.rtt)}` : ''}`;
  }
}

/** The RFC reference of an entry, if it has one (decisions, drops). */
export function rfcOf(e: TraceEntry): string | undefined {
  if (e.kind === 'decision') return e.rfc;
  if (e.kind === 'drop') return e.rfc;
  return undefined;
}

/** How far back a delivery looks for the hop that brought its packet. */
const DELIVER_SCAN = 5_000;

/** The 'tx' id of the packet an entry is about, or null. */
export function packetOf(e: TraceEntry, trace: readonly TraceEntry[]): number | null {
  switch (e.kind) {
    case 'tx':
      return e.id;
    case 'rx':
      return e.txId;
    case 'drop':
      return e.txId ?? null;
    case 'deliver':
      for (let i = e.id - 1; i >= 0 && i >= e.id - DELIVER_SCAN; i--) {
        const x = trace[i];
        if (x.kind === 'tx' && x.pid === e.pid) return x.id;
      }
      return null;
    default:
      return null;
  }
}

/** Whether an entry involves `node`: where it happened, or the other end of a hop, or the MN of an L2 event. */
export function involves(e: TraceEntry, node: string): boolean {
  if (e.node === node) return true;
  if (e.kind === 'tx') return e.to === node;
  if (e.kind === 'rx') return e.from === node;
  if (e.kind === 'l2') return e.mn === node || e.mag === node;
  return false;
}

/**
 * The entries that pass the filters: their ids in trace order, or null for "every entry" (no filter: the
 * list then maps row i to entry i without building a million-entry array).
 */
export function filterEntries(
  trace: readonly TraceEntry[],
  groups: ReadonlySet<KindGroup>,
  node: string,
): Int32Array | null {
  if (groups.size === GROUPS.length && node === '') return null;
  const out: number[] = [];
  for (const e of trace)
    if (groups.has(groupOf(e.kind)) && (node === '' || involves(e, node))) out.push(e.id);
  return Int32Array.from(out);
}

/** How many of the sorted ids are ≤ cursor (null ids: every entry of a trace of `length`). */
export function countUpTo(ids: Int32Array | null, cursor: number, length = Infinity): number {
  if (ids === null) return Math.max(0, Math.min(cursor + 1, length));
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
