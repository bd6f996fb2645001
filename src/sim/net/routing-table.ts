/**
 * A node's IPv6 routing table with longest-prefix match (RFC 4291 §2.5, RFC 8200 forwarding).
 *
 * Routes arrive as canonical text; each prefix is converted to bytes once. The lookup structure is one
 * Map per prefix length, keyed by the prefix's masked 32-bit words, and the lengths in use are kept in
 * descending order: a lookup reads the destination's four words once and probes each length from the
 * longest down, so its cost is (number of distinct lengths) small string keys, whatever the table size.
 *
 * Among routes for the same prefix the lowest metric wins; equal metrics keep the order they were added.
 */
import { formatIPv6, maskBytes, parseIPv6 } from '../wire/addr';
import type { Route, RouteSpec } from './types';

/** The destination as four unsigned 32-bit words, read from 16 bytes at `off`. */
function words(b: Uint8Array, off: number, out: number[]): void {
  for (let i = 0; i < 4; i++) {
    const o = off + i * 4;
    out[i] = ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
  }
}

/** The map key of the first `len` bits of an address given as four words. */
function keyOf(w: readonly number[], len: number): string {
  const full = len >>> 5;
  const rem = len & 31;
  let k = '';
  for (let i = 0; i < full; i++) k += w[i] + '.';
  if (rem !== 0) k += (w[full] & (0xffffffff << (32 - rem))) >>> 0;
  return k;
}

export type RouteChange = { readonly op: 'add' | 'update'; readonly route: Route; readonly old?: Route };

export class RoutingTable {
  private readonly byLength = new Map<number, Map<string, Route[]>>();
  /** Distinct prefix lengths present, longest first. */
  private lengths: number[] = [];
  private readonly ordered: Route[] = [];
  private readonly scratch = [0, 0, 0, 0];

  /** Every route, in the order added. */
  all(): readonly Route[] {
    return this.ordered;
  }

  /**
   * Adds a route (host bits of the prefix are cleared), or replaces the one for the same prefix, length
   * and interface. Throws on a prefix that is not IPv6 text or a length outside 0..128 (programming errors).
   */
  add(spec: RouteSpec): RouteChange {
    const route = normalise(spec);
    const bucket = this.bucketFor(route);
    const i = bucket.findIndex((r) => r.iface === route.iface);
    if (i >= 0) {
      const old = bucket[i];
      this.ordered[this.ordered.indexOf(old)] = route;
      if (old.metric === route.metric) {
        bucket[i] = route; // same rank among its peers: keep its place
      } else {
        bucket.splice(i, 1);
        insertByMetric(bucket, route);
      }
      return { op: 'update', route, old };
    }
    insertByMetric(bucket, route);
    this.ordered.push(route);
    return { op: 'add', route };
  }

  /** Removes the routes for prefix/length (only the one via `iface` when given); returns them. */
  remove(prefix: string, length: number, iface?: string): Route[] {
    const bytes = parseIPv6(prefix);
    if (!bytes) return [];
    const w = [0, 0, 0, 0];
    words(maskBytes(bytes, length), 0, w);
    const bucket = this.byLength.get(length)?.get(keyOf(w, length));
    if (!bucket) return [];
    return this.removeWhere((r) => bucket.includes(r) && (iface === undefined || r.iface === iface));
  }

  /** Removes every route out of `iface` (the interface went away); returns them. */
  removeByIface(iface: string): Route[] {
    return this.removeWhere((r) => r.iface === iface);
  }

  /** Longest-prefix match for the 16-byte address at `off`; null when nothing matches. */
  lookup(addr: Uint8Array, off = 0): Route | null {
    const w = this.scratch;
    words(addr, off, w);
    for (const len of this.lengths) {
      const bucket = (this.byLength.get(len) as Map<string, Route[]>).get(keyOf(w, len));
      if (bucket !== undefined) return bucket[0];
    }
    return null;
  }

  private bucketFor(route: Route): Route[] {
    let map = this.byLength.get(route.length);
    if (!map) {
      map = new Map();
      this.byLength.set(route.length, map);
      this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
    }
    const w = [0, 0, 0, 0];
    words(parseIPv6(route.prefix) as Uint8Array, 0, w);
    const key = keyOf(w, route.length);
    let bucket = map.get(key);
    if (!bucket) {
      bucket = [];
      map.set(key, bucket);
    }
    return bucket;
  }

  private removeWhere(pred: (r: Route) => boolean): Route[] {
    const gone = this.ordered.filter(pred);
    if (gone.length === 0) return gone;
    for (const r of gone) {
      this.ordered.splice(this.ordered.indexOf(r), 1);
      const map = this.byLength.get(r.length) as Map<string, Route[]>;
      for (const [key, bucket] of map) {
        const i = bucket.indexOf(r);
        if (i < 0) continue;
        bucket.splice(i, 1);
        if (bucket.length === 0) map.delete(key);
        break;
      }
      if (map.size === 0) {
        this.byLength.delete(r.length);
        this.lengths = this.lengths.filter((l) => l !== r.length);
      }
    }
    return gone;
  }
}

function normalise(spec: RouteSpec): Route {
  const bytes = parseIPv6(spec.prefix);
  if (!bytes) throw new Error(`route prefix is not an IPv6 address: ${spec.prefix}`);
  if (!Number.isInteger(spec.length) || spec.length < 0 || spec.length > 128) {
    throw new Error(`route prefix length must be 0..128, got ${spec.length}`);
  }
  const prefix = formatIPv6(maskBytes(bytes, spec.length));
  const metric = spec.metric ?? 0;
  return spec.via === undefined
    ? { prefix, length: spec.length, iface: spec.iface, metric }
    : { prefix, length: spec.length, iface: spec.iface, via: spec.via, metric };
}

/** Keeps a bucket sorted by metric; a new route goes after those with an equal metric. */
function insertByMetric(bucket: Route[], route: Route): void {
  let i = bucket.length;
  while (i > 0 && bucket[i - 1].metric > route.metric) i--;
  bucket.splice(i, 0, route);
}
