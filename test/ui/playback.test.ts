/**
 * The transport over a real basic-domain trace: stepping, signalling jumps, the two-pace clock, pausing at
 * the next signalling message, and the requestAnimationFrame loop (driven by a fake frame clock).
 */
import { describe, expect, it } from 'vitest';
import type { PacketTx } from '../../src/sim/core/trace-types';
import { FLIGHT_MS_PER_SIM_MS, Playback, QUIET_RATE } from '../../src/ui/state/playback.svelte';
import type { FrameClock } from '../../src/ui/state/playback.svelte';
import { Session } from '../../src/ui/state/session.svelte';
import { basicDomainText, LocalBackend, untilComplete } from './local-backend';

class FakeFrames implements FrameClock {
  queue = new Map<number, (now: number) => void>();
  next = 1;
  now = 0;
  request(cb: (now: number) => void): number {
    this.queue.set(this.next, cb);
    return this.next++;
  }
  cancel(h: number): void {
    this.queue.delete(h);
  }
  /** Runs one frame `ms` after the previous one. */
  frame(ms: number): void {
    this.now += ms;
    const cbs = [...this.queue.values()];
    this.queue.clear();
    for (const cb of cbs) cb(this.now);
  }
}

async function setup() {
  const s = new Session(new LocalBackend());
  await s.loadFile('basic-domain.json', basicDomainText());
  await untilComplete(s);
  const frames = new FakeFrames();
  return { s, p: new Playback(s, frames), frames };
}

const firstPbu = (s: Session) =>
  s.trace.find((e) => e.kind === 'tx' && e.label.startsWith('PBU')) as PacketTx;

describe('Playback', () => {
  it('steps one entry forward and back', async () => {
    const { s, p } = await setup();
    p.step();
    expect(s.cursor).toBe(0);
    p.step();
    expect(s.cursor).toBe(1);
    p.stepBack();
    expect(s.cursor).toBe(0);
    p.stepBack();
    expect(s.cursor).toBe(-1);
    p.stepBack();
    expect(s.cursor).toBe(-1);
  });

  it('jumps between signalling messages (every hop of a PBU or PBA)', async () => {
    const { s, p } = await setup();
    p.nextSignalling();
    const pbu = firstPbu(s);
    expect(s.cursor).toBe(pbu.id);
    expect([pbu.node, pbu.to, pbu.label]).toEqual(['mag1', 'r2', 'PBU seq=1 HI=1']);
    p.nextSignalling();
    const second = s.trace[s.cursor] as PacketTx;
    expect([second.node, second.to, second.label]).toEqual(['r2', 'lma1', 'PBU seq=1 HI=1']);
    p.previousSignalling();
    expect(s.cursor).toBe(pbu.id);
    p.previousSignalling();
    expect(s.cursor).toBe(pbu.id);
  });

  it('plays quiet time fast and packets slowly', async () => {
    const { s, p } = await setup();
    s.seekToTime(1_000_000);
    p.advance(50);
    // Nothing on the wire at 1 s: 50 ms of wall time is QUIET_RATE × 50 ms of simulated time.
    expect(s.time).toBe(1_000_000 + 50 * 1000 * QUIET_RATE);
    const pbu = firstPbu(s);
    s.seekToEntry(pbu.id);
    p.advance(50);
    // The PBU is on the wire: 50 ms of wall time is 50 / FLIGHT_MS_PER_SIM_MS ms simulated.
    expect(s.time).toBe(pbu.t + (50 / FLIGHT_MS_PER_SIM_MS) * 1000);
    p.setSpeed(10);
    s.seekToEntry(pbu.id);
    p.advance(50);
    expect(s.time).toBe(pbu.t + ((10 * 50) / FLIGHT_MS_PER_SIM_MS) * 1000);
  });

  it('quiet time never jumps over the next event', async () => {
    const { s, p } = await setup();
    s.seekToTime(2_500_000);
    const next = s.trace[s.cursor + 1];
    p.setSpeed(10);
    p.advance(100);
    expect(s.time).toBe(next.t);
  });

  it('clamps the speed to 0.1×–10×', async () => {
    const { s, p } = await setup();
    p.setSpeed(50);
    expect(s.speed).toBe(10);
    p.setSpeed(0.01);
    expect(s.speed).toBe(0.1);
    p.setSpeed(Number.NaN);
    expect(s.speed).toBe(0.1);
  });

  it('pauses at the next signalling message', async () => {
    const { s, p, frames } = await setup();
    p.pauseAtSignalling = true;
    p.setSpeed(10);
    p.play();
    expect(s.playing).toBe(true);
    for (let i = 0; i < 200 && s.playing; i++) frames.frame(16);
    expect(s.playing).toBe(false);
    expect(s.cursor).toBe(firstPbu(s).id);
    expect(s.time).toBe(50_000);
  });

  it('plays to the end and stops there; play again restarts', async () => {
    const { s, p, frames } = await setup();
    s.seekToTime(59_990_000);
    p.setSpeed(10);
    p.play();
    for (let i = 0; i < 2000 && s.playing; i++) frames.frame(16);
    expect(s.playing).toBe(false);
    expect(s.time).toBe(60_000_000);
    expect(s.cursor).toBe(s.trace.length - 1);
    p.play();
    expect(s.cursor).toBe(-1);
    expect(s.time).toBe(0);
    p.pause();
    expect(frames.queue.size).toBe(0);
  });

  it('restart rewinds to before the first event', async () => {
    const { s, p } = await setup();
    s.seekToTime(20_000_000);
    p.restart();
    expect([s.cursor, s.time, s.playing]).toEqual([-1, 0, false]);
  });
});
