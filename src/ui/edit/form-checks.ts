/**
 * Checking what a learner types into the edit forms, with messages that say how to fix it. Each check
 * returns `{ value }` or `{ error }`; the forms show the error inline next to the field. The worker's
 * validator checks the whole scenario again afterwards, so these only need to catch typing mistakes.
 */
import { parseDuration } from '../../sim/core/time';
import { parsePrefix } from '../../sim/wire/addr';
import { parseBandwidth } from '../../sim/scenario/units';

export type Checked<T> =
  { readonly value: T; readonly error?: undefined } | { readonly error: string; readonly value?: undefined };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function checkNodeId(text: string, taken: readonly string[]): Checked<string> {
  const id = text.trim();
  if (id === '') return { error: 'Give the node an id, e.g. "mag3".' };
  if (!ID.test(id) || id.length > 64)
    return { error: 'Use letters, digits, ".", "_" and "-" only (no spaces or colons), e.g. "mag3".' };
  if (taken.includes(id)) return { error: `"${id}" is already used by another node; pick a new id.` };
  return { value: id };
}

export function checkDuration(text: string): Checked<string> {
  const t = text.trim();
  if (parseDuration(t) === null)
    return { error: 'Write a duration with its unit, e.g. "5ms", "1.5s" or "250us".' };
  return { value: t.replace(/\s+/g, '') };
}

/** Empty means unlimited (no serialisation delay). */
export function checkBandwidth(text: string): Checked<string | undefined> {
  const t = text.trim();
  if (t === '') return { value: undefined };
  if (parseBandwidth(t) === null)
    return {
      error: 'Write a bandwidth such as "100Mbps", "1Gbps" or "512kbps", or leave it empty for unlimited.',
    };
  return { value: t.replace(/\s+/g, '') };
}

/** Loss typed in percent (0 to 100), returned as a fraction (0 to 1). */
export function checkLossPercent(text: string): Checked<number> {
  const t = text.trim();
  const n = t === '' ? 0 : Number(t);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    return { error: 'Loss is a percentage from 0 to 100, e.g. "2.5".' };
  return { value: Math.round(n * 1000) / 100000 };
}

export function checkInteger(text: string, min: number, max: number): Checked<number> {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n))
    return { error: `Write a whole number from ${min} to ${max}.` };
  if (n < min || n > max) return { error: `Must be from ${min} to ${max}, not ${n}.` };
  return { value: n };
}

/** "allocate", or a comma-separated list of prefixes ("2001:db8:1:1::/64, 2001:db8:1:2::/64"). */
export function checkPrefixes(text: string): Checked<readonly string[] | 'allocate'> {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'allocate') return { value: 'allocate' };
  const parts = t.split(/[\s,]+/).filter(Boolean);
  for (const p of parts) {
    if (parsePrefix(p) === null)
      return {
        error: `"${p}" is not a prefix; write e.g. "2001:db8:1:1::/64", or "allocate" to take one from the LMA's pool.`,
      };
  }
  return { value: parts };
}

export function checkMnId(text: string): Checked<string> {
  const t = text.trim();
  if (t.length === 0 || t.length > 255)
    return {
      error: 'The MN-Identifier is an NAI of 1 to 255 characters, e.g. "mn1@example.com" (RFC 4282).',
    };
  return { value: t };
}
