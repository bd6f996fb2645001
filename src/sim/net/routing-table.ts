/**
 * A node's IPv6 routing table with longest-prefix match (RFC 4291 §2.5, RFC 8200 forwarding).
 *
 * Routes arrive as canonical text; each prefix is converted to bytes once. The lookup structure is one
 * PrefixIndex per prefix length (prefix-index.ts: nested integer Maps keyed by the masked 32-bit words),
 * and the lengths in use are kept in descending order: a lookup probes each length from the longest down,
 * so its cost depends on the number of distinct lengths, not on the table size, and it allocates nothing.
 *
 * Adding, replacing and removing a route are O(1) in the table size too (an LMA holds one route per
 * mobile node and changes them on every handover): each route sits in an entry that remembers when it
 * was added, in its prefix's bucket, and in its interface's set.
 *
 * Among routes for the same prefix the lowest metric wins; equal metrics keep the order they were added.
 */
import { flatten } from '../core/flat-string';
import { formatIPv6, maskBytes } from '../wire/addr';
import { tryAddressBytes } from '../wire/address-bytes';
import { PrefixIndex } from './prefix-index';
import type { Route, RouteSpec } from './types';

export type RouteChange = { readonly op: 'add' | 'update'; readonly route: Route; readonly old?: Route };

/** A route in the table; replacing the route keeps the entry, so it keeps its place in `all()`. */
interface Entry {
  route: Route;
  /** Order added: `all()` and the lists of removed routes follow it. */
  readonly seq: number;
  /** The routes for the same prefix and length, lowest metric first. */
  readonly bucket: Entry[];
  /** The prefix bytes (host bits cleared), to find the bucket again. */
  readonly bytes: Uint8Array;
}

export class RoutingTable {
  private readonly byLength = new Map<number, PrefixIndex<Entry[]>>();
  /** Distinct prefix lengths present, longest first. */
  private lengths: PrefixIndex<Entry[]>[] = [];
  /** Every entry, in insertion order (a Set keeps it and deletes in O(1)). */
  private readonly entries = new Set<Entry>();
  private readonly byIface = new Map<string, Set<Entry>>();
  private nextSeq = 0;
  private snapshot: readonly Route[] | null = null;

  /** Every route, in the order added. */
  all(): readonly Route[] {
    if (this.snapshot === null) this.snapshot = Array.from(this.entries, (e) => e.route);
    return this.snapshot;
  }

  /**
   * Adds a route (host bits of the prefix are cleared), or replaces the one for the same prefix, length
   * and interface. Throws on a prefix that is not IPv6 text or a length outside 0..128 (programming errors).
   */
  add(spec: RouteSpec): RouteChange {
    const { route, bytes } = normalise(spec);
    this.snapshot = null;
    const bucket = this.bucketFor(bytes, route.length);
    const i = bucket.findIndex((e) => e.route.iface === route.iface);
    if (i >= 0) {
      const e = bucket[i];
      const old = e.route;
      e.route = route;
      if (old.metric !== route.metric) {
        bucket.splice(i, 1); // a new rank among its peers
        insertByMetric(bucket, e);
      }
      return { op: 'update', route, old };
    }
    const e: Entry = { route, seq: this.nextSeq++, bucket, bytes };
    insertByMetric(bucket, e);
    this.entries.add(e);
    let set = this.byIface.get(route.iface);
    if (!set) {
      set = new Set();
      this.byIface.set(route.iface, set);
    }
    set.add(e);
    return { op: 'add', route };
  }

  /** Removes the routes for prefix/length (only the one via `iface` when given); returns them. */
  remove(prefix: string, length: number, iface?: string): Route[] {
    const bytes = tryAddressBytes(prefix);
    if (bytes === null || bytes.length !== 16) return [];
    const bucket = this.byLength.get(length)?.get(bytes, 0);
    if (!bucket) return [];
    return this.removeEntries(bucket.filter((e) => iface === undefined || e.route.iface === iface));
  }

  /** Removes every route out of `iface` (the interface went away); returns them. */
  removeByIface(iface: string): Route[] {
    const set = this.byIface.get(iface);
    return set ? this.removeEntries([...set]) : [];
  }

  /** Longest-prefix match for the 16-byte address at `off`; null when nothing matches. */
  lookup(addr: Uint8Array, off = 0): Route | null {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) {
      const bucket = lengths[i].get(addr, off);
      if (bucket !== undefined) return bucket[0].route;
    }
    return null;
  }

  private bucketFor(bytes: Uint8Array, length: number): Entry[] {
    let index = this.byLength.get(length);
    if (!index) {
      index = new PrefixIndex(length);
      this.byLength.set(length, index);
      this.lengths = [...this.byLength.values()].sort((a, b) => b.length - a.length);
    }
    let bucket = index.get(bytes, 0);
    if (!bucket) {
      bucket = [];
      index.set(bytes, 0, bucket);
    }
    return bucket;
  }

  /** Takes the entries out of every structure; returns their routes in the order they were added. */
  private removeEntries(gone: Entry[]): Route[] {
    if (gone.length === 0) return [];
    this.snapshot = null;
    gone.sort((a, b) => a.seq - b.seq);
    for (const e of gone) {
      this.entries.delete(e);
      const set = this.byIface.get(e.route.iface) as Set<Entry>;
      set.delete(e);
      if (set.size === 0) this.byIface.delete(e.route.iface);
      e.bucket.splice(e.bucket.indexOf(e), 1);
      if (e.bucket.length > 0) continue;
      const index = this.byLength.get(e.route.length) as PrefixIndex<Entry[]>;
      index.delete(e.bytes, 0);
      if (index.size === 0) {
        this.byLength.delete(e.route.length);
        this.lengths = this.lengths.filter((x) => x !== index);
      }
    }
    return gone.map((e) => e.route);
  }
}

function normalise(spec: RouteSpec): { route: Route; bytes: Uint8Array } {
  const parsed = typeof spec.prefix === 'string' ? tryAddressBytes(spec.prefix) : null;
  if (parsed === null || parsed.length !== 16)
    throw new Error(`route prefix is not an IPv6 address: ${spec.prefix}`);
  if (!Number.isInteger(spec.length) || spec.length < 0 || spec.length > 128) {
    throw new Error(`route prefix length must be 0..128, got ${spec.length}`);
  }
  const bytes = maskBytes(parsed, spec.length);
  const prefix = formatIPv6(bytes);
  const metric = spec.metric ?? 0;
  // Flat: the forwarding path looks the interface up by this name for every packet (flat-string.ts).
  const iface = flatten(spec.iface);
  const route: Route =
    spec.via === undefined
      ? { prefix, length: spec.length, iface, metric }
      : { prefix, length: spec.length, iface, via: spec.via, metric };
  return { route, bytes };
}

/** Keeps a bucket sorted by metric; a new route goes after those with an equal metric. */
function insertByMetric(bucket: Entry[], e: Entry): void {
  let i = bucket.length;
  while (i > 0 && bucket[i - 1].route.metric > e.route.metric) i--;
  bucket.splice(i, 0, e);
}
