/**
 * Restart Counter option (type 28) — RFC 5847 §3.4. Alignment 4n+2 (the counter is 4-octet aligned).
 * Sent only in Heartbeat Responses; a changed value tells the peer that this node lost its state.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |      Type     |   Length (4)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Restart Counter                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { checkUint, lengthError, readU32, writeU32, type OptionCodec } from './codec';

export interface RestartCounterOption {
  readonly type: 'restart-counter';
  readonly value: number;
}

const RFC = 'RFC 5847 §3.4';

export const restartCounterCodec: OptionCodec<RestartCounterOption> = {
  code: 28,
  type: 'restart-counter',
  name: 'Restart Counter',
  rfc: RFC,
  align: [4, 2],
  write(o, buf, at) {
    writeU32(buf, at, checkUint(o.value, 0xffffffff, 'Restart Counter'));
    return 4;
  },
  read(buf, at, len) {
    if (len !== 4) return lengthError('Restart Counter', at, len, '4');
    return { type: 'restart-counter', value: readU32(buf, at) };
  },
  summary: (o) => `${o.value}`,
  describe(buf, at) {
    return [
      field(
        'Restart Counter',
        at,
        4,
        `${readU32(buf, at)}`,
        RFC,
        'Incremented on every reboot that lost session state.',
      ),
    ];
  },
};
