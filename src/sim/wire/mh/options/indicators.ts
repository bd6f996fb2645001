/**
 * Handoff Indicator (type 23) — RFC 5213 §8.4 — and Access Technology Type (type 24) — RFC 5213 §8.5.
 * Both carry one value octet after a Reserved octet; no alignment requirement.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |   Length (2)  |  Reserved (R) |  HI or ATT    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { ACCESS_TECHNOLOGY_TYPE_NAMES, HANDOFF_INDICATOR_NAMES } from '../names';
import { checkUint, lengthError, named, type OptionCodec } from './codec';

export interface HandoffIndicatorOption {
  readonly type: 'handoff-indicator';
  /** 1..6, see HANDOFF_INDICATOR / HANDOFF_INDICATOR_NAMES. */
  readonly value: number;
}

export interface AccessTechnologyTypeOption {
  readonly type: 'access-technology-type';
  /** See ACCESS_TECHNOLOGY_TYPE / ACCESS_TECHNOLOGY_TYPE_NAMES. */
  readonly value: number;
}

interface OneOctet {
  readonly type: string;
  readonly value: number;
}

function oneOctetCodec<O extends OneOctet>(
  code: number,
  type: O['type'],
  name: string,
  rfc: string,
  names: Readonly<Record<number, string>>,
  help: string,
): OptionCodec<O> {
  return {
    code,
    type,
    name,
    rfc,
    align: null,
    write(o, buf, at) {
      buf[at] = 0;
      buf[at + 1] = checkUint(o.value, 255, name);
      return 2;
    },
    read(buf, at, len) {
      if (len !== 2) return lengthError(name, at, len, '2');
      return { type, value: buf[at + 1] } as O;
    },
    summary: (o) => named(o.value, names),
    describe(buf, at) {
      return [
        field('Reserved', at, 1, `${buf[at]}`, rfc, 'Sent as zero, ignored on receipt.'),
        field(name, at + 1, 1, named(buf[at + 1], names), rfc, help),
      ];
    },
  };
}

export const handoffIndicatorCodec = oneOctetCodec<HandoffIndicatorOption>(
  23,
  'handoff-indicator',
  'Handoff Indicator',
  'RFC 5213 §8.4',
  HANDOFF_INDICATOR_NAMES,
  'Why the MAG sends this PBU: new attachment, handoff, unknown or re-registration.',
);

export const accessTechnologyTypeCodec = oneOctetCodec<AccessTechnologyTypeOption>(
  24,
  'access-technology-type',
  'Access Technology Type',
  'RFC 5213 §8.5',
  ACCESS_TECHNOLOGY_TYPE_NAMES,
  'Radio or link technology the mobile node attached over.',
);
