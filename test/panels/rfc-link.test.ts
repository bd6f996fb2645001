import { describe, expect, it } from 'vitest';
import { rfcPieces, rfcUrl } from '../../src/ui/panels/shared/rfc-link';

describe('rfcPieces', () => {
  it('links an RFC section to the RFC Editor', () => {
    expect(rfcPieces('RFC 5213 §8.3')).toEqual([
      { text: 'RFC 5213 §8.3', href: 'https://www.rfc-editor.org/rfc/rfc5213#section-8.3' },
    ]);
  });

  it('links a bare section to the RFC named before it, keeping the text between', () => {
    expect(rfcPieces('RFC 5213 §5.4.1.2, §5.3.5')).toEqual([
      { text: 'RFC 5213 §5.4.1.2', href: 'https://www.rfc-editor.org/rfc/rfc5213#section-5.4.1.2' },
      { text: ', ' },
      { text: '§5.3.5', href: 'https://www.rfc-editor.org/rfc/rfc5213#section-5.3.5' },
    ]);
  });

  it('links a whole RFC when no section is given, and several RFCs in one text', () => {
    expect(rfcPieces('RFC 6437; RFC 2473 §6.7')).toEqual([
      { text: 'RFC 6437', href: 'https://www.rfc-editor.org/rfc/rfc6437' },
      { text: '; ' },
      { text: 'RFC 2473 §6.7', href: 'https://www.rfc-editor.org/rfc/rfc2473#section-6.7' },
    ]);
  });

  it('leaves text without a reference alone, and a section with no RFC before it unlinked', () => {
    expect(rfcPieces('')).toEqual([]);
    expect(rfcPieces('see the scenario')).toEqual([{ text: 'see the scenario' }]);
    expect(rfcPieces('§4 of nothing')).toEqual([{ text: '§4' }, { text: ' of nothing' }]);
  });

  it('keeps every character of the input', () => {
    const text = 'Per RFC 6275 §9.1, §10.3.1 (and RFC 5213 §5.3.5).';
    expect(
      rfcPieces(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('builds appendix anchors', () => {
    expect(rfcUrl(5213, 'A.1')).toBe('https://www.rfc-editor.org/rfc/rfc5213#section-A.1');
  });
});
