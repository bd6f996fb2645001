/**
 * The mobility option list of a Mobility Header message — RFC 6275 §6.2. Options are TLVs in sender
 * order; a representation lists them WITHOUT Pad1/PadN. The encoder inserts the least padding that puts
 * each option's Type octet at its `xn+y` offset from the start of the MH (RFC 6275 §6.2.1: HNP 8n+4,
 * Link-local Address 8n+6, Timestamp 8n+2, Restart Counter 4n+2, GRE Key and IPv4 options 4n, …); the
 * message encoder then pads the whole header to a multiple of 8. The parser skips padding but still checks
 * its structure, and keeps options of unknown type as `{ type: 'unknown', optType, data }` (RFC 6275
 * §6.2.1: unknown options MUST be skipped, and here they also survive a round trip).
 */
import { field, type FieldNode } from '../../fields';
import { OPTION_TYPE_NAMES } from '../names';
import { plainHex } from '../text';
import {
  alternateCoaCodec,
  linkLocalAddressCodec,
  type AlternateCoaOption,
  type LinkLocalAddressOption,
} from './addresses';
import { OptionError, checkUint, type OptionCodec } from './codec';
import {
  contextRequestCodec,
  lmaAddressCodec,
  mnLlaIidCodec,
  type ContextRequestOption,
  type LmaAddressOption,
  type MnLlaIidOption,
} from './fast-handover';
import { greKeyCodec, type GreKeyOption } from './gre-key';
import { hnpCodec, type HnpOption } from './home-network-prefix';
import {
  accessTechnologyTypeCodec,
  handoffIndicatorCodec,
  type AccessTechnologyTypeOption,
  type HandoffIndicatorOption,
} from './indicators';
import {
  ipv4DefaultRouterCodec,
  ipv4DhcpSupportModeCodec,
  ipv4HoaReplyCodec,
  ipv4HoaRequestCodec,
  type Ipv4DefaultRouterOption,
  type Ipv4DhcpSupportModeOption,
  type Ipv4HoaReplyOption,
  type Ipv4HoaRequestOption,
} from './ipv4-home-address';
import {
  ipv4CoaCodec,
  natDetectionCodec,
  type Ipv4CoaOption,
  type NatDetectionOption,
} from './ipv4-transport';
import { magIpv6AddressCodec, type MagIpv6AddressOption } from './mag-ipv6-address';
import { mnGroupIdCodec, type MnGroupIdOption } from './mn-group-id';
import { mnIdCodec, type MnIdOption } from './mn-identifier';
import { mnLinkLayerIdCodec, type MnLinkLayerIdOption } from './mn-link-layer-id';
import { PAD1, PADN, paddingFor, writePadding } from './pad';
import { restartCounterCodec, type RestartCounterOption } from './restart-counter';
import { timestampCodec, type TimestampOption } from './timestamp';
import { vendorSpecificCodec, type VendorSpecificOption } from './vendor-specific';

/** An option whose type this codec does not decode, kept verbatim. */
export interface UnknownOption {
  readonly type: 'unknown';
  /** The option type number (never 0 or 1: padding is not represented). */
  readonly optType: number;
  /** The option data (without Type and Length). */
  readonly data: Uint8Array;
}

export type MobilityOption =
  | MnIdOption
  | HnpOption
  | HandoffIndicatorOption
  | AccessTechnologyTypeOption
  | MnLinkLayerIdOption
  | LinkLocalAddressOption
  | TimestampOption
  | RestartCounterOption
  | AlternateCoaOption
  | VendorSpecificOption
  | NatDetectionOption
  | Ipv4CoaOption
  | GreKeyOption
  | Ipv4HoaRequestOption
  | Ipv4HoaReplyOption
  | Ipv4DefaultRouterOption
  | Ipv4DhcpSupportModeOption
  | ContextRequestOption
  | LmaAddressOption
  | MnLlaIidOption
  | MnGroupIdOption
  | MagIpv6AddressOption
  | UnknownOption;

export type MobilityOptionType = MobilityOption['type'];
/** The option representation for a `type` name, e.g. `OptionOf<'hnp'>`. */
export type OptionOf<K extends MobilityOptionType> = Extract<MobilityOption, { readonly type: K }>;

type AnyCodec = OptionCodec<MobilityOption>;

const CODECS = [
  alternateCoaCodec,
  mnIdCodec,
  vendorSpecificCodec,
  hnpCodec,
  handoffIndicatorCodec,
  accessTechnologyTypeCodec,
  mnLinkLayerIdCodec,
  linkLocalAddressCodec,
  timestampCodec,
  restartCounterCodec,
  natDetectionCodec,
  ipv4CoaCodec,
  greKeyCodec,
  ipv4HoaRequestCodec,
  ipv4HoaReplyCodec,
  ipv4DefaultRouterCodec,
  ipv4DhcpSupportModeCodec,
  contextRequestCodec,
  lmaAddressCodec,
  mnLlaIidCodec,
  mnGroupIdCodec,
  magIpv6AddressCodec,
] as unknown as readonly AnyCodec[];

const BY_CODE: readonly (AnyCodec | undefined)[] = (() => {
  const table = new Array<AnyCodec | undefined>(256).fill(undefined);
  for (const c of CODECS) table[c.code] = c;
  return table;
})();
const BY_TYPE: ReadonlyMap<string, AnyCodec> = new Map(CODECS.map((c) => [c.type, c]));

/** Option type number of a representation, and its alignment rule (null: none), as the encoder uses them. */
export function optionCode(o: MobilityOption): number {
  return o.type === 'unknown' ? o.optType : (BY_TYPE.get(o.type)?.code ?? -1);
}
export function optionAlignment(o: MobilityOption): readonly [number, number] | null {
  return o.type === 'unknown' ? null : (BY_TYPE.get(o.type)?.align ?? null);
}

/** Display name of an option type number, e.g. "Home Network Prefix". */
export const optionName = (code: number): string => OPTION_TYPE_NAMES[code] ?? `Unassigned option ${code}`;

/**
 * Writes `options` at MH offset `pos` of `buf` (the MH starts at 0), with the padding each one's alignment
 * needs; returns the offset after the last option. Throws RangeError for an option that cannot be encoded
 * or when the header would exceed `limit` octets.
 */
export function writeOptions(
  options: readonly MobilityOption[],
  buf: Uint8Array,
  pos: number,
  limit: number,
): number {
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    let code: number;
    let len: number;
    if (o.type === 'unknown') {
      code = checkUint(o.optType, 255, 'unknown option type');
      if (code === PAD1 || code === PADN)
        throw new RangeError('Pad1/PadN are inserted by the encoder, not listed as options');
      if (o.data.length > 255)
        throw new RangeError(`option ${code} data is ${o.data.length} octets; at most 255 fit`);
      buf.set(o.data, pos + 2);
      len = o.data.length;
    } else {
      const codec = BY_TYPE.get(o.type);
      if (!codec)
        throw new RangeError(`not a mobility option type: ${String((o as { type: unknown }).type)}`);
      code = codec.code;
      if (codec.align) pos = writePadding(buf, pos, paddingFor(pos, codec.align[0], codec.align[1]));
      len = codec.write(o, buf, pos + 2);
      if (len > 255) throw new RangeError(`${codec.name} option data is ${len} octets; at most 255 fit`);
    }
    buf[pos] = code;
    buf[pos + 1] = len;
    pos += 2 + len;
    if (pos > limit) throw new RangeError(`mobility options exceed the ${limit}-octet Mobility Header`);
  }
  return pos;
}

/** A structural error in the option list: field path, absolute offset and message. */
export interface OptionListError {
  readonly field: string;
  readonly offset: number;
  readonly message: string;
}

/**
 * Reads the options in `buf[start, end)`. Returns the options, or the first structural error: a Type octet
 * with no Length octet, an option (padding included) running past the end, or option data that does not fit
 * the option's layout.
 */
export function readOptions(buf: Uint8Array, start: number, end: number): MobilityOption[] | OptionListError {
  const out: MobilityOption[] = [];
  for (let p = start; p < end;) {
    const t = buf[p];
    if (t === PAD1) {
      p++;
      continue;
    }
    if (p + 2 > end)
      return {
        field: `options[${out.length}].length`,
        offset: p,
        message: `${optionName(t)} option has no Length octet before the end of the Mobility Header`,
      };
    const len = buf[p + 1];
    if (p + 2 + len > end)
      return {
        field: `options[${out.length}].length`,
        offset: p + 1,
        message: `${optionName(t)} option Length ${len} runs past the end of the Mobility Header (${end - p - 2} octets left)`,
      };
    if (t !== PADN) {
      const codec = BY_CODE[t];
      if (codec === undefined) out.push({ type: 'unknown', optType: t, data: buf.slice(p + 2, p + 2 + len) });
      else {
        const o = codec.read(buf, p + 2, len);
        if (o instanceof OptionError)
          return { field: `options[${out.length}].${o.field}`, offset: o.offset, message: o.message };
        out.push(o);
      }
    }
    p += 2 + len;
  }
  return out;
}

/**
 * Inspector rows for the options in `buf[start, end)`, padding included; `mhStart` is the absolute offset
 * of the MH (alignment is shown relative to it). Stops with an "Error" row at the first structural problem.
 */
export function describeOptions(buf: Uint8Array, start: number, end: number, mhStart: number): FieldNode[] {
  const rows: FieldNode[] = [];
  for (let p = start; p < end;) {
    const t = buf[p];
    if (t === PAD1) {
      rows.push(
        field(
          'Pad1',
          p,
          1,
          '1 octet of padding',
          'RFC 6275 §6.2.2',
          'Single-octet padding; aligns the next option.',
        ),
      );
      p++;
      continue;
    }
    if (p + 2 > end) return [...rows, errorRow(p, end - p, `${optionName(t)} option has no Length octet`)];
    const len = buf[p + 1];
    if (p + 2 + len > end)
      return [
        ...rows,
        errorRow(
          p,
          end - p,
          `${optionName(t)} option Length ${len} runs past the end of the Mobility Header`,
        ),
      ];
    if (t === PADN) {
      rows.push(
        field(
          'PadN',
          p,
          2 + len,
          `${2 + len} octets of padding`,
          'RFC 6275 §6.2.3',
          'Multi-octet padding; aligns the next option.',
          [
            field('Type', p, 1, '1 (PadN)', 'RFC 6275 §6.2.3'),
            field('Length', p + 1, 1, `${len}`, 'RFC 6275 §6.2.3', 'Padding octets after this one (N − 2).'),
          ],
        ),
      );
    } else {
      const row = optionRow(buf, p, len, mhStart);
      rows.push(row);
      if (row.name === 'Error') return rows;
    }
    p += 2 + len;
  }
  return rows;
}

function optionRow(buf: Uint8Array, p: number, len: number, mhStart: number): FieldNode {
  const t = buf[p];
  const codec = BY_CODE[t];
  const rfc = codec?.rfc ?? 'RFC 6275 §6.2.1';
  const head = [
    field('Type', p, 1, `${t} (${optionName(t)})`, rfc, 'Option type.'),
    field('Length', p + 1, 1, `${len}`, rfc, 'Octets of option data after the Length octet.'),
  ];
  if (!codec) {
    const data = field(
      'Data',
      p + 2,
      len,
      plainHex(buf, p + 2, p + 2 + len),
      rfc,
      'Not decoded here; a receiver skips it (RFC 6275 §6.2.1).',
    );
    return field(
      optionName(t),
      p,
      2 + len,
      `${len} octets of data, not decoded`,
      rfc,
      'Unknown options are skipped by receivers.',
      [...head, data],
    );
  }
  const read = codec.read(buf, p + 2, len);
  if (read instanceof OptionError)
    return errorRow(read.offset, Math.max(1, p + 2 + len - read.offset), read.message);
  const off = p - mhStart;
  const help = codec.align
    ? `Type octet at MH+${off}; this option must sit at ${codec.align[0]}n+${codec.align[1]} (RFC 6275 §6.2).`
    : `Type octet at MH+${off}; no alignment requirement.`;
  return field(codec.name, p, 2 + len, codec.summary(read), codec.rfc, help, [
    ...head,
    ...codec.describe(buf, p + 2, len),
  ]);
}

export function errorRow(start: number, length: number, message: string): FieldNode {
  return field(
    'Error',
    start,
    Math.max(0, length),
    message,
    'RFC 6275 §9.2',
    'The packet is malformed here; a receiver discards it.',
  );
}
