/**
 * Neighbor Discovery options (RFC 4861 §4.6). Every option is a TLV whose Length counts 8-octet units,
 * Type and Length included; a Length of 0 is invalid and the whole ND message is discarded (§4.6).
 *
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |     Type      |    Length     |              ...              |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Source (1) / Target (2) Link-layer Address (§4.6.1), Ethernet: Length 1
 *    |     Type      |    Length     |    Link-Layer Address (6 octets) ...
 *
 * Prefix Information (3, §4.6.2; R flag from RFC 6275 §7.2), Length 4
 *    |     Type      |    Length     | Prefix Length |L|A|R|Reserved1|
 *    |                         Valid Lifetime                        |
 *    |                       Preferred Lifetime                      |
 *    |                           Reserved2                           |
 *    +                            Prefix (16 octets)                 +
 *
 * MTU (5, §4.6.4), Length 1
 *    |     Type      |    Length     |           Reserved            |
 *    |                              MTU                              |
 *
 * Other options, and link-layer addresses that are not 6 octets, are kept whole as `unknown` so a
 * parse/emit round trip is exact (§4.6: receivers skip options they do not understand).
 */
import { formatIPv6, formatMac, parseMac } from './addr';
import { addressBytes } from './address-bytes';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const ND_OPT_SOURCE_LLA = 1;
export const ND_OPT_TARGET_LLA = 2;
export const ND_OPT_PREFIX_INFO = 3;
export const ND_OPT_MTU = 5;

/** RFC 4861 §4.6.2: all ones means infinity. */
export const INFINITE_LIFETIME = 0xffffffff;

export interface PrefixInformation {
  readonly kind: 'prefix-info';
  readonly prefixLength: number;
  /** L: the prefix is on-link. */
  readonly onLink: boolean;
  /** A: usable for stateless address autoconfiguration (RFC 4862). */
  readonly autonomous: boolean;
  /** R: the Prefix field holds the router's full address (RFC 6275 §7.2). */
  readonly routerAddress: boolean;
  /** Seconds. */
  readonly validLifetime: number;
  /** Seconds. */
  readonly preferredLifetime: number;
  readonly prefix: string;
}

export type NdOption =
  | { readonly kind: 'source-lla'; readonly address: string }
  | { readonly kind: 'target-lla'; readonly address: string }
  | PrefixInformation
  | { readonly kind: 'mtu'; readonly mtu: number }
  /** `data` is everything after the Type and Length octets. */
  | { readonly kind: 'unknown'; readonly type: number; readonly data: Uint8Array };

const LAYER = 'icmpv6';

export function ndOptionSize(o: NdOption): number {
  switch (o.kind) {
    case 'source-lla':
    case 'target-lla':
    case 'mtu':
      return 8;
    case 'prefix-info':
      return 32;
    case 'unknown':
      return 2 + o.data.length;
  }
}

export function ndOptionsSize(opts: readonly NdOption[]): number {
  let n = 0;
  for (const o of opts) n += ndOptionSize(o);
  return n;
}

function writeU32(out: Uint8Array, off: number, v: number): void {
  out[off] = (v >>> 24) & 0xff;
  out[off + 1] = (v >>> 16) & 0xff;
  out[off + 2] = (v >>> 8) & 0xff;
  out[off + 3] = v & 0xff;
}

const readU32 = (b: Uint8Array, off: number): number =>
  ((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0;

function macBytes(text: string): Uint8Array {
  const b = parseMac(text);
  if (!b) throw new Error(`not a MAC address: ${text}`);
  return b;
}

/** Writes one option at `off` (the buffer is zero-filled); returns the offset after it. */
function writeOne(out: Uint8Array, off: number, o: NdOption): number {
  const size = ndOptionSize(o);
  if (size % 8 !== 0 || size > 255 * 8)
    throw new RangeError(`ND option of ${size} octets: must be a non-zero multiple of 8 (RFC 4861 §4.6)`);
  out[off + 1] = size / 8;
  switch (o.kind) {
    case 'source-lla':
    case 'target-lla':
      out[off] = o.kind === 'source-lla' ? ND_OPT_SOURCE_LLA : ND_OPT_TARGET_LLA;
      out.set(macBytes(o.address), off + 2);
      break;
    case 'prefix-info':
      out[off] = ND_OPT_PREFIX_INFO;
      out[off + 2] = uint(o.prefixLength, 8, 'Prefix Length');
      out[off + 3] = (o.onLink ? 0x80 : 0) | (o.autonomous ? 0x40 : 0) | (o.routerAddress ? 0x20 : 0);
      writeU32(out, off + 4, uint(o.validLifetime, 32, 'Valid Lifetime'));
      writeU32(out, off + 8, uint(o.preferredLifetime, 32, 'Preferred Lifetime'));
      out.set(addressBytes(o.prefix, 6), off + 16);
      break;
    case 'mtu':
      out[off] = ND_OPT_MTU;
      writeU32(out, off + 4, uint(o.mtu, 32, 'MTU'));
      break;
    case 'unknown':
      out[off] = uint(o.type, 8, 'option Type');
      out.set(o.data, off + 2);
      break;
  }
  return off + size;
}

export function writeNdOptions(out: Uint8Array, off: number, opts: readonly NdOption[]): number {
  for (const o of opts) off = writeOne(out, off, o);
  return off;
}

/** Reads the options in bytes[start, end). */
export function parseNdOptions(bytes: Uint8Array, start: number, end: number): Parsed<NdOption[]> {
  const out: NdOption[] = [];
  let off = start;
  while (off < end) {
    if (off + 2 > end)
      return fail(
        LAYER,
        'option Length',
        off,
        'option header runs past the end of the message (RFC 4861 §4.6)',
      );
    const type = bytes[off];
    const size = bytes[off + 1] * 8;
    if (size === 0)
      return fail(
        LAYER,
        'option Length',
        off + 1,
        `option ${type} has Length 0 (RFC 4861 §4.6: discard the message)`,
      );
    if (off + size > end)
      return fail(
        LAYER,
        'option Length',
        off + 1,
        `option ${type} of ${size} octets runs past the end of the message (RFC 4861 §4.6)`,
      );
    const o = parseOne(bytes, off, type, size);
    if (!o.ok) return o;
    out.push(o.value);
    off += size;
  }
  return ok(out);
}

function parseOne(bytes: Uint8Array, off: number, type: number, size: number): Parsed<NdOption> {
  switch (type) {
    case ND_OPT_SOURCE_LLA:
    case ND_OPT_TARGET_LLA:
      if (size !== 8) break;
      return ok({
        kind: type === ND_OPT_SOURCE_LLA ? 'source-lla' : 'target-lla',
        address: formatMac(bytes, off + 2),
      });
    case ND_OPT_PREFIX_INFO:
      if (size !== 32)
        return fail(
          LAYER,
          'Prefix Information',
          off + 1,
          `Length is ${size / 8}, must be 4 (RFC 4861 §4.6.2)`,
        );
      return ok(parsePrefixInfo(bytes, off));
    case ND_OPT_MTU:
      if (size !== 8)
        return fail(LAYER, 'MTU option', off + 1, `Length is ${size / 8}, must be 1 (RFC 4861 §4.6.4)`);
      return ok({ kind: 'mtu', mtu: readU32(bytes, off + 4) });
  }
  return ok({ kind: 'unknown', type, data: bytes.slice(off + 2, off + size) });
}

function parsePrefixInfo(bytes: Uint8Array, off: number): PrefixInformation {
  const flags = bytes[off + 3];
  return {
    kind: 'prefix-info',
    prefixLength: bytes[off + 2],
    onLink: (flags & 0x80) !== 0,
    autonomous: (flags & 0x40) !== 0,
    routerAddress: (flags & 0x20) !== 0,
    validLifetime: readU32(bytes, off + 4),
    preferredLifetime: readU32(bytes, off + 8),
    prefix: formatIPv6(bytes, off + 16),
  };
}
