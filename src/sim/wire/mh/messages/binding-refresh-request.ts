/**
 * Binding Refresh Request (MH Type 0) — RFC 6275 §6.1.2: asks the receiver to refresh its binding.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |            Reserved           |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import type { MobilityOption } from '../options';
import { readU16, type MessageCodec } from './codec';

export interface BindingRefreshRequest {
  readonly type: 'binding-refresh-request';
  readonly mhType: 0;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 6275 §6.1.2';

export const bindingRefreshRequestCodec: MessageCodec<BindingRefreshRequest> = {
  type: 'binding-refresh-request',
  mhType: 0,
  name: 'Binding Refresh Request',
  rfc: RFC,
  fixedLen: 2,
  read(_buf, _at, options) {
    return { type: 'binding-refresh-request', mhType: 0, options };
  },
  write(_m, buf, at) {
    buf[at] = 0;
    buf[at + 1] = 0;
  },
  describe(buf, at) {
    return [field('Reserved', at, 2, `${readU16(buf, at)}`, RFC, 'Sent as zero, ignored on receipt.')];
  },
};
