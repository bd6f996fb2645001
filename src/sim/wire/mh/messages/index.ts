/**
 * Every Mobility Header message this codec decodes, as one discriminated union keyed by `type` (each also
 * carries its `mhType` number), and the lookup from a type name or from the wire to the message module.
 * MH Types without a module here are kept whole as `{ type: 'unknown', mhType, data }`, so a receiver can
 * still answer them with Binding Error status 2 (RFC 6275 §9.2) and a capture still round-trips.
 */
import type { MobilityOption } from '../options';
import { bindingAckCodec, type BindingAck } from './binding-ack';
import { bindingErrorCodec, type BindingError } from './binding-error';
import { bindingRefreshRequestCodec, type BindingRefreshRequest } from './binding-refresh-request';
import {
  BR_TYPE,
  bindingRevocationAckCodec,
  bindingRevocationIndicationCodec,
  type BindingRevocationAck,
  type BindingRevocationIndication,
} from './binding-revocation';
import { bindingUpdateCodec, type BindingUpdate } from './binding-update';
import type { MessageCodec } from './codec';
import { handoverAckCodec, handoverInitiateCodec, type HandoverAck, type HandoverInitiate } from './handover';
import { heartbeatCodec, type Heartbeat } from './heartbeat';
import {
  localizedRoutingAckCodec,
  localizedRoutingInitiationCodec,
  type LocalizedRoutingAck,
  type LocalizedRoutingInitiation,
} from './localized-routing';
import {
  updateNotificationAckCodec,
  updateNotificationCodec,
  type UpdateNotification,
  type UpdateNotificationAck,
} from './update-notification';

/** A message of an MH Type (or a Binding Revocation B.R. Type) not decoded here, kept verbatim. */
export interface UnknownMobilityMessage {
  readonly type: 'unknown';
  readonly mhType: number;
  /** Everything after the 6-octet common header (message data, options and padding). */
  readonly data: Uint8Array;
}

export type MobilityMessage =
  | BindingRefreshRequest
  | BindingUpdate
  | BindingAck
  | BindingError
  | Heartbeat
  | HandoverInitiate
  | HandoverAck
  | BindingRevocationIndication
  | BindingRevocationAck
  | LocalizedRoutingInitiation
  | LocalizedRoutingAck
  | UpdateNotification
  | UpdateNotificationAck
  | UnknownMobilityMessage;

export type MobilityMessageType = MobilityMessage['type'];
/** The message representation for a `type` name, e.g. `MessageOf<'binding-update'>`. */
export type MessageOf<K extends MobilityMessageType> = Extract<MobilityMessage, { readonly type: K }>;
/** Every message that has an option list. */
export type KnownMobilityMessage = Exclude<MobilityMessage, UnknownMobilityMessage>;

type AnyMessageCodec = MessageCodec<KnownMobilityMessage> & {
  read(buf: Uint8Array, at: number, options: MobilityOption[]): KnownMobilityMessage;
};

const CODECS = [
  bindingRefreshRequestCodec,
  bindingUpdateCodec,
  bindingAckCodec,
  bindingErrorCodec,
  heartbeatCodec,
  handoverInitiateCodec,
  handoverAckCodec,
  bindingRevocationIndicationCodec,
  bindingRevocationAckCodec,
  localizedRoutingInitiationCodec,
  localizedRoutingAckCodec,
  updateNotificationCodec,
  updateNotificationAckCodec,
] as unknown as readonly AnyMessageCodec[];

const BY_TYPE: ReadonlyMap<string, AnyMessageCodec> = new Map(CODECS.map((c) => [c.type, c]));
const BY_MH_TYPE: readonly (AnyMessageCodec | undefined)[] = (() => {
  const table = new Array<AnyMessageCodec | undefined>(256).fill(undefined);
  for (const c of CODECS) if (c.mhType !== 16) table[c.mhType] = c;
  return table;
})();
const REVOCATION = [
  undefined,
  BY_TYPE.get('binding-revocation-indication'),
  BY_TYPE.get('binding-revocation-ack'),
];

export function messageCodecForType(type: string): AnyMessageCodec | undefined {
  return BY_TYPE.get(type);
}

/**
 * The module for the message at `mhStart` whose total length is `length`; undefined for MH Types (and
 * B.R. Types) not decoded here. Binding Revocation (16) is told apart by its first data octet.
 */
export function messageCodecForWire(
  buf: Uint8Array,
  mhStart: number,
  length: number,
): AnyMessageCodec | undefined {
  const mhType = buf[mhStart + 2];
  if (mhType !== 16) return BY_MH_TYPE[mhType];
  if (length < 7) return undefined;
  const brType = buf[mhStart + 6];
  return brType === BR_TYPE.INDICATION || brType === BR_TYPE.ACKNOWLEDGEMENT ? REVOCATION[brType] : undefined;
}
