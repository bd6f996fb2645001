/**
 * The pending-event queue: an indexed binary min-heap ordered by (time, insertion sequence), so that
 * events due at the same microsecond run in the order they were scheduled (FIFO tie-break, as in ns-3's
 * `(m_ts, m_uid)` and SimPy's `(time, priority, eid)`).
 *
 * Layout, chosen for a hot path that pushes and pops tens of millions of events without allocating:
 * - the heap is three parallel typed arrays (`hTime`, `hSeq`, `hSlot`): comparisons read two numbers and
 *   never call a comparator closure; sifts move a "hole" instead of swapping;
 * - each event lives in a slot (`slotFn`, `slotPos`, `slotGen`); freed slots are reused from a stack;
 * - `slotPos` is the slot's heap index, so `cancel` removes the event in O(log n) at once. There are no
 *   tombstones: `size` and `peekTime` only ever see live events.
 *
 * An EventId encodes (slot, generation): `gen * SLOT_SPACE + slot`. The generation goes up every time a
 * slot is freed, so the id of an event that already ran or was cancelled never matches the event that
 * reuses its slot. A slot whose generation is exhausted is retired rather than reused, so ids are never
 * repeated in a run.
 */
import type { Micros } from './time';
import { smallTime } from './time';

export type EventId = number;

/** Slots addressable by an id: 2^26 (67 million) events pending at once. */
const SLOT_SPACE = 0x4000000;
/** Generations per slot: 2^27, so gen * SLOT_SPACE + slot stays below 2^53. */
const MAX_GEN = 0x7ffffff;
const INITIAL_CAPACITY = 1024;

export class EventQueue {
  private hTime = new Float64Array(INITIAL_CAPACITY);
  private hSeq = new Float64Array(INITIAL_CAPACITY);
  private hSlot = new Int32Array(INITIAL_CAPACITY);
  private n = 0;

  private slotFn: ((() => void) | null)[] = [];
  private slotPos = new Int32Array(INITIAL_CAPACITY);
  private slotGen = new Int32Array(INITIAL_CAPACITY);
  private slotCount = 0;
  private free = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;

  private seq = 0;

  /** Number of live (pending, not cancelled) events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest live event, or undefined when the queue is empty. */
  peekTime(): Micros | undefined {
    return this.n > 0 ? smallTime(this.hTime[0]) : undefined;
  }

  /** Adds an event; O(log n). The caller validates `time`. */
  push(time: Micros, fn: () => void): EventId {
    const slot = this.allocSlot();
    this.slotFn[slot] = fn;
    if (this.n === this.hTime.length) this.growHeap();
    this.siftUp(this.n++, time, this.seq++, slot);
    return this.slotGen[slot] * SLOT_SPACE + slot;
  }

  /**
   * Removes the earliest event and returns its callback, or null when the queue is empty. Its time is
   * `peekTime()` read just before (the Simulator reads both, which avoids a result object per event).
   */
  pop(): (() => void) | null {
    if (this.n === 0) return null;
    const slot = this.hSlot[0];
    const fn = this.slotFn[slot];
    this.removeAt(0);
    this.releaseSlot(slot);
    return fn;
  }

  /** Cancels a pending event; true when it was pending (false if it ran, was cancelled, or is unknown). */
  cancel(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const slot = id % SLOT_SPACE;
    const gen = (id - slot) / SLOT_SPACE;
    if (slot >= this.slotCount || this.slotGen[slot] !== gen || this.slotPos[slot] < 0) return false;
    this.removeAt(this.slotPos[slot]);
    this.releaseSlot(slot);
    return true;
  }

  /** True when the event with this id is still pending. */
  has(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const slot = id % SLOT_SPACE;
    return (
      slot < this.slotCount && this.slotGen[slot] === (id - slot) / SLOT_SPACE && this.slotPos[slot] >= 0
    );
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount];
    if (this.slotCount === SLOT_SPACE) throw new RangeError('event queue: more than 2^26 events pending');
    if (this.slotCount === this.slotPos.length) this.growSlots();
    const slot = this.slotCount++;
    this.slotFn.push(null);
    return slot;
  }

  private releaseSlot(slot: number): void {
    this.slotFn[slot] = null; // let the closure be collected
    this.slotPos[slot] = -1;
    // A retired slot (generation exhausted) is never reused, so no id can ever come back to life.
    if (this.slotGen[slot] === MAX_GEN) return;
    this.slotGen[slot]++;
    if (this.freeCount === this.free.length)
      this.free = grow(this.free, new Int32Array(this.free.length * 2));
    this.free[this.freeCount++] = slot;
  }

  /** Removes heap entry i: the last entry fills the hole and sifts up or down. */
  private removeAt(i: number): void {
    const last = --this.n;
    if (i === last) return;
    const t = this.hTime[last];
    const s = this.hSeq[last];
    const slot = this.hSlot[last];
    const parent = (i - 1) >> 1;
    if (i > 0 && (t < this.hTime[parent] || (t === this.hTime[parent] && s < this.hSeq[parent]))) {
      this.siftUp(i, t, s, slot);
    } else {
      this.siftDown(i, t, s, slot);
    }
  }

  /** Places (t, s, slot) at hole i or above, moving larger parents down. */
  private siftUp(i: number, t: number, s: number, slot: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const pos = this.slotPos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p];
      if (pt < t || (pt === t && hSeq[p] < s)) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[p];
      const ps = hSlot[p];
      hSlot[i] = ps;
      pos[ps] = i;
      i = p;
    }
    hTime[i] = t;
    hSeq[i] = s;
    hSlot[i] = slot;
    pos[slot] = i;
  }

  /** Places (t, s, slot) at hole i or below, moving smaller children up. */
  private siftDown(i: number, t: number, s: number, slot: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const pos = this.slotPos;
    const n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = hTime[c];
      let cs = hSeq[c];
      const r = c + 1;
      if (r < n) {
        const rt = hTime[r];
        if (rt < ct || (rt === ct && hSeq[r] < cs)) {
          c = r;
          ct = rt;
          cs = hSeq[r];
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      hTime[i] = ct;
      hSeq[i] = cs;
      const cslot = hSlot[c];
      hSlot[i] = cslot;
      pos[cslot] = i;
      i = c;
    }
    hTime[i] = t;
    hSeq[i] = s;
    hSlot[i] = slot;
    pos[slot] = i;
  }

  private growHeap(): void {
    const cap = this.hTime.length * 2;
    this.hTime = grow(this.hTime, new Float64Array(cap));
    this.hSeq = grow(this.hSeq, new Float64Array(cap));
    this.hSlot = grow(this.hSlot, new Int32Array(cap));
  }

  private growSlots(): void {
    const cap = Math.min(this.slotPos.length * 2, SLOT_SPACE);
    this.slotPos = grow(this.slotPos, new Int32Array(cap));
    this.slotGen = grow(this.slotGen, new Int32Array(cap));
  }
}

function grow<A extends Float64Array | Int32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}
