/**
 * RFC references as links: "RFC 5213 §8.3" → https://www.rfc-editor.org/rfc/rfc5213#section-8.3. The trace
 * and the field tree write references in one short form ("RFC 5213 §5.4.1.2, §5.3.5", "RFC 6437",
 * "RFC 2473 §6.7; RFC 5213 §6.9.5"); this splits such a text into plain pieces and linked pieces, keeping
 * every character, so the UI shows exactly the text it was given.
 */

export interface RefPiece {
  readonly text: string;
  /** Set on the pieces that name an RFC or one of its sections. */
  readonly href?: string;
}

const RFC_EDITOR = 'https://www.rfc-editor.org/rfc/rfc';

export function rfcUrl(rfc: number | string, section?: string): string {
  return section ? `${RFC_EDITOR}${rfc}#section-${section}` : `${RFC_EDITOR}${rfc}`;
}

// "RFC 5213 §8.3", "RFC 6437", or a bare "§5.3.5" continuing the previous RFC. Appendices: "§A.1".
const REF = /RFC\s*(\d{1,5})(?:\s*§\s*([A-Z]?\d*(?:\.\d+)*))?|§\s*([A-Z]?\d+(?:\.\d+)*)/g;

/** The text split into plain and linked pieces; a bare "§x" refers to the RFC named before it. */
export function rfcPieces(text: string): RefPiece[] {
  const out: RefPiece[] = [];
  let last = 0;
  let rfc: string | null = null;
  for (const m of text.matchAll(REF)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at) });
    if (m[1] !== undefined) rfc = m[1];
    const section = m[2] || m[3] || undefined;
    out.push(rfc !== null ? { text: m[0], href: rfcUrl(rfc, section) } : { text: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
