/**
 * GRE (RFC 2784 §2) with the Key and Sequence Number extensions (RFC 2890 §2), used for PMIPv6 GRE
 * tunnels keyed per mobility session (RFC 5845).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |C| |K|S| Reserved0       | Ver |         Protocol Type         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |      Checksum (optional)      |       Reserved1 (Optional)    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Key (optional)                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                 Sequence Number (Optional)                    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * C, K, S say which optional words are present. The checksum covers the GRE header and payload
 * (RFC 2784 §2.5); emit computes it when `withChecksum`, parse reports `checksumValid`. Protocol Type is
 * an EtherType: 0x86DD IPv6, 0x0800 IPv4. A receiver discards a packet with bit 1, 4 or 5 set or a
 * Version other than 0 (RFC 2784 §2.3, §2.3.1).
 */
import { internetChecksum } from './checksum';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;

const C = 0x8000;
const K = 0x2000;
const S = 0x1000;
/** RFC 2784 §2.3: bits 1, 4 and 5 (RFC 1701 routing, strict source route, recursion). */
const MUST_BE_ZERO = 0x4000 | 0x0800 | 0x0400;

export interface GrePacket {
  readonly protocolType: number;
  readonly withChecksum: boolean;
  /** RFC 2890 §2.1; absent when K = 0. */
  readonly key?: number;
  /** RFC 2890 §2.2; absent when S = 0. */
  readonly sequence?: number;
  /** After parsing: a view into the parsed buffer, not a copy. */
  readonly payload: Uint8Array;
}

export type ParsedGre = GrePacket & { readonly checksumValid: boolean };

const LAYER = 'gre';

export const greHeaderSize = (p: GrePacket): number =>
  4 + (p.withChecksum ? 4 : 0) + (p.key !== undefined ? 4 : 0) + (p.sequence !== undefined ? 4 : 0);

function writeU32(out: Uint8Array, off: number, v: number): void {
  out[off] = (v >>> 24) & 0xff;
  out[off + 1] = (v >>> 16) & 0xff;
  out[off + 2] = (v >>> 8) & 0xff;
  out[off + 3] = v & 0xff;
}

const readU32 = (b: Uint8Array, off: number): number =>
  ((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0;

export function emitGre(p: GrePacket): Uint8Array {
  const hl = greHeaderSize(p);
  const out = new Uint8Array(hl + p.payload.length);
  const flags = (p.withChecksum ? C : 0) | (p.key !== undefined ? K : 0) | (p.sequence !== undefined ? S : 0);
  out[0] = flags >> 8;
  out[2] = uint(p.protocolType, 16, 'Protocol Type') >> 8;
  out[3] = p.protocolType & 0xff;
  let off = p.withChecksum ? 8 : 4;
  if (p.key !== undefined) {
    writeU32(out, off, uint(p.key, 32, 'Key'));
    off += 4;
  }
  if (p.sequence !== undefined) writeU32(out, off, uint(p.sequence, 32, 'Sequence Number'));
  out.set(p.payload, hl);
  if (p.withChecksum) {
    const c = internetChecksum(out);
    out[4] = c >> 8;
    out[5] = c & 0xff;
  }
  return out;
}

/** Parses bytes[offset, offset + length). Never throws. */
export function parseGre(bytes: Uint8Array, offset: number, length: number): Parsed<ParsedGre> {
  const end = Math.min(offset + length, bytes.length);
  if (offset < 0 || end - offset < 4)
    return fail(
      LAYER,
      'header',
      offset,
      `needs at least 4 octets, has ${Math.max(0, end - offset)} (RFC 2784 §2.1)`,
    );
  const flags = (bytes[offset] << 8) | bytes[offset + 1];
  if (flags & MUST_BE_ZERO)
    return fail(
      LAYER,
      'Reserved0',
      offset,
      'bits 1, 4 or 5 set: RFC 1701 features this receiver does not implement (RFC 2784 §2.3)',
    );
  const version = flags & 7;
  if (version !== 0)
    return fail(LAYER, 'Ver', offset + 1, `Version is ${version}, must be 0 (RFC 2784 §2.3.1)`);
  const withChecksum = (flags & C) !== 0;
  const hasKey = (flags & K) !== 0;
  const hasSeq = (flags & S) !== 0;
  const hl = 4 + (withChecksum ? 4 : 0) + (hasKey ? 4 : 0) + (hasSeq ? 4 : 0);
  if (end - offset < hl)
    return fail(
      LAYER,
      'header',
      offset,
      `flags announce a ${hl}-octet header, only ${end - offset} octets present (RFC 2890 §2)`,
    );
  let off = offset + (withChecksum ? 8 : 4);
  const key = hasKey ? readU32(bytes, off) : undefined;
  if (hasKey) off += 4;
  const sequence = hasSeq ? readU32(bytes, off) : undefined;
  return ok({
    protocolType: (bytes[offset + 2] << 8) | bytes[offset + 3],
    withChecksum,
    ...(key !== undefined ? { key } : {}),
    ...(sequence !== undefined ? { sequence } : {}),
    payload: bytes.subarray(offset + hl, end),
    checksumValid: !withChecksum || internetChecksum(bytes, offset, end) === 0,
  });
}
