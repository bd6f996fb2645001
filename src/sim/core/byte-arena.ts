/**
 * Where the trace keeps packet bytes: an append-only arena of large chunks, handing out views.
 *
 * The trace records the exact bytes of every hop (DESIGN.md, "The data that flows"), hundreds of thousands
 * of small packets in a long run. One Uint8Array with its own ArrayBuffer per hop costs three heap
 * objects and a separate backing store each, all of which the garbage collector copies and sweeps; a view
 * into a shared chunk is one object. Bytes are only ever appended: a view stays valid (and its bytes
 * unchanged) for as long as anything holds it, and a chunk lives as long as any of its views.
 */

/**
 * Chunk sizes: the first is small (a short run, or a simulator rebuilt to seek, reserves little), each
 * next one twice the last, up to a size large enough that a long run has few chunks.
 */
const FIRST_CHUNK = 16 * 1024;
const MAX_CHUNK = 256 * 1024;
/** Larger blocks get an ArrayBuffer of their own rather than wasting the rest of a chunk. */
const LARGE = MAX_CHUNK / 8;

export class ByteArena {
  private chunk: ArrayBuffer | null = null;
  private used = 0;
  private nextChunk = FIRST_CHUNK;

  /** `length` zero bytes of fresh arena space, for the caller to fill before handing them on. */
  alloc(length: number): Uint8Array {
    if (length > LARGE) return new Uint8Array(length);
    if (this.chunk === null || this.used + length > this.chunk.byteLength) {
      this.chunk = new ArrayBuffer(Math.max(this.nextChunk, length));
      this.nextChunk = Math.min(this.nextChunk * 2, MAX_CHUNK);
      this.used = 0;
    }
    const view = new Uint8Array(this.chunk, this.used, length);
    // 8-byte steps keep every view aligned, as a fresh ArrayBuffer would be (DataView users never care,
    // but it costs at most 7 octets a packet).
    this.used += (length + 7) & ~7;
    return view;
  }

  /** A copy of `bytes` in the arena. */
  copy(bytes: Uint8Array): Uint8Array {
    const view = this.alloc(bytes.length);
    view.set(bytes);
    return view;
  }
}
