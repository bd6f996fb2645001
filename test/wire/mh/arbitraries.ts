/** fast-check generators for every Mobility Header message and option representation. */
import fc from 'fast-check';
import { formatIPv4, formatIPv6 } from '../../../src/sim/wire/addr';
import { toHex } from '../../../src/sim/wire/bytes';
import { MH_TYPE, OPTION_TYPE, type MobilityMessage, type MobilityOption } from '../../../src/sim/wire/mh';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

/** IPv6 text in canonical form; zero words are frequent so that `::` compression gets exercised. */
export const ipv6 = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), u16), { minLength: 8, maxLength: 8 })
  .map((w) => formatIPv6(Uint8Array.from(w.flatMap((x) => [x >> 8, x & 0xff]))));
export const ipv4 = fc.uint8Array({ minLength: 4, maxLength: 4 }).map((b) => formatIPv4(b));
const colonHex = (min: number, max: number) =>
  fc
    .uint8Array({ minLength: min, maxLength: max })
    .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':'));
const bytes = (max: number) => fc.uint8Array({ maxLength: max });
const bool = fc.boolean();

const KNOWN_OPTION_CODES = new Set<number>(Object.values(OPTION_TYPE));

export const option: fc.Arbitrary<MobilityOption> = fc.oneof(
  fc.record({
    type: fc.constant('mn-id' as const),
    subtype: fc.constant(1),
    id: fc.string({ unit: 'grapheme', maxLength: 30 }),
  }),
  fc.record({
    type: fc.constant('mn-id' as const),
    subtype: u8.filter((s) => s !== 1),
    id: bytes(40).map((b) => toHex(b)),
  }),
  fc.record({
    type: fc.constant('hnp' as const),
    prefix: ipv6,
    prefixLength: fc.integer({ min: 0, max: 128 }),
    offLink: bool,
  }),
  fc.record({ type: fc.constant('handoff-indicator' as const), value: u8 }),
  fc.record({ type: fc.constant('access-technology-type' as const), value: u8 }),
  fc.record({ type: fc.constant('mn-link-layer-id' as const), id: colonHex(0, 20) }),
  fc.record({ type: fc.constant('link-local-address' as const), address: ipv6 }),
  fc.record({
    type: fc.constant('timestamp' as const),
    seconds: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    fraction: u16,
  }),
  fc.record({ type: fc.constant('restart-counter' as const), value: u32 }),
  fc.record({ type: fc.constant('alternate-coa' as const), address: ipv6 }),
  fc.record({ type: fc.constant('vendor-specific' as const), vendorId: u32, subtype: u8, data: bytes(30) }),
  fc.record({ type: fc.constant('nat-detection' as const), forceUdp: bool, refreshTime: u32 }),
  fc.record({ type: fc.constant('ipv4-coa' as const), address: ipv4 }),
  fc.record({ type: fc.constant('gre-key' as const), key: fc.option(u32, { nil: null }) }),
  fc.record({
    type: fc.constant('ipv4-hoa-request' as const),
    prefixLength: fc.integer({ min: 0, max: 32 }),
    address: ipv4,
  }),
  fc.record({
    type: fc.constant('ipv4-hoa-reply' as const),
    status: u8,
    prefixLength: fc.integer({ min: 0, max: 32 }),
    address: ipv4,
  }),
  fc.record({ type: fc.constant('ipv4-default-router' as const), address: ipv4 }),
  fc.record({ type: fc.constant('ipv4-dhcp-support-mode' as const), dhcpServer: bool }),
  fc.record({
    type: fc.constant('context-request' as const),
    requests: fc.array(fc.record({ reqType: u8, data: bytes(12) }), { maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('lma-address' as const), address: fc.oneof(ipv6, ipv4) }),
  fc.record({ type: fc.constant('mn-lla-iid' as const), iid: colonHex(8, 8) }),
  fc.record({ type: fc.constant('mn-group-id' as const), subtype: u8, groupId: u32 }),
  fc.record({ type: fc.constant('mag-ipv6-address' as const), addressLength: u8, address: ipv6 }),
  fc.record({
    type: fc.constant('unknown' as const),
    optType: fc.integer({ min: 2, max: 255 }).filter((t) => !KNOWN_OPTION_CODES.has(t)),
    data: bytes(40),
  }),
);

const options = fc.array(option, { maxLength: 8 });
const flags = <L extends string>(...letters: L[]): fc.Arbitrary<{ [K in L]: boolean }> =>
  fc.record(Object.fromEntries(letters.map((l) => [l, bool]))) as unknown as fc.Arbitrary<{
    [K in L]: boolean;
  }>;

const KNOWN_MH_TYPES = new Set<number>(Object.values(MH_TYPE));

export const message: fc.Arbitrary<MobilityMessage> = fc.oneof(
  fc.record({
    type: fc.constant('binding-refresh-request' as const),
    mhType: fc.constant(0 as const),
    options,
  }),
  fc.record({
    type: fc.constant('binding-update' as const),
    mhType: fc.constant(5 as const),
    sequence: u16,
    flags: flags('A', 'H', 'L', 'K', 'M', 'R', 'P', 'F', 'T', 'B', 'S', 'D'),
    lifetime: u16,
    options,
  }),
  fc.record({
    type: fc.constant('binding-ack' as const),
    mhType: fc.constant(6 as const),
    status: u8,
    flags: flags('K', 'R', 'P', 'T', 'B', 'S', 'D'),
    sequence: u16,
    lifetime: u16,
    options,
  }),
  fc.record({
    type: fc.constant('binding-error' as const),
    mhType: fc.constant(7 as const),
    status: u8,
    homeAddress: ipv6,
    options,
  }),
  fc.record({
    type: fc.constant('heartbeat' as const),
    mhType: fc.constant(13 as const),
    flags: flags('U', 'R'),
    sequence: u32,
    options,
  }),
  fc.record({
    type: fc.constant('handover-initiate' as const),
    mhType: fc.constant(14 as const),
    sequence: u16,
    flags: flags('S', 'U', 'P', 'F'),
    code: u8,
    options,
  }),
  fc.record({
    type: fc.constant('handover-ack' as const),
    mhType: fc.constant(15 as const),
    sequence: u16,
    flags: flags('U', 'P', 'F'),
    code: u8,
    options,
  }),
  fc.record({
    type: fc.constant('binding-revocation-indication' as const),
    mhType: fc.constant(16 as const),
    trigger: u8,
    sequence: u16,
    flags: flags('P', 'V', 'G'),
    options,
  }),
  fc.record({
    type: fc.constant('binding-revocation-ack' as const),
    mhType: fc.constant(16 as const),
    status: u8,
    sequence: u16,
    flags: flags('P', 'V', 'G'),
    options,
  }),
  fc.record({
    type: fc.constant('localized-routing-initiation' as const),
    mhType: fc.constant(17 as const),
    sequence: u16,
    lifetime: u16,
    options,
  }),
  fc.record({
    type: fc.constant('localized-routing-ack' as const),
    mhType: fc.constant(18 as const),
    sequence: u16,
    flags: flags('U'),
    status: u8,
    lifetime: u16,
    options,
  }),
  fc.record({
    type: fc.constant('update-notification' as const),
    mhType: fc.constant(19 as const),
    sequence: u16,
    reason: u16,
    flags: flags('A', 'D'),
    options,
  }),
  fc.record({
    type: fc.constant('update-notification-ack' as const),
    mhType: fc.constant(20 as const),
    sequence: u16,
    status: u8,
    options,
  }),
  // Unknown MH Types keep everything after the common header; a parsed one is always 8k + 2 octets long.
  fc.record({
    type: fc.constant('unknown' as const),
    mhType: u8.filter((t) => !KNOWN_MH_TYPES.has(t)),
    data: fc
      .integer({ min: 0, max: 6 })
      .chain((k) => fc.uint8Array({ minLength: 8 * k + 2, maxLength: 8 * k + 2 })),
  }),
  // A Binding Revocation (16) with a reserved or unassigned B.R. Type is an unknown message too.
  fc.record({
    type: fc.constant('unknown' as const),
    mhType: fc.constant(16),
    data: fc
      .tuple(
        u8.filter((t) => t !== 1 && t !== 2),
        fc.integer({ min: 0, max: 4 }),
      )
      .chain(([br, k]) =>
        fc
          .uint8Array({ minLength: 8 * k + 1, maxLength: 8 * k + 1 })
          .map((rest) => Uint8Array.of(br, ...rest)),
      ),
  }),
);
