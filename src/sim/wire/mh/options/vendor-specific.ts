/**
 * Vendor-Specific Mobility Option (type 19) — RFC 5094 §3. Alignment 4n+2; may appear several times.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |      Type     |    Length     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Vendor ID                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Sub-Type    |                     Data.......
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { plainHex } from '../text';
import { checkUint, lengthError, readU32, writeU32, type OptionCodec } from './codec';

export interface VendorSpecificOption {
  readonly type: 'vendor-specific';
  /** SMI Network Management Private Enterprise Code of the vendor. */
  readonly vendorId: number;
  readonly subtype: number;
  readonly data: Uint8Array;
}

const RFC = 'RFC 5094 §3';

export const vendorSpecificCodec: OptionCodec<VendorSpecificOption> = {
  code: 19,
  type: 'vendor-specific',
  name: 'Vendor-Specific',
  rfc: RFC,
  align: [4, 2],
  write(o, buf, at) {
    if (o.data.length > 250)
      throw new RangeError(`Vendor-Specific data is ${o.data.length} octets; at most 250 fit`);
    writeU32(buf, at, checkUint(o.vendorId, 0xffffffff, 'Vendor ID'));
    buf[at + 4] = checkUint(o.subtype, 255, 'Vendor-Specific Sub-Type');
    buf.set(o.data, at + 5);
    return 5 + o.data.length;
  },
  read(buf, at, len) {
    if (len < 5) return lengthError('Vendor-Specific', at, len, 'at least 5');
    return {
      type: 'vendor-specific',
      vendorId: readU32(buf, at),
      subtype: buf[at + 4],
      data: buf.slice(at + 5, at + len),
    };
  },
  summary: (o) => `vendor ${o.vendorId}, sub-type ${o.subtype}, ${o.data.length} octets`,
  describe(buf, at, len) {
    return [
      field('Vendor ID', at, 4, `${readU32(buf, at)}`, RFC, 'IANA Private Enterprise Number of the vendor.'),
      field('Sub-Type', at + 4, 1, `${buf[at + 4]}`, RFC, 'Vendor-defined kind of data.'),
      field('Data', at + 5, len - 5, plainHex(buf, at + 5, at + len), RFC, 'Vendor-defined data.'),
    ];
  },
};
