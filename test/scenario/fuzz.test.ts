/**
 * Garbage in, errors out: validation never throws, whatever the document. Seeded, so a failure replays.
 * Three sources: arbitrary JSON-like values, mutations of a valid scenario (a value replaced by garbage,
 * a key deleted or misspelt), and mutated JSON text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatErrors, loadScenario, validateScenario } from '../../src/sim/scenario';
import type { LoadResult } from '../../src/sim/scenario';
import { fixture } from './helpers';

/** Every result is well-formed: ok with a scenario, or errors that format to non-empty single lines. */
function wellFormed(r: LoadResult): boolean {
  if (r.ok) return typeof r.scenario === 'object';
  return (
    r.errors.length > 0 && formatErrors(r.errors, 'f.json').every((l) => l.length > 0 && !l.includes('\n'))
  );
}

/** All paths (as key lists) to values inside a JSON value. */
function paths(
  v: unknown,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function setAt(
  root: any,
  path: (string | number)[],
  value: unknown,
  mode: 'replace' | 'delete' | 'rename',
): any {
  if (path.length === 0) return mode === 'replace' ? value : root;
  let parent = root;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1];
  if (mode === 'replace') parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else if (mode === 'delete') delete parent[last];
  else {
    parent[`${String(last)}x`] = parent[last];
    delete parent[last];
  }
  return root;
}

const garbage = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    ':',
    '::',
    '2001:db8::zz/64',
    '1.5 sec',
    '-1',
    'NaN',
    '__proto__',
    'constructor',
    'fe80::1/64',
    '::/0',
    'r1:eth0',
    'mag1',
    'allocate',
  ),
  fc.constantFrom(0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER, 65536),
);

describe('validation never throws', () => {
  it('on arbitrary values (4,000 seeded cases)', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5 }), (doc) => wellFormed(validateScenario(doc))),
      { numRuns: 4000, seed: 20240601 },
    );
  });

  it('on arbitrary values with the right top-level keys (2,000 seeded cases)', () => {
    const doc = fc.record(
      {
        formatVersion: fc.oneof(fc.constant(1), garbage),
        nodes: fc.oneof(
          fc.array(
            fc.oneof(
              fc.record({
                id: garbage,
                kind: fc.constantFrom('lma', 'mag', 'mn', 'cn', 'router', 'host'),
                addresses: garbage,
                interfaces: garbage,
                accessPoint: garbage,
                prefixPool: garbage,
              }),
              garbage,
            ),
          ),
          garbage,
        ),
        links: fc.oneof(
          fc.array(fc.record({ a: garbage, b: garbage, delay: garbage, id: garbage })),
          garbage,
        ),
        policies: garbage,
        traffic: fc.oneof(
          fc.array(
            fc.record({ kind: fc.constantFrom('ping', 'udp'), from: garbage, to: garbage, rate: garbage }),
          ),
          garbage,
        ),
        timeline: fc.oneof(
          fc.array(
            fc.record({
              at: garbage,
              action: fc.constantFrom('attach', 'detach', 'move', 'link-down', 'fault'),
              mn: garbage,
              mag: garbage,
              match: garbage,
            }),
          ),
          garbage,
        ),
        config: garbage,
        routes: garbage,
        security: garbage,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (d) => wellFormed(validateScenario(d))),
      { numRuns: 2000, seed: 77 },
    );
  });

  it('on mutations of a valid scenario (4,000 seeded cases)', () => {
    const base = fixture();
    const all = paths(base);
    const mutation = fc.record({
      path: fc.integer({ min: 0, max: all.length - 1 }),
      value: garbage,
      mode: fc.constantFrom('replace', 'delete', 'rename'),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        let doc = structuredClone(base);
        for (const m of ms) {
          const p = all[m.path];
          try {
            doc = setAt(doc, p, m.value, m.mode as 'replace' | 'delete' | 'rename');
          } catch {
            // An earlier mutation removed the path; the document is still worth validating.
          }
        }
        return wellFormed(validateScenario(doc));
      }),
      { numRuns: 4000, seed: 4242 },
    );
  });

  it('on mutated JSON text (2,000 seeded cases)', () => {
    const text = JSON.stringify(fixture(), null, 2);
    const edit = fc.record({
      at: fc.integer({ min: 0, max: text.length }),
      cut: fc.integer({ min: 0, max: 8 }),
      insert: fc.string({ maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let t = text;
        for (const e of edits) t = t.slice(0, e.at) + e.insert + t.slice(e.at + e.cut);
        return wellFormed(loadScenario(t));
      }),
      { numRuns: 2000, seed: 99 },
    );
  });

  it('on values JSON cannot even express', () => {
    const odd: unknown[] = [
      undefined,
      Symbol('s'),
      10n,
      () => 1,
      new Map(),
      new Date(0),
      Object.create(null),
      [undefined],
      { formatVersion: 1, nodes: [Symbol('n')], seed: 10n },
    ];
    for (const doc of odd) expect(wellFormed(validateScenario(doc))).toBe(true);
    const cyclic: any = { formatVersion: 1, nodes: [] };
    cyclic.nodes.push(cyclic);
    expect(wellFormed(validateScenario(cyclic))).toBe(true);
  });
});
