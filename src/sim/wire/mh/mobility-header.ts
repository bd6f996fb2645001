/**
 * The Mobility Header common part — RFC 6275 §6.1.1 (digest §2.2). Every mobility message starts with
 * these 6 octets; the whole header is a multiple of 8 octets, Header Len counting the 8-octet units after
 * the first. The checksum covers the RFC 8200 §8.1 pseudo-header (next header 135) and the whole MH.
 * Over IPv4/UDP transport the MH checksum is 0 and the UDP checksum protects the message (RFC 5844 §4).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * .                       Message Data                            .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { addressBytes } from '../address-bytes';
import { ipv6PseudoChecksum } from '../checksum';
import { field, type FieldNode } from '../fields';
import { MH_TYPE_NAMES } from './names';
import { named, readU16 } from './octets';

/** IPv6 Next Header value of the Mobility Header (RFC 6275 §6.1). */
export const MH_NEXT_HEADER = 135;
/** Payload Proto an MH SHOULD carry: IPPROTO_NONE (RFC 6275 §6.1.1). */
export const MH_PAYLOAD_PROTO_NONE = 59;
/** Octets of the common part (Payload Proto … Checksum). */
export const MH_COMMON_LEN = 6;
/** The largest MH Header Len can describe: (255 + 1) · 8 octets. */
export const MH_MAX_LEN = 2048;

/** What a parsed message carries besides its own fields: the common header, reported as data. */
export interface MobilityHeaderInfo {
  /** SHOULD be 59; a receiver discards anything else (RFC 6275 §9.2) — its decision, so it is data here. */
  readonly payloadProto: number;
  /** The Header Len field: length in 8-octet units, not counting the first 8 octets. */
  readonly headerLen: number;
  /** The Checksum field as received. */
  readonly checksum: number;
  /** Whether the checksum verifies (over IPv4 transport: whether it is 0, RFC 5844 §4.1.3.2). */
  readonly checksumValid: boolean;
}

/** How the endpoints' addresses frame the checksum: IPv6 pseudo-header, or IPv4/UDP transport (zero). */
type Endpoints =
  { readonly v6: true; readonly src: Uint8Array; readonly dst: Uint8Array } | { readonly v6: false };

// The last few endpoint pairs: a PBU and its PBA travel between the same two addresses, both ways.
const MEMO = 4;
const memoSrc: string[] = new Array<string>(MEMO).fill('');
const memoDst: string[] = new Array<string>(MEMO).fill('');
const memoEp: (Endpoints | null)[] = new Array<Endpoints | null>(MEMO).fill(null);
let memoNext = 0;

/** The endpoints as octets; null when they are not both IPv6 or both IPv4 addresses. */
export function endpoints(src: string, dst: string): Endpoints | null {
  for (let i = 0; i < MEMO; i++)
    if (memoEp[i] !== null && memoSrc[i] === src && memoDst[i] === dst) return memoEp[i];
  const ep = resolveEndpoints(src, dst);
  if (ep) {
    memoSrc[memoNext] = src;
    memoDst[memoNext] = dst;
    memoEp[memoNext] = ep;
    memoNext = (memoNext + 1) % MEMO;
  }
  return ep;
}

function resolveEndpoints(src: string, dst: string): Endpoints | null {
  let s: Uint8Array;
  let d: Uint8Array;
  try {
    s = addressBytes(src);
    d = addressBytes(dst);
  } catch {
    return null;
  }
  if (s.length === 16 && d.length === 16) return { v6: true, src: s, dst: d };
  if (s.length === 4 && d.length === 4) return { v6: false };
  return null;
}

/** RFC 6275 §6.1.1 checksum of `buf[start, end)` with its Checksum field already zeroed. */
export function computeChecksum(buf: Uint8Array, start: number, end: number, ep: Endpoints): number {
  return ep.v6 ? ipv6PseudoChecksum(ep.src, ep.dst, MH_NEXT_HEADER, buf, start, end) : 0;
}

/** Whether the Checksum field of the MH at `buf[start, end)` is right for these endpoints. */
export function checksumValid(buf: Uint8Array, start: number, end: number, ep: Endpoints): boolean {
  // Summing the received checksum along with the rest gives 0xffff when it is right, so the function returns 0.
  return ep.v6
    ? ipv6PseudoChecksum(ep.src, ep.dst, MH_NEXT_HEADER, buf, start, end) === 0
    : readU16(buf, start + 4) === 0;
}

/** Inspector rows for the common header at `at` (the caller ensures 6 octets are there). */
export function describeCommonHeader(
  buf: Uint8Array,
  at: number,
  valid: boolean | null,
  v6: boolean,
): FieldNode[] {
  const proto = buf[at];
  const hl = buf[at + 1];
  const sum = readU16(buf, at + 4);
  const verdict = valid === null ? 'not verified' : valid ? 'correct' : 'INCORRECT';
  return [
    field(
      'Payload Proto',
      at,
      1,
      proto === 59 ? '59 (No Next Header)' : `${proto} (should be 59)`,
      'RFC 6275 §6.1.1',
      'Must be 59; a receiver discards anything else (RFC 6275 §9.2).',
    ),
    field(
      'Header Len',
      at + 1,
      1,
      `${hl} (${(hl + 1) * 8} octets)`,
      'RFC 6275 §6.1.1',
      'Length in 8-octet units, not counting the first 8 octets.',
    ),
    field(
      'MH Type',
      at + 2,
      1,
      named(buf[at + 2], MH_TYPE_NAMES),
      'RFC 6275 §6.1.1',
      'Which mobility message follows.',
    ),
    field('Reserved', at + 3, 1, `${buf[at + 3]}`, 'RFC 6275 §6.1.1', 'Sent as zero, ignored on receipt.'),
    field(
      'Checksum',
      at + 4,
      2,
      `0x${sum.toString(16).padStart(4, '0')} [${verdict}]`,
      v6 ? 'RFC 6275 §6.1.1' : 'RFC 5844 §4.1.3.2',
      v6
        ? "One's complement sum over the IPv6 pseudo-header (next header 135) and the whole MH."
        : 'Zero over IPv4/UDP transport: the UDP checksum protects the message.',
    ),
  ];
}
