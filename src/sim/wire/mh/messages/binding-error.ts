/**
 * Binding Error (MH Type 7) — RFC 6275 §6.1.9. Status 2 answers an unrecognised MH Type (RFC 6275 §9.2),
 * which is how a peer learns that a Heartbeat or UPN is not supported (RFC 5847, RFC 7077).
 * Without options the header is 24 octets (Header Len 2), no padding needed (digest §2.2).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |     Status    |   Reserved    |   MH+6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                          Home Address                         +   MH+8
 * |                          (16 octets)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Mobility options                       |   MH+24
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { BINDING_ERROR_STATUS_NAMES } from '../names';
import { ipv6Field } from '../options/codec';
import type { MobilityOption } from '../options';
import { ipv6Text } from '../text';
import { checkUint, named, type MessageCodec } from './codec';

export interface BindingError {
  readonly type: 'binding-error';
  readonly mhType: 7;
  /** 1 = unknown binding for Home Address destination option, 2 = unrecognized MH Type. */
  readonly status: number;
  /** The home address of the offending packet, or `::` when there was none. */
  readonly homeAddress: string;
  readonly options: readonly MobilityOption[];
}

const RFC = 'RFC 6275 §6.1.9';

export const bindingErrorCodec: MessageCodec<BindingError> = {
  type: 'binding-error',
  mhType: 7,
  name: 'Binding Error',
  rfc: RFC,
  fixedLen: 18,
  read(buf, at, options) {
    return { type: 'binding-error', mhType: 7, status: buf[at], homeAddress: ipv6Text(buf, at + 2), options };
  },
  write(m, buf, at) {
    buf[at] = checkUint(m.status, 255, 'Binding Error Status');
    buf[at + 1] = 0;
    buf.set(ipv6Field(m.homeAddress, 'Binding Error Home Address'), at + 2);
  },
  describe(buf, at) {
    return [
      field(
        'Status',
        at,
        1,
        named(buf[at], BINDING_ERROR_STATUS_NAMES),
        RFC,
        'Why the sender could not process the message.',
      ),
      field('Reserved', at + 1, 1, `${buf[at + 1]}`, RFC, 'Sent as zero, ignored on receipt.'),
      field(
        'Home Address',
        at + 2,
        16,
        ipv6Text(buf, at + 2),
        RFC,
        'Home address of the offending packet; :: when it had none.',
      ),
    ];
  },
};
