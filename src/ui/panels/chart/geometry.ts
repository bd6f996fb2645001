/**
 * Arrow geometry shared by the live chart and the SVG export: the line from (x1, y1) at the sender's
 * lifeline when the hop is sent to (x2, y2) at the receiver's when it arrives, an arrowhead at the end,
 * and where the label sits (just above the middle of the line).
 */
export interface ArrowGeometry {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Arrowhead polygon ("x,y x,y x,y"). */
  readonly head: string;
  /** The line stops where the head starts, so a thick line does not poke through the point. */
  readonly lineX2: number;
  readonly lineY2: number;
  readonly labelX: number;
  readonly labelY: number;
}

const HEAD_LENGTH = 8;
const HEAD_HALF_WIDTH = 4;

/** Roughly how wide a label of `chars` characters is at the chart's 11 px font. */
export const labelWidth = (chars: number): number => chars * 6;

/**
 * The arrow from (x1, y1) to (x2, y2). Its label sits above the middle of the line, raised by as much as
 * the slope needs for the line to pass under the text's corner (at most a line of text more).
 */
export function arrowGeometry(x1: number, y1: number, x2: number, y2: number, label = 0): ArrowGeometry {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = x2 - ux * HEAD_LENGTH;
  const by = y2 - uy * HEAD_LENGTH;
  const px = -uy * HEAD_HALF_WIDTH;
  const py = ux * HEAD_HALF_WIDTH;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    x1,
    y1,
    x2,
    y2,
    head: `${r(x2)},${r(y2)} ${r(bx + px)},${r(by + py)} ${r(bx - px)},${r(by - py)}`,
    lineX2: bx,
    lineY2: by,
    labelX: (x1 + x2) / 2,
    labelY: (y1 + y2) / 2 - 3 - Math.min(14, (Math.abs(dy) / Math.max(1, Math.abs(dx))) * (label / 2)),
  };
}

/** Point at fraction f (0…1) along the arrow: where an in-flight packet is now. */
export function pointAlong(g: ArrowGeometry, f: number): { x: number; y: number } {
  const c = Math.min(1, Math.max(0, f));
  return { x: g.x1 + (g.x2 - g.x1) * c, y: g.y1 + (g.y2 - g.y1) * c };
}
