/**
 * `ctx.lib`: the small helpers an agent file may use at run time. Agent files cannot import values (they
 * are loaded as standalone modules in the learner's editor), so the host hands these over in the context.
 * Mechanics only: comparisons, constants, formatting. The protocol decisions stay in the agent files.
 */
import { MS, SECOND } from '../../core/time';
import type { Micros } from '../../core/time';
import {
  parsePrefix as parsePrefixText,
  prefixContains as contains,
  isLinkLocal as linkLocal,
} from '../../wire/addr';
import { BA_STATUS } from '../../wire/mh/codes';
import { ACCESS_TECHNOLOGY_TYPE_NAMES, BA_STATUS_NAMES, HANDOFF_INDICATOR_NAMES } from '../../wire/mh/names';
import type { AgentLib, HomeNetworkPrefix, Prefix } from '../api';

// One table of codes and names for the codec, the inspector and the agents (src/sim/wire/mh).
const STATUS = BA_STATUS;

/** A table's name as it reads inside a sentence: "Handoff state unknown" → "handoff state unknown". */
const inSentence = (names: Readonly<Record<number, string>>): Readonly<Record<number, string>> =>
  Object.fromEntries(
    Object.entries(names).map(([k, v]) => [k, /^[A-Z][a-z]/.test(v) ? v[0].toLowerCase() + v.slice(1) : v]),
  );
const STATUS_NAMES = inSentence(BA_STATUS_NAMES);
const HI_NAMES = inSentence(HANDOFF_INDICATOR_NAMES);
const ATT_NAMES = ACCESS_TECHNOLOGY_TYPE_NAMES;

const named = (table: Readonly<Record<number, string>>, v: number): string =>
  table[v] !== undefined ? `${table[v]} (${v})` : `${v}`;

const ALL_ZERO_PREFIX: HomeNetworkPrefix = Object.freeze({ prefix: '::', length: 0 });

/** RFC 6275 §9.5.1: a is greater than b modulo 2^16 unless it is b or one of the 32 768 values before it. */
function seqGreater(a: number, b: number): boolean {
  const diff = (a - b) & 0xffff;
  return diff !== 0 && diff < 0x8000;
}

const prefixEquals = (a: Prefix, b: Prefix): boolean => a.prefix === b.prefix && a.length === b.length;

function prefixSetEquals(a: readonly Prefix[], b: readonly Prefix[]): boolean {
  if (a.length !== b.length) return false;
  return (
    a.every((p) => b.some((q) => prefixEquals(p, q))) && b.every((q) => a.some((p) => prefixEquals(p, q)))
  );
}

/** ISO text of a time of day in µs since 1970, computed without Date (src/sim is host-free). */
function formatTimestamp(us: number): string {
  const totalMs = Math.floor(us / 1000);
  const ms = totalMs % 1000;
  const totalS = Math.floor(totalMs / 1000);
  const days = Math.floor(totalS / 86400);
  const secs = totalS % 86400;
  const { y, m, d } = civilFromDays(days);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = `${p2(Math.floor(secs / 3600))}:${p2(Math.floor((secs % 3600) / 60))}:${p2(secs % 60)}`;
  return `${y}-${p2(m)}-${p2(d)}T${time}.${String(ms).padStart(3, '0')}Z`;
}

/** Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar). */
function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const formatDuration = (us: Micros): string => `${(us / SECOND).toFixed(3)} s`;

export const agentLib: AgentLib = Object.freeze({
  SECOND,
  MS,
  BU: Object.freeze({
    A: 0x8000,
    H: 0x4000,
    L: 0x2000,
    K: 0x1000,
    M: 0x0800,
    R: 0x0400,
    P: 0x0200,
    F: 0x0100,
    T: 0x0080,
    B: 0x0040,
  }),
  BA: Object.freeze({ K: 0x80, R: 0x40, P: 0x20, T: 0x10, B: 0x08 }),
  STATUS: Object.freeze(STATUS),
  HI: Object.freeze({
    NEW_INTERFACE: 1,
    INTER_INTERFACE: 2,
    INTER_MAG_SAME_INTERFACE: 3,
    UNKNOWN: 4,
    NOT_CHANGED: 5,
  } as const),
  ATT: Object.freeze({
    VIRTUAL: 1,
    PPP: 2,
    ETHERNET: 3,
    WLAN: 4,
    WIMAX: 5,
    GERAN: 6,
    UTRAN: 7,
    EUTRAN: 8,
  } as const),
  ALL_ZERO_PREFIX,
  ALL_ZERO_ADDRESS: '::',
  statusName: (s: number) => named(STATUS_NAMES, s),
  hiName: (hi: number) => named(HI_NAMES, hi),
  attName: (att: number) => named(ATT_NAMES, att),
  seqNext: (seq: number) => (seq + 1) & 0xffff,
  seqGreater,
  isAllZeroPrefix: (p: Prefix) => p.prefix === '::' && p.length === 0,
  prefixEquals,
  prefixSetEquals,
  formatPrefix: (p: Prefix) => `${p.prefix}/${p.length}`,
  parsePrefix: (text: string) => parsePrefixText(text),
  prefixContains: (p: Prefix, address: string) => contains(p, address),
  isLinkLocal: (address: string) => linkLocal(address),
  formatTimestamp,
  formatDuration,
});
