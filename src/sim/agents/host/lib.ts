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
import type { AgentLib, HomeNetworkPrefix, Prefix } from '../api';

const STATUS = {
  ACCEPTED: 0,
  REASON_UNSPECIFIED: 128,
  ADMINISTRATIVELY_PROHIBITED: 129,
  INSUFFICIENT_RESOURCES: 130,
  SEQUENCE_NUMBER_OUT_OF_WINDOW: 135,
  PROXY_REG_NOT_ENABLED: 152,
  NOT_LMA_FOR_THIS_MOBILE_NODE: 153,
  MAG_NOT_AUTHORIZED_FOR_PROXY_REG: 154,
  NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX: 155,
  TIMESTAMP_MISMATCH: 156,
  TIMESTAMP_LOWER_THAN_PREV_ACCEPTED: 157,
  MISSING_HOME_NETWORK_PREFIX_OPTION: 158,
  BCE_PBU_PREFIX_SET_DO_NOT_MATCH: 159,
  MISSING_MN_IDENTIFIER_OPTION: 160,
  MISSING_HANDOFF_INDICATOR_OPTION: 161,
  MISSING_ACCESS_TECH_TYPE_OPTION: 162,
} as const;

const STATUS_NAMES: Readonly<Record<number, string>> = {
  0: 'accepted',
  1: 'accepted but prefix discovery necessary',
  128: 'reason unspecified',
  129: 'administratively prohibited',
  130: 'insufficient resources',
  135: 'sequence number out of window',
  152: 'PROXY_REG_NOT_ENABLED',
  153: 'NOT_LMA_FOR_THIS_MOBILE_NODE',
  154: 'MAG_NOT_AUTHORIZED_FOR_PROXY_REG',
  155: 'NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX',
  156: 'TIMESTAMP_MISMATCH',
  157: 'TIMESTAMP_LOWER_THAN_PREV_ACCEPTED',
  158: 'MISSING_HOME_NETWORK_PREFIX_OPTION',
  159: 'BCE_PBU_PREFIX_SET_DO_NOT_MATCH',
  160: 'MISSING_MN_IDENTIFIER_OPTION',
  161: 'MISSING_HANDOFF_INDICATOR_OPTION',
  162: 'MISSING_ACCESS_TECH_TYPE_OPTION',
};

// RFC 5213 §8.4.
const HI_NAMES: Readonly<Record<number, string>> = {
  1: 'attachment over a new interface',
  2: 'handoff between two different interfaces of the mobile node',
  3: 'handoff between mobile access gateways for the same interface',
  4: 'handoff state unknown',
  5: 'handoff state not changed (re-registration)',
  6: 'attachment over a new interface sharing prefixes',
};

// RFC 5213 §8.5.
const ATT_NAMES: Readonly<Record<number, string>> = {
  1: 'Virtual',
  2: 'PPP',
  3: 'IEEE 802.3',
  4: 'IEEE 802.11a/b/g',
  5: 'IEEE 802.16e',
  6: '3GPP GERAN',
  7: '3GPP UTRAN',
  8: '3GPP E-UTRAN',
  9: '3GPP2 eHRPD',
  10: '3GPP2 HRPD',
  11: '3GPP2 1xRTT',
  12: '3GPP2 UMB',
  13: '3GPP NB-IOT',
};

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
