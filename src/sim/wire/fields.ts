/**
 * Field metadata for the packet inspector: one node per decoded field or header, with its byte range in
 * the whole packet, a display value and the RFC section that defines it.
 */
export interface FieldNode {
  /** Short name, e.g. "Hop Limit", "Home Network Prefix option". */
  readonly name: string;
  /** Offset of the first byte, from the start of the outermost packet. */
  readonly start: number;
  /** Number of bytes; 0 for pure groupings. Bit fields share the byte range of their octet(s). */
  readonly length: number;
  /** Value as text, decoded for people: "135 (Mobility Header)", "0x8200 (A, P)". */
  readonly value: string;
  /** Where it is defined, e.g. "RFC 5213 §8.3". */
  readonly rfc: string;
  /** One line on what it means. */
  readonly help?: string;
  readonly children?: readonly FieldNode[];
}

export const field = (
  name: string,
  start: number,
  length: number,
  value: string,
  rfc: string,
  help?: string,
  children?: readonly FieldNode[],
): FieldNode => ({
  name,
  start,
  length,
  value,
  rfc,
  ...(help ? { help } : {}),
  ...(children ? { children } : {}),
});
