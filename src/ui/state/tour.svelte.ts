/**
 * The first-visit tour: four short steps that get a newcomer to press play and hand MN1 over to MAG2
 * within a minute. Each step knows when it is done by looking at the session (no timers), so the learner
 * can also do things in their own order. Remembered in localStorage once finished or dismissed.
 */
import type { Session } from './session.svelte';

const STORAGE_KEY = 'pmipv6-playground.toured';

export interface TourStep {
  readonly title: string;
  readonly text: string;
  /** True when the learner has done what the step asks (the tour then moves on by itself). */
  readonly done: (s: Session) => boolean;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Welcome to a PMIPv6 domain',
    text: "An LMA anchors the mobile node's prefix; two MAGs give it access; a correspondent node pings it. Press Play (or Space) to start the clock.",
    done: (s) => s.playing || s.cursor > 0,
  },
  {
    title: 'Watch MN1 register',
    text: 'MN1 attaches to MAG1. MAG1 sends a Proxy Binding Update (orange) to the LMA, which answers with a Proxy Binding Acknowledgement (green) and a tunnel appears between them.',
    done: (s) => s.markers.some((m) => m.kind === 'pba' && m.id <= s.cursor),
  },
  {
    title: 'Now hand it over',
    text: "Drag MN1 into MAG2's shaded circle (or use its Move… button, or press M). That is a handover, at the current simulated time.",
    done: (s) => (s.document?.user.length ?? 0) > 0,
  },
  {
    title: 'Same prefix, new MAG',
    text: 'MAG2 registers MN1 with the LMA, the binding cache below now points to MAG2, and MN1 keeps its home network prefix, so the pings go on. Step back (←) to see the binding at MAG1 again. Press ? for all shortcuts.',
    done: () => false,
  },
];

export class Tour {
  active = $state(false);
  step = $state(0);
  readonly #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
  }

  get seen(): boolean {
    try {
      return this.#storage?.getItem(STORAGE_KEY) === '1';
    } catch {
      return true;
    }
  }

  /** Starts the tour for a first-time visitor (or on request from the help overlay). */
  start(): void {
    this.step = 0;
    this.active = true;
  }

  /** Moves past every step the session shows as done. */
  advance(s: Session): void {
    while (this.active && this.step < TOUR_STEPS.length - 1 && TOUR_STEPS[this.step].done(s)) this.step++;
  }

  next(): void {
    if (this.step < TOUR_STEPS.length - 1) this.step++;
    else this.finish();
  }

  finish(): void {
    this.active = false;
    try {
      this.#storage?.setItem(STORAGE_KEY, '1');
    } catch {
      // Not remembered; the tour shows again next time.
    }
  }
}
