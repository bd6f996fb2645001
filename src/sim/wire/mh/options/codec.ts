/**
 * The contract every mobility option module fulfils (RFC 6275 §6.2): a plain representation and the code
 * that reads and writes the option *data* (what follows the Type and Length octets), plus the alignment
 * rule of the option's Type octet and the inspector's field rows. The option list in `./index` does the
 * TLV framing, the padding and the dispatch; modules never see Pad1/PadN.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Option Type  | Option Length |   Option Data...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { addressBytes } from '../../address-bytes';
import type { FieldNode } from '../../fields';

export { checkUint, named, readU16, readU32, writeU16, writeU32 } from '../octets';

/** A structural error inside one option's data: the field and the absolute byte offset it sits at. */
export class OptionError {
  constructor(
    readonly field: string,
    readonly offset: number,
    readonly message: string,
  ) {}
}

export interface OptionCodec<O extends { readonly type: string }> {
  /** The IANA option type number. */
  readonly code: number;
  readonly type: O['type'];
  /** Display name, e.g. "Home Network Prefix". */
  readonly name: string;
  readonly rfc: string;
  /**
   * Alignment `xn+y` of the Type octet, measured from the first octet of the Mobility Header
   * (RFC 6275 §6.2); null when the defining RFC gives none.
   */
  readonly align: readonly [x: number, y: number] | null;
  /**
   * Writes the option data at `at` and returns its length (the Length field). Throws RangeError when the
   * representation cannot be encoded (a programming error, not input).
   */
  write(o: O, buf: Uint8Array, at: number): number;
  /** Reads `len` octets of option data at `at` (absolute offset in `buf`); never throws. */
  read(buf: Uint8Array, at: number, len: number): O | OptionError;
  /** One-line value of the option for the inspector, e.g. "2001:db8:1:1::/64". */
  summary(o: O): string;
  /** Inspector rows for the option data, with absolute offsets. Called only when `read` succeeded. */
  describe(buf: Uint8Array, at: number, len: number): FieldNode[];
}

/** The Length check shared by fixed-size options. */
export const lengthError = (name: string, at: number, len: number, want: string): OptionError =>
  new OptionError('length', at - 1, `${name} option Length must be ${want}, not ${len}`);

/** Octets of an IPv6 address given as text; the RangeError names the field that held it. */
export function ipv6Field(text: string, what: string): Uint8Array {
  const b = addressOf(text);
  if (!b || b.length !== 16) throw new RangeError(`${what} must be an IPv6 address, got "${text}"`);
  return b;
}

/** Octets of an IPv4 address given as dotted text. */
export function ipv4Field(text: string, what: string): Uint8Array {
  const b = addressOf(text);
  if (!b || b.length !== 4) throw new RangeError(`${what} must be an IPv4 address, got "${text}"`);
  return b;
}

function addressOf(text: string): Uint8Array | null {
  if (typeof text !== 'string') return null;
  try {
    return addressBytes(text);
  } catch {
    return null;
  }
}
