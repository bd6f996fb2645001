/**
 * Address text forms. Representations carry IPv6 addresses as canonical RFC 5952 strings (so they compare
 * with ===, read well in the trace and in learner code) and codecs convert at the byte edge.
 */
import { AddressTextCache } from './address-text-cache';
import { TextMemo } from './text-memo';

const HEX = /^[0-9a-fA-F]{1,4}$/;

const ipv6Texts = new TextMemo(readIPv6);

/** Parses IPv6 text (with `::` and an optional dotted IPv4 tail) into 16 bytes, or null. */
export function parseIPv6(text: string): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const b = ipv6Texts.get(text);
  return b === null ? null : b.slice(); // the caller owns what it gets
}

function readIPv6(text: string): Uint8Array | null {
  if (text.length < 2 || text.length > 45) return null;
  let s = text;
  const tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) > 0) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    s = s.slice(0, lastColon + 1) + (s[lastColon - 1] === ':' ? '' : '0');
    if (s.endsWith(':0') && tail.length) s = s.slice(0, -2);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return null;
  const words = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!HEX.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let all: number[];
  if (dbl >= 0) {
    const head = words(s.slice(0, dbl));
    const rest = words(s.slice(dbl + 2));
    if (!head || !rest) return null;
    const fill = 8 - head.length - rest.length - tail.length;
    if (fill < 1) return null;
    all = [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
  } else {
    const w = words(s);
    if (!w) return null;
    all = [...w, ...tail];
  }
  if (all.length !== 8) return null;
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    out[i * 2] = all[i] >> 8;
    out[i * 2 + 1] = all[i] & 0xff;
  }
  return out;
}

export const isIPv6 = (text: string): boolean => parseIPv6(text) !== null;

/** Bytes of an address the program itself wrote; throws on a typo (a programming error, not input). */
export function ip6(text: string): Uint8Array {
  const b = parseIPv6(text);
  if (!b) throw new Error(`not an IPv6 address: ${text}`);
  return b;
}

const texts = new AddressTextCache();

/**
 * RFC 5952 canonical text: lower case, leading zeros dropped, the longest run (≥2) of zero words as `::`
 * (the first one on a tie, §4.2.3), and IPv4-mapped addresses in mixed notation `::ffff:192.0.2.1` (§5).
 * The simulator formats addresses for every packet it forwards: the text of each address seen is
 * memoised (address-text-cache.ts).
 */
export function formatIPv6(b: Uint8Array, off = 0): string {
  return texts.text(b, off, writeIPv6);
}

function writeIPv6(b: Uint8Array, off: number): string {
  let bestStart = -1;
  let bestLen = 1;
  let runStart = -1;
  for (let i = 0; i < 8; i++) {
    if (b[off + i * 2] !== 0 || b[off + i * 2 + 1] !== 0) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = i;
    if (i - runStart + 1 > bestLen) {
      bestStart = runStart;
      bestLen = i - runStart + 1;
    }
  }
  const mapped = bestStart === 0 && bestLen === 5 && b[off + 10] === 0xff && b[off + 11] === 0xff;
  if (mapped) return `::ffff:${formatIPv4(b, off + 12)}`;
  let s = '';
  for (let i = 0; i < 8;) {
    if (i === bestStart) {
      s += '::';
      i += bestLen;
      continue;
    }
    if (i > 0 && i !== bestStart + bestLen) s += ':';
    s += ((b[off + i * 2] << 8) | b[off + i * 2 + 1]).toString(16);
    i++;
  }
  return s;
}

export const UNSPECIFIED = '::';
export const ALL_NODES = 'ff02::1';
export const ALL_ROUTERS = 'ff02::2';

export interface Prefix {
  /** Canonical text of the prefix with its host bits cleared, e.g. `2001:db8:1:1::`. */
  readonly prefix: string;
  readonly length: number;
}

const prefixTexts = new TextMemo(readPrefix);

/** Parses `2001:db8:1::/48`; host bits must be zero so that one prefix has one spelling. */
export function parsePrefix(text: string): Prefix | null {
  const p = prefixTexts.get(text);
  return p === null ? null : { prefix: p.prefix, length: p.length }; // the caller owns what it gets
}

function readPrefix(text: string): Prefix | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const len = Number(text.slice(slash + 1));
  if (!Number.isInteger(len) || len < 0 || len > 128) return null;
  const b = parseIPv6(text.slice(0, slash));
  if (!b) return null;
  const masked = maskBytes(b, len);
  for (let i = 0; i < 16; i++) if (masked[i] !== b[i]) return null;
  return { prefix: formatIPv6(b), length: len };
}

export const formatPrefix = (p: Prefix): string => `${p.prefix}/${p.length}`;

export function maskBytes(b: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const bits = Math.max(0, Math.min(8, len - i * 8));
    out[i] = b[i] & ((0xff << (8 - bits)) & 0xff);
  }
  return out;
}

/** True when the first `len` bits of a and b agree. */
export function prefixMatch(a: Uint8Array, b: Uint8Array, len: number): boolean {
  const full = len >> 3;
  for (let i = 0; i < full; i++) if (a[i] !== b[i]) return false;
  const rem = len & 7;
  if (rem === 0) return true;
  const m = (0xff << (8 - rem)) & 0xff;
  return (a[full] & m) === (b[full] & m);
}

export function prefixContains(p: Prefix, address: string): boolean {
  const a = parseIPv6(address);
  const q = parseIPv6(p.prefix);
  return !!a && !!q && prefixMatch(q, a, p.length);
}

/** The address made of a /64 prefix and an interface identifier (last 8 bytes of `iid`). */
export function withInterfaceId(prefix: string, iid: Uint8Array): string {
  const b = ip6(prefix);
  b.set(iid.subarray(iid.length - 8), 8);
  return formatIPv6(b);
}

export function parseIPv4(text: string): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    // Dotted decimal without leading zeros (RFC 3986 §3.2.2 dec-octet): "010" is ambiguous (octal to some parsers).
    if (!/^(0|[1-9]\d{0,2})$/.test(parts[i])) return null;
    const v = Number(parts[i]);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}

export const formatIPv4 = (b: Uint8Array, off = 0): string =>
  `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;

const macTexts = new TextMemo(readMac);

/** MAC addresses as `00:11:22:33:44:55` (dashes accepted on input). */
export function parseMac(text: string): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const b = macTexts.get(text);
  return b === null ? null : b.slice();
}

function readMac(text: string): Uint8Array | null {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) return null;
  return Uint8Array.from(parts.map((p) => parseInt(p, 16)));
}

/** MAC text by the address as a 48-bit number: every Neighbor Discovery message carries one. */
let macNames = new Map<number, string>();

export function formatMac(b: Uint8Array, off = 0): string {
  const key =
    (b[off] * 0x100 + b[off + 1]) * 0x100000000 +
    (((b[off + 2] << 24) | (b[off + 3] << 16) | (b[off + 4] << 8) | b[off + 5]) >>> 0);
  let s = macNames.get(key);
  if (s === undefined) {
    s = Array.from(b.subarray(off, off + 6), (x) => x.toString(16).padStart(2, '0')).join(':');
    if (macNames.size >= 16384) macNames = new Map(); // bounded, cleared (never evicted by chance)
    macNames.set(key, s);
  }
  return s;
}

/** RFC 4291 Appendix A modified EUI-64 interface identifier from a 48-bit MAC. */
export function eui64(mac: Uint8Array): Uint8Array {
  return Uint8Array.from([mac[0] ^ 0x02, mac[1], mac[2], 0xff, 0xfe, mac[3], mac[4], mac[5]]);
}

export const linkLocalFromMac = (mac: Uint8Array): string => withInterfaceId('fe80::', eui64(mac));

/** RFC 4291 §2.7.1 solicited-node multicast group of an address. */
export function solicitedNode(address: string): string {
  const a = ip6(address);
  const g = ip6('ff02::1:ff00:0');
  g[13] = a[13];
  g[14] = a[14];
  g[15] = a[15];
  return formatIPv6(g);
}

export const isLinkLocal = (address: string): boolean => address.toLowerCase().startsWith('fe80:');
export const isMulticast = (address: string): boolean => address.toLowerCase().startsWith('ff');
