/**
 * An independent, deliberately plain implementation of the RFC 1071 checksum over the RFC 8200 §8.1 and
 * RFC 768 pseudo-headers, so codec tests do not check the codecs against the code they use themselves.
 */
import { parseIPv4, parseIPv6 } from '../../../src/sim/wire/addr';

function onesComplementSum(words: number[]): number {
  let sum = 0;
  for (const w of words) {
    sum += w;
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return sum;
}

function wordsOf(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 2)
    out.push((bytes[i] << 8) | (i + 1 < bytes.length ? bytes[i + 1] : 0));
  return out;
}

/** Checksum of `data` (its checksum field already zero) under the pseudo-header for src/dst/protocol. */
export function referenceChecksum(src: string, dst: string, protocol: number, data: Uint8Array): number {
  const v6 = src.includes(':');
  const s = v6 ? parseIPv6(src)! : parseIPv4(src)!;
  const d = v6 ? parseIPv6(dst)! : parseIPv4(dst)!;
  const len = data.length;
  const pseudo = v6
    ? [...wordsOf(s), ...wordsOf(d), len >>> 16, len & 0xffff, 0, protocol]
    : [...wordsOf(s), ...wordsOf(d), protocol, len];
  return ~onesComplementSum([...pseudo, ...wordsOf(data)]) & 0xffff;
}

/** RFC 1071 over plain data (IPv4 header, GRE). */
export const referencePlainChecksum = (data: Uint8Array): number =>
  ~onesComplementSum(wordsOf(data)) & 0xffff;

/** The checksum that belongs at data[at, at + 2), computed with that field zeroed. */
export function expectedAt(data: Uint8Array, at: number, compute: (zeroed: Uint8Array) => number): number {
  const z = data.slice();
  z[at] = 0;
  z[at + 1] = 0;
  return compute(z);
}
