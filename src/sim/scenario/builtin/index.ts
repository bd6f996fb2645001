/**
 * The built-in scenarios, as JSON files imported into the bundle (so the browser has them without a
 * fetch). Each is an ordinary scenario document; load it with `validateScenario` like any other.
 */
import basicDomain from './basic-domain.json';
import cityScale from './city-scale.json';
import handover from './handover.json';
import lossyBackhaul from './lossy-backhaul.json';
import mnLeavesDomain from './mn-leaves-domain.json';
import multihomed from './multihomed.json';
import pingAcrossRouters from './ping-across-routers.json';
import unauthorizedMn from './unauthorized-mn.json';

export interface BuiltinScenario {
  /** The file name without ".json"; what the CLI accepts in place of a path. */
  readonly id: string;
  /** The scenario document as written (not yet validated). */
  readonly document: unknown;
}

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  { id: 'ping-across-routers', document: pingAcrossRouters },
  // PMIPv6 domains (docs/agents.md, "Built-in PMIPv6 scenarios").
  { id: 'basic-domain', document: basicDomain },
  { id: 'handover', document: handover },
  { id: 'multihomed', document: multihomed },
  { id: 'mn-leaves-domain', document: mnLeavesDomain },
  { id: 'unauthorized-mn', document: unauthorizedMn },
  { id: 'lossy-backhaul', document: lossyBackhaul },
  { id: 'city-scale', document: cityScale },
];

/** The document of built-in scenario `id`, or undefined. */
export function builtinScenario(id: string): unknown {
  return BUILTIN_SCENARIOS.find((b) => b.id === id)?.document;
}
