/**
 * The append-only trace of a run (DESIGN.md, "The data that flows"). An entry's id is its index, so ids
 * are deterministic and `trace.at(id)` finds any entry in O(1). Entries are never changed or removed.
 *
 * JSON lines (docs/trace-format.md): one JSON object per line, each line ending in "\n", keys in the order
 * `id, t, kind, node, ...` as added; every Uint8Array value is written as a lowercase hex string and the
 * `bytes` fields come back as Uint8Array from `parseJsonLines`.
 */
import { fromHex } from '../wire/bytes';
import { flattenValues } from './flat-string';
import { fail, ok } from '../wire/result';
import type { Parsed } from '../wire/result';
import type { Micros } from './time';
import type { TraceEntry, TraceInput } from './trace-types';

/** The entry fields typed Uint8Array in trace-types.ts; their hex strings are decoded on parse. */
const BYTE_FIELDS: ReadonlySet<string> = new Set(['bytes']);
const HEX = /^(?:[0-9a-f]{2})*$/;

type EntryHead = new (id: number, t: Micros) => { id: number; t: Micros };

/**
 * A constructor of the id and t of one kind of entry built by `add`, which then assigns the caller's
 * fields in their order. Built this way rather than as `{ id, t, ...e }`, V8 keeps all of an entry's
 * fields inside the object (a literal with a spread stores the spread ones in a separate property array:
 * one more heap object per entry for the whole run). V8 sizes a constructor's objects from the first few
 * it makes, hence one constructor per kind: the kinds differ in size. Their prototype is Object.prototype,
 * so entries are still plain objects.
 */
function entryHead(): EntryHead {
  const head = function (this: { id: number; t: Micros }, id: number, t: Micros): void {
    this.id = id;
    this.t = t;
  } as unknown as EntryHead;
  head.prototype = Object.prototype;
  return head;
}

export class Trace {
  private readonly list: TraceEntry[] = [];
  private readonly heads = new Map<string, EntryHead>();

  /** Every entry, in order; entries[i].id === i. The array grows as the run goes on. */
  get entries(): readonly TraceEntry[] {
    return this.list;
  }

  get length(): number {
    return this.list.length;
  }

  /** Appends an entry at time t and returns it with its id. Its strings are stored flat (flat-string.ts). */
  add(t: Micros, e: TraceInput): TraceEntry {
    flattenValues(e);
    if (e.kind === 'table' && e.row !== null) flattenValues(e.row);
    else if (e.kind === 'decision' && e.data !== undefined) flattenValues(e.data);
    let head = this.heads.get(e.kind);
    if (head === undefined) {
      head = entryHead();
      this.heads.set(e.kind, head);
    }
    const entry = Object.assign(new head(this.list.length, t), e) as TraceEntry;
    this.list.push(entry);
    return entry;
  }

  /**
   * Appends an entry the caller built whole, with `id` = `length` and `t` first: the hot paths (every
   * hop's tx and rx, timers, deliveries) write the entry as one object literal, so it holds all its
   * fields in one allocation instead of an input object plus the copy `add` makes of it. Throws on a
   * wrong id (a programming error).
   */
  append<E extends TraceEntry>(entry: E): E {
    if (entry.id !== this.list.length)
      throw new RangeError(`trace: appended entry has id ${entry.id}, expected ${this.list.length}`);
    this.list.push(entry);
    return entry;
  }

  /** The entry with id i; throws RangeError when there is none (a programming error). */
  at(i: number): TraceEntry {
    const e = this.list[i];
    if (e === undefined || !Number.isInteger(i))
      throw new RangeError(`trace has no entry ${i} (length ${this.list.length})`);
    return e;
  }

  /** Entries [from, to) as JSON lines, each ending in "\n" ("" when empty). */
  toJsonLines(from = 0, to = this.list.length): string {
    let out = '';
    for (let i = Math.max(0, from); i < Math.min(to, this.list.length); i++)
      out += entryToJson(this.list[i]) + '\n';
    return out;
  }

  /** Entries back from JSON lines (blank lines are skipped); throws an Error naming the bad line. */
  static parseJsonLines(text: string): TraceEntry[] {
    const r = tryParseJsonLines(text);
    if (!r.ok) throw new Error(`trace: ${r.error.message}`);
    return r.value;
  }
}

/**
 * One entry as a single line of JSON (no newline). Top-level Uint8Array values become lowercase hex; by
 * trace-types.ts only top-level fields can be Uint8Array (table rows and decision data hold Cells).
 */
export function entryToJson(e: TraceEntry): string {
  let copy: Record<string, unknown> | null = null;
  for (const key in e) {
    const v = (e as unknown as Record<string, unknown>)[key];
    if (v instanceof Uint8Array) {
      copy ??= { ...e };
      copy[key] = hex(v);
    }
  }
  return JSON.stringify(copy ?? e);
}

const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex, as wire/bytes toHex, with a table lookup per byte: traces carry every packet's bytes. */
function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX_BYTE[b[i]];
  return s;
}

/**
 * Like `Trace.parseJsonLines`, without throwing: a bad line gives a ParseError with layer "trace", the
 * field at fault and, as offset, the 1-based line number.
 */
export function tryParseJsonLines(text: string): Parsed<TraceEntry[]> {
  const out: TraceEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const r = parseLine(line, i + 1);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

function parseLine(line: string, lineNo: number): Parsed<TraceEntry> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return fail('trace', 'json', lineNo, `line ${lineNo} is not JSON: ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('trace', 'entry', lineNo, `line ${lineNo} is not a JSON object`);
  }
  const o = raw as Record<string, unknown>;
  for (const [key, type] of [
    ['id', 'number'],
    ['t', 'number'],
    ['kind', 'string'],
    ['node', 'string'],
  ] as const) {
    if (typeof o[key] !== type)
      return fail('trace', key, lineNo, `line ${lineNo}: "${key}" must be a ${type}`);
  }
  for (const key of BYTE_FIELDS) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !HEX.test(v)) {
      return fail(
        'trace',
        key,
        lineNo,
        `line ${lineNo}: "${key}" must be lowercase hex with an even number of digits`,
      );
    }
    o[key] = fromHex(v);
  }
  return ok(o as unknown as TraceEntry);
}
