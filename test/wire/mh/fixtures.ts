/**
 * The six Mobility Header golden vectors of the reference digest §7.3–§7.7 (whole IPv6 packets, copied
 * from ../shared/reference/vectors/vectors.json; checksums verified there with scapy and tshark), with
 * the representation of each message built by hand from the annotated tables (vectors/annot.md).
 */
import { fromHex } from '../../../src/sim/wire/bytes';
import {
  baFlags,
  buFlags,
  heartbeatFlags,
  type MobilityMessage,
  type MobilityOption,
} from '../../../src/sim/wire/mh';

export const MAG = '2001:db8:ffff::2';
export const LMA = '2001:db8:ffff::1';

export interface GoldenVector {
  readonly name: string;
  readonly packet: Uint8Array;
  readonly src: string;
  readonly dst: string;
  readonly headerLen: number;
  readonly checksum: number;
  readonly message: MobilityMessage;
}

const MN_ID: MobilityOption = { type: 'mn-id', subtype: 1, id: 'mn1@example.com' };
const LL_ID: MobilityOption = { type: 'mn-link-layer-id', id: '00:11:22:33:44:55' };
const ATT_WLAN: MobilityOption = { type: 'access-technology-type', value: 4 };
const ALL_ZERO_HNP: MobilityOption = { type: 'hnp', prefix: '::', prefixLength: 0, offLink: false };
const ASSIGNED_HNP: MobilityOption = {
  type: 'hnp',
  prefix: '2001:db8:1:1::',
  prefixLength: 64,
  offLink: false,
};
/** 2024-01-01T00:00:00.5Z: 1 704 067 200 s = 0x0000_6592_0080, fraction 0x8000 (digest §7). */
const TS_INITIAL: MobilityOption = { type: 'timestamp', seconds: 1704067200, fraction: 0x8000 };

export const GOLDEN: readonly GoldenVector[] = [
  {
    name: 'pbu_initial',
    packet: fromHex(
      '600000000058874020010db8ffff0000000000000000000220010db8ffff000000000000000000013b0a05006e220001820003840810016d6e31406578616d706c652e636f6d01040000000016120000000000000000000000000000000000001908000000112233445517020001180200041b08000065920080800001020000',
    ),
    src: MAG,
    dst: LMA,
    headerLen: 10,
    checksum: 0x6e22,
    message: {
      type: 'binding-update',
      mhType: 5,
      sequence: 1,
      flags: buFlags('A', 'P'),
      lifetime: 900,
      options: [MN_ID, ALL_ZERO_HNP, LL_ID, { type: 'handoff-indicator', value: 1 }, ATT_WLAN, TS_INITIAL],
    },
  },
  {
    name: 'pba_success',
    packet: fromHex(
      '600000000058874020010db8ffff0000000000000000000120010db8ffff000000000000000000023b0a0600c1070020000103840810016d6e31406578616d706c652e636f6d0104000000001612004020010db80001000100000000000000001908000000112233445517020001180200041b08000065920080800001020000',
    ),
    src: LMA,
    dst: MAG,
    headerLen: 10,
    checksum: 0xc107,
    message: {
      type: 'binding-ack',
      mhType: 6,
      status: 0,
      flags: baFlags('P'),
      sequence: 1,
      lifetime: 900,
      options: [MN_ID, ASSIGNED_HNP, LL_ID, { type: 'handoff-indicator', value: 1 }, ATT_WLAN, TS_INITIAL],
    },
  },
  {
    name: 'pbu_dereg',
    packet: fromHex(
      '600000000058874020010db8ffff0000000000000000000220010db8ffff000000000000000000013b0a0500c14f0002820000000810016d6e31406578616d706c652e636f6d0104000000001612004020010db80001000100000000000000001908000000112233445517020004180200041b080000659202d8000001020000',
    ),
    src: MAG,
    dst: LMA,
    headerLen: 10,
    checksum: 0xc14f,
    message: {
      type: 'binding-update',
      mhType: 5,
      sequence: 2,
      flags: buFlags('A', 'P'),
      lifetime: 0,
      options: [
        MN_ID,
        ASSIGNED_HNP,
        LL_ID,
        { type: 'handoff-indicator', value: 4 },
        ATT_WLAN,
        { type: 'timestamp', seconds: 1704067800, fraction: 0 },
      ],
    },
  },
  {
    name: 'pba_reject_160',
    packet: fromHex(
      '600000000030874020010db8ffff0000000000000000000120010db8ffff000000000000000000023b0506007189a02000070000080101010300000016120000000000000000000000000000000000001702000118020004',
    ),
    src: LMA,
    dst: MAG,
    headerLen: 5,
    checksum: 0x7189,
    message: {
      type: 'binding-ack',
      mhType: 6,
      status: 160,
      flags: baFlags('P'),
      sequence: 7,
      lifetime: 0,
      options: [
        { type: 'mn-id', subtype: 1, id: '' },
        ALL_ZERO_HNP,
        { type: 'handoff-indicator', value: 1 },
        ATT_WLAN,
      ],
    },
  },
  {
    name: 'heartbeat_req',
    packet: fromHex(
      '600000000010874020010db8ffff0000000000000000000220010db8ffff000000000000000000013b010d005aef00000000000101020000',
    ),
    src: MAG,
    dst: LMA,
    headerLen: 1,
    checksum: 0x5aef,
    message: { type: 'heartbeat', mhType: 13, flags: heartbeatFlags(), sequence: 1, options: [] },
  },
  {
    name: 'heartbeat_resp_rc',
    packet: fromHex(
      '600000000018874020010db8ffff0000000000000000000120010db8ffff000000000000000000023b020d003dde00010000000101001c040000000301020000',
    ),
    src: LMA,
    dst: MAG,
    headerLen: 2,
    checksum: 0x3dde,
    message: {
      type: 'heartbeat',
      mhType: 13,
      flags: heartbeatFlags('R'),
      sequence: 1,
      options: [{ type: 'restart-counter', value: 3 }],
    },
  },
];

/** The MH of a golden packet (everything after the 40-octet IPv6 header). */
export const mhOf = (v: GoldenVector): Uint8Array => v.packet.subarray(40);

export const golden = (name: string): GoldenVector => {
  const v = GOLDEN.find((g) => g.name === name);
  if (!v) throw new Error(`no golden vector ${name}`);
  return v;
};

/** A parsed message without the common-header facts, for comparing with a hand-built representation. */
export function withoutHeaderInfo(m: object): MobilityMessage {
  const {
    payloadProto: _p,
    headerLen: _h,
    checksum: _c,
    checksumValid: _v,
    ...rest
  } = m as Record<string, unknown>;
  return rest as unknown as MobilityMessage;
}
