/**
 * ICMPv6 (RFC 4443) messages, with the Neighbor Discovery messages of RFC 4861 (./ndisc).
 *
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |     Type      |     Code      |          Checksum             |     RFC 4443 §2.1
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |                         Message Body                          |
 *
 * Echo Request (128) / Reply (129), §4.1–4.2:
 *    |           Identifier          |        Sequence Number        |
 *    |     Data ...
 * Destination Unreachable (1, §3.1) and Time Exceeded (3, §3.3):
 *    |                             Unused                            |
 *    |                    As much of invoking packet                 |
 *    +                as possible without the ICMPv6 packet          +
 *    |                exceeding the minimum IPv6 MTU [1280]          |
 * Packet Too Big (2, §3.2): the Unused word holds the MTU.
 * Parameter Problem (4, §3.4): the Unused word holds the Pointer (octet offset into the invoking packet).
 *
 * Checksum (§2.3): the Internet checksum over the RFC 8200 §8.1 pseudo-header (Next Header 58) and the
 * message. Emit computes it; parse reports `checksumValid` instead of failing, so an inspector can show a
 * packet with a bad checksum. Other types are kept whole as `unknown`.
 */
import type { AddressInput } from './address-bytes';
import { addressBytes, tryAddressBytes } from './address-bytes';
import { ipv6PseudoChecksum } from './checksum';
import type { NdMessage } from './ndisc';
import { ndBodySize, ndFixedSize, ndTypeNumber, parseNdBody, writeNdBody } from './ndisc';
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const ICMPV6_DEST_UNREACH = 1;
export const ICMPV6_PACKET_TOO_BIG = 2;
export const ICMPV6_TIME_EXCEEDED = 3;
export const ICMPV6_PARAM_PROBLEM = 4;
export const ICMPV6_ECHO_REQUEST = 128;
export const ICMPV6_ECHO_REPLY = 129;

/** Codes of the error messages (RFC 4443 §3.1, §3.3, §3.4). */
export const DEST_UNREACH_CODE = {
  NO_ROUTE: 0,
  ADMIN_PROHIBITED: 1,
  BEYOND_SCOPE: 2,
  ADDRESS_UNREACHABLE: 3,
  PORT_UNREACHABLE: 4,
  SOURCE_POLICY_FAILED: 5,
  REJECT_ROUTE: 6,
} as const;
export const TIME_EXCEEDED_CODE = { HOP_LIMIT: 0, REASSEMBLY: 1 } as const;
export const PARAM_PROBLEM_CODE = {
  ERRONEOUS_FIELD: 0,
  UNRECOGNIZED_NEXT_HEADER: 1,
  UNRECOGNIZED_OPTION: 2,
} as const;

/** RFC 4443 §3: an error carries at most 1280 − 40 − 8 octets of the invoking packet. */
export const MAX_INVOKING = 1232;

/** The part of `packet` an ICMPv6 error may quote (RFC 4443 §3.1). */
export const invokingPacket = (packet: Uint8Array): Uint8Array =>
  packet.subarray(0, Math.min(packet.length, MAX_INVOKING));

export interface EchoMessage {
  readonly type: 'echo-request' | 'echo-reply';
  readonly identifier: number;
  readonly sequence: number;
  readonly data: Uint8Array;
}

export type Icmpv6Error =
  | { readonly type: 'destination-unreachable'; readonly code: number; readonly invoking: Uint8Array }
  | { readonly type: 'packet-too-big'; readonly mtu: number; readonly invoking: Uint8Array }
  | { readonly type: 'time-exceeded'; readonly code: number; readonly invoking: Uint8Array }
  | {
      readonly type: 'parameter-problem';
      readonly code: number;
      readonly pointer: number;
      readonly invoking: Uint8Array;
    };

/** A type this codec does not model; `body` is everything after the checksum. */
export interface UnknownIcmpv6 {
  readonly type: 'unknown';
  readonly icmpType: number;
  readonly code: number;
  readonly body: Uint8Array;
}

export type Icmpv6Message = EchoMessage | Icmpv6Error | NdMessage | UnknownIcmpv6;

/** What parse returns: the message plus its checksum as received. */
export type ParsedIcmpv6 = Icmpv6Message & { readonly checksum: number; readonly checksumValid: boolean };

const LAYER = 'icmpv6';

const ERROR_TYPES: Readonly<Record<Icmpv6Error['type'], number>> = {
  'destination-unreachable': ICMPV6_DEST_UNREACH,
  'packet-too-big': ICMPV6_PACKET_TOO_BIG,
  'time-exceeded': ICMPV6_TIME_EXCEEDED,
  'parameter-problem': ICMPV6_PARAM_PROBLEM,
};

/** The Type octet of a message. */
export function icmpv6TypeNumber(m: Icmpv6Message): number {
  switch (m.type) {
    case 'echo-request':
      return ICMPV6_ECHO_REQUEST;
    case 'echo-reply':
      return ICMPV6_ECHO_REPLY;
    case 'unknown':
      return m.icmpType;
    case 'destination-unreachable':
    case 'packet-too-big':
    case 'time-exceeded':
    case 'parameter-problem':
      return ERROR_TYPES[m.type];
    default:
      return ndTypeNumber(m);
  }
}

const codeOf = (m: Icmpv6Message): number => ('code' in m ? m.code : 0);

function bodySize(m: Icmpv6Message): number {
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      return 4 + m.data.length;
    case 'unknown':
      return m.body.length;
    case 'destination-unreachable':
    case 'packet-too-big':
    case 'time-exceeded':
    case 'parameter-problem':
      return 4 + m.invoking.length;
    default:
      return ndBodySize(m);
  }
}

function writeU32(out: Uint8Array, off: number, v: number): void {
  out[off] = (v >>> 24) & 0xff;
  out[off + 1] = (v >>> 16) & 0xff;
  out[off + 2] = (v >>> 8) & 0xff;
  out[off + 3] = v & 0xff;
}

const readU32 = (b: Uint8Array, off: number): number =>
  ((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0;

function writeBody(out: Uint8Array, m: Icmpv6Message): void {
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      out[4] = uint(m.identifier, 16, 'Identifier') >> 8;
      out[5] = m.identifier & 0xff;
      out[6] = uint(m.sequence, 16, 'Sequence Number') >> 8;
      out[7] = m.sequence & 0xff;
      out.set(m.data, 8);
      return;
    case 'unknown':
      out.set(m.body, 4);
      return;
    case 'destination-unreachable':
    case 'time-exceeded':
      out.set(m.invoking, 8);
      return;
    case 'packet-too-big':
      writeU32(out, 4, uint(m.mtu, 32, 'MTU'));
      out.set(m.invoking, 8);
      return;
    case 'parameter-problem':
      writeU32(out, 4, uint(m.pointer, 32, 'Pointer'));
      out.set(m.invoking, 8);
      return;
    default:
      writeNdBody(out, 4, m);
  }
}

/** The whole ICMPv6 message with its checksum for the given IPv6 source and destination. */
export function emitIcmpv6(m: Icmpv6Message, src: AddressInput, dst: AddressInput): Uint8Array {
  const out = new Uint8Array(4 + bodySize(m));
  out[0] = uint(icmpv6TypeNumber(m), 8, 'ICMPv6 Type');
  out[1] = uint(codeOf(m), 8, 'ICMPv6 Code');
  writeBody(out, m);
  const c = ipv6PseudoChecksum(addressBytes(src, 6), addressBytes(dst, 6), 58, out);
  out[2] = c >> 8;
  out[3] = c & 0xff;
  return out;
}

/** Minimum message length per type (header included). */
function minLength(type: number): number {
  if (type >= 1 && type <= 4) return 8;
  if (type === ICMPV6_ECHO_REQUEST || type === ICMPV6_ECHO_REPLY) return 8;
  const nd = ndFixedSize(type);
  return nd ? 4 + nd : 4;
}

/** Parses the message in bytes[offset, offset + length). Never throws. */
export function parseIcmpv6(
  bytes: Uint8Array,
  offset: number,
  length: number,
  src: AddressInput,
  dst: AddressInput,
): Parsed<ParsedIcmpv6> {
  const end = offset + length;
  if (offset < 0 || length < 4 || end > bytes.length)
    return fail(
      LAYER,
      'header',
      offset,
      `needs at least 4 octets, has ${Math.max(0, Math.min(length, bytes.length - offset))} (RFC 4443 §2.1)`,
    );
  const type = bytes[offset];
  const code = bytes[offset + 1];
  const need = minLength(type);
  if (length < need)
    return fail(
      LAYER,
      'length',
      offset,
      `type ${type} needs at least ${need} octets, has ${length} (RFC 4443, RFC 4861 §6.1)`,
    );
  const s = tryAddressBytes(src);
  const d = tryAddressBytes(dst);
  if (!s || !d || s.length !== 16 || d.length !== 16)
    return fail(
      LAYER,
      'pseudo-header',
      offset,
      'source and destination must be IPv6 addresses (RFC 8200 §8.1)',
    );
  const body = parseBody(bytes, offset, end, type, code);
  if (!body.ok) return body;
  const checksum = (bytes[offset + 2] << 8) | bytes[offset + 3];
  const checksumValid = ipv6PseudoChecksum(s, d, 58, bytes, offset, end) === 0;
  return ok({ ...body.value, checksum, checksumValid });
}

function parseBody(
  bytes: Uint8Array,
  off: number,
  end: number,
  type: number,
  code: number,
): Parsed<Icmpv6Message> {
  switch (type) {
    case ICMPV6_ECHO_REQUEST:
    case ICMPV6_ECHO_REPLY:
      if (code !== 0) return fail(LAYER, 'Code', off + 1, `Echo Code is ${code}, must be 0 (RFC 4443 §4.1)`);
      return ok({
        type: type === ICMPV6_ECHO_REQUEST ? 'echo-request' : 'echo-reply',
        identifier: (bytes[off + 4] << 8) | bytes[off + 5],
        sequence: (bytes[off + 6] << 8) | bytes[off + 7],
        data: bytes.slice(off + 8, end),
      });
    case ICMPV6_DEST_UNREACH:
    case ICMPV6_TIME_EXCEEDED:
      return ok({
        type: type === ICMPV6_DEST_UNREACH ? 'destination-unreachable' : 'time-exceeded',
        code,
        invoking: bytes.slice(off + 8, end),
      });
    case ICMPV6_PACKET_TOO_BIG:
      return ok({
        type: 'packet-too-big',
        mtu: readU32(bytes, off + 4),
        invoking: bytes.slice(off + 8, end),
      });
    case ICMPV6_PARAM_PROBLEM:
      return ok({
        type: 'parameter-problem',
        code,
        pointer: readU32(bytes, off + 4),
        invoking: bytes.slice(off + 8, end),
      });
  }
  if (ndFixedSize(type) > 0) {
    if (code !== 0)
      return fail(LAYER, 'Code', off + 1, `Neighbor Discovery Code is ${code}, must be 0 (RFC 4861 §6.1)`);
    return parseNdBody(bytes, off + 4, end, type);
  }
  return ok({ type: 'unknown', icmpType: type, code, body: bytes.slice(off + 4, end) });
}
