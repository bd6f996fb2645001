/**
 * Moving a trace from the worker to the page without copying every packet twice.
 *
 * A trace entry is plain data except its `bytes` (a Uint8Array per packet). Structured clone would copy
 * each little array on its own; instead the worker packs all the bytes of a chunk into ONE ArrayBuffer,
 * transfers it (zero copy), and the page gives each entry back a Uint8Array view into that buffer.
 */
import type { TraceEntry } from '../sim/core/trace-types';

export interface PackedEntries {
  /** The entries with `bytes` removed (the rest is structured-clone friendly). */
  readonly entries: readonly Record<string, unknown>[];
  /** Per entry: byte offset into `buffer`, or -1 when the entry has no bytes. */
  readonly offsets: Int32Array;
  /** Per entry: byte length (0 when the entry has no bytes). */
  readonly lengths: Int32Array;
  readonly buffer: ArrayBuffer;
}

/** Packs entries for postMessage; transfer `[packed.buffer, packed.offsets.buffer, packed.lengths.buffer]`. */
export function packEntries(entries: readonly TraceEntry[]): PackedEntries {
  const offsets = new Int32Array(entries.length).fill(-1);
  const lengths = new Int32Array(entries.length);
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    const b = bytesOf(entries[i]);
    if (b) {
      offsets[i] = total;
      lengths[i] = b.length;
      total += b.length;
    }
  }
  const all = new Uint8Array(total);
  const plain: Record<string, unknown>[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const { bytes, ...rest } = entries[i] as TraceEntry & { bytes?: Uint8Array };
    if (bytes) all.set(bytes, offsets[i]);
    plain[i] = rest;
  }
  return { entries: plain, offsets, lengths, buffer: all.buffer };
}

/** The inverse of `packEntries`: each entry gets its bytes back as a view into the shared buffer. */
export function unpackEntries(p: PackedEntries): TraceEntry[] {
  const out: TraceEntry[] = new Array(p.entries.length);
  for (let i = 0; i < p.entries.length; i++) {
    const off = p.offsets[i];
    out[i] = (off < 0
      ? p.entries[i]
      : { ...p.entries[i], bytes: new Uint8Array(p.buffer, off, p.lengths[i]) }) as unknown as TraceEntry;
  }
  return out;
}

/** The buffers `packEntries` made, for postMessage's transfer list. */
export function transferablesOf(p: PackedEntries): ArrayBuffer[] {
  return [p.buffer, p.offsets.buffer as ArrayBuffer, p.lengths.buffer as ArrayBuffer];
}

function bytesOf(e: TraceEntry): Uint8Array | undefined {
  const b = (e as { bytes?: unknown }).bytes;
  return b instanceof Uint8Array ? b : undefined;
}
