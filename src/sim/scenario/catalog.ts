/**
 * Lookups over a read scenario for the cross-reference pass: nodes and links by id, each node's wired
 * interfaces, and the wording of "no such node" / "wrong kind" errors.
 */
import type { Checker } from './check';
import { show } from './check';
import type { ScenarioLink, ScenarioNode, ScenarioNodeKind } from './types';
import { nearest } from './suggest';
import { ATT_NAMES, parseEndpoint } from './units';

/** "wlan (4)": an ATT number with its name when it has one. */
export function attName(att: number): string {
  const name = Object.keys(ATT_NAMES).find((k) => ATT_NAMES[k] === att && k !== '3gpp');
  return name ? `${name} (${att})` : `ATT ${att}`;
}

/**
 * RFC 5213 §8.5: the access technology is a property of the access link, so an MN interface can attach only
 * to an access point of the same type. Returns the complaint, or null when they match.
 */
export function attMismatch(mn: ScenarioNode, iface: string, mag: ScenarioNode): string | null {
  const i = mn.interfaces?.find((x) => x.name === iface);
  const ap = mag.accessPoint;
  if (!i || !ap || i.att === ap.att) return null;
  return `${mn.id}'s ${iface} is ${attName(i.att)} but ${mag.id}'s access point is ${attName(ap.att)}; give them the same "att"`;
}

const KIND_WORD: Record<ScenarioNodeKind, string> = {
  lma: 'an LMA',
  mag: 'a MAG',
  mn: 'a mobile node',
  cn: 'a correspondent node',
  router: 'a router',
  aaa: 'a policy server',
  host: 'a host',
};

/** "no node "r9"; did you mean "r1"?" or, with no near id, the list of ids (cut at 10). */
export function unknownId(what: string, id: string, ids: readonly string[]): string {
  const near = nearest(id, ids);
  if (near) return `no ${what} ${show(id)}; did you mean "${near}"?`;
  if (ids.length === 0) return `no ${what} ${show(id)}; the scenario has no ${what}s`;
  const listed = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, ...` : ids.join(', ');
  return `no ${what} ${show(id)} (the ${what}s are: ${listed})`;
}

export class Catalog {
  readonly nodes = new Map<string, ScenarioNode>();
  readonly links = new Map<string, ScenarioLink>();
  /** node id → interface name → id of the link that uses it. */
  readonly wired = new Map<string, Map<string, string>>();

  constructor(
    readonly c: Checker,
    nodes: readonly ScenarioNode[],
    links: readonly ScenarioLink[],
  ) {
    for (const n of nodes) if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
    for (const l of links) {
      if (!this.links.has(l.id)) this.links.set(l.id, l);
      for (const end of [l.a, l.b]) {
        const ep = parseEndpoint(end);
        if (!ep) continue;
        const ifaces = this.wired.get(ep.node) ?? new Map<string, string>();
        if (!ifaces.has(ep.iface)) ifaces.set(ep.iface, l.id);
        this.wired.set(ep.node, ifaces);
      }
    }
  }

  /** The node `id` if it exists (and is of one of `kinds`, when given); reports at `path` otherwise. */
  node(path: string, id: string, kinds?: readonly ScenarioNodeKind[]): ScenarioNode | undefined {
    const n = this.nodes.get(id);
    if (!n && this.c.broken.has(`node:${id}`)) return undefined;
    if (!n) {
      const candidates = [...this.nodes.values()]
        .filter((x) => !kinds || kinds.includes(x.kind))
        .map((x) => x.id);
      this.c.report(path, unknownId('node', id, candidates));
      return undefined;
    }
    if (kinds && !kinds.includes(n.kind)) {
      this.c.report(
        path,
        `${show(id)} is ${KIND_WORD[n.kind]}, not ${kinds.map((k) => KIND_WORD[k]).join(' or ')}`,
      );
      return undefined;
    }
    return n;
  }

  link(path: string, id: string): ScenarioLink | undefined {
    const l = this.links.get(id);
    if (!l && !this.c.broken.has(`link:${id}`))
      this.c.report(path, unknownId('link', id, [...this.links.keys()]));
    return l;
  }

  wiredIfaces(node: string): string[] {
    return [...(this.wired.get(node)?.keys() ?? [])];
  }

  /** The nodes at the other end of `node`'s links, by interface. */
  neighbours(node: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const l of this.links.values()) {
      const a = parseEndpoint(l.a);
      const b = parseEndpoint(l.b);
      if (!a || !b) continue;
      if (a.node === node) out.set(a.iface, b.node);
      if (b.node === node) out.set(b.iface, a.node);
    }
    return out;
  }
}
