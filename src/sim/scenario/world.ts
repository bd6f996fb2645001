/**
 * The World: a scenario built into a running simulation. Agents (installed per node kind by the PMIPv6
 * agents' installers) find everything they need here: the simulator, the network, the scenario with its
 * policies and configuration, and the node specs.
 */
import type { Simulator } from '../core/simulator';
import type { Micros } from '../core/time';
import type { NetNode, Network, NodeKind } from '../net';
import type { PlannedRoute } from './routes';
import type { Policy, Scenario, ScenarioNode } from './types';

export interface World {
  readonly sim: Simulator;
  readonly net: Network;
  /** The scenario as loaded (defaults applied). */
  readonly scenario: Scenario;
  /** The scenario's duration: where `runScenario` stops by default. */
  readonly duration: Micros;
  /** The static routes the builder installed, per node. */
  readonly routes: ReadonlyMap<string, readonly PlannedRoute[]>;
  /** The scenario's description of a node; throws on an unknown id (a programming error). */
  spec(id: string): ScenarioNode;
  /** The policy profile of a mobile node (RFC 5213 §6.2), looked up by node id or MN-Identifier. */
  policy(mnOrMnId: string): Policy | undefined;
}

/**
 * Plugs protocol logic into a node: registers receive handlers, L2 listeners, forward hooks, timers.
 * Without an installer, lma/mag/router nodes forward as plain routers and mn/cn/host/aaa act as hosts.
 */
export type AgentInstaller = (world: World, node: NetNode, spec: ScenarioNode) => void;

export type Installers = Partial<Record<NodeKind, AgentInstaller>>;
