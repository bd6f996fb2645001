/**
 * Handover latency and its parts, and the packets lost per handover, measured from the trace alone.
 *
 * A handover is a link-layer attach of an MN interface to a different MAG than the one it was last
 * attached to (the timeline markers use the same rule). Its milestones, in the order PMIPv6 makes them
 * happen (RFC 5213 §6.9.1.1, §6.9.1.2, §6.9.2; the handover sequence of RFC 5213 Figure 3):
 *
 *   detach        link-layer detach from the previous MAG (null when the MN was never detached first)
 *   attach        link-layer attach to the new MAG
 *   pbuSent       the new MAG sends its first PBU carrying the MN's MN-Identifier after the attach
 *   pbaReceived   the new MAG receives the first PBA for that MN-Identifier after that PBU
 *   raReceived    the MN receives the first Router Advertisement from the new MAG after the PBA
 *   firstDownlink the MN receives the first data packet from the new MAG after the attach: traffic flows again
 *
 * The MN-Identifier comes from the new MAG's binding update list (its row for the MN's access interface,
 * RFC 5213 §6.1) and is matched against the MN-ID option of the PBUs and PBAs on the wire.
 *
 * Packets lost: data packets to or from the MN (by the innermost IPv6 addresses, matched against every
 * address the MN ever configured) dropped between the detach (or the attach) and the first downlink packet
 * (or, when traffic never resumes, the MN's next link-layer event or the end of the trace).
 */
import type { Micros } from '../core/time';
import type { PacketTx, TraceEntry } from '../core/trace-types';
import { formatIPv6 } from '../wire/addr';
import { locateUpperLayer } from '../wire/ext-headers';
import { packetSummary } from '../wire/summary';
import { mobilityMessageOf } from './signalling-load';
import { findOption } from '../wire/mh';

export interface Milestone {
  readonly t: Micros;
  /** Trace id of the entry that marks it (to seek to). */
  readonly id: number;
}

export interface Handover {
  readonly mn: string;
  readonly iface: string;
  /** The MAG the MN was attached to before, and the new one. */
  readonly from: string;
  readonly to: string;
  readonly mnId: string | null;
  readonly detach: Milestone | null;
  readonly attach: Milestone;
  readonly pbuSent: Milestone | null;
  readonly pbaReceived: Milestone | null;
  /** Status of that PBA (0 = accepted, RFC 5213 §8.9). */
  readonly pbaStatus: number | null;
  readonly raReceived: Milestone | null;
  readonly firstDownlink: Milestone | null;
  /** Data packets to or from the MN dropped during the handover. */
  readonly lost: number;
}

/** The handover's durations in µs; null where a milestone is missing. */
export interface HandoverParts {
  /** detach → attach: the link-layer handover. */
  readonly linkLayer: Micros | null;
  /** attach → PBU sent: the MAG noticing the MN and fetching its profile. */
  readonly magReaction: Micros | null;
  /** PBU sent → PBA received: the registration round trip (retransmissions included). */
  readonly registration: Micros | null;
  /** PBA received → RA at the MN. */
  readonly routerAdvertisement: Micros | null;
  /** From the detach (or the attach) to the first downlink packet: how long the MN was cut off. */
  readonly total: Micros | null;
}

const span = (a: Milestone | null, b: Milestone | null): Micros | null => (a && b ? b.t - a.t : null);

export function handoverParts(h: Handover): HandoverParts {
  return {
    linkLayer: span(h.detach, h.attach),
    magReaction: span(h.attach, h.pbuSent),
    registration: span(h.pbuSent, h.pbaReceived),
    routerAdvertisement: span(h.pbaReceived, h.raReceived),
    total: span(h.detach ?? h.attach, h.firstDownlink),
  };
}

/** The handover as it stood at `time`: milestones after it are not known yet. */
export function handoverAt(h: Handover, time: Micros): Handover {
  const upTo = (m: Milestone | null): Milestone | null => (m && m.t <= time ? m : null);
  const pba = upTo(h.pbaReceived);
  return {
    ...h,
    pbuSent: upTo(h.pbuSent),
    pbaReceived: pba,
    pbaStatus: pba ? h.pbaStatus : null,
    raReceived: upTo(h.raReceived),
    firstDownlink: upTo(h.firstDownlink),
  };
}

/** The packet's outermost and innermost IPv6 source and destination (through IPv6-in-IPv6, RFC 2473). */
export interface PacketAddresses {
  readonly src: string;
  readonly dst: string;
  readonly innerSrc: string;
  readonly innerDst: string;
}

/** Null for anything that is not a well-formed IPv6 packet. Tunnels nest at most 8 deep (as the decoder). */
export function packetAddresses(bytes: Uint8Array): PacketAddresses | null {
  if (bytes.length < 40 || bytes[0] >> 4 !== 6) return null;
  let off = 0;
  for (let depth = 0; depth < 8; depth++) {
    const end = Math.min(bytes.length, off + 40 + ((bytes[off + 4] << 8) | bytes[off + 5]));
    const up = locateUpperLayer(bytes, off + 40, end, bytes[off + 6]);
    if (!up || up.fragment || up.nextHeader !== 41 || up.offset + 40 > end || bytes[up.offset] >> 4 !== 6)
      break;
    off = up.offset;
  }
  return {
    src: formatIPv6(bytes, 8),
    dst: formatIPv6(bytes, 24),
    innerSrc: formatIPv6(bytes, off + 8),
    innerDst: formatIPv6(bytes, off + 24),
  };
}

interface Open {
  mn: string;
  iface: string;
  from: string;
  to: string;
  mnId: string | null;
  accessIface: string | null;
  detach: Milestone | null;
  attach: Milestone;
  pbuSent: Milestone | null;
  pbuSeqs: Set<number>;
  pbaReceived: Milestone | null;
  pbaStatus: number | null;
  raReceived: Milestone | null;
  firstDownlink: Milestone | null;
  lost: number;
}

const freeze = (o: Open): Handover => ({
  mn: o.mn,
  iface: o.iface,
  from: o.from,
  to: o.to,
  mnId: o.mnId,
  detach: o.detach,
  attach: o.attach,
  pbuSent: o.pbuSent,
  pbaReceived: o.pbaReceived,
  pbaStatus: o.pbaStatus,
  raReceived: o.raReceived,
  firstDownlink: o.firstDownlink,
  lost: o.lost,
});

/** Every handover in the trace, in the order of their attach. */
export function handovers(entries: readonly TraceEntry[]): Handover[] {
  return new HandoverScan(entries).run();
}

/** The open handovers (at most one per MN interface), findable by MN and by new MAG. */
class OpenSet {
  private readonly byKey = new Map<string, Open>();
  private readonly byMn = new Map<string, Open[]>();
  private readonly byMag = new Map<string, Open[]>();

  get size(): number {
    return this.byKey.size;
  }

  add(key: string, h: Open): void {
    this.byKey.set(key, h);
    push(this.byMn, h.mn, h);
    push(this.byMag, h.to, h);
  }

  close(key: string): void {
    const h = this.byKey.get(key);
    if (!h) return;
    this.byKey.delete(key);
    pull(this.byMn, h.mn, h);
    pull(this.byMag, h.to, h);
  }

  ofMn(mn: string | undefined): readonly Open[] {
    return (mn !== undefined && this.byMn.get(mn)) || NONE;
  }

  ofMag(mag: string): readonly Open[] {
    return this.byMag.get(mag) ?? NONE;
  }
}

const NONE: readonly Open[] = [];

function push(m: Map<string, Open[]>, k: string, h: Open): void {
  const list = m.get(k);
  if (list) list.push(h);
  else m.set(k, [h]);
}

function pull(m: Map<string, Open[]>, k: string, h: Open): void {
  const list = (m.get(k) ?? []).filter((x) => x !== h);
  if (list.length) m.set(k, list);
  else m.delete(k);
}

class HandoverScan {
  private readonly out: Open[] = [];
  /** mn/iface → the MAG it was last attached to, and its last detach since then. */
  private readonly lastMag = new Map<string, string>();
  private readonly lastDetach = new Map<string, Milestone>();
  /** Data packets of a detached MN interface lost since its detach (they count for its next handover). */
  private readonly lostWhileDetached = new Map<string, number>();
  private readonly open = new OpenSet();
  /** Every address an MN ever configured → the MN. */
  private readonly owner = new Map<string, string>();

  constructor(private readonly entries: readonly TraceEntry[]) {}

  run(): Handover[] {
    for (const e of this.entries) this.step(e);
    return this.out.map(freeze);
  }

  private step(e: TraceEntry): void {
    switch (e.kind) {
      case 'l2':
        return this.l2(e.event, e.mn, e.iface, e.mag, { t: e.t, id: e.id });
      case 'table':
        if (e.table === 'addresses' && e.row && typeof e.row.address === 'string')
          this.owner.set(e.row.address, e.node);
        else if (this.open.size > 0 && e.row) this.table(e.node, e.table, e.row);
        return;
      case 'tx':
        if (this.open.size > 0 && e.cls === 'signalling' && e.label.startsWith('PBU')) this.pbu(e);
        return;
      case 'rx':
        if (this.open.size > 0)
          this.rx(e.node, e.from, this.entries[e.txId] as PacketTx, { t: e.t, id: e.id });
        return;
      case 'drop':
        if (this.open.size > 0 || this.lostWhileDetached.size > 0) this.drop(e.txId, e.bytes);
        return;
    }
  }

  private l2(event: 'attach' | 'detach', mn: string, iface: string, mag: string, at: Milestone): void {
    const key = `${mn}/${iface}`;
    this.open.close(key);
    if (event === 'detach') {
      this.lastDetach.set(key, at);
      this.lostWhileDetached.set(key, 0);
      return;
    }
    const prev = this.lastMag.get(key);
    this.lastMag.set(key, mag);
    const detach = this.lastDetach.get(key) ?? null;
    const lost = this.lostWhileDetached.get(key) ?? 0;
    this.lastDetach.delete(key);
    this.lostWhileDetached.delete(key);
    if (prev === undefined || prev === mag) return;
    const h: Open = {
      mn,
      iface,
      from: prev,
      to: mag,
      mnId: null,
      accessIface: null,
      detach,
      attach: at,
      pbuSent: null,
      pbuSeqs: new Set(),
      pbaReceived: null,
      pbaStatus: null,
      raReceived: null,
      firstDownlink: null,
      lost,
    };
    this.out.push(h);
    this.open.add(key, h);
  }

  /** The new MAG's attachments row names the access interface; its BUL row for it names the MN-ID. */
  private table(node: string, table: string, row: Readonly<Record<string, unknown>>): void {
    for (const h of this.open.ofMag(node)) {
      if (
        table === 'attachments' &&
        row.mn === h.mn &&
        row.iface === h.iface &&
        typeof row.accessIface === 'string'
      )
        h.accessIface = row.accessIface;
      else if (
        table === 'bul' &&
        h.mnId === null &&
        h.accessIface !== null &&
        row.accessIface === h.accessIface &&
        typeof row.mnId === 'string'
      )
        h.mnId = row.mnId;
    }
  }

  private pbu(e: PacketTx): void {
    const waiting = this.open.ofMag(e.node).filter((h) => h.mnId !== null && h.pbaReceived === null);
    if (waiting.length === 0) return;
    const msg = mobilityMessageOf(e.bytes);
    if (!msg || msg.type !== 'binding-update') return;
    const mnId = findOption(msg, 'mn-id')?.id;
    for (const h of waiting) {
      if (h.mnId !== mnId) continue;
      h.pbuSent ??= { t: e.t, id: e.id };
      h.pbuSeqs.add(msg.sequence);
    }
  }

  private rx(node: string, from: string, tx: PacketTx, at: Milestone): void {
    const asMn = this.open.ofMn(node);
    if (asMn.length === 0 && this.open.ofMag(node).length === 0) return;
    if (tx.cls === 'signalling' && tx.label.startsWith('PBA')) this.pba(node, tx, at);
    for (const h of asMn) {
      if (from !== h.to) continue;
      if (h.pbaReceived && !h.raReceived && tx.label === 'RA') h.raReceived = at;
      if (!h.firstDownlink && tx.cls === 'data') h.firstDownlink = at;
    }
  }

  private pba(node: string, tx: PacketTx, at: Milestone): void {
    const waiting = this.open.ofMag(node).filter((h) => h.pbuSent !== null && h.pbaReceived === null);
    if (waiting.length === 0) return;
    const msg = mobilityMessageOf(tx.bytes);
    if (!msg || msg.type !== 'binding-ack') return;
    const mnId = findOption(msg, 'mn-id')?.id;
    for (const h of waiting) {
      if (h.mnId !== mnId || !h.pbuSeqs.has(msg.sequence)) continue;
      h.pbaReceived = at;
      h.pbaStatus = msg.status;
    }
  }

  private drop(txId: number | undefined, bytes: Uint8Array | undefined): void {
    const tx = txId !== undefined ? this.entries[txId] : undefined;
    const b = bytes ?? (tx?.kind === 'tx' ? tx.bytes : undefined);
    if (!b) return;
    const cls = tx?.kind === 'tx' ? tx.cls : packetSummary(b).cls;
    if (cls !== 'data') return;
    const a = packetAddresses(b);
    if (!a) return;
    const src = this.owner.get(a.innerSrc);
    const dst = this.owner.get(a.innerDst);
    this.lose(src);
    if (dst !== src) this.lose(dst);
  }

  private lose(mn: string | undefined): void {
    if (mn === undefined) return;
    for (const h of this.open.ofMn(mn)) if (!h.firstDownlink) h.lost++;
    for (const [key, n] of this.lostWhileDetached)
      if (key.startsWith(`${mn}/`)) this.lostWhileDetached.set(key, n + 1);
  }
}
