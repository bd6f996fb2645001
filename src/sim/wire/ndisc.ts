/**
 * Neighbor Discovery message bodies (RFC 4861 §4.1–4.4), the part after the ICMPv6 Type, Code and
 * Checksum. Framing and checksum live in ./icmpv6.
 *
 * Router Solicitation (133, §4.1):
 *    |                            Reserved                           |
 *    |   Options ...
 * Router Advertisement (134, §4.2; H from RFC 6275 §7.1, Prf from RFC 4191 §2.2, P from RFC 4389 §4.1.3.3):
 *    | Cur Hop Limit |M|O|H|Prf|P|Rsv|       Router Lifetime         |
 *    |                         Reachable Time                        |
 *    |                          Retrans Timer                        |
 *    |   Options ...
 * Neighbor Solicitation (135, §4.3):
 *    |                           Reserved                            |
 *    +                       Target Address (16)                     +
 *    |   Options ...
 * Neighbor Advertisement (136, §4.4):
 *    |R|S|O|                     Reserved                            |
 *    +                       Target Address (16)                     +
 *    |   Options ...
 */
import { formatIPv6 } from './addr';
import { addressBytes } from './address-bytes';
import type { NdOption } from './nd-options';
import { ndOptionsSize, parseNdOptions, writeNdOptions } from './nd-options';
import type { Parsed } from './result';
import { ok } from './result';
import { uint } from './uint';

export const ICMPV6_RS = 133;
export const ICMPV6_RA = 134;
export const ICMPV6_NS = 135;
export const ICMPV6_NA = 136;

export interface RouterSolicitation {
  readonly type: 'router-solicitation';
  readonly options: readonly NdOption[];
}

/** RFC 4191 §2.2 Default Router Preference (binary 10 is reserved; receivers treat it as medium). */
export type RouterPreference = 'medium' | 'high' | 'reserved' | 'low';
const PREFERENCES: readonly RouterPreference[] = ['medium', 'high', 'reserved', 'low'];

export interface RouterAdvertisement {
  readonly type: 'router-advertisement';
  /** 0 = unspecified. */
  readonly curHopLimit: number;
  /** M: addresses are available via DHCPv6. */
  readonly managed: boolean;
  /** O: other configuration is available via DHCPv6. */
  readonly other: boolean;
  /** H: the router is a Mobile IPv6 home agent (RFC 6275 §7.1). */
  readonly homeAgent: boolean;
  readonly preference: RouterPreference;
  /** P: proxied advertisement (RFC 4389). */
  readonly proxy: boolean;
  /** Seconds; 0 = not a default router. */
  readonly routerLifetime: number;
  /** Milliseconds; 0 = unspecified. */
  readonly reachableTime: number;
  /** Milliseconds; 0 = unspecified. */
  readonly retransTimer: number;
  readonly options: readonly NdOption[];
}

export interface NeighborSolicitation {
  readonly type: 'neighbor-solicitation';
  readonly target: string;
  readonly options: readonly NdOption[];
}

export interface NeighborAdvertisement {
  readonly type: 'neighbor-advertisement';
  /** R: the sender is a router. */
  readonly router: boolean;
  /** S: sent in response to a Neighbor Solicitation. */
  readonly solicited: boolean;
  /** O: override an existing cache entry. */
  readonly override: boolean;
  readonly target: string;
  readonly options: readonly NdOption[];
}

export type NdMessage =
  RouterSolicitation | RouterAdvertisement | NeighborSolicitation | NeighborAdvertisement;

/** Fixed part of each body, after the 4-octet ICMPv6 header. */
const FIXED: Readonly<Record<NdMessage['type'], number>> = {
  'router-solicitation': 4,
  'router-advertisement': 12,
  'neighbor-solicitation': 20,
  'neighbor-advertisement': 20,
};

export const ndTypeNumber = (m: NdMessage): number =>
  m.type === 'router-solicitation'
    ? ICMPV6_RS
    : m.type === 'router-advertisement'
      ? ICMPV6_RA
      : m.type === 'neighbor-solicitation'
        ? ICMPV6_NS
        : ICMPV6_NA;

export const ndBodySize = (m: NdMessage): number => FIXED[m.type] + ndOptionsSize(m.options);

function writeU32(out: Uint8Array, off: number, v: number): void {
  out[off] = (v >>> 24) & 0xff;
  out[off + 1] = (v >>> 16) & 0xff;
  out[off + 2] = (v >>> 8) & 0xff;
  out[off + 3] = v & 0xff;
}

function preferenceBits(p: RouterPreference): number {
  const i = PREFERENCES.indexOf(p);
  if (i < 0) throw new RangeError(`Router preference must be one of ${PREFERENCES.join(', ')}, got ${p}`);
  return i;
}

const readU32 = (b: Uint8Array, off: number): number =>
  ((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0;

/** Writes the body at `off` (just after the checksum) into a zero-filled buffer. */
export function writeNdBody(out: Uint8Array, off: number, m: NdMessage): void {
  switch (m.type) {
    case 'router-solicitation':
      break;
    case 'router-advertisement':
      out[off] = uint(m.curHopLimit, 8, 'Cur Hop Limit');
      out[off + 1] =
        (m.managed ? 0x80 : 0) |
        (m.other ? 0x40 : 0) |
        (m.homeAgent ? 0x20 : 0) |
        (preferenceBits(m.preference) << 3) |
        (m.proxy ? 0x04 : 0);
      out[off + 2] = uint(m.routerLifetime, 16, 'Router Lifetime') >> 8;
      out[off + 3] = m.routerLifetime & 0xff;
      writeU32(out, off + 4, uint(m.reachableTime, 32, 'Reachable Time'));
      writeU32(out, off + 8, uint(m.retransTimer, 32, 'Retrans Timer'));
      break;
    case 'neighbor-solicitation':
      out.set(addressBytes(m.target, 6), off + 4);
      break;
    case 'neighbor-advertisement':
      out[off] = (m.router ? 0x80 : 0) | (m.solicited ? 0x40 : 0) | (m.override ? 0x20 : 0);
      out.set(addressBytes(m.target, 6), off + 4);
      break;
  }
  writeNdOptions(out, off + FIXED[m.type], m.options);
}

/** The fixed-part size for ND type number `type`, or 0 when `type` is not an ND message. */
export function ndFixedSize(type: number): number {
  switch (type) {
    case ICMPV6_RS:
      return FIXED['router-solicitation'];
    case ICMPV6_RA:
      return FIXED['router-advertisement'];
    case ICMPV6_NS:
    case ICMPV6_NA:
      return FIXED['neighbor-solicitation'];
    default:
      return 0;
  }
}

/** Parses the body in bytes[off, end); the caller has checked that the fixed part fits. */
export function parseNdBody(bytes: Uint8Array, off: number, end: number, type: number): Parsed<NdMessage> {
  const opts = parseNdOptions(bytes, off + ndFixedSize(type), end);
  if (!opts.ok) return opts;
  const options = opts.value;
  switch (type) {
    case ICMPV6_RS:
      return ok({ type: 'router-solicitation', options });
    case ICMPV6_RA: {
      const f = bytes[off + 1];
      return ok({
        type: 'router-advertisement',
        curHopLimit: bytes[off],
        managed: (f & 0x80) !== 0,
        other: (f & 0x40) !== 0,
        homeAgent: (f & 0x20) !== 0,
        preference: PREFERENCES[(f >> 3) & 3],
        proxy: (f & 0x04) !== 0,
        routerLifetime: (bytes[off + 2] << 8) | bytes[off + 3],
        reachableTime: readU32(bytes, off + 4),
        retransTimer: readU32(bytes, off + 8),
        options,
      });
    }
    case ICMPV6_NS:
      return ok({ type: 'neighbor-solicitation', target: formatIPv6(bytes, off + 4), options });
    default: {
      const f = bytes[off];
      return ok({
        type: 'neighbor-advertisement',
        router: (f & 0x80) !== 0,
        solicited: (f & 0x40) !== 0,
        override: (f & 0x20) !== 0,
        target: formatIPv6(bytes, off + 4),
        options,
      });
    }
  }
}
