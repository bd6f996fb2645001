/**
 * Text forms used by Mobility Header representations, tuned for the signalling hot path: every PBU and
 * PBA parse formats a prefix and identifiers, and every emit writes them back as octets, in place.
 */

import { formatIPv6 } from '../addr';
import { cachedText } from './text-cache';

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function formatColonHex(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += i === start ? HEX2[b[i]] : ':' + HEX2[b[i]];
  return s;
}

/** Value of one hex digit, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Writes the octets of colon-separated hex pairs (`00:11:22:33:44:55`, either case, "" for none) at `at`
 * and returns how many; -1 when the text is not in that form. Parsed in place: this runs on every emit.
 */
export function writeColonHex(text: string, buf: Uint8Array, at: number, max: number): number {
  if (typeof text !== 'string') return -1;
  const len = text.length;
  if (len === 0) return 0;
  if ((len + 1) % 3 !== 0 || (len + 1) / 3 > max) return -1;
  for (let i = 0, o = at; i < len; i += 3, o++) {
    const hi = hexDigit(text.charCodeAt(i));
    const lo = hexDigit(text.charCodeAt(i + 1));
    if (hi < 0 || lo < 0 || (i + 2 < len && text.charCodeAt(i + 2) !== 58)) return -1;
    buf[o] = (hi << 4) | lo;
  }
  return (len + 1) / 3;
}

/** Lower-case hex without separators, for identifiers that are not text (IMSI, EUI-64 …). */
export function plainHex(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX2[b[i]];
  return s;
}

/** Writes the octets of `plainHex` text at `at` and returns how many; -1 for odd length, a non-hex digit or more than `max`. */
export function writePlainHex(text: string, buf: Uint8Array, at: number, max: number): number {
  if (typeof text !== 'string' || text.length % 2 !== 0 || text.length / 2 > max) return -1;
  for (let i = 0; i < text.length; i += 2) {
    const hi = hexDigit(text.charCodeAt(i));
    const lo = hexDigit(text.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return -1;
    buf[at + i / 2] = (hi << 4) | lo;
  }
  return text.length / 2;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** ASCII, the usual case, skips the decoder. */
function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  for (let i = start; i < end; i++) if (b[i] >= 0x80) return decoder.decode(b.subarray(start, end));
  return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
}

/**
 * Writes the UTF-8 octets of `text` at `at` and returns how many, or -1 when they would exceed `max`.
 * ASCII (every NAI in practice) is copied directly; anything else goes through TextEncoder.
 */
export function writeUtf8(text: string, buf: Uint8Array, at: number, max: number): number {
  const len = text.length;
  let i = 0;
  for (; i < len && i < max; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) break;
    buf[at + i] = c;
  }
  if (i === len) return len;
  if (i === max) return -1;
  const bytes = encoder.encode(text);
  if (bytes.length > max) return -1;
  buf.set(bytes, at);
  return bytes.length;
}

const ipv6Range = (b: Uint8Array, start: number): string => formatIPv6(b, start);

/** RFC 5952 text of the 16 octets at `off`: `addr.formatIPv6`, reusing the string for repeated addresses. */
export const ipv6Text = (b: Uint8Array, off: number): string => cachedText(b, off, off + 16, ipv6Range, 1);

/** Octets as lower-case hex pairs joined by colons: `00:11:22:33:44:55` (any length; "" for none). */
export const colonHex = (b: Uint8Array, start: number, end: number): string =>
  cachedText(b, start, end, formatColonHex, 2);

/**
 * UTF-8 text of a byte range (an NAI is UTF-8, RFC 4282 §2.1). Invalid sequences become U+FFFD: the
 * identifier is then unknown to everyone, as it would be on a real LMA.
 */
export const utf8Text = (b: Uint8Array, start: number, end: number): string =>
  cachedText(b, start, end, decodeUtf8, 3);
