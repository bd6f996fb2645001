/**
 * Address text to bytes at the codec edge. Representations carry canonical address strings; emitters and
 * checksum code need bytes, and they need them for every packet on every hop. Parsing text costs far more
 * than a map lookup, so the bytes of recently seen addresses are memoised (a bounded, deterministic cache:
 * it is cleared, not evicted at random, when full).
 *
 * The returned arrays are shared: callers read them and never write into them.
 */
import { parseIPv4, parseIPv6 } from './addr';

/** An address as its text form or as its 16 (IPv6) or 4 (IPv4) octets. */
export type AddressInput = string | Uint8Array;

const CACHE_LIMIT = 8192;
const cache = new Map<string, Uint8Array>();

/**
 * Octets of an IPv6 or IPv4 address (IPv6 when the text has a colon); with `family`, only that family is
 * accepted. Throws on anything else: reprs are built by code, so a bad address is a programming error,
 * not input.
 */
export function addressBytes(a: AddressInput, family?: 4 | 6): Uint8Array {
  const b = typeof a === 'string' ? cached(a) : a;
  const len = family === 6 ? 16 : family === 4 ? 4 : b.length === 4 ? 4 : 16;
  if (b.length !== len)
    throw new Error(
      `not an IPv${len === 16 ? 6 : 4} address: ${typeof a === 'string' ? a : `${b.length} octets`}`,
    );
  return b;
}

function cached(a: string): Uint8Array {
  const hit = cache.get(a);
  if (hit) return hit;
  const b = a.includes(':') ? parseIPv6(a) : parseIPv4(a);
  if (!b) throw new Error(`not an IP address: ${a}`);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(a, b);
  return b;
}

/** Like `addressBytes`, but null instead of a throw: for parsers, which never throw. */
export function tryAddressBytes(a: AddressInput): Uint8Array | null {
  if (typeof a !== 'string') return a.length === 16 || a.length === 4 ? a : null;
  try {
    return addressBytes(a);
  } catch {
    return null;
  }
}

/** True when the address is IPv6 (16 octets or text with a colon). */
export const isIPv6Input = (a: AddressInput): boolean =>
  typeof a === 'string' ? a.includes(':') : a.length === 16;
