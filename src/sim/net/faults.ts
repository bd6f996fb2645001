/**
 * Scenario fault injection: "drop the 2nd PBU from mag1", "delay the 1st PBA by 800 ms", "duplicate the
 * 3rd ping". A fault counts the packets that match it as they are put on a link (after it was added) and
 * acts once, on the n-th; then it is spent. Faults are applied by the link, in the order they were added.
 * A label matches by prefix, looking through tunnel brackets (the label of a tunnelled ping is
 * "⟦ping req seq=1⟧"), so "ping" also finds pings inside the PMIPv6 tunnel.
 */
import type { Micros } from '../core/time';
import type { FaultSpec } from './types';

export interface FaultHit {
  readonly action: FaultSpec['action'];
  /** Extra delay for 'delay' (0 otherwise). */
  readonly delay: Micros;
  /** "scenario fault: drop the 2nd "PBU" from mag1". */
  readonly reason: string;
}

interface Fault {
  readonly spec: FaultSpec;
  seen: number;
}

export class FaultTable {
  private active: Fault[] = [];

  get empty(): boolean {
    return this.active.length === 0;
  }

  /** Throws on a malformed fault (nth not a positive integer, delay missing or negative): a scenario bug. */
  add(spec: FaultSpec): void {
    if (!Number.isInteger(spec.nth) || spec.nth < 1)
      throw new RangeError(`fault nth must be an integer >= 1, got ${spec.nth}`);
    if (spec.action === 'delay' && !(Number.isInteger(spec.delay) && (spec.delay as number) >= 0)) {
      throw new RangeError(`a 'delay' fault needs an integer delay >= 0 µs, got ${spec.delay}`);
    }
    this.active.push({ spec, seen: 0 });
  }

  /** Counts a packet put on a link from `from` to `to`; returns the faults that fire on it (often none). */
  onPut(label: string, from: string, to: string): FaultHit[] | null {
    let hits: FaultHit[] | null = null;
    for (const f of this.active) {
      const m = f.spec.match;
      if (m.label !== undefined && !labelMatches(label, m.label)) continue;
      if (m.from !== undefined && m.from !== from) continue;
      if (m.to !== undefined && m.to !== to) continue;
      f.seen++;
      if (f.seen !== f.spec.nth) continue;
      (hits ??= []).push({
        action: f.spec.action,
        delay: f.spec.action === 'delay' ? (f.spec.delay as number) : 0,
        reason: describe(f.spec),
      });
    }
    if (hits !== null) this.active = this.active.filter((f) => f.seen < f.spec.nth);
    return hits;
  }
}

/** A tunnelled packet's label is the inner one in ⟦ ⟧: "ping" matches "⟦ping req seq=1⟧" too. */
function labelMatches(label: string, wanted: string): boolean {
  if (label.startsWith(wanted)) return true;
  let i = 0;
  while (label.startsWith('⟦', i)) i++;
  return i > 0 && label.startsWith(wanted, i);
}

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function describe(f: FaultSpec): string {
  const what = f.match.label !== undefined ? `"${f.match.label}"` : 'packet';
  const from = f.match.from !== undefined ? ` from ${f.match.from}` : '';
  const to = f.match.to !== undefined ? ` to ${f.match.to}` : '';
  return `scenario fault: ${f.action} the ${ordinal(f.nth)} ${what}${from}${to}`;
}
