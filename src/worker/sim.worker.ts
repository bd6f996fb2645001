/**
 * The simulation worker: validates, builds and runs scenarios off the page's thread and streams the trace
 * back in chunks (protocol.ts). One run at a time: a newer 'run' (or a 'cancel') stops the current one at
 * its next slice boundary, because slices yield to the message queue between them.
 */
import { installers } from '../sim/agents';
import type { FromWorker, ToWorker } from './protocol';
import { builtinCatalog, prepareRun } from './run-engine';
import type { ScenarioRun } from './run-engine';
import { packEntries, transferablesOf } from './trace-pack';

const DEFAULT_CHUNK = 4000;
/** Chunks double up to this size: a city-sized run arrives in tens of chunks, not hundreds. */
const MAX_CHUNK = 64_000;

interface Active {
  readonly id: number;
  readonly run: ScenarioRun;
  readonly chunk: number;
}

let active: Active | null = null;

const post = (msg: FromWorker, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(msg, transfer);

/** Lets queued messages (a newer run, a cancel) in between slices. */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function pump(a: Active): Promise<void> {
  // The first chunk is small so the page can show the start of the run at once.
  let size = Math.min(a.chunk, 1500);
  while (active === a) {
    let slice;
    try {
      slice = a.run.next(size);
    } catch (e) {
      post({ type: 'failed', id: a.id, message: e instanceof Error ? e.message : String(e) });
      active = null;
      return;
    }
    const packed = packEntries(slice.entries);
    post(
      { type: 'chunk', id: a.id, start: slice.start, packed, reached: slice.reached, done: slice.done },
      transferablesOf(packed),
    );
    if (slice.done) {
      active = null;
      return;
    }
    size = size < a.chunk ? a.chunk : Math.min(size * 2, Math.max(a.chunk, MAX_CHUNK));
    await yieldToMessages();
  }
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'catalog':
      post({ type: 'catalog', id: msg.id, scenarios: builtinCatalog() });
      return;
    case 'cancel':
      if (active?.id === msg.id) active = null;
      return;
    case 'run': {
      active = null;
      const prepared = prepareRun(msg.source, installers, msg.until);
      if (!prepared.ok) {
        post(
          prepared.kind === 'invalid'
            ? { type: 'invalid', id: msg.id, message: prepared.message, errors: prepared.errors }
            : { type: 'failed', id: msg.id, message: prepared.message },
        );
        return;
      }
      post({ type: 'loaded', id: msg.id, scenario: prepared.run.scenario, duration: prepared.run.end });
      const a: Active = { id: msg.id, run: prepared.run, chunk: msg.chunkEntries ?? DEFAULT_CHUNK };
      active = a;
      void pump(a);
    }
  }
}

self.addEventListener('message', (e: MessageEvent<ToWorker>) => handle(e.data));
