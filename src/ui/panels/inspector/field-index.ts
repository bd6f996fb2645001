/**
 * The packet inspector's view of a decoded field tree: every node flattened in tree order with a stable
 * path id ("1.5.2": the third child of the sixth child of the second layer), its depth and parent, so the
 * tree can be shown as a flat, keyboard-navigable list and each byte can find the deepest field that
 * covers it (Wireshark's "click a byte, select its field").
 */
import type { FieldNode } from '../../../sim/wire/fields';

export interface FlatField {
  /** Path of child indexes from the top layer, joined with ".". */
  readonly id: string;
  readonly node: FieldNode;
  readonly depth: number;
  readonly parent: string | null;
  readonly hasChildren: boolean;
  /** Position among its siblings, from 1, and how many siblings it has (aria-posinset / aria-setsize). */
  readonly pos: number;
  readonly siblings: number;
  /** Names from the top layer down: identifies "the same field" in another packet. */
  readonly namePath: string;
}

export function flattenFields(layers: readonly FieldNode[]): FlatField[] {
  const out: FlatField[] = [];
  const walk = (nodes: readonly FieldNode[], depth: number, parent: FlatField | null): void => {
    nodes.forEach((node, i) => {
      const id = parent ? `${parent.id}.${i}` : String(i);
      const namePath = parent ? `${parent.namePath}/${node.name}` : node.name;
      const f: FlatField = {
        id,
        node,
        depth,
        parent: parent?.id ?? null,
        hasChildren: (node.children?.length ?? 0) > 0,
        pos: i + 1,
        siblings: nodes.length,
        namePath,
      };
      out.push(f);
      if (node.children) walk(node.children, depth + 1, f);
    });
  };
  walk(layers, 0, null);
  return out;
}

/** The rows to show: a field is visible when every ancestor is expanded. */
export function visibleFields(flat: readonly FlatField[], expanded: ReadonlySet<string>): FlatField[] {
  const out: FlatField[] = [];
  const shown = new Set<string>();
  for (const f of flat) {
    if (f.parent !== null && !(shown.has(f.parent) && expanded.has(f.parent))) continue;
    shown.add(f.id);
    out.push(f);
  }
  return out;
}

/**
 * The deepest field whose byte range holds `offset` (length-0 groupings never match). Among fields of the
 * same depth that share the byte (bit fields of one octet), the first in tree order wins: clicking a flags
 * octet selects the flags field, not the last of its bits.
 */
export function deepestAt(flat: readonly FlatField[], offset: number): FlatField | null {
  let best: FlatField | null = null;
  for (const f of flat) {
    const { start, length } = f.node;
    if (length <= 0 || offset < start || offset >= start + length) continue;
    if (!best || f.depth > best.depth) best = f;
  }
  // A bit field shares its octets with its siblings: prefer the parent that names the whole octet(s).
  if (best && best.parent !== null) {
    const parent = flat.find((f) => f.id === best?.parent);
    if (parent && sameRange(parent.node, best.node) && siblingsShareRange(flat, parent)) return parent;
  }
  return best;
}

const sameRange = (a: FieldNode, b: FieldNode): boolean => a.start === b.start && a.length === b.length;

function siblingsShareRange(flat: readonly FlatField[], parent: FlatField): boolean {
  const kids = flat.filter((f) => f.parent === parent.id);
  return kids.length > 1 && kids.every((k) => sameRange(k.node, parent.node));
}

/** Ids of every ancestor of `id` ("1.5.2" → "1", "1.5"). */
export function ancestorsOf(id: string): string[] {
  const parts = id.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Which nodes start expanded: every layer, and the option lists inside them (so a PBU shows its options
 * at a glance: the Home Network Prefix option is one click from its bytes).
 */
export function defaultExpanded(flat: readonly FlatField[]): Set<string> {
  const out = new Set<string>();
  for (const f of flat) {
    if (!f.hasChildren) continue;
    if (f.depth === 0 || (f.depth === 1 && /options$/i.test(f.node.name))) out.add(f.id);
  }
  return out;
}
