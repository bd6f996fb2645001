/**
 * Per-flow statistics from the 'app' entries: ping (sent, replies, timeouts, round-trip times, as ping's
 * own summary line) and UDP flows (sent, received, lost, duplicates, one-way delay from the send time).
 */
import type { AppEvent, TraceEntry } from '../core/trace-types';
import type { Micros } from '../core/time';

export interface DelayStats {
  readonly min: Micros;
  readonly avg: Micros;
  readonly max: Micros;
  /** Standard deviation (population), what iputils ping prints as "mdev". */
  readonly mdev: Micros;
}

export interface PingStats {
  readonly flow: string;
  readonly node: string;
  readonly sent: number;
  readonly replies: number;
  readonly timeouts: number;
  /** Sent, but neither answered nor timed out when the trace ends. */
  readonly pending: number;
  /** timeouts / (replies + timeouts), 0 when nothing is settled. */
  readonly loss: number;
  /** null when there was no reply. */
  readonly rtt: DelayStats | null;
}

export interface UdpStats {
  readonly flow: string;
  readonly sent: number;
  /** Distinct sequence numbers received. */
  readonly received: number;
  readonly duplicates: number;
  /** Sent but never received (by the end of the trace). */
  readonly lost: number;
  readonly loss: number;
  readonly delay: DelayStats | null;
}

function delayStats(xs: readonly number[]): DelayStats | null {
  if (xs.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const x of xs) {
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
  }
  const avg = sum / xs.length;
  let sq = 0;
  for (const x of xs) sq += (x - avg) ** 2;
  return { min, avg, max, mdev: Math.sqrt(sq / xs.length) };
}

function byFlow(entries: readonly TraceEntry[], app: AppEvent['app']): Map<string, AppEvent[]> {
  const out = new Map<string, AppEvent[]>();
  for (const e of entries) {
    if (e.kind !== 'app' || e.app !== app) continue;
    const list = out.get(e.flow) ?? [];
    list.push(e);
    out.set(e.flow, list);
  }
  return out;
}

/** One line of statistics per ping flow, in the order the flows first appear. */
export function pingStats(entries: readonly TraceEntry[]): PingStats[] {
  return [...byFlow(entries, 'ping')].map(([flow, list]) => {
    const count = (ev: AppEvent['event']) => list.filter((e) => e.event === ev).length;
    const rtts = list.filter((e) => e.event === 'reply' && e.rtt !== undefined).map((e) => e.rtt as number);
    const sent = count('sent');
    const replies = count('reply');
    const timeouts = count('timeout');
    const settled = replies + timeouts;
    return {
      flow,
      node: list[0].node,
      sent,
      replies,
      timeouts,
      pending: sent - settled,
      loss: settled ? timeouts / settled : 0,
      rtt: delayStats(rtts),
    };
  });
}

/** One line of statistics per UDP flow, in the order the flows first appear. */
export function udpStats(entries: readonly TraceEntry[]): UdpStats[] {
  return [...byFlow(entries, 'udp')].map(([flow, list]) => {
    const sentAt = new Map<number, Micros>();
    const got = new Set<number>();
    const delays: number[] = [];
    let duplicates = 0;
    for (const e of list) {
      if (e.event === 'sent') sentAt.set(e.seq, e.t);
      else if (e.event === 'received' && got.has(e.seq)) duplicates++;
      else if (e.event === 'received') {
        got.add(e.seq);
        const t0 = sentAt.get(e.seq);
        if (t0 !== undefined) delays.push(e.t - t0);
      }
    }
    const lost = [...sentAt.keys()].filter((s) => !got.has(s)).length;
    return {
      flow,
      sent: sentAt.size,
      received: got.size,
      duplicates,
      lost,
      loss: sentAt.size ? lost / sentAt.size : 0,
      delay: delayStats(delays),
    };
  });
}
