/**
 * Validating and loading scenarios. Two passes: the shape (types, unknown keys, value formats, defaults;
 * shape.ts) and the cross-references (ids, interfaces, prefixes; references.ts). Never throws, whatever the
 * input: every problem becomes a ValidationError with the path to fix.
 */
import { Checker } from './check';
import { findJsonSyntaxError } from './json-syntax';
import { checkReferences } from './references';
import { readScenario } from './shape';
import type { Scenario, ValidationError } from './types';

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Validates a parsed document; on success the scenario has every default applied. */
export function validateScenario(doc: unknown): LoadResult {
  const c = new Checker();
  const read = readScenario(c, doc);
  // References are checked even when the shape had errors: the items that did read carry their own paths.
  const scenario = read ? checkReferences(c, read) : undefined;
  if (c.errors.length > 0 || !scenario) return { ok: false, errors: c.errors };
  return { ok: true, scenario };
}

/** Parses JSON text (syntax errors come back with line and column) and validates it. */
export function loadScenario(text: string): LoadResult {
  if (typeof text !== 'string') return validateScenario(text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const where = findJsonSyntaxError(text) ?? {
      line: 1,
      column: 1,
      message: e instanceof Error ? e.message : 'not JSON',
    };
    return {
      ok: false,
      errors: [
        { path: '', line: where.line, column: where.column, message: `JSON syntax: ${where.message}` },
      ],
    };
  }
  return validateScenario(doc);
}

/**
 * One line per error: `scenario.json: nodes[3].addresses.eth0[0]: "2001:db8::zz" is not an IPv6 address`,
 * or `scenario.json:3:5: JSON syntax: ...` (the form editors jump to).
 */
export function formatErrors(errors: readonly ValidationError[], source?: string): string[] {
  return errors.map((e) => {
    const place = e.line !== undefined ? `${source ?? ''}:${e.line}:${e.column ?? 1}` : source;
    return [place, e.path, e.message].filter((part) => part !== undefined && part !== '').join(': ');
  });
}
