/**
 * Packet captures of a run, from its trace: every 'tx' entry is a packet put on a link at that time.
 * pcapng: one interface per link (the scenario's wired links first, in scenario order, then the access
 * links in the order they first carried a packet), each packet commented with its trace entry. Classic
 * pcap: one link only.
 */
import type { PacketTx, TraceEntry } from '../sim/core/trace-types';
import { writePcap } from '../sim/wire/pcap';
import { writePcapng } from '../sim/wire/pcapng';

const transmissions = (entries: readonly TraceEntry[]): PacketTx[] =>
  entries.filter((e): e is PacketTx => e.kind === 'tx');

/** Link ids in capture order: `known` first, then any other link seen in the trace. */
export function captureLinks(entries: readonly TraceEntry[], known: readonly string[]): string[] {
  const out = [...known];
  const seen = new Set(known);
  for (const e of transmissions(entries)) {
    if (!seen.has(e.link)) {
      seen.add(e.link);
      out.push(e.link);
    }
  }
  return out;
}

export function pcapngOfRun(entries: readonly TraceEntry[], links: readonly string[]): Uint8Array {
  const index = new Map(links.map((id, i) => [id, i]));
  const packets = transmissions(entries).map((e) => ({
    t: e.t,
    iface: index.get(e.link) as number,
    bytes: e.bytes,
    comment: `trace #${e.id}: ${e.node} → ${e.to}, ${e.label} (pid ${e.pid})`,
  }));
  return writePcapng(
    { interfaces: links.map((name) => ({ name, description: `link ${name}` })), packets },
    { application: 'PMIPv6 Playground' },
  );
}

/** A classic pcap of one link, or null when the trace never saw it. */
export function pcapOfLink(entries: readonly TraceEntry[], link: string): Uint8Array {
  return writePcap(
    transmissions(entries)
      .filter((e) => e.link === link)
      .map((e) => ({ t: e.t, bytes: e.bytes })),
  );
}
