/**
 * What the mobility signalling costs the domain: messages and octets per minute, per mobile node (by the
 * MN-Identifier the messages carry, RFC 5213 §8.1), and the size of each LMA's binding cache over time.
 * Pure functions over a trace: the metrics panel, the CLI summary and the benchmark all use them.
 *
 * Counting rules:
 * - A message is one IP packet of class 'signalling', counted once, at its first hop (a PBU that crosses
 *   two routers is one message and three link transmissions: `hops` counts those).
 * - Its size is the whole packet as sent, IPv6 header included (what the access and backhaul links carry).
 * - Messages without an MN-ID option (heartbeats, RFC 5847 §5) are `unattributed`.
 */
import type { Micros } from '../core/time';
import { SECOND } from '../core/time';
import type { TraceEntry } from '../core/trace-types';
import { formatIPv4, formatIPv6 } from '../wire/addr';
import { locateUpperLayer } from '../wire/ext-headers';
import { MH_COMMON_LEN, parseMobility } from '../wire/mh';
import type { ParsedMobilityMessage } from '../wire/mh';
import { messageCodecForWire } from '../wire/mh/messages';
import { plainHex, utf8Text } from '../wire/mh/text';
import { UDP_PORT_PMIP_CONTROL } from '../wire/udp';

export const MINUTE: Micros = 60 * SECOND;

/** Where a packet's Mobility Header is, and the addresses its checksum covers. */
interface MhLocation {
  readonly offset: number;
  readonly length: number;
  readonly src: () => string;
  readonly dst: () => string;
}

/**
 * Finds the Mobility Header: over IPv6 (Next Header 135 after any extension headers, RFC 6275 §6.1) or
 * over IPv4/UDP port 5436 (RFC 5844 §4). Null for anything else.
 */
function locateMobility(bytes: Uint8Array): MhLocation | null {
  if (bytes.length < 20) return null;
  const version = bytes[0] >> 4;
  if (version === 6 && bytes.length >= 40) {
    const end = Math.min(bytes.length, 40 + ((bytes[4] << 8) | bytes[5]));
    const up = locateUpperLayer(bytes, 40, end, bytes[6]);
    if (!up || up.fragment || up.nextHeader !== 135 || end - up.offset < 8) return null;
    return {
      offset: up.offset,
      length: end - up.offset,
      src: () => formatIPv6(bytes, 8),
      dst: () => formatIPv6(bytes, 24),
    };
  }
  if (version === 4) {
    const hl = (bytes[0] & 0x0f) * 4;
    const end = Math.min(bytes.length, (bytes[2] << 8) | bytes[3]);
    if (bytes[9] !== 17 || hl < 20 || end < hl + 16) return null;
    const sport = (bytes[hl] << 8) | bytes[hl + 1];
    const dport = (bytes[hl + 2] << 8) | bytes[hl + 3];
    if (sport !== UDP_PORT_PMIP_CONTROL && dport !== UDP_PORT_PMIP_CONTROL) return null;
    return {
      offset: hl + 8,
      length: end - hl - 8,
      src: () => formatIPv4(bytes, 12),
      dst: () => formatIPv4(bytes, 16),
    };
  }
  return null;
}

/** The Mobility Header message a packet carries, fully parsed; null for anything else or a malformed header. */
export function mobilityMessageOf(bytes: Uint8Array): ParsedMobilityMessage | null {
  const at = locateMobility(bytes);
  if (!at) return null;
  const parsed = parseMobility(bytes, at.offset, at.length, at.src(), at.dst());
  return parsed.ok ? parsed.value : null;
}

/**
 * The MN-Identifier a signalling packet carries (RFC 4283 §3), or null. A fast walk over the option TLVs
 * (RFC 6275 §6.2) without parsing the rest: the chart's MN filter and the load figures ask it of every
 * signalling message of a city-sized run. It reads the identifier exactly as the option codec does.
 */
export function mnIdOf(bytes: Uint8Array): string | null {
  const known = mnIdCache.get(bytes);
  if (known !== undefined) return known;
  const id = readMnId(bytes);
  mnIdCache.set(bytes, id);
  return id;
}

/** Trace packets are never changed after they are recorded, so each one's MN-ID is read once. */
const mnIdCache = new WeakMap<Uint8Array, string | null>();

function readMnId(bytes: Uint8Array): string | null {
  const at = locateMobility(bytes);
  if (!at) return null;
  const end = Math.min(at.offset + at.length, at.offset + (bytes[at.offset + 1] + 1) * 8);
  const codec = messageCodecForWire(bytes, at.offset, at.length);
  if (!codec) return null;
  for (let p = at.offset + MH_COMMON_LEN + codec.fixedLen; p < end;) {
    const type = bytes[p];
    if (type === 0) {
      p++; // Pad1
      continue;
    }
    if (p + 2 > end) return null;
    const len = bytes[p + 1];
    if (p + 2 + len > end) return null;
    if (type === MN_ID_OPTION && len >= 1)
      return bytes[p + 2] === MN_ID_NAI
        ? utf8Text(bytes, p + 3, p + 2 + len)
        : plainHex(bytes, p + 3, p + 2 + len);
    p += 2 + len;
  }
  return null;
}

/** Mobile Node Identifier option type and its NAI subtype (RFC 4283 §3). */
const MN_ID_OPTION = 8;
const MN_ID_NAI = 1;

export interface LoadCount {
  readonly messages: number;
  readonly bytes: number;
}

export interface LoadBucket extends LoadCount {
  /** Start of the bucket (a multiple of the bucket length). */
  readonly start: Micros;
}

export interface MnLoad extends LoadCount {
  readonly mnId: string;
}

export interface SignallingLoad extends LoadCount {
  readonly bucket: Micros;
  /** The time the rates are taken over: from 0 to here. */
  readonly span: Micros;
  /** Link transmissions of signalling packets (one per hop) and their octets. */
  readonly hops: number;
  readonly hopBytes: number;
  /** Every bucket from 0 to the span, empty ones included, by the messages' send time. */
  readonly buckets: readonly LoadBucket[];
  /** Per MN-Identifier, in order of first appearance. */
  readonly perMn: readonly MnLoad[];
  /** Messages without an MN-ID (heartbeats). */
  readonly unattributed: LoadCount;
  /** All signalling divided by the number of MNs and by the span in minutes; null with no MN or no time. */
  readonly perMnPerMinute: LoadCount | null;
}

export interface LoadOptions {
  /** Bucket length (default one minute). */
  readonly bucket?: Micros;
  /** End of the span (default: the time of the last entry). */
  readonly end?: Micros;
}

interface Counter {
  messages: number;
  bytes: number;
}

const add = (c: Counter, bytes: number): void => {
  c.messages++;
  c.bytes += bytes;
};

export function signallingLoad(entries: readonly TraceEntry[], opts: LoadOptions = {}): SignallingLoad {
  const bucket = opts.bucket ?? MINUTE;
  const span = opts.end ?? (entries.length ? entries[entries.length - 1].t : 0);
  const total: Counter = { messages: 0, bytes: 0 };
  const unattributed: Counter = { messages: 0, bytes: 0 };
  const perMn = new Map<string, Counter>();
  const buckets: Counter[] = Array.from({ length: Math.max(1, Math.ceil(span / bucket)) }, () => ({
    messages: 0,
    bytes: 0,
  }));
  const seen = new Set<number>();
  let hops = 0;
  let hopBytes = 0;
  for (const e of entries) {
    if (e.kind !== 'tx' || e.cls !== 'signalling') continue;
    hops++;
    hopBytes += e.bytes.length;
    if (seen.has(e.pid)) continue;
    seen.add(e.pid);
    add(total, e.bytes.length);
    const b = Math.floor(e.t / bucket);
    while (buckets.length <= b) buckets.push({ messages: 0, bytes: 0 });
    add(buckets[b], e.bytes.length);
    const mnId = mnIdOf(e.bytes);
    if (mnId === null) add(unattributed, e.bytes.length);
    else {
      let c = perMn.get(mnId);
      if (!c) perMn.set(mnId, (c = { messages: 0, bytes: 0 }));
      add(c, e.bytes.length);
    }
  }
  const minutes = span / MINUTE;
  const mns = perMn.size;
  return {
    ...total,
    bucket,
    span,
    hops,
    hopBytes,
    buckets: buckets.map((c, i) => ({ start: i * bucket, ...c })),
    perMn: [...perMn].map(([mnId, c]) => ({ mnId, ...c })),
    unattributed: { ...unattributed },
    perMnPerMinute:
      mns > 0 && minutes > 0
        ? { messages: total.messages / mns / minutes, bytes: total.bytes / mns / minutes }
        : null,
  };
}

export interface SizePoint {
  readonly t: Micros;
  readonly size: number;
  /** Trace id of the table entry that changed the size. */
  readonly id: number;
}

export interface BindingCacheSeries {
  /** The LMA's node id. */
  readonly node: string;
  /** One point per change of size, in trace order (a step function; it starts at 0 before the first). */
  readonly points: readonly SizePoint[];
}

/** Each node's binding cache size (RFC 5213 §5.1) over time, from its 'bce' table entries. */
export function bindingCacheSize(entries: readonly TraceEntry[]): BindingCacheSeries[] {
  const rows = new Map<string, Set<string>>();
  const out = new Map<string, SizePoint[]>();
  for (const e of entries) {
    if (e.kind !== 'table' || e.table !== 'bce') continue;
    let keys = rows.get(e.node);
    if (!keys) {
      rows.set(e.node, (keys = new Set()));
      out.set(e.node, []);
    }
    const before = keys.size;
    if (e.op === 'delete' || e.row === null) keys.delete(e.key);
    else keys.add(e.key);
    if (keys.size !== before) (out.get(e.node) as SizePoint[]).push({ t: e.t, size: keys.size, id: e.id });
  }
  return [...out].map(([node, points]) => ({ node, points }));
}
