/**
 * The second validation pass, over the topology: duplicate ids, links naming unknown nodes or reusing an
 * interface, addresses on interfaces no link uses, duplicate addresses and MACs, the LMA Address and
 * Proxy-CoA (filled in from the node's first global address when not given), and static routes.
 */
import { isLinkLocal } from '../wire/addr';
import { Catalog, attMismatch } from './catalog';
import type { Checker } from './check';
import { pathOf, show } from './check';
import type { Scenario, ScenarioNode } from './types';
import { parseEndpoint } from './units';
import { checkRoles } from './references-roles';
import { ifaceTowards } from './routes';
import { parseIPv6 } from '../wire/addr';

/** Checks every cross-reference; returns the scenario with LMA Addresses and Proxy-CoAs filled in. */
export function checkReferences(c: Checker, s: Scenario): Scenario {
  checkDuplicateIds(c, s);
  const cat = new Catalog(c, s.nodes, s.links);
  checkLinks(c, s, cat);
  checkAddresses(c, s, cat);
  checkMnInterfaces(c, s, cat);
  checkRoutes(c, s, cat);
  checkRoles(c, s, cat);
  return { ...s, nodes: s.nodes.map((n) => withAnchorAddress(c, n)) };
}

function checkDuplicateIds(c: Checker, s: Scenario): void {
  const dup = (what: string, items: readonly { id: string }[], fix: string) => {
    const first = new Map<string, object>();
    for (const item of items) {
      const seen = first.get(item.id);
      if (seen)
        c.report(
          pathOf(c.where(item), 'id'),
          `duplicate ${what} id ${show(item.id)} (also ${c.where(seen)})${fix}`,
        );
      else first.set(item.id, item);
    }
  };
  dup('node', s.nodes, '');
  dup('link', s.links, '; give each link its own "id"');
  dup('traffic', s.traffic, '; give each flow its own "id"');
}

function checkLinks(c: Checker, s: Scenario, cat: Catalog): void {
  const used = new Map<string, string>();
  for (const l of s.links) {
    const path = c.where(l);
    const a = parseEndpoint(l.a);
    const b = parseEndpoint(l.b);
    if (!a || !b) continue;
    if (a.node === b.node)
      c.report(pathOf(path, 'b'), `a link must join two different nodes (both ends are on ${show(a.node)})`);
    for (const [key, ep, text] of [
      ['a', a, l.a],
      ['b', b, l.b],
    ] as const) {
      const node = cat.node(pathOf(path, key), ep.node);
      if (!node) continue;
      if (node.interfaces?.some((i) => i.name === ep.iface)) {
        c.report(
          pathOf(path, key),
          `${show(ep.iface)} is a wireless interface of ${node.id}; a wired link needs another name, e.g. "eth0"`,
        );
      }
      const other = used.get(text);
      if (other !== undefined)
        c.report(
          pathOf(path, key),
          `${show(text)} is already used by ${other}; give each link its own interface`,
        );
      else used.set(text, path);
    }
  }
}

function checkAddresses(c: Checker, s: Scenario, cat: Catalog): void {
  const owner = new Map<string, string>();
  for (const n of s.nodes) {
    const path = pathOf(c.where(n), 'addresses');
    const wired = cat.wiredIfaces(n.id);
    for (const [iface, list] of Object.entries(n.addresses)) {
      if (!wired.includes(iface) && !c.broken.has('links')) {
        const has = wired.length ? `its links use: ${wired.join(', ')}` : 'it has no links yet';
        const why = n.interfaces?.some((i) => i.name === iface)
          ? `${show(iface)} is wireless; a mobile node gets its addresses from the MAG's Router Advertisements (RFC 5213 §6.8)`
          : `${n.id} has no link on ${show(iface)} (${has})`;
        c.report(pathOf(path, iface), why);
      }
      list.forEach((text, j) => {
        const address = text.slice(0, text.indexOf('/'));
        const where = pathOf(pathOf(path, iface), j);
        const seen = owner.get(address);
        // Link-local addresses only need to be unique on their link; global ones everywhere.
        if (seen && !isLinkLocal(address))
          c.report(where, `${address} is already used at ${seen}; every address must be unique`);
        else owner.set(address, where);
      });
    }
  }
}

function checkMnInterfaces(c: Checker, s: Scenario, cat: Catalog): void {
  const macs = new Map<string, string>();
  const fixed = String(s.config.fixedMAGLinkLayerAddress);
  for (const n of s.nodes) {
    const names = new Set<string>();
    for (const i of n.interfaces ?? []) {
      const path = c.where(i);
      if (names.has(i.name))
        c.report(pathOf(path, 'name'), `${n.id} already has an interface ${show(i.name)}`);
      names.add(i.name);
      const seen = macs.get(i.mac);
      if (seen)
        c.report(
          pathOf(path, 'mac'),
          `${i.mac} is already the MAC of ${seen}; every interface needs its own`,
        );
      else if (i.mac === fixed)
        c.report(
          pathOf(path, 'mac'),
          `${i.mac} is the MAGs' fixed link-layer address (RFC 6543); pick another`,
        );
      else macs.set(i.mac, `${n.id}:${i.name}`);
      const mag =
        i.attachTo !== undefined ? cat.node(pathOf(path, 'attachTo'), i.attachTo, ['mag']) : undefined;
      const mismatch = mag ? attMismatch(n, i.name, mag) : null;
      if (mismatch) c.report(pathOf(path, 'attachTo'), mismatch);
    }
  }
}

function checkRoutes(c: Checker, s: Scenario, cat: Catalog): void {
  for (const [nodeId, routes] of Object.entries(s.routes)) {
    const node = cat.node(pathOf('routes', nodeId), nodeId);
    if (!node) continue;
    const neighbours = cat.neighbours(nodeId);
    for (const r of routes) {
      const path = c.where(r);
      if (r.iface !== undefined && !neighbours.has(r.iface)) {
        c.report(
          pathOf(path, 'iface'),
          `${nodeId} has no link on ${show(r.iface)} (its links use: ${[...neighbours.keys()].join(', ') || 'none'})`,
        );
      }
      if (
        r.via !== undefined &&
        parseIPv6(r.via) &&
        r.iface === undefined &&
        ifaceTowards(s, node, r.via) === null
      ) {
        c.report(
          pathOf(path, 'via'),
          `no link of ${nodeId} leads to ${r.via}; name the way out with "iface"`,
        );
      }
      if (r.via === undefined || parseIPv6(r.via)) continue;
      const ifaces = [...neighbours].filter(([, peer]) => peer === r.via).map(([iface]) => iface);
      if (ifaces.length === 0) {
        const peers = [...new Set(neighbours.values())].join(', ') || 'none';
        c.report(
          pathOf(path, 'via'),
          `${show(r.via)} is not a neighbour of ${nodeId} nor an IPv6 address (its neighbours: ${peers})`,
        );
      } else if (r.iface !== undefined && neighbours.has(r.iface) && !ifaces.includes(r.iface)) {
        c.report(
          pathOf(path, 'iface'),
          `${r.via} is not reached through ${show(r.iface)} (use ${ifaces.join(' or ')})`,
        );
      }
    }
  }
}

/** The first global (non-link-local) address of a node, or undefined. */
export function firstGlobalAddress(n: ScenarioNode): string | undefined {
  for (const list of Object.values(n.addresses)) {
    for (const text of list) {
      const address = text.slice(0, text.indexOf('/'));
      if (!isLinkLocal(address)) return address;
    }
  }
  return undefined;
}

const hasAddress = (n: ScenarioNode, address: string): boolean =>
  Object.values(n.addresses).some((list) => list.some((t) => t.slice(0, t.indexOf('/')) === address));

/** RFC 5213 §2.2: the LMAA and the Proxy-CoA are global addresses of the LMA and the MAG. */
function withAnchorAddress(c: Checker, n: ScenarioNode): ScenarioNode {
  if (n.kind !== 'lma' && n.kind !== 'mag') return n;
  const key = n.kind === 'lma' ? 'lmaAddress' : 'proxyCoa';
  const name = n.kind === 'lma' ? 'LMA Address (LMAA' : 'Proxy Care-of Address (Proxy-CoA';
  const given = n[key];
  const path = pathOf(c.where(n), key);
  if (given !== undefined) {
    if (!hasAddress(n, given))
      c.report(
        path,
        `${given} is not an address of ${n.id}; add it to its "addresses" or leave "${key}" out`,
      );
    return n;
  }
  const first = firstGlobalAddress(n);
  if (first === undefined) {
    c.report(
      pathOf(c.where(n), 'addresses'),
      `${n.id} needs a global address for its ${name}, RFC 5213 §2.2), e.g. { "eth0": ["2001:db8::1/64"] }`,
    );
    return n;
  }
  return c.place({ ...n, [key]: first }, c.where(n));
}
