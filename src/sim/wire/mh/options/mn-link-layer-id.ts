/**
 * Mobile Node Link-layer Identifier option (type 25) — RFC 5213 §8.6. The identifier is in the format of
 * RFC 4861 §4.6 (for Ethernet or 802.11, the 6-octet MAC). Alignment: "as appropriate for the identifier
 * size" with no fixed rule (digest §2.6), so none is imposed (the vectors place it straight after the HNP).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |    Length     |           Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Link-layer Identifier ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { colonHex, writeColonHex } from '../text';
import { OptionError, type OptionCodec } from './codec';

export interface MnLinkLayerIdOption {
  readonly type: 'mn-link-layer-id';
  /** The identifier as colon-separated lower-case octets, e.g. `00:11:22:33:44:55`. */
  readonly id: string;
}

const RFC = 'RFC 5213 §8.6';

export const mnLinkLayerIdCodec: OptionCodec<MnLinkLayerIdOption> = {
  code: 25,
  type: 'mn-link-layer-id',
  name: 'Mobile Node Link-layer Identifier',
  rfc: RFC,
  align: null,
  write(o, buf, at) {
    const n = writeColonHex(o.id, buf, at + 2, 253);
    if (n < 0)
      throw new RangeError(
        `MN link-layer identifier must be at most 253 colon-separated octets, got "${o.id}"`,
      );
    buf[at] = 0;
    buf[at + 1] = 0;
    return 2 + n;
  },
  read(buf, at, len) {
    if (len < 2)
      return new OptionError(
        'length',
        at - 1,
        `MN Link-layer Identifier option Length must be at least 2, not ${len}`,
      );
    return { type: 'mn-link-layer-id', id: colonHex(buf, at + 2, at + len) };
  },
  summary: (o) => o.id,
  describe(buf, at, len) {
    return [
      field('Reserved', at, 2, `${(buf[at] << 8) | buf[at + 1]}`, RFC, 'Sent as zero, ignored on receipt.'),
      field(
        'Link-layer Identifier',
        at + 2,
        len - 2,
        colonHex(buf, at + 2, at + len),
        RFC,
        "Identifier of the MN's attached interface (its MAC).",
      ),
    ];
  },
};
