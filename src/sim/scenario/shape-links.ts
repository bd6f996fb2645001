/** Reading `links[]` and `routes`: the wired topology and optional static routes, with defaults. */
import { checkPrefix } from './address-text';
import { Obj, pathOf, show } from './check';
import type { Checker } from './check';
import type { ScenarioLink, StaticRoute } from './types';
import { parseBandwidth, parseEndpoint } from './units';
import { formatIPv6, parseIPv6 } from '../wire/addr';

export const LINK_DEFAULTS = { delay: '1ms', loss: 0, queue: 100, mtu: 1500 } as const;

export function readLinks(c: Checker, list: unknown[]): ScenarioLink[] {
  const out: ScenarioLink[] = [];
  list.forEach((value, i) => {
    const link = readLink(c, value, `links[${i}]`);
    if (link) out.push(c.place(link, `links[${i}]`));
  });
  return out;
}

function readEndpoint(o: Obj, key: 'a' | 'b'): string | undefined {
  const text = o.string(key, true, 'a "node:interface" such as "r1:eth0"');
  if (text === undefined) return undefined;
  const ep = parseEndpoint(text);
  if (ep) return text;
  o.c.report(
    o.at(key),
    `${show(text)} must name a node and its interface as "node:interface", e.g. "r1:eth0"`,
  );
  return undefined;
}

function readLink(c: Checker, value: unknown, path: string): ScenarioLink | undefined {
  const o = Obj.read(c, value, path, 'link', 'a link');
  if (!o) return undefined;
  const id = o.id('id');
  const a = readEndpoint(o, 'a');
  const b = readEndpoint(o, 'b');
  const delay = o.duration('delay') ?? LINK_DEFAULTS.delay;
  const loss = o.number('loss', { min: 0, max: 1 }) ?? LINK_DEFAULTS.loss;
  const queue = o.number('queue', { min: 1, max: 1_000_000, integer: true }) ?? LINK_DEFAULTS.queue;
  // RFC 8200 §5: every IPv6 link carries at least 1280-octet packets.
  const mtu = o.number('mtu', { min: 1280, max: 65535, integer: true }) ?? LINK_DEFAULTS.mtu;
  const down = o.boolean('down');
  const bandwidth = o.string('bandwidth');
  if (bandwidth !== undefined && parseBandwidth(bandwidth) === null) {
    c.report(
      o.at('bandwidth'),
      `${show(bandwidth)} is not a bandwidth; write e.g. "100Mbps", "1Gbps" or "512kbps"`,
    );
  }
  if (a === undefined || b === undefined) {
    if (id !== undefined) c.broken.add(`link:${id}`);
    // Interfaces this link would have wired are not reported as unwired: one mistake, one message.
    c.broken.add('links');
    return undefined;
  }
  const link: Record<string, unknown> = {
    id: id ?? `${a.split(':')[0]}-${b.split(':')[0]}`,
    a,
    b,
    delay,
    loss,
    queue,
    mtu,
  };
  if (bandwidth !== undefined && parseBandwidth(bandwidth) !== null) link.bandwidth = bandwidth;
  if (down) link.down = true;
  return link as unknown as ScenarioLink;
}

/** `routes`: node id → list of static routes. */
export function readRoutes(o: Obj): Record<string, StaticRoute[]> {
  const map = o.map('routes');
  const out: Record<string, StaticRoute[]> = {};
  if (!map) return out;
  for (const [node, list] of Object.entries(map)) {
    const path = pathOf(o.at('routes'), node);
    if (!Array.isArray(list)) {
      o.c.report(
        path,
        `must be a list of routes such as [{ "prefix": "::/0", "via": "r2" }], not ${show(list)}`,
      );
      continue;
    }
    out[node] = [];
    list.forEach((value, j) => {
      const r = readRoute(o.c, value, pathOf(path, j));
      if (r) out[node].push(o.c.place(r, pathOf(path, j)));
    });
  }
  return out;
}

function readRoute(c: Checker, value: unknown, path: string): StaticRoute | undefined {
  const o = Obj.read(c, value, path, 'route', 'a route');
  if (!o) return undefined;
  const prefix = o.has('prefix') ? checkPrefix(c, o.raw('prefix'), o.at('prefix')) : undefined;
  if (!o.has('prefix'))
    c.report(o.at('prefix'), 'is required: the destination, e.g. "2001:db8:5::/48" or "::/0"');
  const via = o.string('via');
  const iface = o.id('iface');
  const metric = o.number('metric', { min: 0, max: 65535, integer: true });
  if (!o.has('via') && !o.has('iface')) {
    c.report(path, 'a route needs "via" (a neighbour node id or next-hop address) or "iface" (the way out)');
    return undefined;
  }
  if (!prefix) return undefined;
  const route: Record<string, unknown> = { prefix: prefix.text };
  if (via !== undefined) {
    const bytes = parseIPv6(via);
    route.via = bytes ? formatIPv6(bytes) : via;
  }
  if (iface !== undefined) route.iface = iface;
  if (metric !== undefined) route.metric = metric;
  return route as unknown as StaticRoute;
}
