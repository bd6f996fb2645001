/** The first-visit tour moves on by itself as the learner does what each step asks. */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/ui/state/session.svelte';
import { Tour, TOUR_STEPS } from '../../src/ui/state/tour.svelte';
import { basicDomainText, LocalBackend, untilComplete } from './local-backend';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('tour', () => {
  it('advances on play, on the first PBA, and on a handover; is remembered once finished', async () => {
    const s = new Session(new LocalBackend());
    await s.loadFile('basic-domain.json', basicDomainText());
    await untilComplete(s);
    const store = new MemoryStorage();
    const tour = new Tour(store as unknown as Storage);
    expect(tour.seen).toBe(false);
    tour.start();
    tour.advance(s);
    expect(tour.step).toBe(0);
    s.playing = true;
    tour.advance(s);
    expect(tour.step).toBe(1);
    s.playing = false;
    s.seekToTime(40_000);
    tour.advance(s);
    expect(tour.step).toBe(1);
    s.seekToTime(60_000);
    tour.advance(s);
    expect(tour.step).toBe(2);
    s.seekToTime(5_000_000);
    await s.act({ action: 'move', mn: 'mn1', mag: 'mag2' }, 'move');
    await untilComplete(s);
    tour.advance(s);
    expect(tour.step).toBe(TOUR_STEPS.length - 1);
    tour.advance(s);
    expect(tour.active).toBe(true);
    tour.next();
    expect(tour.active).toBe(false);
    expect(tour.seen).toBe(true);
    expect(new Tour(store as unknown as Storage).seen).toBe(true);
  });
});
