/**
 * Reading `nodes[]`: each node's own fields, with defaults. Fields that belong to one kind only (an LMA's
 * prefix pool, a MAG's access point, an MN's interfaces) are errors on any other kind. Cross-references
 * (duplicate ids, addresses on interfaces without a link) are checked later, in references.ts.
 */
import { checkInterfaceAddress, checkMac, checkPrefix } from './address-text';
import { Obj, pathOf, show } from './check';
import type { Checker } from './check';
import type { AccessPoint, MnInterface, Position, ScenarioNode, ScenarioNodeKind } from './types';
import { NODE_KINDS } from './types';
import { ATT_NAMES, ID_PATTERN, parseAtt } from './units';
import { parseBandwidth } from './units';
import { formatIPv6, parseIPv6 } from '../wire/addr';

/** Defaults of a MAG's access point when the scenario gives none (a WLAN-like association). */
export const DEFAULT_ACCESS_POINT: AccessPoint = { att: 4, attachDelay: '50ms', linkDelay: '1ms', loss: 0 };

const KIND_NAMES: Record<ScenarioNodeKind, string> = {
  lma: 'an LMA',
  mag: 'a MAG',
  mn: 'a mobile node (mn)',
  cn: 'a correspondent node (cn)',
  router: 'a router',
  aaa: 'a policy server (aaa)',
  host: 'a host',
};

/** Fields only one kind may carry. */
const KIND_ONLY: Record<string, ScenarioNodeKind> = {
  prefixPool: 'lma',
  lmaAddress: 'lma',
  proxyCoa: 'mag',
  accessPoint: 'mag',
  interfaces: 'mn',
};

export function readNodes(c: Checker, list: unknown[]): ScenarioNode[] {
  const out: ScenarioNode[] = [];
  list.forEach((value, i) => {
    const node = readNode(c, value, `nodes[${i}]`, i);
    if (node) out.push(c.place(node, `nodes[${i}]`));
  });
  return out;
}

function readNode(c: Checker, value: unknown, path: string, index: number): ScenarioNode | undefined {
  const o = Obj.read(c, value, path, 'node', 'a node');
  if (!o) return undefined;
  const id = o.id('id', true, 'every node needs an id, e.g. "mag1"');
  const kind = o.oneOf('kind', NODE_KINDS, 'a node kind', true);
  for (const [key, only] of Object.entries(KIND_ONLY)) {
    if (o.has(key) && kind && kind !== only)
      c.report(o.at(key), `only ${KIND_NAMES[only]} has "${key}" (this node is ${KIND_NAMES[kind]})`);
  }
  const label = o.string('label');
  const addresses = readAddresses(o);
  const position = readPosition(o);
  if (id === undefined || kind === undefined) {
    if (id !== undefined) c.broken.add(`node:${id}`);
    return undefined;
  }
  const node: Record<string, unknown> = { id, kind, addresses };
  if (label !== undefined) node.label = label;
  if (kind === 'lma') readLmaFields(o, node);
  if (kind === 'mag') readMagFields(o, node);
  if (kind === 'mn') node.interfaces = readMnInterfaces(o, index);
  if (position) node.position = position;
  return node as unknown as ScenarioNode;
}

function readAddresses(o: Obj): Record<string, string[]> {
  const map = o.map('addresses');
  const out: Record<string, string[]> = {};
  if (!map) return out;
  for (const [iface, list] of Object.entries(map)) {
    const path = pathOf(o.at('addresses'), iface);
    if (!ID_PATTERN.test(iface)) {
      o.c.report(
        path,
        `${show(iface)} is not a usable interface name; use letters, digits, ".", "_" and "-", e.g. "eth0"`,
      );
      continue;
    }
    if (!Array.isArray(list)) {
      o.c.report(path, `must be a list of addresses such as ["2001:db8::1/64"], not ${show(list)}`);
      continue;
    }
    out[iface] = [];
    list.forEach((a, j) => {
      const parsed = checkInterfaceAddress(o.c, a, pathOf(path, j));
      if (parsed) out[iface].push(`${parsed.address}/${parsed.length}`);
    });
  }
  return out;
}

function readPosition(o: Obj): Position | undefined {
  const p = o.object('position', 'position', 'a position');
  if (!p) return undefined;
  const x = p.number('x', {}, true);
  const y = p.number('y', {}, true);
  return x !== undefined && y !== undefined ? { x, y } : undefined;
}

function canonicalAddress(o: Obj, key: string): string | undefined {
  const a = o.ipv6(key);
  return a === undefined ? undefined : formatIPv6(parseIPv6(a) as Uint8Array);
}

function readLmaFields(o: Obj, node: Record<string, unknown>): void {
  if (o.has('prefixPool')) {
    // RFC 5213 §2.2: home network prefixes are per MN; the pool is split into /64s, so it must be /64 or shorter.
    const pool = checkPrefix(o.c, o.raw('prefixPool'), o.at('prefixPool'), 64);
    if (pool) node.prefixPool = pool.text;
    else o.c.broken.add(`pool:${String(node.id)}`);
  }
  const lmaa = canonicalAddress(o, 'lmaAddress');
  if (lmaa) node.lmaAddress = lmaa;
}

function readMagFields(o: Obj, node: Record<string, unknown>): void {
  const pcoa = canonicalAddress(o, 'proxyCoa');
  if (pcoa) node.proxyCoa = pcoa;
  const ap = o.object('accessPoint', 'accessPoint', 'an access point');
  const out: Record<string, unknown> = { ...DEFAULT_ACCESS_POINT };
  if (ap) {
    out.att = readAtt(ap) ?? DEFAULT_ACCESS_POINT.att;
    out.attachDelay = ap.duration('attachDelay') ?? DEFAULT_ACCESS_POINT.attachDelay;
    out.linkDelay = ap.duration('linkDelay') ?? DEFAULT_ACCESS_POINT.linkDelay;
    out.loss = ap.number('loss', { min: 0, max: 1 }) ?? 0;
    const bw = ap.string('bandwidth');
    if (bw !== undefined) {
      if (parseBandwidth(bw) === null)
        ap.c.report(
          ap.at('bandwidth'),
          `${show(bw)} is not a bandwidth; write e.g. "54Mbps", "1Gbps" or "512kbps"`,
        );
      else out.bandwidth = bw;
    }
  }
  node.accessPoint = out;
}

/** An MN's wireless interfaces; one "wlan0" (WLAN) when none are given. */
function readMnInterfaces(o: Obj, nodeIndex: number): MnInterface[] {
  const list = o.list('interfaces');
  if (!list) return [{ name: 'wlan0', mac: defaultMac(nodeIndex, 0), att: ATT_NAMES.wlan }];
  if (list.length === 0)
    o.c.report(
      o.at('interfaces'),
      'is empty; a mobile node needs at least one interface, e.g. [{ "name": "wlan0" }]',
    );
  const out: MnInterface[] = [];
  list.forEach((value, j) => {
    const f = Obj.read(o.c, value, pathOf(o.at('interfaces'), j), 'mnInterface', 'an interface');
    if (!f) return;
    const name = f.id('name', true, 'e.g. "wlan0"');
    const mac = f.has('mac') ? checkMac(f.c, f.raw('mac'), f.at('mac')) : defaultMac(nodeIndex, j);
    const att = readAtt(f);
    const attachTo = f.id('attachTo');
    if (name === undefined || mac === undefined || att === undefined) return;
    out.push(o.c.place(attachTo === undefined ? { name, mac, att } : { name, mac, att, attachTo }, f.path));
  });
  return out;
}

function readAtt(f: Obj): number | undefined {
  if (!f.has('att')) return ATT_NAMES.wlan;
  const att = parseAtt(f.raw('att'));
  if (att === null) {
    const names = Object.keys(ATT_NAMES).join(', ');
    f.c.report(
      f.at('att'),
      `${show(f.raw('att'))} is not an access technology type; use a number 1-255 (RFC 5213 §8.5) or one of ${names}`,
    );
    return undefined;
  }
  return att;
}

/**
 * A locally administered MAC (RFC 7042 §2.1) unique per (node, interface): 02:6d:6e:NN:NN:II ("mn").
 * The network numbers the wired interfaces it creates from 02:00:00:…, so the two ranges never meet.
 */
export function defaultMac(nodeIndex: number, ifaceIndex: number): string {
  const hex = (n: number) => (n & 0xff).toString(16).padStart(2, '0');
  return ['02', '6d', '6e', hex(nodeIndex >> 8), hex(nodeIndex), hex(ifaceIndex)].join(':');
}
