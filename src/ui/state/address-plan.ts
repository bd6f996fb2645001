/**
 * Addresses for topology the learner adds: each new wired link gets its own /64 out of 2001:db8:ff00::/40
 * (documentation space, RFC 3849), the first one no existing address or prefix pool overlaps, and each
 * node gets an interface name it does not use yet.
 */
import { parseIPv6, parsePrefix, prefixMatch } from '../../sim/wire/addr';
import type { Scenario } from '../../sim/scenario/types';

/** Every address and prefix written in the scenario (interface addresses and LMA pools), parsed. */
function usedPrefixes(s: Scenario): { bytes: Uint8Array; length: number }[] {
  const out: { bytes: Uint8Array; length: number }[] = [];
  for (const n of s.nodes) {
    for (const list of Object.values(n.addresses)) {
      for (const a of list) {
        // "2001:db8::1/64": the address with its on-link prefix length (host bits set, so not a Prefix).
        const [addr, len] = a.split('/');
        const bytes = parseIPv6(addr);
        if (bytes) out.push({ bytes, length: Number(len ?? 128) });
      }
    }
    const pool = n.prefixPool ? parsePrefix(n.prefixPool) : null;
    const poolBytes = pool && parseIPv6(pool.prefix);
    if (pool && poolBytes) out.push({ bytes: poolBytes, length: pool.length });
  }
  return out;
}

/** A /64 for a new link, e.g. "2001:db8:ff01::" — one that overlaps nothing in the scenario. */
export function freeLinkPrefix(s: Scenario): string {
  const used = usedPrefixes(s);
  for (let k = 1; k < 0xffff; k++) {
    const text = `2001:db8:ff${(k >> 8).toString(16).padStart(2, '0')}:${(k & 0xff).toString(16)}::`;
    const bytes = parseIPv6(text) as Uint8Array;
    if (!used.some((u) => prefixMatch(u.bytes, bytes, Math.min(u.length, 64)))) return text;
  }
  throw new Error('no free /64 left in 2001:db8:ff00::/40');
}

/** The first "eth<N>" that node `id` has no addresses on and no link uses. */
export function freeInterface(s: Scenario, id: string): string {
  const node = s.nodes.find((n) => n.id === id);
  const taken = new Set(Object.keys(node?.addresses ?? {}));
  for (const l of s.links) {
    for (const end of [l.a, l.b]) {
      const [n, iface] = end.split(':');
      if (n === id) taken.add(iface);
    }
  }
  for (let i = 0; ; i++) if (!taken.has(`eth${i}`)) return `eth${i}`;
}

/** A locally administered MAC no MN interface in the scenario uses: 02:00:5e:10:NN:NN. */
export function freeMac(s: Scenario): string {
  const used = new Set(s.nodes.flatMap((n) => (n.interfaces ?? []).map((i) => i.mac.toLowerCase())));
  for (let k = 1; k < 0xffff; k++) {
    const mac = `02:00:5e:10:${(k >> 8).toString(16).padStart(2, '0')}:${(k & 0xff).toString(16).padStart(2, '0')}`;
    if (!used.has(mac)) return mac;
  }
  throw new Error('no free MAC address left');
}

/** "mag" + the first number not used by any node id: "mag3". */
export function freeNodeId(s: Scenario, stem: string): string {
  const ids = new Set(s.nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!ids.has(`${stem}${i}`)) return `${stem}${i}`;
}
