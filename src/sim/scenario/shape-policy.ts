/**
 * Reading `policies[]` (per-MN policy profiles, RFC 5213 §6.2), `security` (MAG–LMA security
 * associations, RFC 5213 §4) and `config` (protocol variables, RFC 5213 §9 and friends), with defaults.
 */
import { checkPrefix } from './address-text';
import { Obj, pathOf, show } from './check';
import type { Checker } from './check';
import { CONFIG_NAMES, CONFIG_VARIABLES, defaultConfig } from './config';
import type { ProtocolConfig } from './config';
import type { Policy, ScenarioNode, SecurityAssociation } from './types';
import { formatIPv6, isLinkLocal, parseIPv6, parseMac } from '../wire/addr';

/** The MN-Identifier given to an MN whose policy names none (an NAI, RFC 4282). */
export const defaultMnId = (mn: string): string => `${mn}@example.com`;

export function readPolicies(
  c: Checker,
  list: unknown[],
  nodes: readonly ScenarioNode[],
  config: ProtocolConfig,
): Policy[] {
  const lmas = nodes.filter((n) => n.kind === 'lma').map((n) => n.id);
  const out: Policy[] = [];
  list.forEach((value, i) => {
    const p = readPolicy(c, value, `policies[${i}]`, lmas, config);
    if (p) out.push(c.place(p, `policies[${i}]`));
  });
  return out;
}

function readPolicy(
  c: Checker,
  value: unknown,
  path: string,
  lmas: readonly string[],
  config: ProtocolConfig,
): Policy | undefined {
  const o = Obj.read(c, value, path, 'policy', 'a policy');
  if (!o) return undefined;
  const mn = o.id('mn', true, 'the id of the mobile node this policy is for');
  const mnId = o.string('mnId');
  if (mnId !== undefined && (mnId.length === 0 || mnId.length > 255)) {
    c.report(o.at('mnId'), 'must be 1 to 255 characters: an NAI such as "mn1@example.com" (RFC 4282)');
  }
  // With a single LMA in the scenario there is nothing to choose; name it for the user. With none (when an
  // LMA was dropped for another error) say nothing more: that error is the one to fix.
  if (!o.has('lma') && lmas.length === 0 && c.broken.size > 0) return undefined;
  const lma =
    lmas.length === 1 && !o.has('lma')
      ? lmas[0]
      : o.id('lma', true, 'the id of the LMA that anchors this MN');
  const networkBasedMobility = o.boolean('networkBasedMobility') ?? true;
  const prefixes = readPolicyPrefixes(o);
  const prefixCount = o.number('prefixCount', { min: 1, max: 16, integer: true });
  // A loaded scenario carries prefixCount filled in (= the list's length), and must load again unchanged;
  // only a count that contradicts the static list is an error.
  if (prefixCount !== undefined && Array.isArray(prefixes) && prefixCount !== prefixes.length) {
    c.report(
      o.at('prefixCount'),
      `is ${prefixCount}, but the static "prefixes" list has ${prefixes.length}; drop prefixCount (it applies to "prefixes": "allocate")`,
    );
  }
  const lifetime = o.duration('lifetime') ?? (config.defaultLifetime as string);
  if (mn === undefined || lma === undefined || prefixes === undefined) return undefined;
  return {
    mn,
    mnId: mnId ?? defaultMnId(mn),
    lma,
    networkBasedMobility,
    prefixes,
    prefixCount: Array.isArray(prefixes) ? prefixes.length : (prefixCount ?? 1),
    lifetime,
  };
}

function readPolicyPrefixes(o: Obj): string[] | 'allocate' | undefined {
  if (!o.has('prefixes')) return 'allocate';
  const v = o.raw('prefixes');
  if (v === 'allocate') return 'allocate';
  if (!Array.isArray(v) || v.length === 0) {
    o.c.report(
      o.at('prefixes'),
      `must be "allocate" or a non-empty list of prefixes such as ["2001:db8:1:1::/64"], not ${show(v)}`,
    );
    return undefined;
  }
  const out: string[] = [];
  v.forEach((p, j) => {
    const prefix = checkPrefix(o.c, p, pathOf(o.at('prefixes'), j));
    if (prefix) out.push(prefix.text);
  });
  return out.length === v.length ? out : undefined;
}

/** `security`: absent means every MAG has a security association with every LMA. */
export function readSecurity(c: Checker, o: Obj, nodes: readonly ScenarioNode[]): SecurityAssociation[] {
  if (!o.has('security')) {
    const mags = nodes.filter((n) => n.kind === 'mag');
    const lmas = nodes.filter((n) => n.kind === 'lma');
    return mags.flatMap((m) => lmas.map((l) => ({ mag: m.id, lma: l.id })));
  }
  const list = o.list('security') ?? [];
  const out: SecurityAssociation[] = [];
  list.forEach((value, i) => {
    const s = Obj.read(
      c,
      value,
      pathOf(o.at('security'), i),
      'securityAssociation',
      'a security association',
    );
    if (!s) return;
    const mag = s.id('mag', true, 'the MAG id');
    const lma = s.id('lma', true, 'the LMA id');
    if (mag !== undefined && lma !== undefined) out.push(c.place({ mag, lma }, s.path));
  });
  return out;
}

/** `config`: every variable defaults to its RFC value (config.ts). */
export function readConfig(c: Checker, top: Obj): ProtocolConfig {
  const out: Record<string, string | number | boolean> = defaultConfig();
  const o = top.object('config', 'config', 'the config');
  if (!o) return out as ProtocolConfig;
  for (const name of CONFIG_NAMES) {
    if (!o.has(name)) continue;
    const value = readConfigValue(o, name);
    if (value !== undefined) out[name] = value;
  }
  return out as ProtocolConfig;
}

function readConfigValue(o: Obj, name: (typeof CONFIG_NAMES)[number]): string | number | boolean | undefined {
  const spec = CONFIG_VARIABLES[name];
  switch (spec.kind) {
    case 'duration':
      return o.duration(name);
    case 'boolean':
      return o.boolean(name);
    case 'integer':
      return o.number(name, { min: name === 'maxUpdateRate' ? 1 : 0, max: 1_000_000, integer: true });
    case 'ipv6': {
      const a = o.ipv6(name);
      if (a === undefined) return undefined;
      const canonical = formatIPv6(parseIPv6(a) as Uint8Array);
      // RFC 5213 §6.8: the MAG's address on every access link is a link-local one; ALL_ZERO (::) means
      // "none fixed: the LMA assigns one per session" (RFC 5213 §6.9.1.1, Link-local Address option).
      if (isLinkLocal(canonical) || canonical === '::') return canonical;
      o.c.report(
        o.at(name),
        `${canonical} is not a link-local address (fe80::/10); e.g. "fe80::200:5eff:fe00:5213" (RFC 6543)`,
      );
      return undefined;
    }
    case 'mac': {
      const text = o.string(name);
      if (text === undefined) return undefined;
      const bytes = parseMac(text);
      if (bytes) return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
      o.c.report(
        o.at(name),
        `${show(text)} is not a MAC address; write six hex pairs, e.g. "00:00:5e:00:52:13"`,
      );
      return undefined;
    }
  }
}
