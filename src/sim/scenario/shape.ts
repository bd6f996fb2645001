/**
 * The first validation pass: the document's shape. Walks the JSON, reports every wrong type, unknown key and
 * malformed value with its path, and fills in defaults. Cross-references come after (references.ts).
 */
import { Obj, describe, isPlainObject } from './check';
import type { Checker } from './check';
import type { Scenario } from './types';
import { FORMAT_VERSION } from './types';
import { readLinks, readRoutes } from './shape-links';
import { readNodes } from './shape-nodes';
import { readConfig, readPolicies, readSecurity } from './shape-policy';
import { readTimeline, readTraffic } from './shape-traffic';

export const SCENARIO_DEFAULTS = {
  name: 'Untitled scenario',
  description: '',
  seed: 1,
  duration: '60s',
} as const;

/** Reads the document into a Scenario with defaults; returns undefined when the format version rules it out. */
export function readScenario(c: Checker, doc: unknown): Scenario | undefined {
  if (!isPlainObject(doc)) {
    c.report('', `a scenario must be an object ({ "formatVersion": 1, ... }), not ${describe(doc)}`);
    return undefined;
  }
  if (!readFormatVersion(c, doc.formatVersion)) return undefined;
  const o = Obj.read(c, doc, '', 'scenario', 'a scenario') as Obj;
  const name = o.string('name') ?? SCENARIO_DEFAULTS.name;
  const description = o.string('description') ?? SCENARIO_DEFAULTS.description;
  const seed = o.number('seed', { min: 0, max: 0xffffffff, integer: true }) ?? SCENARIO_DEFAULTS.seed;
  const duration = o.duration('duration') ?? SCENARIO_DEFAULTS.duration;
  const nodes = readNodes(
    c,
    o.list('nodes', true, 'a list of nodes, e.g. [{ "id": "r1", "kind": "router" }]') ?? [],
  );
  const links = readLinks(c, o.list('links') ?? []);
  const routes = readRoutes(o);
  const config = readConfig(c, o);
  const policies = readPolicies(c, o.list('policies') ?? [], nodes, config);
  const security = readSecurity(c, o, nodes);
  const traffic = readTraffic(c, o.list('traffic') ?? []);
  const timeline = readTimeline(c, o.list('timeline') ?? [], nodes);
  return {
    formatVersion: FORMAT_VERSION,
    name,
    description,
    seed,
    duration,
    nodes,
    links,
    routes,
    policies,
    security,
    config,
    traffic,
    timeline,
  };
}

/**
 * A newer format is refused outright: its other fields may mean things this reader does not know, so a list
 * of "unknown key" errors would only mislead.
 */
function readFormatVersion(c: Checker, v: unknown): boolean {
  if (v === undefined) {
    c.report('formatVersion', `is required: add "formatVersion": ${FORMAT_VERSION}`);
    return true;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    c.report('formatVersion', `must be ${FORMAT_VERSION}, not ${typeof v === 'number' ? v : describe(v)}`);
    return true;
  }
  if (v > FORMAT_VERSION) {
    c.report(
      'formatVersion',
      `this scenario needs a newer playground (format ${v}; this one reads ${FORMAT_VERSION})`,
    );
    return false;
  }
  return true;
}
