/**
 * "Export SVG": the chart as a standalone SVG document. Everything is inline (presentation attributes and
 * concrete colours, no CSS classes, no external stylesheet or font), so the file opens the same in a
 * browser, an editor or a slide deck.
 */
import type { ArrowKind } from './arrow-kind';
import { KIND_NAMES } from './arrow-kind';
import { arrowGeometry, labelWidth } from './geometry';

export interface ExportArrow {
  readonly id: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly kind: ArrowKind;
  readonly label: string;
  readonly tunnelled: boolean;
  readonly dropped: boolean;
}

export interface ExportLifeline {
  readonly x: number;
  readonly label: string;
}

export interface ExportSpec {
  readonly title: string;
  readonly width: number;
  /** Height of the arrows' part (y of the arrows are in this range). */
  readonly height: number;
  readonly lifelines: readonly ExportLifeline[];
  readonly arrows: readonly ExportArrow[];
  /** Time labels in the left gutter. */
  readonly ticks: readonly { readonly y: number; readonly text: string }[];
  readonly breaks: readonly { readonly y0: number; readonly y1: number; readonly text: string }[];
  readonly colours: Readonly<Record<ArrowKind, string>> & {
    readonly text: string;
    readonly muted: string;
    readonly line: string;
    readonly background: string;
  };
}

const HEADER = 56;

export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

const n = (v: number): string => String(Math.round(v * 10) / 10);

function arrowSvg(a: ExportArrow, c: ExportSpec['colours']): string {
  const g = arrowGeometry(a.x1, a.y1 + HEADER, a.x2, a.y2 + HEADER, labelWidth(a.label.length));
  const colour = c[a.kind];
  const width = a.kind === 'pbu' || a.kind === 'pba' || a.kind === 'mh' ? 2 : 1.25;
  const dash = a.dropped ? ' stroke-dasharray="5 3"' : '';
  const line = `<line x1="${n(g.x1)}" y1="${n(g.y1)}" x2="${n(g.lineX2)}" y2="${n(g.lineY2)}" stroke="${colour}" stroke-width="${a.tunnelled ? width + 2.5 : width}"${dash}/>`;
  const core = a.tunnelled
    ? `<line x1="${n(g.x1)}" y1="${n(g.y1)}" x2="${n(g.lineX2)}" y2="${n(g.lineY2)}" stroke="${c.background}" stroke-width="1.2"/>`
    : '';
  const cross = a.dropped
    ? `<path d="M${n(g.x2 - 5)} ${n(g.y2 - 5)}L${n(g.x2 + 5)} ${n(g.y2 + 5)}M${n(g.x2 + 5)} ${n(g.y2 - 5)}L${n(g.x2 - 5)} ${n(g.y2 + 5)}" stroke="${c.error}" stroke-width="2"/>`
    : `<polygon points="${g.head}" fill="${colour}"/>`;
  const label = `<text x="${n(g.labelX)}" y="${n(g.labelY)}" text-anchor="middle" font-size="11" fill="${c.text}" stroke="${c.background}" stroke-width="3" paint-order="stroke">${escapeXml(a.label)}</text>`;
  return `<g data-tx="${a.id}"><title>${escapeXml(`${a.label} (${KIND_NAMES[a.kind]})${a.dropped ? ', dropped' : ''}`)}</title>${line}${core}${cross}${label}</g>`;
}

export function exportSvg(spec: ExportSpec): string {
  const c = spec.colours;
  const h = spec.height + HEADER;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(spec.width)}" height="${n(h)}" viewBox="0 0 ${n(spec.width)} ${n(h)}" font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<rect x="0" y="0" width="${n(spec.width)}" height="${n(h)}" fill="${c.background}"/>`,
    `<text x="8" y="18" font-size="13" font-weight="600" fill="${c.text}">${escapeXml(spec.title)}</text>`,
  ];
  for (const l of spec.lifelines) {
    parts.push(
      `<text x="${n(l.x)}" y="42" text-anchor="middle" font-size="12" font-weight="600" fill="${c.text}">${escapeXml(l.label)}</text>`,
    );
    parts.push(
      `<line x1="${n(l.x)}" y1="${HEADER - 6}" x2="${n(l.x)}" y2="${n(h)}" stroke="${c.line}" stroke-width="1"/>`,
    );
  }
  for (const t of spec.ticks)
    parts.push(
      `<text x="6" y="${n(t.y + HEADER + 4)}" font-size="10" fill="${c.muted}">${escapeXml(t.text)}</text>`,
    );
  for (const b of spec.breaks) {
    const y = (b.y0 + b.y1) / 2 + HEADER;
    parts.push(
      `<text x="6" y="${n(y + 4)}" font-size="10" font-style="italic" fill="${c.muted}">${escapeXml(b.text)}</text>`,
    );
  }
  for (const a of spec.arrows) parts.push(arrowSvg(a, c));
  parts.push('</svg>');
  return parts.join('\n');
}
