/**
 * Mobility Header codec — public API (RFC 6275 §6.1 and the PMIPv6 family: RFC 5213, 5844, 5845, 5846,
 * 5847, 5949, 6602, 6705, 7077, 7864). Everything else in this folder is reached through here.
 *
 *   emitMobility(msg, src, dst, opts?)            → MH bytes (checksum filled in; padding inserted)
 *   parseMobility(bytes, offset, length, src, dst) → Parsed<message + payloadProto/headerLen/checksum/checksumValid>
 *   mobilityFields(bytes, offset, length, src, dst) → inspector field tree (whole-packet offsets)
 *   mobilityLabel(msg)                             → "PBU seq=3 HI=3", "PBA status=0", …
 *   findOption(msg, type) / findOptions(msg, type)
 */
export {
  emitMobility,
  parseMobility,
  type EmitMobilityOptions,
  type ParsedMobilityMessage,
} from './mobility';
export { mobilityFields } from './inspect';
export { mobilityLabel } from './label';
export { findOption, findOptions, optionsOf } from './find';
export {
  MH_COMMON_LEN,
  MH_MAX_LEN,
  MH_NEXT_HEADER,
  MH_PAYLOAD_PROTO_NONE,
  type MobilityHeaderInfo,
} from './mobility-header';

export type {
  KnownMobilityMessage,
  MessageOf,
  MobilityMessage,
  MobilityMessageType,
  UnknownMobilityMessage,
} from './messages';
export {
  BA_FLAG_BITS,
  baFlags,
  baFlagsValue,
  readBaFlags,
  type BaFlagLetter,
  type BaFlags,
  type BindingAck,
} from './messages/binding-ack';
export { type BindingError } from './messages/binding-error';
export { type BindingRefreshRequest } from './messages/binding-refresh-request';
export {
  BR_FLAG_BITS,
  BR_TYPE,
  brFlags,
  brFlagsValue,
  readBrFlags,
  type BindingRevocationAck,
  type BindingRevocationIndication,
  type BrFlagLetter,
  type BrFlags,
} from './messages/binding-revocation';
export {
  BU_FLAG_BITS,
  buFlags,
  buFlagsValue,
  readBuFlags,
  type BindingUpdate,
  type BuFlagLetter,
  type BuFlags,
} from './messages/binding-update';
export { flagsValue, makeFlags, readFlags, type FlagBit, type Flags } from './messages/codec';
export {
  HACK_FLAG_BITS,
  HI_FLAG_BITS,
  hackFlags,
  hackFlagsValue,
  hiFlags,
  hiFlagsValue,
  readHackFlags,
  readHiFlags,
  type HackFlagLetter,
  type HackFlags,
  type HandoverAck,
  type HandoverInitiate,
  type HiFlagLetter,
  type HiFlags,
} from './messages/handover';
export {
  HEARTBEAT_FLAG_BITS,
  heartbeatFlags,
  heartbeatFlagsValue,
  readHeartbeatFlags,
  type Heartbeat,
  type HeartbeatFlagLetter,
  type HeartbeatFlags,
} from './messages/heartbeat';
export {
  LRA_FLAG_BITS,
  lraFlags,
  lraFlagsValue,
  readLraFlags,
  type LocalizedRoutingAck,
  type LocalizedRoutingInitiation,
  type LraFlagLetter,
  type LraFlags,
} from './messages/localized-routing';
export {
  UPN_FLAG_BITS,
  readUpnFlags,
  upnFlags,
  upnFlagsValue,
  type UpdateNotification,
  type UpdateNotificationAck,
  type UpnFlagLetter,
  type UpnFlags,
} from './messages/update-notification';

export {
  optionAlignment,
  optionCode,
  optionName,
  type MobilityOption,
  type MobilityOptionType,
  type OptionOf,
  type UnknownOption,
} from './options';
export type { AlternateCoaOption, LinkLocalAddressOption } from './options/addresses';
export type {
  ContextRequestItem,
  ContextRequestOption,
  LmaAddressOption,
  MnLlaIidOption,
} from './options/fast-handover';
export type { GreKeyOption } from './options/gre-key';
export type { HnpOption } from './options/home-network-prefix';
export type { AccessTechnologyTypeOption, HandoffIndicatorOption } from './options/indicators';
export type {
  Ipv4DefaultRouterOption,
  Ipv4DhcpSupportModeOption,
  Ipv4HoaReplyOption,
  Ipv4HoaRequestOption,
} from './options/ipv4-home-address';
export type { Ipv4CoaOption, NatDetectionOption } from './options/ipv4-transport';
export type { MagIpv6AddressOption } from './options/mag-ipv6-address';
export type { MnGroupIdOption } from './options/mn-group-id';
export type { MnIdOption } from './options/mn-identifier';
export type { MnLinkLayerIdOption } from './options/mn-link-layer-id';
export type { RestartCounterOption } from './options/restart-counter';
export {
  compareTimestamps,
  timestampFromMicros,
  timestampToMicros,
  type TimestampOption,
  type TimestampValue,
} from './options/timestamp';
export type { VendorSpecificOption } from './options/vendor-specific';

export * from './codes';
export * from './names';
