/**
 * Checking the address forms a scenario writes: "2001:db8::1/64" on an interface, "2001:db8:1::/48" for
 * a prefix, a MAC. Each returns the canonical RFC 5952 form, or reports why not and returns undefined.
 */
import { formatIPv6, maskBytes, parseIPv6, parseMac } from '../wire/addr';
import type { Checker } from './check';
import { show } from './check';

export interface InterfaceAddress {
  /** Canonical text of the address. */
  readonly address: string;
  readonly length: number;
  /** Canonical text of the subnet prefix (host bits cleared). */
  readonly prefix: string;
}

function splitSlash(
  c: Checker,
  v: unknown,
  path: string,
  example: string,
): { addr: string; len: number } | undefined {
  if (typeof v !== 'string') {
    c.report(path, `must be text such as "${example}", not ${show(v)}`);
    return undefined;
  }
  const slash = v.indexOf('/');
  if (slash < 0) {
    const hint = parseIPv6(v) ? `${v}/64` : example;
    c.report(path, `${show(v)} needs a prefix length, e.g. "${hint}"`);
    return undefined;
  }
  const addr = v.slice(0, slash);
  const lenText = v.slice(slash + 1);
  if (!parseIPv6(addr)) {
    c.report(path, `${show(addr)} is not an IPv6 address`);
    return undefined;
  }
  const len = /^\d{1,3}$/.test(lenText) ? Number(lenText) : NaN;
  if (!(len >= 0 && len <= 128)) {
    c.report(path, `prefix length ${show(lenText)} must be a number from 0 to 128`);
    return undefined;
  }
  return { addr, len };
}

/** "2001:db8:0:1::1/64": an address on an interface, with the length of its on-link prefix. */
export function checkInterfaceAddress(c: Checker, v: unknown, path: string): InterfaceAddress | undefined {
  const parts = splitSlash(c, v, path, '2001:db8::1/64');
  if (!parts) return undefined;
  const bytes = parseIPv6(parts.addr) as Uint8Array;
  if (bytes[0] === 0xff) {
    c.report(path, `${show(parts.addr)} is a multicast address; an interface needs a unicast one`);
    return undefined;
  }
  return { address: formatIPv6(bytes), length: parts.len, prefix: formatIPv6(maskBytes(bytes, parts.len)) };
}

export interface PrefixText {
  readonly prefix: string;
  readonly length: number;
  /** "2001:db8:1::/48" in canonical form. */
  readonly text: string;
}

/** "2001:db8:1::/48": a prefix; host bits must be zero, so that one prefix has one spelling. */
export function checkPrefix(c: Checker, v: unknown, path: string, maxLength = 128): PrefixText | undefined {
  const parts = splitSlash(c, v, path, '2001:db8:1::/48');
  if (!parts) return undefined;
  const bytes = parseIPv6(parts.addr) as Uint8Array;
  const masked = maskBytes(bytes, parts.len);
  const prefix = formatIPv6(masked);
  if (formatIPv6(bytes) !== prefix) {
    c.report(path, `${show(v)} has bits set after the first ${parts.len}; write "${prefix}/${parts.len}"`);
    return undefined;
  }
  if (parts.len > maxLength) {
    c.report(path, `a /${parts.len} is too long here; use a prefix of /${maxLength} or shorter`);
    return undefined;
  }
  return { prefix, length: parts.len, text: `${prefix}/${parts.len}` };
}

/** A unicast MAC in canonical lower-case colon form. */
export function checkMac(c: Checker, v: unknown, path: string): string | undefined {
  const bytes = typeof v === 'string' ? parseMac(v) : null;
  if (!bytes) {
    c.report(path, `${show(v)} is not a MAC address; write six hex pairs, e.g. "02:00:00:00:00:01"`);
    return undefined;
  }
  if (bytes[0] & 1) {
    c.report(
      path,
      `${show(v)} is a multicast MAC; an interface needs a unicast one (first byte even, e.g. "02")`,
    );
    return undefined;
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}
