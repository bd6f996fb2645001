/** scenario.schema.json and the validator's key lists (keys.ts) must agree, key for key. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KEYS } from '../../src/sim/scenario/keys';
import {
  CONFIG_VARIABLES,
  NODE_KINDS,
  TIMELINE_ACTIONS,
  FAULT_EFFECTS,
  ATT_NAMES,
} from '../../src/sim/scenario';

const schema = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../src/sim/scenario/scenario.schema.json', import.meta.url)),
    'utf8',
  ),
);

/** Which schema object describes each kind of object the validator reads. */
const SCHEMA_OF: Record<keyof typeof KEYS, any> = {
  scenario: schema,
  node: schema.$defs.node,
  mnInterface: schema.$defs.mnInterface,
  accessPoint: schema.$defs.accessPoint,
  position: schema.$defs.position,
  link: schema.$defs.link,
  route: schema.$defs.route,
  policy: schema.$defs.policy,
  securityAssociation: schema.$defs.securityAssociation,
  config: schema.$defs.config,
  pingTraffic: schema.$defs.pingTraffic,
  udpTraffic: schema.$defs.udpTraffic,
  timelineAction: schema.$defs.timelineAction,
  faultMatch: schema.$defs.faultMatch,
};

describe('scenario.schema.json', () => {
  it('is draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  for (const [kind, keys] of Object.entries(KEYS)) {
    it(`${kind}: the same keys as the validator, and no others allowed`, () => {
      const s = SCHEMA_OF[kind as keyof typeof KEYS];
      expect(Object.keys(s.properties).sort()).toEqual([...keys].sort());
      expect(s.additionalProperties).toBe(false);
    });
  }

  it('every object definition is covered by the validator', () => {
    const objects = Object.entries(schema.$defs)
      .filter(([, d]: [string, any]) => d.type === 'object')
      .map(([k]) => k);
    expect(objects.sort()).toEqual(
      Object.keys(KEYS)
        .filter((k) => k !== 'scenario')
        .sort(),
    );
  });

  it('config defaults equal the code defaults', () => {
    for (const [name, v] of Object.entries(CONFIG_VARIABLES))
      expect(schema.$defs.config.properties[name].default, name).toEqual(v.default);
  });

  it('enumerations equal the code', () => {
    expect(schema.$defs.node.properties.kind.enum).toEqual(NODE_KINDS);
    expect(schema.$defs.timelineAction.properties.action.enum).toEqual(TIMELINE_ACTIONS);
    expect(schema.$defs.timelineAction.properties.effect.enum).toEqual(FAULT_EFFECTS);
    expect(schema.$defs.mnInterface.properties.att.oneOf[1].enum).toEqual(Object.keys(ATT_NAMES));
    expect(schema.$defs.accessPoint.properties.att.oneOf[1].enum).toEqual(Object.keys(ATT_NAMES));
  });

  it('its duration pattern accepts what the validator accepts', () => {
    const re = new RegExp(schema.$defs.duration.pattern);
    for (const ok of ['300ms', '1.5s', '1.5 s', '250us', '2min', '1h', '10 µs'])
      expect(re.test(ok), ok).toBe(true);
    for (const bad of ['1.5 sec', '60', 's', '-1s', '1,5s']) expect(re.test(bad), bad).toBe(false);
  });
});
