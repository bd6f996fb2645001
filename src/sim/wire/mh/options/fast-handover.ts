/**
 * Options of Fast Handovers for PMIPv6 — RFC 5949 §6.2 (digest §2.6). The RFC gives no alignment for
 * any of them (digest appendix), so none is imposed.
 *
 * Context Request (type 40) — §6.2.1:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |    Length     |          Reserved             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Req-type-1   | Req-length-1  |  Req-type-2   | Req-length-2  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Req-type-3   | Req-length-3  |         Req-option-3 ...      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Local Mobility Anchor Address (type 41) — §6.2.2 (Length 18 for IPv6, 6 for IPv4):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |    Length     |  Option-Code  |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LMA address (16 octets IPv6 or 4 octets IPv4)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Mobile Node Link-local Address Interface Identifier (type 42) — §6.2.3:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |  Length (10)  |           Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Interface Identifier (64 bits)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { formatIPv4 } from '../../addr';
import { field, type FieldNode } from '../../fields';
import { LMA_ADDRESS_CODE_NAMES, OPTION_TYPE_NAMES } from '../names';
import { colonHex, ipv6Text, plainHex, writeColonHex } from '../text';
import {
  OptionError,
  checkUint,
  ipv4Field,
  ipv6Field,
  lengthError,
  named,
  readU16,
  type OptionCodec,
} from './codec';

/** One requested context item: the option type asked for and any request data. */
export interface ContextRequestItem {
  readonly reqType: number;
  readonly data: Uint8Array;
}

export interface ContextRequestOption {
  readonly type: 'context-request';
  readonly requests: readonly ContextRequestItem[];
}

export interface LmaAddressOption {
  readonly type: 'lma-address';
  /** IPv6 text (Option-Code 1) or dotted IPv4 text (Option-Code 2). */
  readonly address: string;
}

export interface MnLlaIidOption {
  readonly type: 'mn-lla-iid';
  /** The 64-bit interface identifier as colon-separated octets, e.g. `02:11:22:ff:fe:33:44:55`. */
  readonly iid: string;
}

const RFC_CR = 'RFC 5949 §6.2.1';
const optionLabel = (code: number): string => OPTION_TYPE_NAMES[code] ?? `option ${code}`;
const RFC_LMAA = 'RFC 5949 §6.2.2';
const RFC_IID = 'RFC 5949 §6.2.3';

export const contextRequestCodec: OptionCodec<ContextRequestOption> = {
  code: 40,
  type: 'context-request',
  name: 'Context Request',
  rfc: RFC_CR,
  align: null,
  write(o, buf, at) {
    buf[at] = 0;
    buf[at + 1] = 0;
    let p = at + 2;
    for (const r of o.requests) {
      if (p - at + 2 + r.data.length > 255)
        throw new RangeError('Context Request option data exceeds 255 octets');
      buf[p] = checkUint(r.reqType, 255, 'Context Request Req-type');
      buf[p + 1] = r.data.length;
      buf.set(r.data, p + 2);
      p += 2 + r.data.length;
    }
    return p - at;
  },
  read(buf, at, len) {
    if (len < 2) return lengthError('Context Request', at, len, 'at least 2');
    const requests: ContextRequestItem[] = [];
    const end = at + len;
    for (let p = at + 2; p < end;) {
      if (p + 2 > end)
        return new OptionError('reqLength', p, 'Context Request item is cut off before its Req-length octet');
      const n = buf[p + 1];
      if (p + 2 + n > end)
        return new OptionError(
          'reqLength',
          p + 1,
          `Req-length ${n} runs past the end of the Context Request option`,
        );
      requests.push({ reqType: buf[p], data: buf.slice(p + 2, p + 2 + n) });
      p += 2 + n;
    }
    return { type: 'context-request', requests };
  },
  summary: (o) => (o.requests.length ? o.requests.map((r) => optionLabel(r.reqType)).join(', ') : 'no items'),
  describe(buf, at, len) {
    const rows: FieldNode[] = [
      field('Reserved', at, 2, `${readU16(buf, at)}`, RFC_CR, 'Sent as zero, ignored on receipt.'),
    ];
    for (let p = at + 2; p + 2 <= at + len; p += 2 + buf[p + 1]) {
      const n = buf[p + 1];
      rows.push(
        field(
          `Requested option`,
          p,
          2 + n,
          named(buf[p], OPTION_TYPE_NAMES),
          RFC_CR,
          'Context the new MAG asks the previous MAG for.',
          [
            field(
              'Req-type',
              p,
              1,
              named(buf[p], OPTION_TYPE_NAMES),
              RFC_CR,
              'Mobility option type requested.',
            ),
            field('Req-length', p + 1, 1, `${n}`, RFC_CR, 'Octets of request data that follow.'),
            ...(n > 0
              ? [field('Req-option', p + 2, n, plainHex(buf, p + 2, p + 2 + n), RFC_CR, 'Request data.')]
              : []),
          ],
        ),
      );
    }
    return rows;
  },
};

export const lmaAddressCodec: OptionCodec<LmaAddressOption> = {
  code: 41,
  type: 'lma-address',
  name: 'LMA Address',
  rfc: RFC_LMAA,
  align: null,
  write(o, buf, at) {
    const v6 = typeof o.address === 'string' && o.address.includes(':');
    buf[at] = v6 ? 1 : 2;
    buf[at + 1] = 0;
    buf.set(v6 ? ipv6Field(o.address, 'LMA address') : ipv4Field(o.address, 'LMA address'), at + 2);
    return v6 ? 18 : 6;
  },
  read(buf, at, len) {
    const code = buf[at];
    if (len === 18 && code === 1) return { type: 'lma-address', address: ipv6Text(buf, at + 2) };
    if (len === 6 && code === 2) return { type: 'lma-address', address: formatIPv4(buf, at + 2) };
    if (len !== 18 && len !== 6) return lengthError('LMA Address', at, len, '18 (IPv6) or 6 (IPv4)');
    return new OptionError(
      'optionCode',
      at,
      `LMA Address Option-Code ${code} does not match Length ${len} (1 = IPv6/18, 2 = IPv4/6)`,
    );
  },
  summary: (o) => o.address,
  describe(buf, at, len) {
    return [
      field(
        'Option-Code',
        at,
        1,
        named(buf[at], LMA_ADDRESS_CODE_NAMES),
        RFC_LMAA,
        'Address family of the LMA address.',
      ),
      field('Reserved', at + 1, 1, `${buf[at + 1]}`, RFC_LMAA, 'Sent as zero, ignored on receipt.'),
      field(
        'LMA Address',
        at + 2,
        len - 2,
        len === 18 ? ipv6Text(buf, at + 2) : formatIPv4(buf, at + 2),
        RFC_LMAA,
        "The MN's LMA, handed to the new MAG.",
      ),
    ];
  },
};

export const mnLlaIidCodec: OptionCodec<MnLlaIidOption> = {
  code: 42,
  type: 'mn-lla-iid',
  name: 'MN Link-local Address IID',
  rfc: RFC_IID,
  align: null,
  write(o, buf, at) {
    if (writeColonHex(o.iid, buf, at + 2, 8) !== 8)
      throw new RangeError(`MN LLA interface identifier must be 8 colon-separated octets, got "${o.iid}"`);
    buf[at] = 0;
    buf[at + 1] = 0;
    return 10;
  },
  read(buf, at, len) {
    if (len !== 10) return lengthError('MN Link-local Address IID', at, len, '10');
    return { type: 'mn-lla-iid', iid: colonHex(buf, at + 2, at + 10) };
  },
  summary: (o) => o.iid,
  describe(buf, at) {
    return [
      field('Reserved', at, 2, `${readU16(buf, at)}`, RFC_IID, 'Sent as zero, ignored on receipt.'),
      field(
        'Interface Identifier',
        at + 2,
        8,
        colonHex(buf, at + 2, at + 10),
        RFC_IID,
        "IID of the MN's link-local address, kept across the handover.",
      ),
    ];
  },
};
