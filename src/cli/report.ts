/** The summary the runner prints after a run: time, events, packets by class and kind, drops, flows. */
import type { PingStats, TraceSummary, UdpStats } from '../sim/analysis';
import type { Micros } from '../sim/core/time';

export interface RunFacts {
  readonly title: string;
  readonly seed: number;
  readonly virtual: Micros;
  readonly wallMs: number;
  readonly events: number;
}

const ms = (us: number): string => (us / 1000).toFixed(3);
const pad = (s: string | number, n: number): string => String(s).padStart(n);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function packetTable(s: TraceSummary): string[] {
  const lines = [
    `${'packets'.padEnd(24)} ${pad('sent', 6)} ${pad('hops', 7)} ${pad('delivered', 9)} ${pad('dropped', 7)}`,
  ];
  const row = (name: string, c: { sent: number; hops: number; delivered: number; dropped: number }) =>
    `  ${name.padEnd(22)} ${pad(c.sent, 6)} ${pad(c.hops, 7)} ${pad(c.delivered, 9)} ${pad(c.dropped, 7)}`;
  for (const [cls, c] of Object.entries(s.byClass))
    if (c.hops + c.delivered + c.dropped > 0) lines.push(row(cls, c));
  lines.push('by kind');
  for (const c of s.byLabel) lines.push(row(c.kind, c));
  return lines;
}

export function formatReport(
  f: RunFacts,
  s: TraceSummary,
  pings: readonly PingStats[],
  udps: readonly UdpStats[],
): string {
  const lines = [
    `${f.title} (seed ${f.seed})`,
    `ran ${(f.virtual / 1e6).toFixed(3)} s of virtual time in ${f.wallMs.toFixed(0)} ms of wall time: ${f.events} events, ${s.entries} trace entries`,
    ...packetTable(s),
  ];
  if (s.dropReasons.length > 0) {
    lines.push('drops');
    for (const d of s.dropReasons)
      lines.push(`  ${pad(d.count, 6)}  ${d.reason}${d.rfc ? ` (${d.rfc})` : ''}`);
  }
  for (const p of pings) {
    const rtt = p.rtt
      ? `, rtt min/avg/max/mdev = ${ms(p.rtt.min)}/${ms(p.rtt.avg)}/${ms(p.rtt.max)}/${ms(p.rtt.mdev)} ms`
      : '';
    const pending = p.pending ? `, ${p.pending} pending` : '';
    lines.push(
      `ping ${p.flow}: ${p.sent} sent, ${p.replies} replies, ${p.timeouts} timeouts (${pct(p.loss)} loss)${pending}${rtt}`,
    );
  }
  for (const u of udps) {
    const delay = u.delay
      ? `, one-way delay min/avg/max = ${ms(u.delay.min)}/${ms(u.delay.avg)}/${ms(u.delay.max)} ms`
      : '';
    const dups = u.duplicates ? `, ${u.duplicates} duplicates` : '';
    lines.push(
      `udp ${u.flow}: ${u.sent} sent, ${u.received} received, ${u.lost} lost (${pct(u.loss)})${dups}${delay}`,
    );
  }
  return lines.join('\n');
}
