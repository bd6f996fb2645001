/**
 * A point-to-point link (RFC 5213 §6.3: PMIPv6 access links are point-to-point; so are our wired links).
 *
 * Each direction has its own transmitter: a packet waits in a bounded drop-tail queue while the packet in
 * front of it is serialised (bytes × 8 / bandwidth, rounded up to a whole µs), then propagates for
 * `delay`. Arrival = start of serialisation + serialisation time + delay (+ any scenario fault delay).
 * With no bandwidth set, serialisation takes no time and nothing ever queues.
 *
 * Loss is drawn from the link's own PRNG stream `link:<id>` (one draw per packet, only when loss > 0), so
 * adding traffic or links elsewhere never changes which packets this link loses. A lost packet is traced
 * as sent ('tx') and dropped when it would have arrived, so the charts show it dying on the wire.
 *
 * Packets on the wire or in the queue when the link goes down or is torn down (an MN detaching) are
 * dropped at that moment, with the reason given ("link down", "link-layer detach").
 */
import { flatten } from '../core/flat-string';
import type { Simulator } from '../core/simulator';
import type { Rng } from '../core/prng';
import type { Micros } from '../core/time';
import type { FaultTable, FaultHit } from './faults';
import type { NetIface } from './iface';
import type { NetNode } from './node';
import type { Packet } from './packet';
import { summaryOf } from './packet';
import type { Flight } from './link-state';
import { Flights, Transmitter } from './link-state';
import type { LinkProps } from './types';
import { DEFAULT_MTU, DEFAULT_QUEUE_PACKETS } from './types';

export interface LinkEnd {
  readonly node: NetNode;
  readonly iface: NetIface;
}

export class Link {
  readonly delay: Micros;
  readonly bandwidthBps: number | undefined;
  readonly loss: number;
  readonly queuePackets: number;
  readonly mtu: number;
  private isUp = true;
  private rngStream: Rng | null = null;
  private readonly tx = [new Transmitter(), new Transmitter()] as const;
  private readonly inFlight = new Flights();

  constructor(
    readonly id: string,
    readonly ends: readonly [LinkEnd, LinkEnd],
    props: LinkProps,
    private readonly sim: Simulator,
    private readonly faults: FaultTable,
  ) {
    checkLinkProps(id, props);
    flatten(id); // every tx and rx entry of the link holds it
    this.delay = props.delay;
    this.bandwidthBps = props.bandwidthBps;
    this.loss = props.loss ?? 0;
    this.queuePackets = props.queuePackets ?? DEFAULT_QUEUE_PACKETS;
    this.mtu = props.mtu ?? DEFAULT_MTU;
    ends.forEach((e, i) => {
      e.iface.attachment = { link: this, end: i as 0 | 1 };
      e.iface.mtu = this.mtu;
      e.iface.up = true;
    });
  }

  get up(): boolean {
    return this.isUp;
  }

  /** Packets currently queued or on the wire, both directions. */
  get packetsInFlight(): number {
    return this.inFlight.size;
  }

  peerOf(end: 0 | 1): LinkEnd {
    return this.ends[end === 0 ? 1 : 0];
  }

  /** Serialisation time of `bytes` octets at this link's bandwidth, in whole µs (rounded up). */
  serialisation(bytes: number): Micros {
    return this.bandwidthBps === undefined ? 0 : Math.ceil((bytes * 8 * 1_000_000) / this.bandwidthBps);
  }

  /**
   * Puts a packet on the link from end `from` (the caller has checked the MTU). Scenario faults count
   * only packets the link accepts (not those refused because it is down or its queue is full).
   */
  send(from: 0 | 1, pkt: Packet): void {
    if (!this.admit(from, pkt)) return;
    const sender = this.ends[from];
    const hits = this.faults.empty
      ? null
      : this.faults.onPut(summaryOf(pkt).label, sender.node.id, this.peerOf(from).node.id);
    if (hits === null) {
      this.put(from, pkt, 0, null);
      return;
    }
    let extra = 0;
    let dropReason: string | null = null;
    for (const h of hits) {
      if (h.action === 'delay') extra += h.delay;
      if (h.action === 'drop') dropReason ??= h.reason;
    }
    this.put(from, pkt, extra, dropReason);
    if (hits.some((h: FaultHit) => h.action === 'duplicate') && this.admit(from, pkt))
      this.put(from, pkt, extra, dropReason);
  }

  /** Refuses (and traces) a packet when the link is down or the sender's queue is full. */
  private admit(from: 0 | 1, pkt: Packet): boolean {
    const sender = this.ends[from].node.id;
    if (!this.isUp) {
      this.dropAt(sender, pkt, 'link down');
      return false;
    }
    const t = this.tx[from];
    const now = this.sim.now;
    if (this.bandwidthBps !== undefined && t.busyUntil > now && t.waiting(now) >= this.queuePackets) {
      this.dropAt(sender, pkt, `queue full on link ${this.id}`);
      return false;
    }
    return true;
  }

  /** Takes the link down (dropping what is on it) or brings it back up. */
  setUp(up: boolean): void {
    if (up === this.isUp) return;
    this.isUp = up;
    for (const e of this.ends) e.iface.up = up;
    if (!up) this.abort('link down');
  }

  /** Removes the link: drops what is on it with `reason` and unplugs both interfaces. */
  tearDown(reason: string): void {
    this.abort(reason);
    this.isUp = false;
    for (const e of this.ends) {
      e.iface.attachment = null;
      e.iface.up = false;
    }
  }

  private put(from: 0 | 1, sent: Packet, extraDelay: Micros, lostBy: string | null): void {
    const now = this.sim.now;
    // The trace keeps this hop's exact bytes: the packet goes on with its bytes in the arena.
    const pkt: Packet = sent.archived
      ? sent
      : { info: sent.info, bytes: this.sim.arena.copy(sent.bytes), archived: true };
    const sender = this.ends[from];
    const receiver = this.peerOf(from);
    let start = now;
    let ser = 0;
    if (this.bandwidthBps !== undefined) {
      const t = this.tx[from];
      start = Math.max(now, t.busyUntil);
      ser = this.serialisation(pkt.bytes.length);
      t.busyUntil = start + ser;
      t.enqueue(start, now);
    }
    const arrive = start + ser + this.delay + extraDelay;
    const lost =
      lostBy ?? (this.loss > 0 && this.lossRng().chance(this.loss) ? `loss on link ${this.id}` : null);
    const s = summaryOf(pkt);
    const trace = this.sim.trace;
    const txId = trace.length;
    trace.append({
      id: txId,
      t: now,
      kind: 'tx',
      node: sender.node.id,
      pid: pkt.info.pid,
      link: this.id,
      to: receiver.node.id,
      arrive,
      bytes: pkt.bytes,
      cls: s.cls,
      label: s.label,
      tunnelled: s.tunnelled,
    });
    const flight: Flight = { pkt, from, txId, lost, event: 0, done: false };
    this.inFlight.add(flight);
    flight.event = this.sim.schedule(arrive, () => this.arrive(flight));
  }

  private arrive(f: Flight): void {
    this.inFlight.finish(f);
    const to = this.peerOf(f.from);
    if (f.lost !== null) {
      this.dropInFlight(to.node.id, f, f.lost);
      return;
    }
    const trace = this.sim.trace;
    trace.append({
      id: trace.length,
      t: this.sim.now,
      kind: 'rx',
      node: to.node.id,
      pid: f.pkt.info.pid,
      link: this.id,
      from: this.ends[f.from].node.id,
      txId: f.txId,
    });
    to.node.input(f.pkt, to.iface);
  }

  /** Drops everything queued or on the wire, in the order it was sent. */
  private abort(reason: string): void {
    const now = this.sim.now;
    for (const f of this.inFlight.takeAll()) {
      this.sim.cancel(f.event);
      this.dropInFlight(this.peerOf(f.from).node.id, f, reason);
    }
    this.tx[0].reset(now);
    this.tx[1].reset(now);
  }

  private dropInFlight(node: string, f: Flight, reason: string): void {
    this.sim.record({
      kind: 'drop',
      node,
      pid: f.pkt.info.pid,
      link: this.id,
      reason,
      txId: f.txId,
      bytes: f.pkt.bytes,
      label: summaryOf(f.pkt).label,
    });
  }

  private dropAt(node: string, pkt: Packet, reason: string): void {
    this.sim.record({
      kind: 'drop',
      node,
      pid: pkt.info.pid,
      link: this.id,
      reason,
      bytes: pkt.bytes,
      label: summaryOf(pkt).label,
    });
  }

  private lossRng(): Rng {
    return (this.rngStream ??= this.sim.rng(`link:${this.id}`));
  }
}

/** Throws RangeError on link properties a scenario must not give (a bad scenario is caught on build). */
export function checkLinkProps(id: string, p: LinkProps): void {
  const bad = (what: string): never => {
    throw new RangeError(`link ${id}: ${what}`);
  };
  if (!Number.isInteger(p.delay) || p.delay < 0) bad(`delay must be an integer >= 0 µs, got ${p.delay}`);
  if (p.bandwidthBps !== undefined && !(p.bandwidthBps > 0))
    bad(`bandwidthBps must be > 0, got ${p.bandwidthBps}`);
  if (p.loss !== undefined && !(p.loss >= 0 && p.loss <= 1)) bad(`loss must be within 0..1, got ${p.loss}`);
  if (p.queuePackets !== undefined && !(Number.isInteger(p.queuePackets) && p.queuePackets >= 0))
    bad(`queuePackets must be an integer >= 0`);
  if (p.mtu !== undefined && !(Number.isInteger(p.mtu) && p.mtu >= 1280))
    bad(`mtu must be an integer >= 1280 (RFC 8200 §5), got ${p.mtu}`);
}
