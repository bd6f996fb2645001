/**
 * Where each graph node is drawn, for the packet canvas. Reading Cytoscape's renderedPosition() for both
 * ends of every packet in every frame costs thousands of element look-ups in a city's start-up storm; the
 * model positions only change when a node moves, so they are cached (dropped per node on Cytoscape's
 * position/add/remove events) and mapped to the screen with the viewport read once per frame.
 */
import type { Core, EventObject } from 'cytoscape';
import type { Point } from './geometry';

export class NodePositions {
  readonly #cy: Core;
  readonly #model = new Map<string, Point | null>();
  #zoom = 1;
  #pan: Point = { x: 0, y: 0 };
  readonly #forget = (e: EventObject): void => {
    this.#model.delete(e.target.id());
  };

  constructor(cy: Core) {
    this.#cy = cy;
    cy.on('position add remove', 'node', this.#forget);
  }

  /** Reads the viewport: call once per frame, before `rendered`. */
  frame(): void {
    this.#zoom = this.#cy.zoom();
    const p = this.#cy.pan();
    this.#pan = { x: p.x, y: p.y };
  }

  /** The node's position in rendered px (relative to the graph's container), or null if there is none. */
  rendered(id: string): Point | null {
    let m = this.#model.get(id);
    if (m === undefined) {
      const n = this.#cy.getElementById(id);
      const p = n.nonempty() && n.isNode() ? n.position() : null;
      m = p ? { x: p.x, y: p.y } : null;
      this.#model.set(id, m);
    }
    return m ? { x: m.x * this.#zoom + this.#pan.x, y: m.y * this.#zoom + this.#pan.y } : null;
  }

  dispose(): void {
    this.#cy.off('position add remove', 'node', this.#forget);
    this.#model.clear();
  }
}
