/** The worker's run engine and trace packing, in Node (no Worker needed). */
import { describe, expect, it } from 'vitest';
import { installers } from '../../src/sim/agents';
import { builtinCatalog, prepareRun } from '../../src/worker/run-engine';
import type { Slice } from '../../src/worker/run-engine';
import { packEntries, transferablesOf, unpackEntries } from '../../src/worker/trace-pack';
import { basicDomain, runBasicDomain } from '../ui/local-backend';

describe('run engine', () => {
  it('streams a run in slices that add up to one trace, identical to a run in one go', () => {
    const whole = runBasicDomain().trace;
    const p = prepareRun({ kind: 'document', scenario: basicDomain() }, installers);
    if (!p.ok) throw new Error('expected ok');
    const slices: Slice[] = [];
    for (;;) {
      const s = p.run.next(300);
      slices.push(s);
      if (s.done) break;
    }
    expect(slices.length).toBeGreaterThan(3);
    slices.forEach((s, i) => {
      if (i > 0) expect(s.start).toBe(slices[i - 1].start + slices[i - 1].entries.length);
      if (!s.done) expect(s.entries.length).toBeGreaterThanOrEqual(300);
      expect(s.reached).toBe(s.done ? 60_000_000 : (s.entries.at(-1)?.t ?? 0));
    });
    const joined = slices.flatMap((s) => s.entries);
    expect(joined.length).toBe(whole.length);
    expect(joined.map((e) => JSON.stringify({ ...e, bytes: undefined }))).toEqual(
      whole.map((e) => JSON.stringify({ ...e, bytes: undefined })),
    );
  });

  it('stops at `until` when asked', () => {
    const p = prepareRun({ kind: 'document', scenario: basicDomain() }, installers, 5_000_000);
    if (!p.ok) throw new Error('expected ok');
    const s = p.run.next(1e9);
    expect(s.done).toBe(true);
    expect(s.reached).toBe(5_000_000);
    expect(Math.max(...s.entries.map((e) => e.t))).toBeLessThanOrEqual(5_000_000);
  });

  it('reports validation errors with their paths, and unknown built-ins with the list', () => {
    const doc = basicDomain() as { links: { delay: string }[] };
    doc.links[2].delay = '2 parsecs';
    const bad = prepareRun({ kind: 'document', scenario: doc }, installers);
    expect(bad.ok).toBe(false);
    if (bad.ok || bad.kind !== 'invalid') throw new Error('expected invalid');
    expect(bad.message).toBe('1 problem found');
    expect(bad.errors.map((e) => e.path)).toEqual(['links[2].delay']);
    const missing = prepareRun({ kind: 'builtin', id: 'nope' }, installers);
    expect(missing).toEqual({
      ok: false,
      kind: 'failed',
      message: expect.stringMatching(/^there is no built-in scenario "nope" \(there are: .+\)$/),
    });
  });

  it('lists every built-in scenario with its name', () => {
    const c = builtinCatalog();
    expect(c.length).toBeGreaterThan(0);
    for (const e of c) expect(e.name.length).toBeGreaterThan(0);
    expect(c.map((e) => e.id)).toContain('ping-across-routers');
  });
});

describe('trace packing', () => {
  it('moves every byte into one buffer and gives each entry a view of its own bytes back', () => {
    const trace = runBasicDomain().trace.slice(0, 400);
    const packed = packEntries(trace);
    const withBytes = trace.filter((e) => 'bytes' in e && e.bytes instanceof Uint8Array);
    expect(withBytes.length).toBeGreaterThan(20);
    expect(packed.buffer.byteLength).toBe(
      withBytes.reduce((n, e) => n + (e as { bytes: Uint8Array }).bytes.length, 0),
    );
    expect(packed.entries.every((e) => !('bytes' in e))).toBe(true);
    expect(transferablesOf(packed)).toEqual([packed.buffer, packed.offsets.buffer, packed.lengths.buffer]);
    const back = unpackEntries(structuredClone(packed));
    expect(back.length).toBe(trace.length);
    back.forEach((e, i) => {
      const orig = trace[i] as unknown as Record<string, unknown>;
      const { bytes, ...rest } = e as unknown as Record<string, unknown>;
      const { bytes: origBytes, ...origRest } = orig;
      expect(rest).toEqual(origRest);
      if (origBytes instanceof Uint8Array)
        expect(Array.from(bytes as Uint8Array)).toEqual(Array.from(origBytes));
      else expect(bytes).toBeUndefined();
    });
  });
});
