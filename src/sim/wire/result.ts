/**
 * Parse results. Parsers never throw on bad input: they return a typed error that names the layer, the
 * field and the byte offset (from the start of the buffer handed to the top-level parser), so the packet
 * inspector and the learner can see exactly where a packet went wrong.
 */
export interface ParseError {
  readonly layer: string;
  readonly field: string;
  readonly offset: number;
  readonly message: string;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const fail = <T = never>(
  layer: string,
  field: string,
  offset: number,
  message: string,
): Parsed<T> => ({
  ok: false,
  error: { layer, field, offset, message },
});

export function formatParseError(e: ParseError): string {
  return `${e.layer}.${e.field} at byte ${e.offset}: ${e.message}`;
}
