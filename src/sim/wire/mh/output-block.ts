/**
 * Where emitted Mobility Headers live. A typed array over 64 octets gets its own off-heap backing store
 * in V8, which costs more than encoding the whole PBU; so results are copied into views of a shared 8 KB
 * block, and a new block is started when one fills up. A result therefore has a `byteOffset` and shares
 * its `buffer` with other results: read it through the view (as every codec here does), and copy it
 * (`slice()`) before keeping it for long or transferring its buffer.
 */

const BLOCK = 8192;
/** Results larger than this get their own buffer (the largest MH is 2048 octets). */
const LARGE = 1024;

let block = new Uint8Array(BLOCK);
let used = 0;

/** A copy of `src[0, n)` in the current block. */
export function copyOut(src: Uint8Array, n: number): Uint8Array {
  if (n > LARGE) return src.slice(0, n);
  if (used + n > BLOCK) {
    block = new Uint8Array(BLOCK);
    used = 0;
  }
  const out = block.subarray(used, used + n);
  out.set(src.subarray(0, n));
  used += n;
  return out;
}
