/**
 * GRE Key option (type 33) — RFC 5845 §6.1. Alignment 4n. Length 2 signals "GRE encapsulation, no key";
 * Length 6 carries the downlink key (in a PBU) or the uplink key (in a PBA) (digest §5.2).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |  Length (2|6) |           Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      GRE Key Identifier (optional)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { checkUint, lengthError, readU16, readU32, writeU32, type OptionCodec } from './codec';

export interface GreKeyOption {
  readonly type: 'gre-key';
  /** The GRE Key Identifier, or null for the 2-octet form (GRE requested without a key). */
  readonly key: number | null;
}

const RFC = 'RFC 5845 §6.1';

export const greKeyCodec: OptionCodec<GreKeyOption> = {
  code: 33,
  type: 'gre-key',
  name: 'GRE Key',
  rfc: RFC,
  align: [4, 0],
  write(o, buf, at) {
    buf[at] = 0;
    buf[at + 1] = 0;
    if (o.key === null) return 2;
    writeU32(buf, at + 2, checkUint(o.key, 0xffffffff, 'GRE Key Identifier'));
    return 6;
  },
  read(buf, at, len) {
    if (len === 2) return { type: 'gre-key', key: null };
    if (len !== 6) return lengthError('GRE Key', at, len, '2 or 6');
    return { type: 'gre-key', key: readU32(buf, at + 2) };
  },
  summary: (o) => (o.key === null ? 'GRE requested, no key' : `key ${o.key}`),
  describe(buf, at, len) {
    const rows = [field('Reserved', at, 2, `${readU16(buf, at)}`, RFC, 'Sent as zero, ignored on receipt.')];
    if (len === 6)
      rows.push(
        field(
          'GRE Key Identifier',
          at + 2,
          4,
          `${readU32(buf, at + 2)}`,
          RFC,
          'Key the peer must put in GRE packets it sends on this session.',
        ),
      );
    return rows;
  },
};
