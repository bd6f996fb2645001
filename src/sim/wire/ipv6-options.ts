/**
 * Options of the IPv6 Hop-by-Hop and Destination Options headers (RFC 8200 §4.2): a TLV list.
 *
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 *    |  Option Type  |  Opt Data Len |  Option Data
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 *
 *    Pad1 (RFC 8200 §4.2):   +-+-+-+-+-+-+-+-+
 *                            |       0       |
 *                            +-+-+-+-+-+-+-+-+
 *
 *    PadN (RFC 8200 §4.2):   |       1       |  Opt Data Len |  N-2 zero octets ...
 *
 *    Tunnel Encapsulation Limit (RFC 2473 §5.1):
 *                            |       4       |       1       | Tun Encap Lim |
 *
 *    Router Alert (RFC 2711 §2.1):
 *                            |       5       |       2       |  Value (2 octets)   |
 *
 * The two high-order bits of the Option Type say what a node that does not know the option must do
 * (RFC 8200 §4.2). Unknown options are kept with their data so a parse/emit round trip is exact.
 * PadN data is written as zeros; a received PadN's content is ignored (RFC 8200 §4.2).
 */
import type { Parsed } from './result';
import { fail, ok } from './result';
import { uint } from './uint';

export const OPT_PAD1 = 0;
export const OPT_PADN = 1;
export const OPT_TUNNEL_ENCAP_LIMIT = 4;
export const OPT_ROUTER_ALERT = 5;

export type IPv6Option =
  | { readonly kind: 'pad1' }
  /** `length` is the Opt Data Len field: the option fills length + 2 octets. */
  | { readonly kind: 'padn'; readonly length: number }
  | { readonly kind: 'tunnel-encap-limit'; readonly limit: number }
  | { readonly kind: 'router-alert'; readonly value: number }
  | { readonly kind: 'unknown'; readonly type: number; readonly data: Uint8Array };

/** What a node that does not recognise option `type` does with the packet (RFC 8200 §4.2). */
export type UnknownOptionAction = 'skip' | 'discard' | 'discard-icmp' | 'discard-icmp-unless-multicast';

export function unknownOptionAction(type: number): UnknownOptionAction {
  const actions: readonly UnknownOptionAction[] = [
    'skip',
    'discard',
    'discard-icmp',
    'discard-icmp-unless-multicast',
  ];
  return actions[(type >> 6) & 3];
}

/** Octets the option takes on the wire. */
export function ipv6OptionSize(o: IPv6Option): number {
  switch (o.kind) {
    case 'pad1':
      return 1;
    case 'padn':
      return o.length + 2;
    case 'tunnel-encap-limit':
      return 3;
    case 'router-alert':
      return 4;
    case 'unknown':
      return o.data.length + 2;
  }
}

export function ipv6OptionsSize(opts: readonly IPv6Option[]): number {
  let n = 0;
  for (const o of opts) n += ipv6OptionSize(o);
  return n;
}

/** The padding option that fills `n` octets: Pad1 for one, PadN otherwise, nothing for zero (RFC 8200 §4.2). */
export function ipv6Padding(n: number): IPv6Option[] {
  if (n <= 0) return [];
  return n === 1 ? [{ kind: 'pad1' }] : [{ kind: 'padn', length: n - 2 }];
}

/** Writes the options at `off`; returns the offset after them. */
export function writeIPv6Options(out: Uint8Array, off: number, opts: readonly IPv6Option[]): number {
  for (const o of opts) {
    switch (o.kind) {
      case 'pad1':
        out[off++] = OPT_PAD1;
        break;
      case 'padn':
        out[off] = OPT_PADN;
        out[off + 1] = uint(o.length, 8, 'PadN length');
        out.fill(0, off + 2, off + 2 + o.length);
        off += o.length + 2;
        break;
      case 'tunnel-encap-limit':
        out[off] = OPT_TUNNEL_ENCAP_LIMIT;
        out[off + 1] = 1;
        out[off + 2] = uint(o.limit, 8, 'Tunnel Encapsulation Limit');
        off += 3;
        break;
      case 'router-alert':
        out[off] = OPT_ROUTER_ALERT;
        out[off + 1] = 2;
        out[off + 2] = uint(o.value, 16, 'Router Alert value') >> 8;
        out[off + 3] = o.value & 0xff;
        off += 4;
        break;
      case 'unknown':
        out[off] = uint(o.type, 8, 'Option Type');
        out[off + 1] = uint(o.data.length, 8, 'Opt Data Len');
        out.set(o.data, off + 2);
        off += o.data.length + 2;
        break;
    }
  }
  return off;
}

/** Reads the option TLVs in bytes[start, end). Offsets in errors are positions in `bytes`. */
export function parseIPv6Options(
  bytes: Uint8Array,
  start: number,
  end: number,
  layer: string,
): Parsed<IPv6Option[]> {
  const out: IPv6Option[] = [];
  let off = start;
  while (off < end) {
    const type = bytes[off];
    if (type === OPT_PAD1) {
      out.push({ kind: 'pad1' });
      off += 1;
      continue;
    }
    if (off + 2 > end)
      return fail(
        layer,
        'Option Length',
        off + 1,
        'option header runs past the end of the header (RFC 8200 §4.2)',
      );
    const len = bytes[off + 1];
    if (off + 2 + len > end)
      return fail(
        layer,
        'Option Data',
        off + 2,
        `option ${type} claims ${len} data octets, past the end of the header (RFC 8200 §4.2)`,
      );
    const known = knownOption(bytes, off, type, len, layer);
    if (!known.ok) return known;
    out.push(known.value);
    off += 2 + len;
  }
  return ok(out);
}

function knownOption(
  bytes: Uint8Array,
  off: number,
  type: number,
  len: number,
  layer: string,
): Parsed<IPv6Option> {
  switch (type) {
    case OPT_PADN:
      return ok({ kind: 'padn', length: len });
    case OPT_TUNNEL_ENCAP_LIMIT:
      if (len !== 1)
        return fail(
          layer,
          'Tunnel Encapsulation Limit',
          off + 1,
          `Opt Data Len is ${len}, must be 1 (RFC 2473 §5.1)`,
        );
      return ok({ kind: 'tunnel-encap-limit', limit: bytes[off + 2] });
    case OPT_ROUTER_ALERT:
      if (len !== 2)
        return fail(layer, 'Router Alert', off + 1, `Opt Data Len is ${len}, must be 2 (RFC 2711 §2.1)`);
      return ok({ kind: 'router-alert', value: (bytes[off + 2] << 8) | bytes[off + 3] });
    default:
      return ok({ kind: 'unknown', type, data: bytes.slice(off + 2, off + 2 + len) });
  }
}
