/**
 * The moving parts of a link direction: the transmitter's drop-tail queue (when it is free, which packets
 * still wait) and the list of packets on the link (queued or on the wire) that a link-down or detach drops.
 */
import type { EventId } from '../core/event-queue';
import type { Micros } from '../core/time';
import type { Packet } from './packet';

/** One direction's transmitter: when it is free, and the start times of the packets still waiting. */
export class Transmitter {
  busyUntil: Micros = 0;
  private starts: Micros[] = [];
  private head = 0;

  /** Packets still waiting (not yet being serialised) at `now`. */
  waiting(now: Micros): number {
    const s = this.starts;
    while (this.head < s.length && s[this.head] <= now) this.head++;
    if (this.head > 256 && this.head * 2 > s.length) {
      this.starts = s.slice(this.head);
      this.head = 0;
    }
    return this.starts.length - this.head;
  }

  enqueue(start: Micros, now: Micros): void {
    if (start > now) this.starts.push(start);
  }

  reset(now: Micros): void {
    this.busyUntil = now;
    this.starts = [];
    this.head = 0;
  }
}

export interface Flight {
  readonly pkt: Packet;
  readonly from: 0 | 1;
  readonly txId: number;
  /** Why the packet will not arrive (loss, scenario fault); null when it will. */
  readonly lost: string | null;
  event: EventId;
  /** Arrived (or dropped): no longer on the link. */
  done: boolean;
}

/**
 * The packets on a link, in the order they were sent. Arrivals are almost always in that order (only a
 * scenario 'delay' fault reorders), so finished flights are skipped from the front: no per-packet map.
 * The list is slots [head, tail) of one array that is reused once the link is idle again, rather than a
 * new array for every burst (most links carry one packet at a time).
 */
export class Flights {
  private list: (Flight | null)[] = [];
  private head = 0;
  private tail = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  add(f: Flight): void {
    if (this.tail < this.list.length) this.list[this.tail] = f;
    else this.list.push(f);
    this.tail++;
    this.live++;
  }

  finish(f: Flight): void {
    f.done = true;
    this.live--;
    const l = this.list;
    while (this.head < this.tail && (l[this.head] as Flight).done) l[this.head++] = null; // let it go
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    } else if (this.head > 1024 && this.head * 2 > this.tail) {
      this.list = l.slice(this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
  }

  /** Removes and returns the flights still on the link, oldest first. */
  takeAll(): Flight[] {
    const out: Flight[] = [];
    for (let i = this.head; i < this.tail; i++) {
      const f = this.list[i] as Flight;
      this.list[i] = null;
      if (f.done) continue;
      f.done = true;
      out.push(f);
    }
    this.head = 0;
    this.tail = 0;
    this.live = 0;
    return out;
  }
}
