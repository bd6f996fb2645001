/**
 * fast-check generators of valid representations, for the round-trip properties. Each one produces only
 * what the codec can represent exactly (e.g. options headers already padded to 8 octets, fragments that
 * end the chain), so that parse(emit(x)) must equal x.
 */
import fc from 'fast-check';
import { formatIPv4, formatIPv6, formatMac } from '../../../src/sim/wire/addr';
import type { ExtHeader } from '../../../src/sim/wire/ext-headers';
import type { GrePacket } from '../../../src/sim/wire/gre';
import type { Icmpv6Message } from '../../../src/sim/wire/icmpv6';
import type { IPv4Packet } from '../../../src/sim/wire/ipv4';
import type { IPv6Option } from '../../../src/sim/wire/ipv6-options';
import { ipv6OptionsSize, ipv6Padding } from '../../../src/sim/wire/ipv6-options';
import type { IPv6Packet } from '../../../src/sim/wire/ipv6';
import type { NdOption } from '../../../src/sim/wire/nd-options';
import type { RouterPreference } from '../../../src/sim/wire/ndisc';
import type { UdpDatagram } from '../../../src/sim/wire/udp';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });
/** Byte strings whose length is congruent to `rem` modulo `mod`. */
const bytesMod = (mod: number, rem: number, maxUnits: number) =>
  fc
    .integer({ min: 0, max: maxUnits })
    .chain((k) => fc.uint8Array({ minLength: k * mod + rem, maxLength: k * mod + rem }));

export const ipv6Address = fc
  .oneof(
    fc.uint8Array({ minLength: 16, maxLength: 16 }),
    fc
      .uint8Array({ minLength: 2, maxLength: 2 })
      .map((b) => Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, ...new Array(10).fill(0), b[0], b[1])),
  )
  .map((b) => formatIPv6(b));
export const ipv4Address = fc.uint8Array({ minLength: 4, maxLength: 4 }).map((b) => formatIPv4(b));
const mac = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => formatMac(b));

const ipv6Option: fc.Arbitrary<IPv6Option> = fc.oneof(
  fc.constant<IPv6Option>({ kind: 'pad1' }),
  fc.integer({ min: 0, max: 9 }).map<IPv6Option>((length) => ({ kind: 'padn', length })),
  u8.map<IPv6Option>((limit) => ({ kind: 'tunnel-encap-limit', limit })),
  u16.map<IPv6Option>((value) => ({ kind: 'router-alert', value })),
  fc
    .record({ type: u8.filter((t) => ![0, 1, 4, 5].includes(t)), data: bytes(12) })
    .map<IPv6Option>((o) => ({ kind: 'unknown', ...o })),
);

/** Options that fill their header exactly, so no padding is added on emit. */
const filledOptions = fc
  .array(ipv6Option, { maxLength: 5 })
  .map((opts) => [...opts, ...ipv6Padding((8 - ((2 + ipv6OptionsSize(opts)) % 8)) % 8)]);

const middleHeader: fc.Arbitrary<ExtHeader> = fc.oneof(
  filledOptions.map<ExtHeader>((options) => ({ kind: 'destination-options', options })),
  fc
    .record({ routingType: u8, segmentsLeft: u8, data: bytesMod(8, 4, 3) })
    .map<ExtHeader>((r) => ({ kind: 'routing', ...r })),
  fc
    .record({ protocol: fc.constantFrom(51, 139, 140, 253, 254), data: bytesMod(8, 6, 3) })
    .map<ExtHeader>((o) => ({ kind: 'other', ...o })),
  u32.map<ExtHeader>((identification) => ({
    kind: 'fragment',
    fragmentOffset: 0,
    more: false,
    identification,
  })),
);

const fragment = fc
  .record({ fragmentOffset: fc.integer({ min: 0, max: 0x1fff }), more: fc.boolean(), identification: u32 })
  .map<ExtHeader>((f) => ({ kind: 'fragment', ...f }));

const extChain: fc.Arbitrary<ExtHeader[]> = fc
  .record({
    hbh: fc.option(filledOptions, { nil: undefined }),
    middle: fc.array(middleHeader, { maxLength: 3 }),
    frag: fc.option(fragment, { nil: undefined }),
  })
  .map(({ hbh, middle, frag }) => [
    ...(hbh ? [{ kind: 'hop-by-hop', options: hbh } as ExtHeader] : []),
    ...middle,
    ...(frag ? [frag] : []),
  ]);

export const ipv6Packet: fc.Arbitrary<IPv6Packet> = fc.record({
  trafficClass: u8,
  flowLabel: fc.integer({ min: 0, max: 0xfffff }),
  hopLimit: u8,
  src: ipv6Address,
  dst: ipv6Address,
  extHeaders: extChain,
  nextHeader: fc.constantFrom(4, 6, 17, 41, 47, 50, 58, 59, 135, 200),
  payload: bytes(64),
});

const ndOption: fc.Arbitrary<NdOption> = fc.oneof(
  mac.map<NdOption>((address) => ({ kind: 'source-lla', address })),
  mac.map<NdOption>((address) => ({ kind: 'target-lla', address })),
  u32.map<NdOption>((mtu) => ({ kind: 'mtu', mtu })),
  fc
    .record({
      prefixLength: u8,
      onLink: fc.boolean(),
      autonomous: fc.boolean(),
      routerAddress: fc.boolean(),
      validLifetime: u32,
      preferredLifetime: u32,
      prefix: ipv6Address,
    })
    .map<NdOption>((p) => ({ kind: 'prefix-info', ...p })),
  fc
    .record({ type: u8.filter((t) => ![1, 2, 3, 5].includes(t)), data: bytesMod(8, 6, 2) })
    .map<NdOption>((o) => ({ kind: 'unknown', ...o })),
);
const ndOptions = fc.array(ndOption, { maxLength: 4 });

export const icmpv6Message: fc.Arbitrary<Icmpv6Message> = fc.oneof(
  fc.record({
    type: fc.constantFrom<'echo-request' | 'echo-reply'>('echo-request', 'echo-reply'),
    identifier: u16,
    sequence: u16,
    data: bytes(40),
  }),
  fc.record({
    type: fc.constant<'destination-unreachable'>('destination-unreachable'),
    code: u8,
    invoking: bytes(60),
  }),
  fc.record({ type: fc.constant<'time-exceeded'>('time-exceeded'), code: u8, invoking: bytes(60) }),
  fc.record({ type: fc.constant<'packet-too-big'>('packet-too-big'), mtu: u32, invoking: bytes(60) }),
  fc.record({
    type: fc.constant<'parameter-problem'>('parameter-problem'),
    code: u8,
    pointer: u32,
    invoking: bytes(60),
  }),
  fc.record({ type: fc.constant<'router-solicitation'>('router-solicitation'), options: ndOptions }),
  fc.record({
    type: fc.constant<'router-advertisement'>('router-advertisement'),
    curHopLimit: u8,
    managed: fc.boolean(),
    other: fc.boolean(),
    homeAgent: fc.boolean(),
    preference: fc.constantFrom<RouterPreference>('medium', 'high', 'reserved', 'low'),
    proxy: fc.boolean(),
    routerLifetime: u16,
    reachableTime: u32,
    retransTimer: u32,
    options: ndOptions,
  }),
  fc.record({
    type: fc.constant<'neighbor-solicitation'>('neighbor-solicitation'),
    target: ipv6Address,
    options: ndOptions,
  }),
  fc.record({
    type: fc.constant<'neighbor-advertisement'>('neighbor-advertisement'),
    router: fc.boolean(),
    solicited: fc.boolean(),
    override: fc.boolean(),
    target: ipv6Address,
    options: ndOptions,
  }),
  fc.record({
    type: fc.constant<'unknown'>('unknown'),
    icmpType: u8.filter((t) => !(t >= 1 && t <= 4) && ![128, 129, 133, 134, 135, 136].includes(t)),
    code: u8,
    body: bytes(30),
  }),
);

export const udpDatagram: fc.Arbitrary<UdpDatagram> = fc.record({
  srcPort: u16,
  dstPort: u16,
  payload: bytes(64),
});

export const ipv4Packet: fc.Arbitrary<IPv4Packet> = fc.record({
  tos: u8,
  identification: u16,
  dontFragment: fc.boolean(),
  moreFragments: fc.boolean(),
  fragmentOffset: fc.integer({ min: 0, max: 0x1fff }),
  ttl: u8,
  protocol: u8,
  src: ipv4Address,
  dst: ipv4Address,
  options: bytesMod(4, 0, 10),
  payload: bytes(64),
});

export const grePacket: fc.Arbitrary<GrePacket> = fc
  .record({
    protocolType: fc.oneof(fc.constantFrom(0x86dd, 0x0800), u16),
    withChecksum: fc.boolean(),
    key: fc.option(u32, { nil: undefined }),
    sequence: fc.option(u32, { nil: undefined }),
    payload: bytes(64),
  })
  .map(({ key, sequence, ...rest }) => ({
    ...rest,
    ...(key !== undefined ? { key } : {}),
    ...(sequence !== undefined ? { sequence } : {}),
  }));
