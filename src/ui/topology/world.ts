/**
 * What the topology shows at the cursor, read from the trace's tables (never from an agent): which MAG each
 * MN interface is attached to, which tunnels exist between which nodes, each MN's home network prefixes and
 * addresses. Also where each MN physically is — the latest attach/move/detach of the scenario timeline at or
 * before the clock — which can differ from its attachment while a handover is in progress.
 */
import type { Micros } from '../../sim/core/time';
import type { Cell } from '../../sim/core/trace-types';
import type { Scenario, TimelineAction } from '../../sim/scenario/types';
import { actionTime } from '../state/scenario-document';
import type { TablesView } from '../state/tables';

export interface TunnelEdge {
  /** Node ids, sorted, so one pair of ends is one edge. */
  readonly a: string;
  readonly b: string;
  readonly names: readonly string[];
}

export interface MnDetails {
  readonly hnps: readonly string[];
  readonly addresses: readonly string[];
}

export interface TopologyWorld {
  /** "mn/iface" → MAG id, for every attached MN interface. */
  readonly attachments: ReadonlyMap<string, string>;
  readonly tunnels: readonly TunnelEdge[];
  readonly mn: ReadonlyMap<string, MnDetails>;
}

/** Address (canonical text) → node id, for every address written in the scenario (and LMAA / Proxy-CoA). */
export function addressOwners(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of s.nodes) {
    for (const list of Object.values(n.addresses)) for (const a of list) out.set(a.split('/')[0], n.id);
    if (n.lmaAddress) out.set(n.lmaAddress, n.id);
    if (n.proxyCoa) out.set(n.proxyCoa, n.id);
  }
  return out;
}

const str = (c: Cell | undefined): string | null => (typeof c === 'string' ? c : null);
const list = (c: Cell | undefined): readonly string[] =>
  Array.isArray(c) ? (c as readonly string[]) : typeof c === 'string' ? [c] : [];

export function topologyWorld(
  s: Scenario,
  tables: TablesView,
  owners: ReadonlyMap<string, string>,
): TopologyWorld {
  const attachments = new Map<string, string>();
  const pairs = new Map<string, { a: string; b: string; names: string[] }>();
  for (const n of s.nodes) {
    if (n.kind === 'mag') {
      for (const row of tables.rows(n.id, 'attachments')) {
        const mn = str(row.mn);
        if (mn) attachments.set(`${mn}/${str(row.iface) ?? ''}`, n.id);
      }
    }
    for (const row of tables.rows(n.id, 'tunnels')) {
      const remote = owners.get(str(row.remote) ?? '');
      if (!remote) continue;
      const [a, b] = [n.id, remote].sort();
      const key = `${a}|${b}`;
      const edge = pairs.get(key) ?? { a, b, names: [] };
      edge.names.push(`${n.id}:${str(row.name) ?? '?'}`);
      pairs.set(key, edge);
    }
  }
  return { attachments, tunnels: [...pairs.values()], mn: mnDetails(s, tables) };
}

/** HNPs from the LMAs' binding caches (matched by MN-Identifier), addresses from the MN's own table. */
function mnDetails(s: Scenario, tables: TablesView): Map<string, MnDetails> {
  const byMnId = new Map(s.policies.map((p) => [p.mnId, p.mn]));
  const hnps = new Map<string, string[]>();
  for (const n of s.nodes) {
    if (n.kind !== 'lma') continue;
    for (const row of tables.rows(n.id, 'bce')) {
      const mn = byMnId.get(str(row.mnId) ?? '');
      if (mn) hnps.set(mn, [...(hnps.get(mn) ?? []), ...list(row.hnps)]);
    }
  }
  const out = new Map<string, MnDetails>();
  for (const n of s.nodes) {
    if (n.kind !== 'mn') continue;
    const addresses = tables
      .rows(n.id, 'addresses')
      .map((r) => str(r.address))
      .filter((a): a is string => a !== null && !a.toLowerCase().startsWith('fe80:'));
    out.set(n.id, { hnps: [...new Set(hnps.get(n.id) ?? [])], addresses });
  }
  return out;
}

/** A scenario's timeline in time order (stable), with each action's time in µs. */
export interface TimedAction {
  readonly t: Micros;
  readonly action: TimelineAction;
}

export function sortTimeline(s: Scenario): TimedAction[] {
  return s.timeline
    .map((action, i) => ({ action, t: actionTime(action), i }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
}

/** How many actions of a sorted timeline have happened at `time` (at ≤ time). */
export function actionsBy(sorted: readonly TimedAction[], time: Micros): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].t <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each MN is: MN id → the MAG whose area it is in, or null when out of coverage. Follows the MN's first
 * interface: its initial attachTo, then the first `count` actions of the sorted timeline (attach, move, detach).
 */
export function mnLocationsAfter(
  s: Scenario,
  sorted: readonly TimedAction[],
  count: number,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const firstIface = new Map<string, string>();
  for (const n of s.nodes) {
    if (n.kind !== 'mn') continue;
    const i = n.interfaces?.[0];
    out.set(n.id, i?.attachTo ?? null);
    if (i) firstIface.set(n.id, i.name);
  }
  for (let k = 0; k < count && k < sorted.length; k++) {
    const a = sorted[k].action;
    if (!a.mn || !out.has(a.mn)) continue;
    if (a.iface && a.iface !== firstIface.get(a.mn)) continue;
    if (a.action === 'detach') out.set(a.mn, null);
    else if ((a.action === 'attach' || a.action === 'move') && a.mag) out.set(a.mn, a.mag);
  }
  return out;
}

/** `mnLocationsAfter` at a time. */
export function mnLocations(s: Scenario, time: Micros): Map<string, string | null> {
  const sorted = sortTimeline(s);
  return mnLocationsAfter(s, sorted, actionsBy(sorted, time));
}
