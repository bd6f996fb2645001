/** Chart labels (mobilityLabel) and option lookup (findOption / findOptions). */
import { describe, expect, it } from 'vitest';
import {
  baFlags,
  brFlags,
  buFlags,
  findOption,
  findOptions,
  hackFlags,
  heartbeatFlags,
  hiFlags,
  lraFlags,
  mobilityLabel,
  upnFlags,
  type MobilityMessage,
} from '../../../src/sim/wire/mh';
import { golden } from './fixtures';

const hi = (value: number) => ({ type: 'handoff-indicator' as const, value });
const bu = (over: Partial<Extract<MobilityMessage, { type: 'binding-update' }>>): MobilityMessage => ({
  type: 'binding-update',
  mhType: 5,
  sequence: 3,
  flags: buFlags('A', 'P'),
  lifetime: 900,
  options: [hi(3)],
  ...over,
});

describe('mobilityLabel', () => {
  it.each([
    ['PBU seq=3 HI=3', bu({})],
    ['PBU seq=3', bu({ options: [] })],
    ['PBU dereg seq=5', bu({ sequence: 5, lifetime: 0, options: [hi(4)] })],
    ['BU seq=3 HI=3', bu({ flags: buFlags('A', 'H') })],
    [
      'PBA status=0',
      {
        type: 'binding-ack',
        mhType: 6,
        status: 0,
        flags: baFlags('P'),
        sequence: 1,
        lifetime: 900,
        options: [],
      },
    ],
    [
      'PBA status=157',
      {
        type: 'binding-ack',
        mhType: 6,
        status: 157,
        flags: baFlags('P'),
        sequence: 1,
        lifetime: 0,
        options: [],
      },
    ],
    [
      'BA status=0',
      { type: 'binding-ack', mhType: 6, status: 0, flags: baFlags(), sequence: 1, lifetime: 0, options: [] },
    ],
    ['HB req seq=1', { type: 'heartbeat', mhType: 13, flags: heartbeatFlags(), sequence: 1, options: [] }],
    ['HB resp', { type: 'heartbeat', mhType: 13, flags: heartbeatFlags('R'), sequence: 1, options: [] }],
    ['HB resp', { type: 'heartbeat', mhType: 13, flags: heartbeatFlags('U', 'R'), sequence: 8, options: [] }],
    [
      'BRI',
      {
        type: 'binding-revocation-indication',
        mhType: 16,
        trigger: 1,
        sequence: 1,
        flags: brFlags('P'),
        options: [],
      },
    ],
    [
      'BRA',
      {
        type: 'binding-revocation-ack',
        mhType: 16,
        status: 0,
        sequence: 1,
        flags: brFlags('P'),
        options: [],
      },
    ],
    ['HI', { type: 'handover-initiate', mhType: 14, sequence: 1, flags: hiFlags('P'), code: 0, options: [] }],
    ['HAck', { type: 'handover-ack', mhType: 15, sequence: 1, flags: hackFlags('P'), code: 5, options: [] }],
    [
      'UPN',
      { type: 'update-notification', mhType: 19, sequence: 1, reason: 1, flags: upnFlags('A'), options: [] },
    ],
    ['UPA', { type: 'update-notification-ack', mhType: 20, sequence: 1, status: 0, options: [] }],
    ['BE status=2', { type: 'binding-error', mhType: 7, status: 2, homeAddress: '::', options: [] }],
    ['BRR', { type: 'binding-refresh-request', mhType: 0, options: [] }],
    ['LRI', { type: 'localized-routing-initiation', mhType: 17, sequence: 1, lifetime: 10, options: [] }],
    [
      'LRA',
      {
        type: 'localized-routing-ack',
        mhType: 18,
        sequence: 1,
        flags: lraFlags(),
        status: 0,
        lifetime: 10,
        options: [],
      },
    ],
    ['MH type 42', { type: 'unknown', mhType: 42, data: new Uint8Array(2) }],
  ] as [string, MobilityMessage][])('%s', (label, msg) => {
    expect(mobilityLabel(msg)).toBe(label);
  });

  it('labels the golden vectors', () => {
    const names = [
      'pbu_initial',
      'pba_success',
      'pbu_dereg',
      'pba_reject_160',
      'heartbeat_req',
      'heartbeat_resp_rc',
    ];
    expect(names.map((n) => mobilityLabel(golden(n).message))).toEqual([
      'PBU seq=1 HI=1',
      'PBA status=0',
      'PBU dereg seq=2',
      'PBA status=160',
      'HB req seq=1',
      'HB resp',
    ]);
  });
});

describe('findOption / findOptions', () => {
  const pbu = bu({
    options: [
      { type: 'mn-id', subtype: 1, id: 'mn1@example.com' },
      { type: 'hnp', prefix: '2001:db8:1:1::', prefixLength: 64, offLink: false },
      { type: 'hnp', prefix: '2001:db8:1:2::', prefixLength: 64, offLink: true },
      hi(2),
    ],
  });

  it('finds the first option of a type, typed by it', () => {
    expect(findOption(pbu, 'mn-id')?.id).toBe('mn1@example.com');
    expect(findOption(pbu, 'hnp')?.prefix).toBe('2001:db8:1:1::');
  });

  it('finds every option of a type in sender order', () => {
    expect(findOptions(pbu, 'hnp').map((o) => [o.prefix, o.offLink])).toEqual([
      ['2001:db8:1:1::', false],
      ['2001:db8:1:2::', true],
    ]);
  });

  it('returns undefined / [] when absent, and for unknown MH types', () => {
    expect(findOption(pbu, 'timestamp')).toBeUndefined();
    expect(findOptions(pbu, 'gre-key')).toEqual([]);
    expect(findOption({ type: 'unknown', mhType: 42, data: new Uint8Array(2) }, 'hnp')).toBeUndefined();
  });
});
