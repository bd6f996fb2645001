/**
 * Reading untrusted JSON one field at a time. Every reader records a problem (with its JSON path) instead of
 * throwing, and returns undefined for a value it cannot use, so one pass reports every problem in a file.
 * Unknown values are never interpolated raw into messages (a Symbol or BigInt would throw): see `show`.
 */
import { parseIPv6 } from '../wire/addr';
import type { ValidationError } from './types';
import { KEYS } from './keys';
import type { ObjectKind } from './keys';
import { nearest } from './suggest';
import { ID_PATTERN, parseDurationText } from './units';

export class Checker {
  readonly errors: ValidationError[] = [];
  /** Where each read item came from, so later passes name the place as written (items may have been dropped). */
  private readonly origins = new WeakMap<object, string>();
  /**
   * Ids of items that were named but dropped for another error ("node:r1", "link:r1-r2"): references to them
   * are not reported again, so that one typo gives one error, not a cascade.
   */
  readonly broken = new Set<string>();

  report(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  place<T extends object>(item: T, path: string): T {
    this.origins.set(item, path);
    return item;
  }

  where(item: object): string {
    return this.origins.get(item) ?? '';
  }
}

/** `nodes[3]` + `addresses` → `nodes[3].addresses`; odd keys are quoted: `addresses["my if"]`. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** What a value is, for "must be a string, not a number". */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** A value as it should appear in a message: strings quoted (and cut if long), anything else described. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return describe(v);
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** One object of the document: reads its fields and reports unknown keys. */
export class Obj {
  constructor(
    readonly c: Checker,
    readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  /** Reports each key that `kind` does not have, with the nearest valid key when one is close. */
  static read(c: Checker, value: unknown, path: string, kind: ObjectKind, what: string): Obj | undefined {
    if (!isPlainObject(value)) {
      c.report(path, `${what} must be an object ({ ... }), not ${describe(value)}`);
      return undefined;
    }
    const valid: readonly string[] = KEYS[kind];
    for (const key of Object.keys(value)) {
      if (valid.includes(key)) continue;
      const near = nearest(key, valid);
      const hint = near ? `did you mean "${near}"?` : `${what} has: ${valid.join(', ')}`;
      c.report(pathOf(path, key), `unknown key ${show(key)} in ${what}; ${hint}`);
    }
    return new Obj(c, value, path);
  }

  at(key: string): string {
    return pathOf(this.path, key);
  }

  has(key: string): boolean {
    return own(this.value, key) && this.value[key] !== undefined;
  }

  raw(key: string): unknown {
    return own(this.value, key) ? this.value[key] : undefined;
  }

  private missing(key: string, required: boolean, hint: string): undefined {
    if (required) this.c.report(this.at(key), `is required${hint ? `: ${hint}` : ''}`);
    return undefined;
  }

  private wrong(key: string, expected: string): undefined {
    this.c.report(this.at(key), `must be ${expected}, not ${describe(this.value[key])}`);
    return undefined;
  }

  string(key: string, required = false, hint = ''): string | undefined {
    if (!this.has(key)) return this.missing(key, required, hint);
    const v = this.value[key];
    return typeof v === 'string' ? v : this.wrong(key, 'text');
  }

  /** An id: letters, digits and . _ - (it may not contain ":", which separates node and interface). */
  id(key: string, required = false, hint = ''): string | undefined {
    const v = this.string(key, required, hint);
    if (v === undefined) return undefined;
    if (ID_PATTERN.test(v) && v.length <= 64) return v;
    this.c.report(
      this.at(key),
      `${show(v)} is not a usable id; use letters, digits, ".", "_" and "-" (at most 64), e.g. "mag1"`,
    );
    return undefined;
  }

  number(key: string, range: NumberRange = {}, required = false, hint = ''): number | undefined {
    if (!this.has(key)) return this.missing(key, required, hint);
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.wrong(key, range.integer ? 'a whole number' : 'a number');
    if (range.integer && !Number.isInteger(v)) {
      this.c.report(this.at(key), `must be a whole number, not ${v}`);
      return undefined;
    }
    const { min, max } = range;
    if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
      const span =
        min !== undefined && max !== undefined
          ? `from ${min} to ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${max}`;
      this.c.report(this.at(key), `must be ${span}, not ${v}`);
      return undefined;
    }
    return v;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    return typeof v === 'boolean' ? v : this.wrong(key, 'true or false');
  }

  /** A duration in text, kept as written ("1.5s"). */
  duration(key: string, required = false, hint = ''): string | undefined {
    if (!this.has(key)) return this.missing(key, required, hint);
    const v = this.value[key];
    if (parseDurationText(v) !== null) return v as string;
    if (typeof v === 'number') {
      this.c.report(this.at(key), `${v} has no unit; write a duration such as "${v}ms" or "${v}s"`);
      return undefined;
    }
    this.c.report(
      this.at(key),
      `${show(v)} is not a duration; write a number and a unit, e.g. "1.5s" or "300ms"`,
    );
    return undefined;
  }

  ipv6(key: string, required = false): string | undefined {
    const v = this.string(key, required);
    if (v === undefined) return undefined;
    if (parseIPv6(v)) return v;
    this.c.report(this.at(key), `${show(v)} is not an IPv6 address`);
    return undefined;
  }

  /** One of a fixed set of words; `what` names the set in messages ("a node kind"). */
  oneOf<T extends string>(key: string, values: readonly T[], what: string, required = false): T | undefined {
    const hint = `one of ${values.join(', ')}`;
    if (!this.has(key)) return this.missing(key, required, hint);
    const v = this.value[key];
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    const near = typeof v === 'string' ? nearest(v, values) : null;
    this.c.report(
      this.at(key),
      `${show(v)} is not ${what}; ${near ? `did you mean "${near}"?` : `use ${hint}`}`,
    );
    return undefined;
  }

  list(key: string, required = false, hint = ''): unknown[] | undefined {
    if (!this.has(key)) return this.missing(key, required, hint);
    const v = this.value[key];
    return Array.isArray(v) ? v : this.wrong(key, 'a list ([ ... ])');
  }

  object(key: string, kind: ObjectKind, what: string): Obj | undefined {
    if (!this.has(key)) return undefined;
    return Obj.read(this.c, this.value[key], this.at(key), kind, what);
  }

  /** An object used as a map (interface → addresses, node → routes): any keys, values read by the caller. */
  map(key: string): Record<string, unknown> | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    return isPlainObject(v) ? v : this.wrong(key, 'an object ({ ... })');
  }
}
