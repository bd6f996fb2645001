/**
 * The PMIPv6 agents (DESIGN.md, "The house": src/sim/agents): the reference MAG and LMA, the mobile node
 * host, the policy store, and the installers that plug them into a scenario's nodes.
 *
 *   buildScenario(scenario, { installers })                        — the reference agents
 *   buildScenario(scenario, { installers: agentInstallers({ mag }) }) — a learner's MAG everywhere
 */
import type { Installers } from '../scenario/world';
import lmaAgent from './lma/lma.agent';
import magAgent from './mag/mag.agent';
import { createInstallers } from './host/install';
import type { InstallOptions } from './host/install';

export type * from './api';
export { pmipOf } from './host/install';
export type { InstallOptions, PmipDirectory } from './host/install';
export { loadAgentModule } from './loader';
export { PolicyStore } from './policy/policy-store';
export type { PolicyRecord } from './policy/policy-store';

/** The reference agent modules (the files the learner's editor starts from). */
export const referenceAgents = { mag: magAgent, lma: lmaAgent } as const;

/** Installers with the reference agents, or with the modules chosen in `opts`. */
export function agentInstallers(opts: InstallOptions = {}): Installers {
  return createInstallers(referenceAgents, opts);
}

/** The installers of the reference PMIPv6 domain. */
export const installers: Installers = agentInstallers();
