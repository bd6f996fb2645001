/**
 * The page's side of the worker protocol: a SimBackend (src/ui/state/sim-backend.ts) that talks to the
 * simulation worker. Replies are routed by request id; a cancelled or superseded run's replies are dropped
 * here, so the Session never sees a stale chunk.
 */
import type { RunHandle, RunHandlers, SimBackend } from '../ui/state/sim-backend';
import type { CatalogEntry, FromWorker, RunSource, ToWorker } from './protocol';
import { unpackEntries } from './trace-pack';

export class WorkerBackend implements SimBackend {
  readonly #worker: Worker;
  #nextId = 1;
  readonly #runs = new Map<number, RunHandlers>();
  readonly #catalogs = new Map<number, (c: readonly CatalogEntry[]) => void>();
  /** The catalog never changes: asked once (early, by the entry point), shared by every caller. */
  #catalog: Promise<readonly CatalogEntry[]> | null = null;

  constructor(worker: Worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })) {
    this.#worker = worker;
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.#receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) =>
      this.#crashed(e.message || 'the simulation worker failed to start'),
    );
  }

  catalog(): Promise<readonly CatalogEntry[]> {
    if (this.#catalog) return this.#catalog;
    const id = this.#nextId++;
    this.#catalog = new Promise((resolve) => {
      this.#catalogs.set(id, resolve);
      this.#send({ type: 'catalog', id });
    });
    return this.#catalog;
  }

  run(source: RunSource, handlers: RunHandlers): RunHandle {
    const id = this.#nextId++;
    // One run at a time: the worker drops the older one, and so do we.
    for (const old of this.#runs.keys()) this.#runs.delete(old);
    this.#runs.set(id, handlers);
    this.#send({ type: 'run', id, source });
    return {
      cancel: () => {
        if (this.#runs.delete(id)) this.#send({ type: 'cancel', id });
      },
    };
  }

  terminate(): void {
    this.#worker.terminate();
  }

  #send(msg: ToWorker): void {
    this.#worker.postMessage(msg);
  }

  #receive(msg: FromWorker): void {
    if (msg.type === 'catalog') {
      this.#catalogs.get(msg.id)?.(msg.scenarios);
      this.#catalogs.delete(msg.id);
      return;
    }
    const h = this.#runs.get(msg.id);
    if (!h) return;
    switch (msg.type) {
      case 'loaded':
        h.loaded(msg.scenario, msg.duration);
        break;
      case 'chunk':
        if (msg.done) this.#runs.delete(msg.id);
        h.chunk(msg.start, unpackEntries(msg.packed), msg.reached, msg.done);
        break;
      case 'invalid':
        this.#runs.delete(msg.id);
        h.invalid(msg.message, msg.errors);
        break;
      case 'failed':
        this.#runs.delete(msg.id);
        h.failed(msg.message);
        break;
    }
  }

  #crashed(message: string): void {
    for (const [id, h] of this.#runs) {
      this.#runs.delete(id);
      h.failed(message);
    }
    for (const [id, resolve] of this.#catalogs) {
      this.#catalogs.delete(id);
      resolve([]);
    }
  }
}
