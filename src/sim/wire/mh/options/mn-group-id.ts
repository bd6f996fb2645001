/**
 * Mobile Node Group Identifier option (type 50) — RFC 6602 §4.3. No alignment is stated (digest
 * appendix), so none is imposed.
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (6)  |   Sub-type    |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Mobile Node Group Identifier (0 reserved, 1 = ALL)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { MN_GROUP_ID_SUBTYPE_NAMES } from '../names';
import { checkUint, lengthError, named, readU32, writeU32, type OptionCodec } from './codec';

export interface MnGroupIdOption {
  readonly type: 'mn-group-id';
  /** 1 = Bulk Binding Update Group. */
  readonly subtype: number;
  /** 1 = ALL-SESSIONS; 0 is reserved. */
  readonly groupId: number;
}

const RFC_GID = 'RFC 6602 §4.3';

export const mnGroupIdCodec: OptionCodec<MnGroupIdOption> = {
  code: 50,
  type: 'mn-group-id',
  name: 'Mobile Node Group Identifier',
  rfc: RFC_GID,
  align: null,
  write(o, buf, at) {
    buf[at] = checkUint(o.subtype, 255, 'MN Group Identifier sub-type');
    buf[at + 1] = 0;
    writeU32(buf, at + 2, checkUint(o.groupId, 0xffffffff, 'MN Group Identifier'));
    return 6;
  },
  read(buf, at, len) {
    if (len !== 6) return lengthError('Mobile Node Group Identifier', at, len, '6');
    return { type: 'mn-group-id', subtype: buf[at], groupId: readU32(buf, at + 2) };
  },
  summary: (o) => (o.groupId === 1 ? 'ALL-SESSIONS' : `group ${o.groupId}`),
  describe(buf, at) {
    const id = readU32(buf, at + 2);
    return [
      field('Sub-type', at, 1, named(buf[at], MN_GROUP_ID_SUBTYPE_NAMES), RFC_GID, 'Kind of group.'),
      field('Reserved', at + 1, 1, `${buf[at + 1]}`, RFC_GID, 'Sent as zero, ignored on receipt.'),
      field(
        'Group Identifier',
        at + 2,
        4,
        id === 1 ? '1 (ALL-SESSIONS)' : `${id}`,
        RFC_GID,
        'Bulk-binding group the session belongs to.',
      ),
    ];
  },
};
