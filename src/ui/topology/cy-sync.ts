/**
 * Bringing a Cytoscape graph in line with a list of element descriptions (elements.ts): add what is new,
 * remove what is gone, update what changed. MNs glide to new positions; everything else jumps.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { ElementSpec } from './elements';

const GLIDE_MS = 350;

function sameData(a: Record<string, unknown>, b: Readonly<Record<string, string | number>>): boolean {
  for (const k of Object.keys(b)) if (a[k] !== b[k]) return false;
  return true;
}

/** Syncs `cy` to `specs`; returns true when the set of nodes changed (the caller may re-fit the view). */
export function syncGraph(cy: Core, specs: readonly ElementSpec[], animate: boolean): boolean {
  const want = new Map(specs.map((s) => [String(s.data.id), s]));
  let nodesChanged = false;
  const glides: { node: NodeSingular; to: { x: number; y: number } }[] = [];
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (!want.has(el.id())) {
        if (el.isNode()) nodesChanged = true;
        el.remove();
      }
    });
    for (const s of specs) {
      let el = cy.getElementById(String(s.data.id));
      // An edge's ends cannot change through data(): one that must is replaced.
      if (
        el.nonempty() &&
        el.isEdge() &&
        (el.data('source') !== s.data.source || el.data('target') !== s.data.target)
      ) {
        el.remove();
        el = cy.collection();
      }
      if (el.empty()) {
        const def: ElementDefinition = {
          group: s.group,
          data: { ...s.data } as ElementDefinition['data'],
          classes: s.classes,
        };
        if (s.position) def.position = { ...s.position };
        const added = cy.add(def);
        if (s.group === 'nodes') {
          nodesChanged = true;
          if (s.grabbable === false) added.ungrabify();
        }
        continue;
      }
      if (!sameData(el.data(), s.data)) el.data({ ...s.data });
      if (el.classes().join(' ') !== s.classes) el.classes(s.classes);
      if (el.isNode() && s.position && !el.grabbed()) {
        const p = el.position();
        if (Math.abs(p.x - s.position.x) > 0.5 || Math.abs(p.y - s.position.y) > 0.5) {
          if (animate && el.hasClass('mn')) glides.push({ node: el, to: s.position });
          else el.position({ ...s.position });
        }
      }
    }
  });
  for (const g of glides) {
    g.node.stop(true, false);
    g.node.animate({ position: { ...g.to } }, { duration: GLIDE_MS, easing: 'ease-in-out-cubic' });
  }
  return nodesChanged;
}
