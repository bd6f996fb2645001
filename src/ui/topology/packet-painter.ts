/**
 * Drawing packets on the canvas over the topology (not as graph elements: 200 packets in flight must stay
 * at 50+ frames per second). Signalling gets a coloured tag with its short label (PBU orange, PBA green,
 * other Mobility Header messages purple); data is a small dot; a tunnelled packet is drawn inside a second,
 * dashed box — the outer IPv6 header carrying the inner packet (RFC 2473); a drop is a red cross with its
 * reason, fading out.
 */
import type { PacketDrop, PacketTx } from '../../sim/core/trace-types';
import type { Point } from './geometry';

export type PacketLook = 'pbu' | 'pba' | 'mh' | 'data' | 'nd' | 'error' | 'other';

export interface PacketColors {
  readonly pbu: string;
  readonly pba: string;
  readonly mh: string;
  readonly data: string;
  readonly nd: string;
  readonly error: string;
  readonly tunnel: string;
  readonly labelBg: string;
  readonly labelText: string;
  readonly danger: string;
}

export function readPacketColors(el: Element = document.documentElement): PacketColors {
  const css = getComputedStyle(el);
  const v = (n: string): string => css.getPropertyValue(n).trim();
  return {
    pbu: v('--pkt-pbu'),
    pba: v('--pkt-pba'),
    mh: v('--pkt-mh'),
    data: v('--pkt-data'),
    nd: v('--pkt-nd'),
    error: v('--pkt-error'),
    tunnel: v('--tunnel'),
    labelBg: v('--pkt-label-bg'),
    labelText: v('--pkt-label-text'),
    danger: v('--danger'),
  };
}

export function lookOf(tx: Pick<PacketTx, 'cls' | 'label'>): PacketLook {
  if (tx.label.startsWith('PBU')) return 'pbu';
  if (tx.label.startsWith('PBA')) return 'pba';
  switch (tx.cls) {
    case 'signalling':
      return 'mh';
    case 'data':
      return 'data';
    case 'nd':
      return 'nd';
    case 'icmp-error':
      return 'error';
    default:
      return 'other';
  }
}

/** A packet placed on screen (rendered px, relative to the topology container). */
export interface Sprite {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly look: PacketLook;
  readonly label: string;
  readonly tunnelled: boolean;
  readonly selected: boolean;
}

/** Where a packet is on its hop: linear from sender to receiver over [t, arrive). */
export function placeOnHop(tx: Pick<PacketTx, 't' | 'arrive'>, time: number, from: Point, to: Point): Point {
  const span = tx.arrive - tx.t;
  const f = span > 0 ? Math.min(1, Math.max(0, (time - tx.t) / span)) : 1;
  return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
}

/** Where a drop happened: near the node that dropped it, on the hop it was on (when known). */
export function placeDrop(
  drop: Pick<PacketDrop, 'node'>,
  hop: Pick<PacketTx, 'node' | 'to'> | null,
  pos: (id: string) => Point | null,
): Point | null {
  const at = pos(drop.node);
  if (!at) return null;
  if (!hop) return at;
  const other = pos(hop.node === drop.node ? hop.to : hop.node);
  if (!other) return at;
  return { x: other.x + (at.x - other.x) * 0.8, y: other.y + (at.y - other.y) * 0.8 };
}

/** A short tag: "PBU seq=3 HI=3" stays; anything longer than 18 characters is cut. */
export function shortLabel(label: string): string {
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}

const TAGGED: ReadonlySet<PacketLook> = new Set(['pbu', 'pba', 'mh', 'error']);
/** Above this many signalling messages in flight, their tags lose their text. */
const MAX_LABELLED = 120;

export class PacketPainter {
  readonly #ctx: CanvasRenderingContext2D;
  readonly #widths = new Map<string, number>();
  #font = '';
  colors: PacketColors;
  scale = 1;
  /** Hit boxes of the last frame, for clicks. */
  #boxes: { id: number; x: number; y: number; w: number; h: number }[] = [];
  /**
   * Bounding box of everything drawn since the last clear. Clearing only that (and nothing at all when
   * nothing was drawn) keeps the canvas's damage small: without a GPU, repainting a full-screen canvas
   * every frame costs more than all the drawing.
   */
  #dirty: { x0: number; y0: number; x1: number; y1: number } | null = null;

  constructor(ctx: CanvasRenderingContext2D, colors: PacketColors) {
    this.#ctx = ctx;
    this.colors = colors;
  }

  /** Clears what the last frame drew (`all`: the whole canvas, e.g. after a resize). */
  clear(width: number, height: number, all = false): void {
    const d = this.#dirty;
    if (all) this.#ctx.clearRect(0, 0, width, height);
    else if (d)
      this.#ctx.clearRect(
        Math.floor(d.x0) - 2,
        Math.floor(d.y0) - 2,
        Math.ceil(d.x1 - d.x0) + 4,
        Math.ceil(d.y1 - d.y0) + 4,
      );
    this.#dirty = null;
    this.#boxes = [];
  }

  #mark(x: number, y: number, w: number, h: number): void {
    const d = this.#dirty;
    if (!d) this.#dirty = { x0: x, y0: y, x1: x + w, y1: y + h };
    else {
      d.x0 = Math.min(d.x0, x);
      d.y0 = Math.min(d.y0, y);
      d.x1 = Math.max(d.x1, x + w);
      d.y1 = Math.max(d.y1, y + h);
    }
  }

  drawPackets(sprites: readonly Sprite[]): void {
    const ctx = this.#ctx;
    const font = `600 ${Math.round(10.5 * this.scale)}px system-ui, sans-serif`;
    if (font !== this.#font) {
      this.#font = font;
      this.#widths.clear();
    }
    ctx.font = font;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    // Data first, signalling on top: the messages a learner follows are never hidden under ping traffic.
    // Dots are filled one path per colour: thousands of fill() calls were the slow part of a storm frame.
    this.#dots(sprites.filter((s) => !TAGGED.has(s.look)));
    // A storm of signalling (a whole city attaching at once) is drawn as plain coloured tags, also batched
    // by colour: hundreds of overlapping labels are unreadable anyway, and text is the slow part of a frame.
    const tags = sprites.filter((s) => TAGGED.has(s.look));
    if (tags.length <= MAX_LABELLED) for (const s of tags) this.#tag(s, true);
    else this.#plainTags(tags);
  }

  drawDrop(p: Point, reason: string, alpha: number): void {
    const ctx = this.#ctx;
    const r = 8 * this.scale;
    const k = r * 0.45;
    ctx.save();
    ctx.globalAlpha = Math.max(0, Math.min(1, alpha));
    // A red disc with a white cross: readable on any node colour and either theme.
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
    ctx.fillStyle = this.colors.error;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.2 * this.scale;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(p.x - k, p.y - k);
    ctx.lineTo(p.x + k, p.y + k);
    ctx.moveTo(p.x + k, p.y - k);
    ctx.lineTo(p.x - k, p.y + k);
    ctx.stroke();
    const text = `dropped: ${reason.length > 72 ? `${reason.slice(0, 71)}…` : reason}`;
    ctx.font = `600 ${Math.round(10.5 * this.scale)}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(text).width + 10;
    const h = 17 * this.scale;
    const x = p.x + r + 4;
    const y = p.y - r - h;
    ctx.fillStyle = this.colors.labelBg;
    ctx.strokeStyle = this.colors.error;
    ctx.lineWidth = 1.5;
    roundRect(ctx, x, y, w, h, 4);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = this.colors.labelText;
    ctx.fillText(text, x + 5, y + h / 2 + 0.5);
    ctx.restore();
    this.#mark(p.x - r - 3, y - 3, r * 2 + 10 + w + 6, p.y + r + 3 - (y - 3));
  }

  /** The packet under (x, y), topmost first (signalling before data), or null. */
  hit(x: number, y: number): number | null {
    for (let i = this.#boxes.length - 1; i >= 0; i--) {
      const b = this.#boxes[i];
      if (x >= b.x - 3 && x <= b.x + b.w + 3 && y >= b.y - 3 && y <= b.y + b.h + 3) return b.id;
    }
    return null;
  }

  #width(label: string): number {
    let w = this.#widths.get(label);
    if (w === undefined) {
      w = this.#ctx.measureText(label).width;
      this.#widths.set(label, w);
    }
    return w;
  }

  /** Wrappers of the tunnelled ones first, then one filled path per colour, then selection rings. */
  #dots(dots: readonly Sprite[]): void {
    const ctx = this.#ctx;
    const radius = (s: Sprite): number => (s.look === 'data' ? 4.5 : 3.5) * this.scale;
    for (const s of dots) {
      const r = radius(s);
      if (s.tunnelled) this.#wrapper(s.x - r - 4, s.y - r - 4, 2 * r + 8, 2 * r + 8);
    }
    for (const look of ['nd', 'data'] as const) {
      ctx.beginPath();
      let any = false;
      for (const s of dots) {
        if ((s.look === 'data') !== (look === 'data')) continue;
        const r = radius(s);
        ctx.moveTo(s.x + r, s.y);
        ctx.arc(s.x, s.y, r, 0, Math.PI * 2);
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = this.colors[look];
      ctx.fill();
    }
    for (const s of dots) {
      const r = radius(s);
      if (s.selected) this.#ring(s.x - r - 6, s.y - r - 6, 2 * r + 12, 2 * r + 12);
      this.#boxes.push({ id: s.id, x: s.x - r - 4, y: s.y - r - 4, w: 2 * r + 8, h: 2 * r + 8 });
      this.#mark(s.x - r - 8, s.y - r - 8, 2 * r + 16, 2 * r + 16);
    }
  }

  /** Tags without text (a storm), batched like the dots; a selected one keeps its label. */
  #plainTags(tags: readonly Sprite[]): void {
    const ctx = this.#ctx;
    const w = 12 * this.scale;
    const h = 17 * this.scale;
    const plain = tags.filter((s) => !s.selected);
    for (const s of plain) if (s.tunnelled) this.#wrapper(s.x - w / 2 - 4, s.y - h / 2 - 4, w + 8, h + 8);
    for (const look of ['pbu', 'pba', 'mh', 'error'] as const) {
      ctx.beginPath();
      let any = false;
      for (const s of plain) {
        if (s.look !== look) continue;
        ctx.rect(s.x - w / 2, s.y - h / 2, w, h);
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = this.colors[look];
      ctx.fill();
    }
    for (const s of plain) {
      this.#boxes.push({ id: s.id, x: s.x - w / 2, y: s.y - h / 2, w, h });
      this.#mark(s.x - w / 2 - 8, s.y - h / 2 - 8, w + 16, h + 16);
    }
    for (const s of tags) if (s.selected) this.#tag(s, false);
  }

  #tag(s: Sprite, labelled: boolean): void {
    const ctx = this.#ctx;
    const label = labelled || s.selected ? shortLabel(s.label) : '';
    const w = labelled || s.selected ? this.#width(label) + 12 * this.scale : 12 * this.scale;
    const h = 17 * this.scale;
    const x = s.x - w / 2;
    const y = s.y - h / 2;
    if (s.tunnelled) this.#wrapper(x - 4, y - 4, w + 8, h + 8);
    ctx.fillStyle = this.colors[s.look as 'pbu' | 'pba' | 'mh' | 'error'];
    roundRect(ctx, x, y, w, h, 4);
    ctx.fill();
    if (label) {
      ctx.fillStyle = '#ffffff';
      ctx.fillText(label, s.x, s.y + 0.5);
    }
    if (s.selected) this.#ring(x - 6, y - 6, w + 12, h + 12);
    this.#boxes.push({ id: s.id, x, y, w, h });
    this.#mark(x - 8, y - 8, w + 16, h + 16);
  }

  /** The outer header of a tunnelled packet: a dashed box around the inner one. */
  #wrapper(x: number, y: number, w: number, h: number): void {
    const ctx = this.#ctx;
    ctx.save();
    ctx.fillStyle = this.colors.labelBg;
    ctx.strokeStyle = this.colors.tunnel;
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 2]);
    roundRect(ctx, x, y, w, h, 5);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }

  #ring(x: number, y: number, w: number, h: number): void {
    const ctx = this.#ctx;
    ctx.save();
    ctx.strokeStyle = this.colors.labelText;
    ctx.lineWidth = 2;
    roundRect(ctx, x, y, w, h, 6);
    ctx.stroke();
    ctx.restore();
  }
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}
