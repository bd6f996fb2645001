/**
 * The transport: play, pause, step, step back, previous/next signalling message, speed, "pause at the next
 * signalling message", restart — and the requestAnimationFrame clock that maps simulated time to wall time.
 *
 * Why the clock has two paces: a PMIPv6 domain lives at two scales. Packets cross a link in a millisecond
 * or two; between a ping and the next nothing moves for a second. Played in real time, every packet would
 * be invisible; played slowly enough to watch packets, the quiet seconds would take minutes. So:
 * - while any packet is on the wire, 1× plays 1 ms of simulated time in FLIGHT_MS_PER_SIM_MS ms of wall time
 *   (relative speeds stay true: a 10 ms link takes ten times as long as a 1 ms link);
 * - while nothing is on the wire, 1× plays quiet time QUIET_RATE times faster than real time, but never
 *   past the next event, so the next packet starts moving exactly when it is sent.
 * The speed multiplies both.
 */
import type { Micros } from '../../sim/core/time';
import { MAX_SPEED, MIN_SPEED } from './session.svelte';
import type { Session } from './session.svelte';
import { anyInFlight, nextSignalling, previousSignalling, recentDrops } from './trace-index';

/** Wall milliseconds per simulated millisecond at 1× while packets fly. */
export const FLIGHT_MS_PER_SIM_MS = 100;
/** How many times faster than real time quiet stretches play at 1×. */
export const QUIET_RATE = 2;
/** Simulated µs per wall ms at 1× in flight. */
const FLIGHT_RATE = 1_000 / FLIGHT_MS_PER_SIM_MS;
/** How long (wall ms) a drop marker stays up; playback slows down for it like for a packet. */
export const DROP_MARKER_WALL_MS = 1_200;
/** Wall frames longer than this (a background tab) are cut short so the clock does not leap. */
const MAX_FRAME_MS = 100;

export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 4, 10];

export interface FrameClock {
  request(cb: (now: number) => void): number;
  cancel(handle: number): void;
}

export const browserFrameClock: FrameClock = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

export class Playback {
  /** Stop when the clock reaches the next signalling message (PBU, PBA, …). */
  pauseAtSignalling = $state(false);

  readonly #session: Session;
  readonly #clock: FrameClock;
  #frame: number | null = null;
  #lastWall: number | null = null;

  constructor(session: Session, clock: FrameClock = browserFrameClock) {
    this.#session = session;
    this.#clock = clock;
  }

  get playing(): boolean {
    return this.#session.playing;
  }

  /** Simulated µs a drop marker stays visible at the current speed. */
  get dropWindow(): Micros {
    return DROP_MARKER_WALL_MS * FLIGHT_RATE * this.#session.speed;
  }

  play(): void {
    const s = this.#session;
    if (s.trace.length === 0 && !s.scenario) return;
    if (s.complete && s.time >= this.#end()) s.rewind();
    s.playing = true;
    this.#lastWall = null;
    this.#schedule();
  }

  pause(): void {
    this.#session.playing = false;
    if (this.#frame !== null) this.#clock.cancel(this.#frame);
    this.#frame = null;
  }

  toggle(): void {
    if (this.#session.playing) this.pause();
    else this.play();
  }

  /** Apply the next trace entry. */
  step(): void {
    this.pause();
    const s = this.#session;
    if (s.cursor + 1 < s.trace.length) s.seekToEntry(s.cursor + 1);
  }

  /** Un-apply the last applied trace entry. */
  stepBack(): void {
    this.pause();
    const s = this.#session;
    if (s.cursor >= 0) s.seekToEntry(s.cursor - 1);
  }

  nextSignalling(): void {
    this.pause();
    const s = this.#session;
    const id = nextSignalling(s.index, s.trace, s.cursor);
    if (id !== null) s.seekToEntry(id);
  }

  previousSignalling(): void {
    this.pause();
    const s = this.#session;
    const id = previousSignalling(s.index, s.cursor);
    if (id !== null) s.seekToEntry(id);
  }

  setSpeed(x: number): void {
    if (Number.isFinite(x)) this.#session.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
  }

  restart(): void {
    this.pause();
    this.#session.rewind();
  }

  /** Advances the clock by `wallMs` of wall time (what one animation frame does; tests call it directly). */
  advance(wallMs: number): void {
    const s = this.#session;
    const dt = Math.min(Math.max(wallMs, 0), MAX_FRAME_MS) * s.speed;
    const busy =
      anyInFlight(s.trace, s.index, s.cursor, s.time) ||
      recentDrops(s.trace, s.index, s.cursor, s.time, this.dropWindow).length > 0;
    let target = s.time + dt * (busy ? FLIGHT_RATE : QUIET_RATE * 1_000);
    if (!busy) {
      const next = s.trace[s.cursor + 1];
      if (next && next.t > s.time) target = Math.min(target, next.t);
    }
    target = Math.min(target, this.#end());
    if (this.pauseAtSignalling) {
      const sig = nextSignalling(s.index, s.trace, s.cursor, target);
      if (sig !== null) {
        s.seekToEntry(sig);
        this.pause();
        return;
      }
    }
    s.seekToTime(target);
    if (s.complete && s.time >= this.#end()) this.pause();
  }

  /** Stop the animation loop for good (the component owning this playback is gone). */
  dispose(): void {
    this.pause();
  }

  #end(): Micros {
    const s = this.#session;
    return s.complete ? Math.max(s.duration, s.reached) : s.reached;
  }

  #schedule(): void {
    if (this.#frame !== null) return;
    this.#frame = this.#clock.request((now) => {
      this.#frame = null;
      if (!this.#session.playing) return;
      if (this.#lastWall !== null) this.advance(now - this.#lastWall);
      this.#lastWall = now;
      if (this.#session.playing) this.#schedule();
    });
  }
}
