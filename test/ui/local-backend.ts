/**
 * A SimBackend for tests: the same run engine the worker uses (src/worker/run-engine.ts) with the real
 * agents, called in-process. Replies arrive asynchronously (macrotasks), as they would from a worker.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installers } from '../../src/sim/agents';
import type { RunHandle, RunHandlers, SimBackend } from '../../src/ui/state/sim-backend';
import type { CatalogEntry, RunSource } from '../../src/worker/protocol';
import { builtinCatalog, prepareRun } from '../../src/worker/run-engine';
import { packEntries, unpackEntries } from '../../src/worker/trace-pack';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export class LocalBackend implements SimBackend {
  runs = 0;
  constructor(private readonly chunk = 500) {}

  catalog(): Promise<readonly CatalogEntry[]> {
    return Promise.resolve(builtinCatalog());
  }

  run(source: RunSource, h: RunHandlers): RunHandle {
    this.runs++;
    let cancelled = false;
    void (async () => {
      await tick();
      if (cancelled) return;
      const p = prepareRun(source, installers);
      if (!p.ok) {
        if (p.kind === 'invalid') h.invalid(p.message, p.errors);
        else h.failed(p.message);
        return;
      }
      h.loaded(p.run.scenario, p.run.end);
      for (;;) {
        await tick();
        if (cancelled) return;
        const s = p.run.next(this.chunk);
        // Through the same packing the worker uses, so the tests see what the page sees.
        h.chunk(s.start, unpackEntries(packEntries(s.entries)), s.reached, s.done);
        if (s.done) return;
      }
    })();
    return { cancel: () => (cancelled = true) };
  }
}

export function basicDomainText(): string {
  return readFileSync(
    fileURLToPath(new URL('../../src/sim/scenario/builtin/basic-domain.json', import.meta.url)),
    'utf8',
  );
}

export function basicDomain(): unknown {
  return JSON.parse(basicDomainText());
}

/** Resolves once the session's current run has streamed to its end. */
export async function untilComplete(
  s: { complete: boolean; running: boolean },
  limitMs = 30_000,
): Promise<void> {
  const start = Date.now();
  while (s.running || !s.complete) {
    if (Date.now() - start > limitMs) throw new Error('run did not complete');
    await tick();
  }
}

/** The whole basic-domain run, synchronously: the loaded scenario and its trace. */
export function runBasicDomain(doc: unknown = basicDomain()) {
  const p = prepareRun({ kind: 'document', scenario: doc }, installers);
  if (!p.ok) throw new Error(p.message);
  const entries = [];
  for (;;) {
    const s = p.run.next(100_000);
    entries.push(...s.entries);
    if (s.done) break;
  }
  return { scenario: p.run.scenario, trace: entries };
}
