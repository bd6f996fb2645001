import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorkload, sha256, workloadJsonLines } from './fixtures/workload';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/print-workload-hash.ts', import.meta.url));

describe('determinism', () => {
  it('the workload is big enough to mean something', () => {
    const sim = buildWorkload(1);
    sim.run();
    const kinds = new Set(sim.trace.entries.map((e) => e.kind));
    expect(sim.eventsDispatched).toBeGreaterThan(2000);
    expect([...kinds].sort()).toEqual([
      'decision',
      'drop',
      'rx',
      'table',
      'timer-cancelled',
      'timer-fired',
      'timer-set',
      'tx',
    ]);
  });

  it('the same seed gives a byte-identical trace twice in one process', () => {
    const a = workloadJsonLines(1);
    const b = workloadJsonLines(1);
    expect(b.length).toBe(a.length);
    expect(b === a).toBe(true);
  });

  it('a different seed gives a different trace', () => {
    expect(sha256(workloadJsonLines(2))).not.toBe(sha256(workloadJsonLines(1)));
  });

  it('the same seed gives the same trace hash in a separate Node process', () => {
    const text = workloadJsonLines(1);
    const here = `${sha256(text)} ${text.length}`;
    const there = execFileSync('npx', ['tsx', script, '1'], { cwd: root, encoding: 'utf8' }).trim();
    expect(there).toBe(here);
  });
});
