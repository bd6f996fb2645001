/**
 * Which packets belong to one mobile node, for the chart's "follow an MN" filter: every hop to or from the
 * MN itself, every packet whose outer or inner IPv6 addresses are one of the MN's addresses (so the
 * tunnelled hops between the LMA and the MAG count too, RFC 5213 §5.6.2), and every signalling message
 * that names its MN-Identifier (the PBUs and PBAs about it, RFC 5213 §8.1).
 */
import { mnIdOf } from '../../../sim/analysis/signalling-load';
import type { PacketTx, TraceEntry } from '../../../sim/core/trace-types';
import { parseIPv6 } from '../../../sim/wire/addr';
import { locateUpperLayer } from '../../../sim/wire/ext-headers';

/** Every address the node configured during the run (from its 'addresses' table entries), as octets. */
export function addressesOf(trace: readonly TraceEntry[], node: string): Uint8Array[] {
  const seen = new Set<string>();
  const out: Uint8Array[] = [];
  for (const e of trace) {
    if (e.kind !== 'table' || e.table !== 'addresses' || e.node !== node || !e.row) continue;
    const a = e.row.address;
    if (typeof a !== 'string' || seen.has(a)) continue;
    seen.add(a);
    const b = parseIPv6(a);
    if (b) out.push(b);
  }
  return out;
}

function equalAt(bytes: Uint8Array, off: number, a: Uint8Array): boolean {
  for (let i = 0; i < 16; i++) if (bytes[off + i] !== a[i]) return false;
  return true;
}

/** Whether any source or destination, outer or inner (through IPv6-in-IPv6), is one of `addrs`. */
export function carriesAddress(bytes: Uint8Array, addrs: readonly Uint8Array[]): boolean {
  let off = 0;
  for (let depth = 0; depth < 8 && off + 40 <= bytes.length && bytes[off] >> 4 === 6; depth++) {
    for (const a of addrs) if (equalAt(bytes, off + 8, a) || equalAt(bytes, off + 24, a)) return true;
    const end = Math.min(bytes.length, off + 40 + ((bytes[off + 4] << 8) | bytes[off + 5]));
    const up = locateUpperLayer(bytes, off + 40, end, bytes[off + 6]);
    if (!up || up.fragment || up.nextHeader !== 41) return false;
    off = up.offset;
  }
  return false;
}

/** A predicate over 'tx' entries: does this hop carry something of `mn`'s? Memoised per packet id. */
export function mnMatcher(
  trace: readonly TraceEntry[],
  mn: string,
  mnId: string | null,
): (tx: PacketTx) => boolean {
  const addrs = addressesOf(trace, mn);
  const byPid = new Map<number, boolean>();
  return (tx) => {
    if (tx.node === mn || tx.to === mn) return true;
    const known = byPid.get(tx.pid);
    if (known !== undefined) return known;
    const hit =
      carriesAddress(tx.bytes, addrs) ||
      (mnId !== null && tx.cls === 'signalling' && mnIdOf(tx.bytes) === mnId);
    byPid.set(tx.pid, hit);
    return hit;
  };
}
