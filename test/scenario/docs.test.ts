/** docs/scenario-format.md stays true: its full example loads, and it documents every key and variable. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES, formatErrors, loadScenario } from '../../src/sim/scenario';
import { KEYS } from '../../src/sim/scenario/keys';

const doc = readFileSync(fileURLToPath(new URL('../../docs/scenario-format.md', import.meta.url)), 'utf8');

describe('docs/scenario-format.md', () => {
  it('has a full example that loads', () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const r = loadScenario(example);
    expect(r.ok ? [] : formatErrors(r.errors)).toEqual([]);
    if (!r.ok) return;
    // "Full": every top-level key, every node kind of PMIPv6, every action but attach (attachTo is one).
    expect(Object.keys(JSON.parse(example)).sort()).toEqual([...KEYS.scenario].sort());
    expect(new Set(r.scenario.timeline.map((a) => a.action))).toEqual(
      new Set(['move', 'fault', 'link-down', 'link-up', 'detach']),
    );
  });

  it('documents every config variable with its default and RFC section', () => {
    for (const [name, v] of Object.entries(CONFIG_VARIABLES)) {
      const row = doc.split('\n').find((l) => new RegExp(`^\\| \`${name}\` +\\|`).test(l));
      expect(row, name).toBeDefined();
      expect(row).toContain(v.rfc);
      expect(row).toContain(typeof v.default === 'string' ? `"${v.default}"` : String(v.default));
    }
  });

  it('mentions every key of every object', () => {
    for (const [kind, keys] of Object.entries(KEYS)) {
      if (kind === 'config') continue;
      for (const key of keys) expect(doc.includes(`\`${key}\``), `${kind}.${key}`).toBe(true);
    }
  });
});
