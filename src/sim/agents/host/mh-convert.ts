/**
 * Agent messages (api.ts: PBU/PBA with decoded options) ↔ the Mobility Header codec's representation
 * (src/sim/wire/mh). The agent sees one field per RFC 5213 option; the wire keeps the option list.
 *
 * Option order on the wire (RFC 5213 §8.1/§8.2 allow any order): MN-ID, HNP…, MN LL-ID, HI, ATT,
 * Link-local Address, Timestamp, Alternate CoA, then the others as received — the order of the digest's
 * golden packets (§7.3–§7.6), so that the encoder's alignment padding reproduces them byte for byte.
 */
import type { BindingAck } from '../../wire/mh/messages/binding-ack';
import { BA_FLAG_BITS } from '../../wire/mh/messages/binding-ack';
import type { BindingUpdate } from '../../wire/mh/messages/binding-update';
import { BU_FLAG_BITS } from '../../wire/mh/messages/binding-update';
import { flagsValue } from '../../wire/mh/messages/codec';
import type { FlagBit, Flags } from '../../wire/mh/messages/codec';
import type { MobilityOption } from '../../wire/mh/options';
import type {
  AgentMessage,
  HomeNetworkPrefix,
  OtherOption,
  PmipOptions,
  ProxyBindingAck,
  ProxyBindingUpdate,
} from '../api';

const US_PER_S = 1_000_000;

/** RFC 5213 §8.8 48.16 fixed point → µs since 1970, rounding up so that the way back is exact. */
export function timestampToUs(seconds: number, fraction: number): number {
  return seconds * US_PER_S + Math.ceil((fraction * US_PER_S) / 65536);
}

/** µs since 1970 → RFC 5213 §8.8 seconds and 1/65536 fraction (truncated). */
export function usToTimestamp(us: number): { seconds: number; fraction: number } {
  const seconds = Math.floor(us / US_PER_S);
  return { seconds, fraction: Math.floor(((us - seconds * US_PER_S) * 65536) / US_PER_S) };
}

/** The flags object of a numeric flags field (the wire keeps flags by letter). */
function readFlags<L extends string>(value: number, bits: readonly FlagBit<L>[]): Flags<L> {
  const out = {} as Record<L, boolean>;
  for (const b of bits) out[b.letter] = (value & b.mask) !== 0;
  return out;
}

/** Seconds → the 16-bit lifetime field in 4-second units (RFC 6275 §6.1.7), rounded down, at most 65 535. */
export const lifetimeUnits = (seconds: number): number =>
  Math.max(0, Math.min(0xffff, Math.floor(seconds / 4)));

function toWireOptions(m: PmipOptions): MobilityOption[] {
  const out: MobilityOption[] = [];
  if (m.mnId !== undefined) out.push({ type: 'mn-id', subtype: m.mnIdSubtype ?? 1, id: m.mnId });
  for (const p of m.hnps)
    out.push({
      type: 'hnp',
      prefix: p.prefix,
      prefixLength: p.length,
      offLink: ((p.flags ?? 0) & 0x80) !== 0,
    });
  if (m.mnLlId !== undefined) out.push({ type: 'mn-link-layer-id', id: m.mnLlId });
  if (m.hi !== undefined) out.push({ type: 'handoff-indicator', value: m.hi });
  if (m.att !== undefined) out.push({ type: 'access-technology-type', value: m.att });
  if (m.linkLocal !== undefined) out.push({ type: 'link-local-address', address: m.linkLocal });
  if (m.timestamp !== undefined) out.push({ type: 'timestamp', ...usToTimestamp(m.timestamp) });
  if (m.altCoa !== undefined) out.push({ type: 'alternate-coa', address: m.altCoa });
  for (const o of m.other ?? []) out.push(o as unknown as MobilityOption);
  return out;
}

/** The RFC 5213 options of a received message; the first of each single-instance option counts. */
function fromWireOptions(options: readonly MobilityOption[]): PmipOptions {
  const hnps: HomeNetworkPrefix[] = [];
  const other: OtherOption[] = [];
  const m: { -readonly [K in keyof PmipOptions]: PmipOptions[K] } = { hnps };
  for (const o of options) {
    switch (o.type) {
      case 'mn-id':
        if (m.mnId === undefined) {
          m.mnId = o.id;
          if (o.subtype !== 1) m.mnIdSubtype = o.subtype;
        }
        break;
      case 'hnp':
        hnps.push({ prefix: o.prefix, length: o.prefixLength, ...(o.offLink ? { flags: 0x80 } : {}) });
        break;
      case 'handoff-indicator':
        m.hi ??= o.value;
        break;
      case 'access-technology-type':
        m.att ??= o.value;
        break;
      case 'mn-link-layer-id':
        m.mnLlId ??= o.id;
        break;
      case 'link-local-address':
        m.linkLocal ??= o.address;
        break;
      case 'timestamp':
        m.timestamp ??= timestampToUs(o.seconds, o.fraction);
        break;
      case 'alternate-coa':
        m.altCoa ??= o.address;
        break;
      default:
        other.push(o as unknown as OtherOption);
    }
  }
  if (other.length > 0) m.other = other;
  return m;
}

export function toWireMessage(msg: AgentMessage): BindingUpdate | BindingAck {
  const options = toWireOptions(msg);
  if (msg.type === 'pbu') {
    return {
      type: 'binding-update',
      mhType: 5,
      sequence: msg.seq & 0xffff,
      flags: readFlags(msg.flags & 0xffff, BU_FLAG_BITS),
      lifetime: lifetimeUnits(msg.lifetime),
      options,
    };
  }
  return {
    type: 'binding-ack',
    mhType: 6,
    status: msg.status & 0xff,
    flags: readFlags(msg.flags & 0xff, BA_FLAG_BITS),
    sequence: msg.seq & 0xffff,
    lifetime: lifetimeUnits(msg.lifetime),
    options,
  };
}

export function fromBindingUpdate(bu: BindingUpdate): ProxyBindingUpdate {
  return {
    type: 'pbu',
    seq: bu.sequence,
    flags: flagsValue(bu.flags, BU_FLAG_BITS),
    lifetime: bu.lifetime * 4,
    ...fromWireOptions(bu.options),
  };
}

export function fromBindingAck(ba: BindingAck): ProxyBindingAck {
  return {
    type: 'pba',
    status: ba.status,
    flags: flagsValue(ba.flags, BA_FLAG_BITS),
    seq: ba.sequence,
    lifetime: ba.lifetime * 4,
    ...fromWireOptions(ba.options),
  };
}
