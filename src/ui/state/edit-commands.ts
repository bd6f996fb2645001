/**
 * Every edit a learner can make to the scenario, as a command: a label for the undo menu and a pure
 * `apply` from one document to the next (Excalidraw's one-action-one-function habit). Commands never
 * mutate; the ScenarioEditor keeps the documents before and after for undo and redo.
 *
 * Commands keep the document consistent (a removed node takes its links, policies, traffic and timeline
 * entries with it; a new wired link gets its own /64 on both ends), and the worker's validator has the
 * last word: an edit it rejects is not applied (session.applyDocument).
 */
import type { Micros } from '../../sim/core/time';
import type { ProtocolConfig } from '../../sim/scenario/config';
import type {
  Policy,
  Position,
  Scenario,
  ScenarioLink,
  ScenarioNode,
  TimelineAction,
} from '../../sim/scenario/types';
import { freeInterface, freeLinkPrefix, freeMac } from './address-plan';
import { forkWithAction, writtenForm } from './scenario-document';
import type { ScenarioDocument } from './scenario-document';

export interface EditCommand {
  /** Shown in the undo/redo buttons: "Undo: add MAG mag3". */
  readonly label: string;
  apply(doc: ScenarioDocument): ScenarioDocument;
}

const withBase = (doc: ScenarioDocument, base: Scenario): ScenarioDocument => ({ base, user: doc.user });
const endNode = (end: string): string => end.split(':')[0];
const endIface = (end: string): string => end.split(':')[1];

/** Node `id` with interface `iface` carrying `address` (replacing nothing). */
function withAddress(n: ScenarioNode, iface: string, address: string): ScenarioNode {
  return { ...n, addresses: { ...n.addresses, [iface]: [...(n.addresses[iface] ?? []), address] } };
}

function withoutInterface(n: ScenarioNode, iface: string): ScenarioNode {
  const addresses = { ...n.addresses };
  delete addresses[iface];
  return { ...n, addresses };
}

export interface WiredLinkProps {
  readonly delay: string;
  readonly bandwidth?: string;
  readonly loss: number;
}

/** Links nodes a and b with fresh interfaces and their own /64 (a gets ::1, b gets ::2). */
function linkNodes(s: Scenario, a: string, b: string, props: WiredLinkProps): Scenario {
  const prefix = freeLinkPrefix(s);
  const ia = freeInterface(s, a);
  const ib = freeInterface(s, b);
  const id = uniqueLinkId(s, `${a}-${b}`);
  const link: ScenarioLink = {
    id,
    a: `${a}:${ia}`,
    b: `${b}:${ib}`,
    delay: props.delay,
    loss: props.loss,
    queue: 100,
    mtu: 1500,
    ...(props.bandwidth ? { bandwidth: props.bandwidth } : {}),
  };
  const nodes = s.nodes.map((n) =>
    n.id === a ? withAddress(n, ia, `${prefix}1/64`) : n.id === b ? withAddress(n, ib, `${prefix}2/64`) : n,
  );
  return { ...s, nodes, links: [...s.links, link] };
}

function uniqueLinkId(s: Scenario, stem: string): string {
  const ids = new Set(s.links.map((l) => l.id));
  if (!ids.has(stem)) return stem;
  for (let i = 2; ; i++) if (!ids.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export function addMag(id: string, uplinkTo: string, position: Position, props: WiredLinkProps): EditCommand {
  return {
    label: `add MAG ${id}`,
    apply(doc) {
      const s = doc.base;
      const mag: ScenarioNode = {
        id,
        kind: 'mag',
        label: id.toUpperCase(),
        addresses: {},
        accessPoint: { att: 4, attachDelay: '50ms', linkDelay: '1ms', loss: 0 },
        position,
      };
      // The MAG's uplink interface is its first: its global address becomes the Proxy-CoA (RFC 5213 §2.2).
      const linked = linkNodes({ ...s, nodes: [...s.nodes, mag] }, uplinkTo, id, props);
      // RFC 5213 §4: the LMA only accepts PBUs from MAGs it has a security association with.
      const lmas = s.nodes.filter((n) => n.kind === 'lma').map((n) => n.id);
      return withBase(doc, {
        ...linked,
        security: [...s.security, ...lmas.map((lma) => ({ mag: id, lma }))],
      });
    },
  };
}

export function addCn(id: string, linkTo: string, position: Position, props: WiredLinkProps): EditCommand {
  return {
    label: `add correspondent node ${id}`,
    apply(doc) {
      const cn: ScenarioNode = { id, kind: 'cn', label: id.toUpperCase(), addresses: {}, position };
      return withBase(doc, linkNodes({ ...doc.base, nodes: [...doc.base.nodes, cn] }, linkTo, id, props));
    },
  };
}

/** A mobile node attached to `mag` at t = 0, with a policy profile allocating one HNP from `lma` (RFC 5213 §6.2). */
export function addMn(id: string, mag: string, lma: string, position: Position): EditCommand {
  return {
    label: `add mobile node ${id}`,
    apply(doc) {
      const s = doc.base;
      // RFC 5213 §8.5: the interface's access technology must be the one of the MAG's access point.
      const att = s.nodes.find((n) => n.id === mag)?.accessPoint?.att ?? 4;
      const mn: ScenarioNode = {
        id,
        kind: 'mn',
        label: id.toUpperCase(),
        addresses: {},
        interfaces: [{ name: 'wlan0', mac: freeMac(s), att, attachTo: mag }],
        position,
      };
      const policy: Policy = {
        mn: id,
        mnId: `${id}@example.com`,
        lma,
        networkBasedMobility: true,
        prefixes: 'allocate',
        prefixCount: 1,
        lifetime: String(s.config.defaultLifetime),
      };
      return withBase(doc, { ...s, nodes: [...s.nodes, mn], policies: [...s.policies, policy] });
    },
  };
}

const mentions = (a: TimelineAction, id: string): boolean =>
  a.mn === id || a.mag === id || a.match?.from === id || a.match?.to === id;

/** Removes a node with everything that names it: its links (and the far ends' interfaces), policies, traffic, actions. */
export function removeNode(id: string): EditCommand {
  return {
    label: `remove ${id}`,
    apply(doc) {
      const s = doc.base;
      const gone = s.links.filter((l) => endNode(l.a) === id || endNode(l.b) === id);
      const goneIds = new Set(gone.map((l) => l.id));
      let nodes = s.nodes.filter((n) => n.id !== id);
      for (const l of gone) nodes = dropEnds(nodes, l);
      nodes = nodes.map((n) =>
        n.interfaces?.some((i) => i.attachTo === id)
          ? {
              ...n,
              interfaces: n.interfaces.map((i) =>
                i.attachTo === id ? { name: i.name, mac: i.mac, att: i.att } : i,
              ),
            }
          : n,
      );
      const routes = Object.fromEntries(
        Object.entries(s.routes)
          .filter(([n]) => n !== id)
          .map(([n, list]) => [n, list.filter((r) => r.via !== id)]),
      );
      const base: Scenario = {
        ...s,
        nodes,
        routes,
        links: s.links.filter((l) => !goneIds.has(l.id)),
        policies: s.policies.filter((p) => p.mn !== id && p.lma !== id),
        security: s.security.filter((a) => a.mag !== id && a.lma !== id),
        traffic: s.traffic.filter((t) => t.from !== id && t.to !== id),
        timeline: s.timeline.filter((a) => !mentions(a, id) && !(a.link && goneIds.has(a.link))),
      };
      return { base, user: doc.user.filter((a) => !mentions(a, id)) };
    },
  };
}

/** The two nodes' interfaces on link l lose their addresses (an interface without a link may not have any). */
function dropEnds(nodes: readonly ScenarioNode[], l: ScenarioLink): ScenarioNode[] {
  return nodes.map((n) => {
    let out = n;
    if (endNode(l.a) === n.id) out = withoutInterface(out, endIface(l.a));
    if (endNode(l.b) === n.id) out = withoutInterface(out, endIface(l.b));
    return out;
  });
}

export function addLink(a: string, b: string, props: WiredLinkProps): EditCommand {
  return { label: `add link ${a}–${b}`, apply: (doc) => withBase(doc, linkNodes(doc.base, a, b, props)) };
}

export function removeLink(id: string): EditCommand {
  return {
    label: `remove link ${id}`,
    apply(doc) {
      const s = doc.base;
      const link = s.links.find((l) => l.id === id);
      if (!link) throw new Error(`there is no link "${id}"`);
      return withBase(doc, {
        ...s,
        nodes: dropEnds(s.nodes, link),
        links: s.links.filter((l) => l.id !== id),
        timeline: s.timeline.filter((a) => a.link !== id),
      });
    },
  };
}

/** Delay, bandwidth (absent = unlimited) and loss of a wired link. */
export function setLinkProps(id: string, props: WiredLinkProps): EditCommand {
  return {
    label: `change link ${id}`,
    apply(doc) {
      const s = doc.base;
      if (!s.links.some((l) => l.id === id)) throw new Error(`there is no link "${id}"`);
      const links = s.links.map((l) => {
        if (l.id !== id) return l;
        const { bandwidth: _old, ...rest } = l;
        return {
          ...rest,
          delay: props.delay,
          loss: props.loss,
          ...(props.bandwidth ? { bandwidth: props.bandwidth } : {}),
        };
      });
      return withBase(doc, { ...s, links });
    },
  };
}

/** Replaces (or adds) the policy profile of an MN (RFC 5213 §6.2). */
export function setPolicy(policy: Policy): EditCommand {
  return {
    label: `change the policy of ${policy.mn}`,
    apply(doc) {
      const s = doc.base;
      const has = s.policies.some((p) => p.mn === policy.mn);
      const policies = has
        ? s.policies.map((p) => (p.mn === policy.mn ? policy : p))
        : [...s.policies, policy];
      return withBase(doc, writtenForm({ ...s, policies }));
    },
  };
}

/** Sets protocol configuration variables (RFC 5213 §9). */
export function setConfig(
  changes: Partial<Record<keyof ProtocolConfig, string | number | boolean>>,
): EditCommand {
  const names = Object.keys(changes);
  return {
    label: names.length === 1 ? `set ${names[0]}` : `change ${names.length} protocol settings`,
    apply: (doc) =>
      withBase(doc, { ...doc.base, config: { ...doc.base.config, ...changes } as ProtocolConfig }),
  };
}

/** A learner's action at time t (a handover by drag, menu or keyboard): forks the future (scenario-document.ts). */
export function userAction(t: Micros, action: Omit<TimelineAction, 'at'>, label: string): EditCommand {
  return { label, apply: (doc) => forkWithAction(doc, t, action) };
}
