/**
 * Static routes for a scenario's wired topology, computed the way a newcomer expects: every node can reach
 * every configured prefix along the shortest path (least total link delay, then fewest hops).
 *
 * Configured prefixes are the on-link prefixes of interface addresses (originated by the nodes holding
 * them), the LMAs' prefix pools and the policies' static home network prefixes (both originated by the
 * LMA, which anchors them, RFC 5213 §5.6). Only routers (lma, mag, router) carry transit traffic; hosts are
 * path ends. A host with one link gets a default route instead of a route per prefix.
 *
 * Static routes do not react to a link going down: that is what a "link-down" action demonstrates. A node
 * listed in the scenario's `routes` gets exactly those routes (plus its on-link prefixes), nothing computed.
 */
import { formatIPv6, ip6, isLinkLocal, maskBytes, prefixMatch } from '../wire/addr';
import type { Scenario, ScenarioNode, StaticRoute } from './types';
import { durationOf, parseEndpoint } from './units';

/** One route as the network takes it (RouteSpec of src/sim/net). */
export interface PlannedRoute {
  readonly prefix: string;
  readonly length: number;
  readonly iface: string;
  readonly via?: string;
  readonly metric?: number;
}

const TRANSIT = new Set(['lma', 'mag', 'router']);

interface Edge {
  readonly iface: string;
  readonly peer: string;
  readonly peerIface: string;
  readonly delay: number;
}

type Graph = Map<string, Edge[]>;

function graphOf(s: Scenario): Graph {
  const g: Graph = new Map(s.nodes.map((n) => [n.id, []]));
  for (const l of s.links) {
    const a = parseEndpoint(l.a);
    const b = parseEndpoint(l.b);
    if (!a || !b) continue;
    const delay = durationOf(l.delay);
    g.get(a.node)?.push({ iface: a.iface, peer: b.node, peerIface: b.iface, delay });
    g.get(b.node)?.push({ iface: b.iface, peer: a.node, peerIface: a.iface, delay });
  }
  return g;
}

const splitAddress = (text: string): [string, number] => {
  const slash = text.indexOf('/');
  return [text.slice(0, slash), Number(text.slice(slash + 1))];
};

/** On-link prefix routes of a node: one per interface address (except link-local and /128). */
export function connectedRoutes(n: ScenarioNode): PlannedRoute[] {
  const out: PlannedRoute[] = [];
  const seen = new Set<string>();
  for (const [iface, list] of Object.entries(n.addresses)) {
    for (const text of list) {
      const [address, length] = splitAddress(text);
      const prefix = formatIPv6(maskBytes(ip6(address), length));
      if (length === 128 || isLinkLocal(prefix) || seen.has(`${prefix}/${length} ${iface}`)) continue;
      seen.add(`${prefix}/${length} ${iface}`);
      out.push({ prefix, length, iface });
    }
  }
  return out;
}

/** prefix text → ids of the nodes that originate it. */
function originators(s: Scenario): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (prefix: string, node: string) => {
    const set = out.get(prefix) ?? new Set<string>();
    set.add(node);
    out.set(prefix, set);
  };
  for (const n of s.nodes) {
    for (const r of connectedRoutes(n)) add(`${r.prefix}/${r.length}`, n.id);
    if (n.prefixPool !== undefined) add(n.prefixPool, n.id);
  }
  for (const p of s.policies) if (p.prefixes !== 'allocate') for (const text of p.prefixes) add(text, p.lma);
  return out;
}

/**
 * Multi-source Dijkstra, backwards from the originators: for every node, the edge of its first hop towards
 * the nearest originator. Only originators and routers pass traffic on. Ties: fewer hops, then the order
 * the nodes and links were written in (the queue is a plain scan: wired topologies are small).
 */
function firstHops(
  g: Graph,
  sources: ReadonlySet<string>,
  kinds: ReadonlyMap<string, string>,
): Map<string, Edge> {
  const dist = new Map<string, [number, number]>();
  const hop = new Map<string, Edge>();
  const done = new Set<string>();
  for (const s of sources) dist.set(s, [0, 0]);
  for (;;) {
    let u: string | null = null;
    for (const [id, d] of dist) {
      if (done.has(id)) continue;
      const best = u === null ? null : (dist.get(u) as [number, number]);
      if (best === null || d[0] < best[0] || (d[0] === best[0] && d[1] < best[1])) u = id;
    }
    if (u === null) return hop;
    done.add(u);
    if (!sources.has(u) && !TRANSIT.has(kinds.get(u) ?? '')) continue;
    const [du, hu] = dist.get(u) as [number, number];
    for (const e of g.get(u) ?? []) {
      const cand: [number, number] = [du + e.delay, hu + 1];
      const cur = dist.get(e.peer);
      if (done.has(e.peer) || (cur && (cur[0] < cand[0] || (cur[0] === cand[0] && cur[1] <= cand[1]))))
        continue;
      dist.set(e.peer, cand);
      // The peer reaches u over the same link, out of its own interface.
      hop.set(e.peer, { iface: e.peerIface, peer: u, peerIface: e.iface, delay: e.delay });
    }
  }
}

/** The address of `node` on `iface` that a neighbour would use as next hop (global first), if any. */
function addressOn(n: ScenarioNode | undefined, iface: string): string | undefined {
  const list = n?.addresses[iface] ?? [];
  const pick = list.find((t) => !isLinkLocal(t)) ?? list[0];
  return pick === undefined ? undefined : splitAddress(pick)[0];
}

const withVia = (r: Omit<PlannedRoute, 'via'>, via: string | undefined): PlannedRoute =>
  via === undefined ? r : { ...r, via };

/** Every node's routes: on-link prefixes, then the static or computed ones. */
export function planRoutes(s: Scenario): Map<string, PlannedRoute[]> {
  const g = graphOf(s);
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind as string]));
  const plan = new Map<string, PlannedRoute[]>(s.nodes.map((n) => [n.id, connectedRoutes(n)]));
  for (const [id, list] of Object.entries(s.routes)) {
    const n = byId.get(id);
    if (n) for (const r of list) plan.get(id)?.push(resolveStatic(s, g, n, r));
  }
  const computed = s.nodes.filter((n) => !(n.id in s.routes) && (g.get(n.id)?.length ?? 0) > 0);
  const singleHomedHosts = computed.filter((n) => !TRANSIT.has(n.kind) && g.get(n.id)?.length === 1);
  for (const n of singleHomedHosts) {
    const e = (g.get(n.id) as Edge[])[0];
    plan
      .get(n.id)
      ?.push(withVia({ prefix: '::', length: 0, iface: e.iface }, addressOn(byId.get(e.peer), e.peerIface)));
  }
  const perPrefix = computed.filter((n) => !singleHomedHosts.includes(n));
  for (const [text, sources] of originators(s)) {
    const [prefix, length] = splitAddress(text);
    const hops = firstHops(g, sources, kinds);
    for (const n of perPrefix) {
      const e = hops.get(n.id);
      if (!e || sources.has(n.id)) continue;
      plan
        .get(n.id)
        ?.push(withVia({ prefix, length, iface: e.iface }, addressOn(byId.get(e.peer), e.peerIface)));
    }
  }
  return plan;
}

/**
 * The interface of `n` that leads to next hop `via` (a neighbour's id or address, or an address in one of
 * the node's on-link prefixes); null when no link of the node leads there.
 */
export function ifaceTowards(s: Scenario, n: ScenarioNode, via: string): string | null {
  const g = graphOf(s);
  const edges = g.get(n.id) ?? [];
  const byPeer = edges.find((e) => e.peer === via);
  if (byPeer) return byPeer.iface;
  const peers = new Map(s.nodes.map((x) => [x.id, x]));
  const byAddress = edges.find((e) =>
    (peers.get(e.peer)?.addresses[e.peerIface] ?? []).some((t) => splitAddress(t)[0] === via),
  );
  if (byAddress) return byAddress.iface;
  const b = ip6(via);
  const onLink = connectedRoutes(n).find((r) => prefixMatch(ip6(r.prefix), b, r.length));
  return onLink ? onLink.iface : null;
}

function resolveStatic(s: Scenario, g: Graph, n: ScenarioNode, r: StaticRoute): PlannedRoute {
  const [prefix, length] = splitAddress(r.prefix);
  const edges = g.get(n.id) ?? [];
  const isAddress = r.via !== undefined && r.via.includes(':');
  const iface = r.iface ?? (r.via !== undefined ? ifaceTowards(s, n, r.via) : null) ?? '';
  const edge = edges.find((e) => e.iface === iface);
  const via = isAddress
    ? r.via
    : edge
      ? addressOn(
          s.nodes.find((x) => x.id === edge.peer),
          edge.peerIface,
        )
      : undefined;
  const out = withVia({ prefix, length, iface }, via);
  return r.metric !== undefined ? { ...out, metric: r.metric } : out;
}
