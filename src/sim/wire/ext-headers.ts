/**
 * The IPv6 extension-header chain (RFC 8200 §4).
 *
 * Hop-by-Hop Options (§4.3, NH 0) and Destination Options (§4.6, NH 60):
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |  Next Header  |  Hdr Ext Len  |                               |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *    .                            Options                            .
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Routing (§4.4, NH 43):
 *    |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
 *    .                       type-specific data                      .
 * Fragment (§4.5, NH 44):
 *    |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 *    |                         Identification                        |
 * Other headers in the RFC 6564 uniform format (HIP 139, Shim6 140, experimental 253/254) and the
 * Authentication Header (RFC 4302 §2, NH 51, whose length counts 4-octet units minus 2) are kept as raw
 * bytes after their first two octets, so they survive a round trip.
 *
 * Hdr Ext Len counts 8-octet units not including the first 8 octets. Every header starts on an 8-octet
 * boundary; emitOptions headers are padded with Pad1/PadN to get there (RFC 8200 §4.2).
 */
import type { IPv6Option } from './ipv6-options';
import { ipv6OptionsSize, ipv6Padding, parseIPv6Options, writeIPv6Options } from './ipv6-options';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export type ExtHeader =
  | { readonly kind: 'hop-by-hop'; readonly options: readonly IPv6Option[] }
  | { readonly kind: 'destination-options'; readonly options: readonly IPv6Option[] }
  | {
      readonly kind: 'routing';
      readonly routingType: number;
      readonly segmentsLeft: number;
      readonly data: Uint8Array;
    }
  /** `fragmentOffset` in 8-octet units, as on the wire. */
  | {
      readonly kind: 'fragment';
      readonly fragmentOffset: number;
      readonly more: boolean;
      readonly identification: number;
    }
  | { readonly kind: 'other'; readonly protocol: number; readonly data: Uint8Array };

const LAYER = 'ipv6-ext';
const OTHER_PROTOCOLS = new Set([51, 139, 140, 253, 254]);

/** True when Next Header value `nh` names an extension header this codec walks over. */
export function isExtHeader(nh: number): boolean {
  return nh === 0 || nh === 43 || nh === 44 || nh === 60 || OTHER_PROTOCOLS.has(nh);
}

/** The Next Header value that announces `h`. */
export function extHeaderProtocol(h: ExtHeader): number {
  switch (h.kind) {
    case 'hop-by-hop':
      return 0;
    case 'destination-options':
      return 60;
    case 'routing':
      return 43;
    case 'fragment':
      return 44;
    case 'other':
      return h.protocol;
  }
}

const roundUp8 = (n: number): number => (n + 7) & ~7;

/** Octets `h` takes on the wire (options headers include their padding). */
export function extHeaderSize(h: ExtHeader): number {
  switch (h.kind) {
    case 'hop-by-hop':
    case 'destination-options':
      return roundUp8(2 + ipv6OptionsSize(h.options));
    case 'routing':
      return 4 + h.data.length;
    case 'fragment':
      return 8;
    case 'other':
      return 2 + h.data.length;
  }
}

/** Writes `h` at `off` announcing `nextHeader`; returns the offset after it. Throws on an unencodable header. */
export function writeExtHeader(out: Uint8Array, off: number, h: ExtHeader, nextHeader: number): number {
  const size = extHeaderSize(h);
  checkSize(h, size);
  out[off] = nextHeader;
  out[off + 1] = h.kind === 'other' && h.protocol === 51 ? size / 4 - 2 : size / 8 - 1;
  switch (h.kind) {
    case 'hop-by-hop':
    case 'destination-options': {
      const end = writeIPv6Options(out, off + 2, h.options);
      writeIPv6Options(out, end, ipv6Padding(off + size - end));
      break;
    }
    case 'routing':
      out[off + 2] = uint(h.routingType, 8, 'Routing Type');
      out[off + 3] = uint(h.segmentsLeft, 8, 'Segments Left');
      out.set(h.data, off + 4);
      break;
    case 'fragment':
      out[off + 1] = 0;
      out[off + 2] = uint(h.fragmentOffset, 13, 'Fragment Offset') >> 5;
      out[off + 3] = ((h.fragmentOffset & 0x1f) << 3) | (h.more ? 1 : 0);
      writeU32(out, off + 4, uint(h.identification, 32, 'Identification'));
      break;
    case 'other':
      out.set(h.data, off + 2);
      break;
  }
  return off + size;
}

function checkSize(h: ExtHeader, size: number): void {
  const ah = h.kind === 'other' && h.protocol === 51;
  const hdrExtLen = ah ? size / 4 - 2 : size / 8 - 1;
  if (size % 8 !== 0 || hdrExtLen < 0 || hdrExtLen > 255) {
    throw new RangeError(
      `${h.kind} header of ${size} octets: must be a multiple of 8 that Hdr Ext Len can express (RFC 8200 §4)`,
    );
  }
}

function writeU32(out: Uint8Array, off: number, v: number): void {
  out[off] = (v >>> 24) & 0xff;
  out[off + 1] = (v >>> 16) & 0xff;
  out[off + 2] = (v >>> 8) & 0xff;
  out[off + 3] = v & 0xff;
}

/** Wire length of the extension header at `off` whose type is `nh` (needs bytes[off + 1]). */
export function extHeaderLength(bytes: Uint8Array, off: number, nh: number): number {
  if (nh === 44) return 8;
  if (nh === 51) return (bytes[off + 1] + 2) * 4;
  return (bytes[off + 1] + 1) * 8;
}

/** A fragment that is not atomic (RFC 6946): what follows is a piece of the original payload, not a header. */
const isRealFragment = (bytes: Uint8Array, off: number): boolean =>
  (((bytes[off + 2] << 8) | bytes[off + 3]) & 0xfff9) !== 0;

export interface ExtHeaderChain {
  readonly headers: ExtHeader[];
  /** Offset of each header in the buffer, parallel to `headers`. */
  readonly starts: number[];
  /** The protocol after the chain (upper layer, or the fragmented payload's protocol). */
  readonly nextHeader: number;
  readonly payloadOffset: number;
  /** True when the payload is a fragment of a larger packet (RFC 8200 §4.5). */
  readonly fragment: boolean;
}

/** Parses the chain that starts at `start` with Next Header `first`, within bytes[start, end). */
export function parseExtHeaderChain(
  bytes: Uint8Array,
  start: number,
  end: number,
  first: number,
): Parsed<ExtHeaderChain> {
  const headers: ExtHeader[] = [];
  const starts: number[] = [];
  let nh = first;
  let off = start;
  while (isExtHeader(nh)) {
    if (nh === 0 && headers.length > 0)
      return fail(
        LAYER,
        'Next Header',
        off,
        'Hop-by-Hop Options header is only allowed right after the IPv6 header (RFC 8200 §4.1)',
      );
    if (off + 2 > end)
      return fail(LAYER, 'Hdr Ext Len', off, `${headerName(nh)} header runs past the end of the packet`);
    const size = extHeaderLength(bytes, off, nh);
    if (off + size > end)
      return fail(
        LAYER,
        'Hdr Ext Len',
        off + 1,
        `${headerName(nh)} header of ${size} octets runs past the end of the packet (RFC 8200 §4)`,
      );
    if (size % 8 !== 0)
      return fail(
        LAYER,
        'Payload Len',
        off + 1,
        `Authentication Header of ${size} octets: in IPv6 it is a multiple of 8 (RFC 4302 §2.2)`,
      );
    const h = parseOne(bytes, off, size, nh);
    if (!h.ok) return h;
    headers.push(h.value);
    starts.push(off);
    const fragment = nh === 44 && isRealFragment(bytes, off);
    nh = bytes[off];
    off += size;
    if (fragment) return ok({ headers, starts, nextHeader: nh, payloadOffset: off, fragment: true });
  }
  return ok({ headers, starts, nextHeader: nh, payloadOffset: off, fragment: false });
}

function parseOne(bytes: Uint8Array, off: number, size: number, nh: number): Parsed<ExtHeader> {
  switch (nh) {
    case 0:
    case 60: {
      const opts = parseIPv6Options(bytes, off + 2, off + size, LAYER);
      if (!opts.ok) return opts;
      return ok(
        nh === 0
          ? { kind: 'hop-by-hop', options: opts.value }
          : { kind: 'destination-options', options: opts.value },
      );
    }
    case 43:
      return ok({
        kind: 'routing',
        routingType: bytes[off + 2],
        segmentsLeft: bytes[off + 3],
        data: bytes.slice(off + 4, off + size),
      });
    case 44: {
      const word = (bytes[off + 2] << 8) | bytes[off + 3];
      const identification =
        ((bytes[off + 4] << 24) | (bytes[off + 5] << 16) | (bytes[off + 6] << 8) | bytes[off + 7]) >>> 0;
      return ok({ kind: 'fragment', fragmentOffset: word >> 3, more: (word & 1) === 1, identification });
    }
    default:
      return ok({ kind: 'other', protocol: nh, data: bytes.slice(off + 2, off + size) });
  }
}

export function headerName(nh: number): string {
  switch (nh) {
    case 0:
      return 'Hop-by-Hop Options';
    case 43:
      return 'Routing';
    case 44:
      return 'Fragment';
    case 51:
      return 'Authentication';
    case 60:
      return 'Destination Options';
    default:
      return `Extension header ${nh}`;
  }
}

/**
 * The cheap walk for the forwarding path: where the upper layer starts, without building any header
 * objects. Null when the chain is cut short by `end`.
 */
export function locateUpperLayer(
  bytes: Uint8Array,
  start: number,
  end: number,
  first: number,
): UpperLayer | null {
  let nh = first;
  let off = start;
  while (isExtHeader(nh)) {
    if (off + 2 > end) return null;
    const size = extHeaderLength(bytes, off, nh);
    if (off + size > end || size % 8 !== 0) return null;
    const fragment = nh === 44 && isRealFragment(bytes, off);
    nh = bytes[off];
    off += size;
    if (fragment) return { nextHeader: nh, offset: off, fragment: true };
  }
  return { nextHeader: nh, offset: off, fragment: false };
}

export interface UpperLayer {
  readonly nextHeader: number;
  readonly offset: number;
  /** True when the data is a fragment of a larger packet (RFC 8200 §4.5), not a whole upper-layer header. */
  readonly fragment: boolean;
}
