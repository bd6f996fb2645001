/**
 * Timestamp option (type 27) — RFC 5213 §8.8. Alignment 8n+2, so the 64-bit value is 8-octet aligned.
 * NOT NTP format (digest §0 item 1): a 48-bit count of whole seconds since 1970-01-01 00:00 UTC followed
 * by a 16-bit fraction in units of 1/65536 s.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |      Type     |   Length (8)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Seconds (48 bits) ...                         |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |     Fraction (16 bits)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
import { field } from '../../fields';
import { checkUint, lengthError, readU16, readU32, writeU16, writeU32, type OptionCodec } from './codec';

export interface TimestampOption {
  readonly type: 'timestamp';
  /** Whole seconds since 1970-01-01 00:00 UTC (48 bits). */
  readonly seconds: number;
  /** Fraction of a second in units of 1/65536 s. */
  readonly fraction: number;
}

/** The value of a Timestamp option, as used by the helpers below. */
export interface TimestampValue {
  readonly seconds: number;
  readonly fraction: number;
}

const RFC = 'RFC 5213 §8.8';
const MAX_SECONDS = 2 ** 48 - 1;
const MICROS_PER_SECOND = 1_000_000;

export const timestampCodec: OptionCodec<TimestampOption> = {
  code: 27,
  type: 'timestamp',
  name: 'Timestamp',
  rfc: RFC,
  align: [8, 2],
  write(o, buf, at) {
    const s = checkUint(o.seconds, MAX_SECONDS, 'Timestamp seconds');
    writeU16(buf, at, Math.floor(s / 2 ** 32));
    writeU32(buf, at + 2, s % 2 ** 32);
    writeU16(buf, at + 6, checkUint(o.fraction, 0xffff, 'Timestamp fraction'));
    return 8;
  },
  read(buf, at, len) {
    if (len !== 8) return lengthError('Timestamp', at, len, '8');
    return {
      type: 'timestamp',
      seconds: readU16(buf, at) * 2 ** 32 + readU32(buf, at + 2),
      fraction: readU16(buf, at + 6),
    };
  },
  summary: (o) => `${isoDate(o.seconds)} + ${o.fraction}/65536 s`,
  describe(buf, at) {
    const seconds = readU16(buf, at) * 2 ** 32 + readU32(buf, at + 2);
    const fraction = readU16(buf, at + 6);
    return [
      field(
        'Seconds',
        at,
        6,
        `${seconds} (${isoDate(seconds)})`,
        RFC,
        'Whole seconds since 1970-01-01 00:00 UTC (48 bits; not NTP).',
      ),
      field(
        'Fraction',
        at + 6,
        2,
        `${fraction} (${((fraction / 65536) * 1000).toFixed(3)} ms)`,
        RFC,
        'Fraction of a second in 1/65536 s.',
      ),
    ];
  },
};

/**
 * The Timestamp value for a simulated instant: `epochSeconds` is the wall-clock second (since 1970) that
 * simulated time 0 stands for, `micros` the simulated time in integer microseconds
 * (core/time's Micros; wire imports nothing from core). The fraction is truncated, as OAI does.
 */
export function timestampFromMicros(epochSeconds: number, micros: number): TimestampValue {
  const whole = Math.floor(micros / MICROS_PER_SECOND);
  const rest = micros - whole * MICROS_PER_SECOND;
  return { seconds: epochSeconds + whole, fraction: Math.floor((rest * 65536) / MICROS_PER_SECOND) };
}

/** The simulated time (µs, rounded) a Timestamp value stands for, given the epoch of simulated time 0. */
export function timestampToMicros(ts: TimestampValue, epochSeconds: number): number {
  return (
    (ts.seconds - epochSeconds) * MICROS_PER_SECOND + Math.round((ts.fraction * MICROS_PER_SECOND) / 65536)
  );
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` (RFC 5213 §5.5 ordering). */
export function compareTimestamps(a: TimestampValue, b: TimestampValue): number {
  return a.seconds !== b.seconds ? Math.sign(a.seconds - b.seconds) : Math.sign(a.fraction - b.fraction);
}

/** "2024-01-01T00:00:00Z" for the inspector, computed without Date (src/sim is host-free). */
function isoDate(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const secOfDay = seconds - days * 86400;
  // Civil-from-days (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  return `${y}-${p2(m)}-${p2(d)}T${p2(hh)}:${p2(mm)}:${p2(secOfDay % 60)}Z`;
}
