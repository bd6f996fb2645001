/**
 * Installing the PMIPv6 agents into a built scenario (the installers `buildScenario` calls per node):
 * one PmipDomain per World, a SignallingEndpoint per MAG/LMA node, the MAG and LMA runtimes with the agent
 * modules chosen (the reference ones, or a learner's for chosen nodes), and the mobile node hosts.
 */
import type { NetNode } from '../../net/node';
import type { ScenarioNode } from '../../scenario/types';
import type { Installers, World } from '../../scenario/world';
import type { LmaAgent, MagAgent } from '../api';
import { MobileNodeHost } from '../mn/mobile-node';
import { PolicyStore } from '../policy/policy-store';
import { PmipDomain } from './domain';
import type { DomainOptions } from './domain';
import { LmaRuntime } from './lma-runtime';
import { MagRuntime } from './mag-runtime';
import { accessAuthDelay, lmaAddressOf, pmipConfig, policyRecords, proxyCoaOf } from './scenario-bridge';
import { SignallingEndpoint } from './signalling';

/** Everything the installers set up in one World (tests and the UI read it through `pmipOf`). */
export interface PmipDirectory {
  readonly domain: PmipDomain;
  readonly mags: Map<string, MagRuntime>;
  readonly lmas: Map<string, LmaRuntime>;
  readonly mns: Map<string, MobileNodeHost>;
  readonly endpoints: Map<string, SignallingEndpoint>;
}

export interface InstallOptions {
  /** Agent modules to run in place of the reference ones: for every node of the role, or per node id. */
  readonly mag?: MagAgent;
  readonly lma?: LmaAgent;
  readonly perNode?: Readonly<Record<string, MagAgent | LmaAgent>>;
  /** Extra domain settings (clock offsets, epoch) for experiments and tests. */
  readonly domain?: Pick<DomainOptions, 'epochSeconds' | 'clockOffsets'>;
}

const directories = new WeakMap<World, PmipDirectory>();

/** The PMIPv6 agents of a World built with these installers, or undefined. */
export function pmipOf(world: World): PmipDirectory | undefined {
  return directories.get(world);
}

function directoryFor(world: World, opts: InstallOptions): PmipDirectory {
  let dir = directories.get(world);
  if (dir) return dir;
  const config = pmipConfig(world.scenario.config);
  const policies = new PolicyStore(policyRecords(world), config.minDelayBeforeBCEDelete);
  const domain = new PmipDomain(world.net, {
    config,
    policies,
    securityAssociations: world.scenario.security,
    ...opts.domain,
  });
  dir = { domain, mags: new Map(), lmas: new Map(), mns: new Map(), endpoints: new Map() };
  directories.set(world, dir);
  return dir;
}

function endpointFor(dir: PmipDirectory, node: NetNode): SignallingEndpoint {
  let ep = dir.endpoints.get(node.id);
  if (!ep) {
    ep = new SignallingEndpoint(dir.domain, node);
    dir.endpoints.set(node.id, ep);
  }
  return ep;
}

function chosen<A extends MagAgent | LmaAgent>(
  opts: InstallOptions,
  node: string,
  role: A['role'],
  fallback: A,
): A {
  const own = opts.perNode?.[node];
  if (own !== undefined) {
    if (own.role !== role)
      throw new Error(
        `the agent chosen for ${node} is an ${own.role.toUpperCase()} agent, but ${node} is an ${role.toUpperCase()}`,
      );
    return own as A;
  }
  return fallback;
}

function installMag(
  world: World,
  node: NetNode,
  spec: ScenarioNode,
  opts: InstallOptions,
  reference: MagAgent,
): void {
  const dir = directoryFor(world, opts);
  const proxyCoa = proxyCoaOf(spec);
  if (proxyCoa === null) throw new Error(`MAG ${node.id} has no global address to use as its Proxy-CoA`);
  const agent = chosen(opts, node.id, 'mag', opts.mag ?? reference);
  const rt = new MagRuntime({
    domain: dir.domain,
    node,
    agent,
    proxyCoa,
    signalling: endpointFor(dir, node),
    accessAuthDelay: accessAuthDelay(world, node),
  });
  dir.mags.set(node.id, rt);
}

function installLma(
  world: World,
  node: NetNode,
  spec: ScenarioNode,
  opts: InstallOptions,
  reference: LmaAgent,
): void {
  const dir = directoryFor(world, opts);
  const lmaa = lmaAddressOf(spec);
  if (lmaa === null) throw new Error(`LMA ${node.id} has no global address to use as its LMAA`);
  const agent = chosen(opts, node.id, 'lma', opts.lma ?? reference);
  const staticPrefixes = policyRecords(world)
    .filter((r) => r.lmaa === lmaa)
    .flatMap((r) => r.prefixes);
  const rt = new LmaRuntime({
    domain: dir.domain,
    node,
    agent,
    lmaa,
    signalling: endpointFor(dir, node),
    ...(spec.prefixPool !== undefined ? { prefixPool: spec.prefixPool } : {}),
    staticPrefixes,
  });
  dir.lmas.set(node.id, rt);
}

function installMn(world: World, node: NetNode, opts: InstallOptions): void {
  const dir = directoryFor(world, opts);
  const host = new MobileNodeHost(node, (l) => dir.domain.onL2(node.id, l));
  dir.domain.onLinkTeardown(node.id, (_mn, iface) => host.linkTornDown(iface));
  dir.mns.set(node.id, host);
}

/**
 * The installers for `buildScenario`: MAG, LMA and mobile node. The correspondent node and the AAA server
 * need none: a CN is a plain IPv6 host whose pings and UDP flows are the scenario's traffic apps, and the
 * AAA's policy store lives in the domain (the `aaa` node only places the server, for the modelled
 * access-authentication round trip).
 */
export function createInstallers(
  reference: { mag: MagAgent; lma: LmaAgent },
  opts: InstallOptions = {},
): Installers {
  return {
    mag: (world, node, spec) => installMag(world, node, spec, opts, reference.mag),
    lma: (world, node, spec) => installLma(world, node, spec, opts, reference.lma),
    mn: (world, node) => installMn(world, node, opts),
  };
}
