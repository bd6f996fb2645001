/**
 * The written units of the scenario format: durations, bandwidths, packet rates, access technology names
 * and "node:iface" endpoints. Each parser returns null on bad text (the validator words the error).
 */
import { parseDuration } from '../core/time';
import type { Micros } from '../core/time';

/**
 * A duration: a decimal number, optional spaces, and a unit (us, µs, ms, s, m or min, h). "1.5s" and
 * "1.5 s" are both accepted; a bare number is not (its unit would be a guess). Sub-microsecond parts round.
 */
export function parseDurationText(text: unknown): Micros | null {
  return typeof text === 'string' ? parseDuration(text) : null;
}

/** A duration known to be valid (the scenario passed validation). */
export function durationOf(text: string): Micros {
  const d = parseDuration(text);
  if (d === null) throw new Error(`not a duration: ${text}`);
  return d;
}

const BANDWIDTH_UNITS: Record<string, number> = { bps: 1, kbps: 1e3, mbps: 1e6, gbps: 1e9 };

/** "100Mbps", "1.5 Gbps", "64kbps" → bits per second (decimal prefixes, as network people write them). */
export function parseBandwidth(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?bps)\s*$/.exec(text);
  if (!m) return null;
  const bps = Number(m[1]) * BANDWIDTH_UNITS[m[2].toLowerCase()];
  return bps > 0 ? Math.round(bps) : null;
}

/** "10pps", "0.5 pps" → packets per second. */
export function parsePacketRate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*pps\s*$/.exec(text);
  if (!m) return null;
  const pps = Number(m[1]);
  return pps > 0 ? pps : null;
}

/** Access Technology Type names (RFC 5213 §8.5, IANA registry) accepted in place of the number. */
export const ATT_NAMES: Readonly<Record<string, number>> = {
  virtual: 1,
  ppp: 2,
  ethernet: 3,
  wlan: 4,
  wimax: 5,
  '3gpp-geran': 6,
  '3gpp-utran': 7,
  '3gpp-eutran': 8,
  // "3gpp" alone means LTE, the 3GPP access a newcomer most likely has in mind.
  '3gpp': 8,
  '3gpp2-ehrpd': 9,
  '3gpp2-hrpd': 10,
  '3gpp2-1xrtt': 11,
  '3gpp2-umb': 12,
  '3gpp-nb-iot': 13,
};

/** A number 1..255 or a name from ATT_NAMES (0 is reserved, RFC 5213 §8.5). */
export function parseAtt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 255 ? value : null;
  if (typeof value === 'string') return ATT_NAMES[value.toLowerCase()] ?? null;
  return null;
}

export interface Endpoint {
  readonly node: string;
  readonly iface: string;
}

/** "r1:eth0" → {node: "r1", iface: "eth0"}; both parts non-empty, one colon. */
export function parseEndpoint(text: unknown): Endpoint | null {
  if (typeof text !== 'string') return null;
  const parts = text.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return null;
  return { node: parts[0], iface: parts[1] };
}

/** Node ids, interface names and flow ids: letters, digits, and . _ - (no colon: it separates node:iface). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
