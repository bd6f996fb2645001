/**
 * From a built scenario (the World) to what the agents need: the protocol configuration in agent units
 * (api.ts PmipConfig), the policy records of the policy store, the nodes' signalling addresses, and the
 * modelled access-authentication delay (the round trip from a MAG to the AAA server over the network).
 */
import { parseDuration } from '../../core/time';
import type { Micros } from '../../core/time';
import type { NetNode } from '../../net/node';
import type { Network } from '../../net/network';
import { isLinkLocal, parsePrefix } from '../../wire/addr';
import type { ProtocolConfig } from '../../scenario/config';
import type { ScenarioNode } from '../../scenario/types';
import type { World } from '../../scenario/world';
import type { PmipConfig, Prefix } from '../api';
import type { PolicyRecord } from '../policy/policy-store';

const duration = (text: string): Micros => {
  const d = parseDuration(text);
  if (d === null) throw new Error(`not a duration: ${text}`);
  return d;
};

/** RFC 6275 §6.1.7: 65 535 units of 4 s. */
const MAX_LIFETIME_S = 262_140;

type ConfigValue = string | number | boolean;
const text = (v: ConfigValue): string => String(v);
const durationOfValue = (v: ConfigValue): Micros => duration(text(v));
const flag = (v: ConfigValue): boolean => v === true || v === 'true';

/** The scenario `config` in agent units, plus the playground's fixed choices (api.ts PmipConfig). */
export function pmipConfig(c: ProtocolConfig): PmipConfig {
  return {
    initialBindackTimeout: durationOfValue(c.initialBindackTimeout),
    initialBindackTimeoutFirstReg: durationOfValue(c.initialBindackTimeoutFirstReg),
    useFirstRegTimeout: false,
    maxBindackTimeout: durationOfValue(c.maxBindackTimeout),
    maxUpdateRate: Number(c.maxUpdateRate),
    defaultLifetime: Math.min(MAX_LIFETIME_S, Math.floor(durationOfValue(c.defaultLifetime) / 1_000_000)),
    maxBindingLifetime: MAX_LIFETIME_S,
    pbuRefreshMargin: durationOfValue(c.pbuRefreshMargin),
    timestampBasedApproachInUse: flag(c.timestampBasedApproachInUse),
    mobileNodeGeneratedTimestampInUse: flag(c.mobileNodeGeneratedTimestampInUse),
    timestampValidityWindow: durationOfValue(c.timestampValidityWindow),
    minDelayBeforeBCEDelete: durationOfValue(c.minDelayBeforeBCEDelete),
    maxDelayBeforeNewBCEAssign: durationOfValue(c.maxDelayBeforeNewBCEAssign),
    createSessionImmediatelyOnHi4: false,
    fixedMAGLinkLocalAddress: text(c.fixedMAGLinkLocalAddress),
    fixedMAGLinkLayerAddress: text(c.fixedMAGLinkLayerAddress),
    enableMAGLocalRouting: flag(c.enableMAGLocalRouting),
    routerLifetime: 1800,
  };
}

/** The node's first global address (what LMAA and Proxy-CoA default to, docs/scenario-format.md). */
export function firstGlobalAddress(spec: ScenarioNode): string | null {
  for (const list of Object.values(spec.addresses)) {
    for (const text of list) {
      const address = text.slice(0, text.indexOf('/') < 0 ? text.length : text.indexOf('/'));
      if (!isLinkLocal(address)) return address;
    }
  }
  return null;
}

export const lmaAddressOf = (spec: ScenarioNode): string | null =>
  spec.lmaAddress ?? firstGlobalAddress(spec);
export const proxyCoaOf = (spec: ScenarioNode): string | null => spec.proxyCoa ?? firstGlobalAddress(spec);

function prefixesOf(list: readonly string[] | 'allocate'): Prefix[] {
  if (list === 'allocate') return [];
  return list.map((t) => parsePrefix(t)).filter((p): p is Prefix => p !== null);
}

/** The scenario's `policies` as policy-store records (RFC 5213 §6.2). */
export function policyRecords(world: World): PolicyRecord[] {
  return world.scenario.policies.map((p) => {
    const mn = world.spec(p.mn);
    const lma = world.spec(p.lma);
    return {
      mn: p.mn,
      mnId: p.mnId,
      lmaa: lmaAddressOf(lma) ?? '::',
      pmip: p.networkBasedMobility,
      prefixes: prefixesOf(p.prefixes),
      prefixCount: p.prefixCount,
      lifetime: Math.min(MAX_LIFETIME_S, Math.floor(duration(p.lifetime) / 1_000_000)),
      interfaces: (mn.interfaces ?? []).map((i) => ({ name: i.name, mac: i.mac })),
      authorizedMags: null,
    };
  });
}

/**
 * One-way delay from `from` to the node holding `to`, following each hop's route and link (propagation
 * only); null when there is no path within 32 hops.
 */
export function pathDelay(net: Network, from: NetNode, to: string): Micros | null {
  let node = from;
  let total = 0;
  for (let hop = 0; hop < 32; hop++) {
    if (node.hasAddress(to)) return total;
    const route = node.lookupRoute(to);
    const at = route ? node.iface(route.iface)?.attachment : null;
    if (!at) return null;
    total += at.link.delay;
    node = at.link.ends[at.end === 0 ? 1 : 0].node;
  }
  return null;
}

/**
 * RFC 5213 §6.5 / RFC 5779: the MAG authenticates the MN with the AAA server before serving it. The
 * modelled delay is the round trip to the scenario's `aaa` node (0 when the scenario has none).
 */
export function accessAuthDelay(world: World, mag: NetNode): Micros {
  const aaa = world.scenario.nodes.find((n) => n.kind === 'aaa');
  const address = aaa ? firstGlobalAddress(aaa) : null;
  if (!address) return 0;
  const oneWay = pathDelay(world.net, mag, address);
  return oneWay === null ? 0 : 2 * oneWay;
}
