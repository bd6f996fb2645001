/**
 * Building a loaded scenario into a World: nodes, wired links, addresses, the MNs' wireless interfaces,
 * the MAGs' access points, static routes, then the agents (through the installers), the initial
 * attachments, the traffic and the timeline. Everything the build does is traced at t = 0, in that order,
 * so the same scenario and seed always give the same trace.
 */
import { Simulator } from '../core/simulator';
import type { Micros } from '../core/time';
import { Network } from '../net';
import { parseBandwidth } from './units';
import { durationOf, parseEndpoint } from './units';
import { planRoutes } from './routes';
import { scheduleTimeline } from './timeline';
import { startTraffic } from './traffic-setup';
import type { Scenario, ScenarioNode, TimelineAction } from './types';
import type { Installers, World } from './world';

export interface BuildOptions {
  readonly installers?: Installers;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
}

const split = (text: string): [string, number] => {
  const slash = text.indexOf('/');
  return [text.slice(0, slash), Number(text.slice(slash + 1))];
};

function buildTopology(net: Network, s: Scenario): void {
  for (const n of s.nodes) net.addNode(n.id, n.kind);
  for (const l of s.links) {
    const bw = l.bandwidth !== undefined ? parseBandwidth(l.bandwidth) : null;
    net.addLink(
      l.id,
      parseEndpoint(l.a) as { node: string; iface: string },
      parseEndpoint(l.b) as { node: string; iface: string },
      {
        delay: durationOf(l.delay),
        ...(bw !== null ? { bandwidthBps: bw } : {}),
        loss: l.loss,
        queuePackets: l.queue,
        mtu: l.mtu,
      },
    );
    if (l.down) net.setLinkUp(l.id, false);
  }
  for (const n of s.nodes) {
    const node = net.node(n.id);
    // The MN's wireless interfaces exist before any attach, with the MACs the scenario gives them.
    for (const i of n.interfaces ?? []) node.createIface(i.name, i.mac);
    for (const [iface, list] of Object.entries(n.addresses)) {
      for (const text of list) node.addAddress(iface, ...split(text));
    }
    if (n.accessPoint) {
      const ap = n.accessPoint;
      const bw = ap.bandwidth !== undefined ? parseBandwidth(ap.bandwidth) : null;
      net.addAccessPoint(n.id, {
        att: ap.att,
        attachDelay: durationOf(ap.attachDelay),
        linkDelay: durationOf(ap.linkDelay),
        ...(bw !== null ? { bandwidthBps: bw } : {}),
        ...(ap.loss > 0 ? { loss: ap.loss } : {}),
      });
    }
  }
}

/** The `attachTo` of every MN interface, as attach actions at t = 0. */
function initialAttachments(s: Scenario): TimelineAction[] {
  return s.nodes.flatMap((n) =>
    (n.interfaces ?? [])
      .filter((i) => i.attachTo !== undefined)
      .map((i) => ({ at: '0s', action: 'attach' as const, mn: n.id, iface: i.name, mag: i.attachTo })),
  );
}

export function buildScenario(scenario: Scenario, opts: BuildOptions = {}): World {
  const sim = new Simulator({ seed: opts.seed ?? scenario.seed });
  const net = new Network(sim);
  buildTopology(net, scenario);
  const routes = planRoutes(scenario);
  for (const [id, list] of routes) for (const r of list) net.node(id).addRoute(r);
  const specs = new Map(scenario.nodes.map((n) => [n.id, n]));
  const world: World = {
    sim,
    net,
    scenario,
    duration: durationOf(scenario.duration),
    routes,
    spec(id: string): ScenarioNode {
      const n = specs.get(id);
      if (!n) throw new Error(`no node ${id} in scenario "${scenario.name}"`);
      return n;
    },
    policy: (key: string) => scenario.policies.find((p) => p.mn === key || p.mnId === key),
  };
  for (const n of scenario.nodes) opts.installers?.[n.kind]?.(world, net.node(n.id), n);
  scheduleTimeline(net, initialAttachments(scenario));
  startTraffic(net, scenario);
  scheduleTimeline(net, scenario.timeline);
  return world;
}

export interface RunOptions extends BuildOptions {
  /** Run to this time; default: the scenario's duration. */
  readonly until?: Micros;
}

/** Builds the scenario and runs it to `until` (default: its duration). */
export function runScenario(scenario: Scenario, opts: RunOptions = {}): World {
  const world = buildScenario(scenario, opts);
  world.sim.runUntil(opts.until ?? world.duration);
  return world;
}
