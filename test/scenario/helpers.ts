/** Shared helpers for the scenario tests: the fixture document and error lines of a mutated copy. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatErrors, loadScenario, validateScenario } from '../../src/sim/scenario';
import type { Scenario } from '../../src/sim/scenario';

export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A fresh copy of a fixture document (plain JSON, free to mutate). */
export function fixture(name = 'pmip-basic.json'): any {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8'));
}

/** The formatted error lines for `doc` after `mutate`, or [] when it is valid. */
export function errorsAfter(mutate: (doc: any) => void, name = 'pmip-basic.json'): string[] {
  const doc = fixture(name);
  mutate(doc);
  const r = validateScenario(doc);
  return r.ok ? [] : formatErrors(r.errors);
}

/** Loads a document that must be valid. */
export function load(doc: unknown): Scenario {
  const r = loadScenario(JSON.stringify(doc));
  if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
  return r.scenario;
}
