import { describe, expect, it } from 'vitest';
import { arrowGeometry, labelWidth, pointAlong } from '../../src/ui/panels/chart/geometry';

describe('arrowGeometry', () => {
  it('ends the line where the arrowhead starts and points the head at the receiver', () => {
    const g = arrowGeometry(0, 0, 100, 0);
    expect([g.lineX2, g.lineY2]).toEqual([92, 0]);
    expect(g.head).toBe('100,0 92,4 92,-4');
  });

  it('puts a label on a flat arrow just above its middle, and raises it on a sloped one', () => {
    expect([arrowGeometry(0, 10, 100, 10, 60).labelX, arrowGeometry(0, 10, 100, 10, 60).labelY]).toEqual([
      50, 7,
    ]);
    // Slope 0.1 and a 60 px label: the line drops 3 px under half the label.
    expect(arrowGeometry(0, 0, 100, 10, 60).labelY).toBeCloseTo(5 - 3 - 3, 10);
    // Steep: raised by a line of text at most.
    expect(arrowGeometry(0, 0, 10, 100, 60).labelY).toBe(50 - 3 - 14);
    expect(labelWidth(10)).toBe(60);
  });

  it('finds the point a fraction of the way along', () => {
    const g = arrowGeometry(0, 0, 100, 50);
    expect(pointAlong(g, 0.5)).toEqual({ x: 50, y: 25 });
    expect(pointAlong(g, 2)).toEqual({ x: 100, y: 50 });
  });
});
