/**
 * Whole Mobility Header messages: bytes ↔ `MobilityMessage`. The common header (RFC 6275 §6.1.1), the
 * per-message fixed fields (./messages), the option list with its alignment padding (./options) and the
 * final padding to a multiple of 8 octets are put together here.
 *
 * Parsing never throws. Structural impossibilities — a Header Len that disagrees with the length handed
 * in or is too small for the message, an option running past the end — are typed errors naming the field
 * and its offset in `bytes`. Things a receiver decides about (a bad checksum, Payload Proto ≠ 59; RFC 6275
 * §9.2) are reported as data on the parsed message. Emitting throws RangeError only for representations
 * that cannot be encoded (a value too large for its field, text that is not an address), which are bugs.
 */
import { fail, ok, type Parsed } from '../result';
import {
  messageCodecForType,
  messageCodecForWire,
  type KnownMobilityMessage,
  type MobilityMessage,
} from './messages';
import {
  MH_COMMON_LEN,
  MH_MAX_LEN,
  MH_PAYLOAD_PROTO_NONE,
  checksumValid,
  computeChecksum,
  endpoints,
  type MobilityHeaderInfo,
} from './mobility-header';
import { checkUint, readU16, writeU16 } from './octets';
import { copyOut } from './output-block';
import { readOptions, writeOptions } from './options';
import { paddingFor, writePadding } from './options/pad';

/** A parsed message: the representation plus the common-header facts a receiver decides on. */
export type ParsedMobilityMessage = MobilityMessage & MobilityHeaderInfo;

export interface EmitMobilityOptions {
  /**
   * 'compute' (default with IPv6 endpoints) fills in the RFC 6275 §6.1.1 checksum; 'zero' leaves it 0,
   * as RFC 5844 §4 requires over IPv4/UDP transport (the default when the endpoints are IPv4 addresses).
   */
  readonly checksum?: 'compute' | 'zero';
  /** Payload Proto to send (default 59). Anything else makes a packet receivers must discard (RFC 6275 §9.2). */
  readonly payloadProto?: number;
}

const LAYER = 'mh';

type Writable<T> = { -readonly [K in keyof T]: T[K] };
// One scratch buffer for every emit: the MH is built in place and copied out once. Room for the largest
// header plus one option written before the size check.
const SCRATCH = new Uint8Array(MH_MAX_LEN + 512);

/**
 * The Mobility Header bytes of `msg` sent from `src` to `dst` (address text; IPv6 for the checksum
 * pseudo-header, or IPv4 for RFC 5844 IPv4/UDP transport, where the checksum is 0). The result is a view
 * that shares its buffer with other results (see ./output-block): copy it before keeping it for long.
 */
export function emitMobility(
  msg: MobilityMessage,
  src: string,
  dst: string,
  opts: EmitMobilityOptions = {},
): Uint8Array {
  const buf = SCRATCH;
  const mhType = checkUint(msg.mhType, 255, 'MH Type');
  let pos: number;
  if (msg.type === 'unknown') {
    if (MH_COMMON_LEN + msg.data.length > MH_MAX_LEN)
      throw new RangeError(`MH type ${mhType} data is too long for a Mobility Header`);
    buf.set(msg.data, MH_COMMON_LEN);
    pos = MH_COMMON_LEN + msg.data.length;
  } else {
    const codec = messageCodecForType(msg.type);
    if (!codec || codec.mhType !== mhType)
      throw new RangeError(`message type "${msg.type}" does not go with MH Type ${mhType}`);
    codec.write(msg, buf, MH_COMMON_LEN);
    pos = writeOptions(msg.options, buf, MH_COMMON_LEN + codec.fixedLen, MH_MAX_LEN);
  }
  // RFC 6275 §6.1.1: the MH is a multiple of 8 octets; Pad1/PadN fill the tail (zeros for unknown types).
  const tail = paddingFor(pos, 8, 0);
  if (msg.type === 'unknown') buf.fill(0, pos, pos + tail);
  else writePadding(buf, pos, tail);
  pos += tail;
  if (pos > MH_MAX_LEN)
    throw new RangeError(`Mobility Header would be ${pos} octets; at most ${MH_MAX_LEN} fit`);
  buf[0] = checkUint(opts.payloadProto ?? MH_PAYLOAD_PROTO_NONE, 255, 'Payload Proto');
  buf[1] = pos / 8 - 1;
  buf[2] = mhType;
  buf[3] = 0;
  writeU16(buf, 4, 0);
  const ep = endpoints(src, dst);
  if (!ep) throw new RangeError(`MH endpoints must both be IPv6 or both IPv4 addresses: "${src}", "${dst}"`);
  const mode = opts.checksum ?? (ep.v6 ? 'compute' : 'zero');
  if (mode === 'compute') {
    if (!ep.v6)
      throw new RangeError(
        'the MH checksum is computed over an IPv6 pseudo-header; over IPv4 it is zero (RFC 5844 §4)',
      );
    writeU16(buf, 4, computeChecksum(buf, 0, pos, ep));
  }
  return copyOut(buf, pos);
}

/**
 * The message in `bytes[offset, offset + length)`, received from `src` for `dst` (the IPv6 — or, over
 * RFC 5844 UDP transport, IPv4 — addresses of the packet). Offsets in errors are offsets in `bytes`.
 */
export function parseMobility(
  bytes: Uint8Array,
  offset: number,
  length: number,
  src: string,
  dst: string,
): Parsed<ParsedMobilityMessage> {
  if (!(
    Number.isInteger(offset) &&
    Number.isInteger(length) &&
    offset >= 0 &&
    length >= 0 &&
    offset + length <= bytes.length
  ))
    return fail(
      LAYER,
      'length',
      Number.isFinite(offset) ? Math.max(0, Math.min(Math.trunc(offset), bytes.length)) : 0,
      `no ${length} octets of Mobility Header at offset ${offset} in a ${bytes.length}-octet buffer`,
    );
  if (length < 8)
    return fail(
      LAYER,
      'length',
      offset,
      `a Mobility Header is at least 8 octets, got ${length} (RFC 6275 §6.1.1)`,
    );
  const headerLen = bytes[offset + 1];
  const total = (headerLen + 1) * 8;
  if (total !== length)
    return fail(
      LAYER,
      'headerLen',
      offset + 1,
      `Header Len ${headerLen} means ${total} octets, but the packet carries ${length} (RFC 6275 §6.1.1)`,
    );
  const codec = messageCodecForWire(bytes, offset, length);
  if (codec && total < MH_COMMON_LEN + codec.fixedLen)
    return fail(
      LAYER,
      'headerLen',
      offset + 1,
      `Header Len ${headerLen} is too small for a ${codec.name} (RFC 6275 §9.2)`,
    );
  const ep = endpoints(src, dst);
  if (!ep)
    return fail(
      LAYER,
      'checksum',
      offset + 4,
      `cannot check the checksum: "${src}" and "${dst}" are not both IPv6 or both IPv4 addresses`,
    );
  const payloadProto = bytes[offset];
  const checksum = readU16(bytes, offset + 4);
  const valid = checksumValid(bytes, offset, offset + total, ep);
  const mhType = bytes[offset + 2];
  if (!codec)
    return ok({
      type: 'unknown',
      mhType,
      data: bytes.slice(offset + MH_COMMON_LEN, offset + total),
      payloadProto,
      headerLen,
      checksum,
      checksumValid: valid,
    });
  const options = readOptions(bytes, offset + MH_COMMON_LEN + codec.fixedLen, offset + total);
  if (!Array.isArray(options)) return fail(LAYER, options.field, options.offset, options.message);
  // Attach the header facts to the fresh message object: an object spread costs microseconds here.
  const msg = codec.read(bytes, offset + MH_COMMON_LEN, options) as KnownMobilityMessage &
    Writable<MobilityHeaderInfo>;
  msg.payloadProto = payloadProto;
  msg.headerLen = headerLen;
  msg.checksum = checksum;
  msg.checksumValid = valid;
  return ok(msg);
}
