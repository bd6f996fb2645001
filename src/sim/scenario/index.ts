/**
 * Scenarios: the format (types, schema, defaults), validation with clear messages, building a World from
 * a scenario and running it, and the built-in scenarios.
 */
export type {
  Scenario,
  ScenarioNode,
  ScenarioNodeKind,
  ScenarioLink,
  MnInterface,
  AccessPoint,
  Position,
  StaticRoute,
  Policy,
  SecurityAssociation,
  TrafficSpec,
  PingTraffic,
  UdpTraffic,
  TimelineAction,
  TimelineActionName,
  FaultEffect,
  FaultMatch,
  ValidationError,
  DurationText,
} from './types';
export { FORMAT_VERSION, NODE_KINDS, TIMELINE_ACTIONS, FAULT_EFFECTS } from './types';
export { CONFIG_VARIABLES, CONFIG_NAMES, defaultConfig } from './config';
export type { ProtocolConfig, ConfigName, ConfigVariable } from './config';
export { validateScenario, loadScenario, formatErrors } from './validate';
export type { LoadResult } from './validate';
export { buildScenario, runScenario } from './build';
export type { BuildOptions, RunOptions } from './build';
export type { World, AgentInstaller, Installers } from './world';
export { planRoutes } from './routes';
export type { PlannedRoute } from './routes';
export { applyAction, describeFault } from './timeline';
export { parseDurationText, durationOf, parseBandwidth, parsePacketRate, parseAtt, ATT_NAMES } from './units';
export { BUILTIN_SCENARIOS, builtinScenario } from './builtin';
export type { BuiltinScenario } from './builtin';
