/**
 * The packet inspector's view of a Mobility Header: a field tree whose byte ranges are offsets in the
 * WHOLE packet, with decoded names for types, flags and status codes, the defining RFC section and a
 * one-line help per field. It walks the bytes itself, so a malformed header still shows every field up to
 * the fault, followed by an "Error" row. It never throws.
 */
import { field, type FieldNode } from '../fields';
import { messageCodecForWire } from './messages';
import { MH_COMMON_LEN, checksumValid, describeCommonHeader, endpoints } from './mobility-header';
import { parseMobility } from './mobility';
import { describeOptions, errorRow } from './options';
import { plainHex } from './text';

const RFC = 'RFC 6275 §6.1.1';

/**
 * Field rows of the MH at `bytes[offset, offset + length)` (see `parseMobility` for `src`/`dst`): the
 * common header, the message's fixed fields and a "Mobility Options" group, in wire order. The caller
 * wraps them in its own "Mobility Header" node (as the whole-packet decoder does).
 */
export function mobilityFields(
  bytes: Uint8Array,
  offset: number,
  length: number,
  src: string,
  dst: string,
): FieldNode[] {
  const start = clampInt(offset, 0, bytes.length);
  const end = clampInt(offset + length, start, bytes.length);
  const avail = end - start;
  if (avail < MH_COMMON_LEN)
    return [
      errorRow(start, avail, `truncated: ${avail} octets, the common header alone needs ${MH_COMMON_LEN}`),
    ];
  const parsed = parseMobility(bytes, offset, length, src, dst);
  const ep = endpoints(src, dst);
  const mhEnd = Math.min(end, start + (bytes[start + 1] + 1) * 8);
  const valid = parsed.ok
    ? parsed.value.checksumValid
    : ep && mhEnd === end && avail >= 8
      ? checksumValid(bytes, start, end, ep)
      : null;
  const rows = describeCommonHeader(bytes, start, valid, ep ? ep.v6 : true);
  const body = bodyRows(bytes, start, mhEnd);
  rows.push(...body);
  if (!parsed.ok && !hasError(body)) rows.push(errorRow(parsed.error.offset, 1, parsed.error.message));
  return rows;
}

function bodyRows(bytes: Uint8Array, start: number, mhEnd: number): FieldNode[] {
  const dataStart = start + MH_COMMON_LEN;
  const codec = messageCodecForWire(bytes, start, mhEnd - start);
  if (!codec) {
    if (mhEnd <= dataStart) return [];
    const mhType = bytes[start + 2];
    return [
      field(
        'Message Data',
        dataStart,
        mhEnd - dataStart,
        plainHex(bytes, dataStart, mhEnd),
        RFC,
        `MH type ${mhType} is not decoded here; a receiver answers it with Binding Error status 2 (RFC 6275 §9.2).`,
      ),
    ];
  }
  const optStart = dataStart + codec.fixedLen;
  if (optStart > mhEnd)
    return [errorRow(start + 1, 1, `Header Len too small for a ${codec.name} (RFC 6275 §9.2)`)];
  const options = describeOptions(bytes, optStart, mhEnd, start);
  const real = options.filter((o) => o.name !== 'Pad1' && o.name !== 'PadN' && o.name !== 'Error').length;
  const group = field(
    'Mobility Options',
    optStart,
    mhEnd - optStart,
    `${real} option${real === 1 ? '' : 's'}`,
    'RFC 6275 §6.2',
    'Type-Length-Value options, padded to their alignment.',
    options,
  );
  return [...codec.describe(bytes, dataStart), group];
}

function hasError(rows: readonly FieldNode[]): boolean {
  return rows.some((r) => r.name === 'Error' || (r.children !== undefined && hasError(r.children)));
}

function clampInt(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.max(lo, Math.min(hi, Math.trunc(v))) : lo;
}
