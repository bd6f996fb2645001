/**
 * Shared helpers for the agent and conformance tests: building a built-in (or tweaked) scenario with the
 * PMIPv6 installers, and picking trace entries apart (signalling packets decoded, decisions by tag).
 */
import { readFileSync } from 'node:fs';
import type { TraceEntry, TraceKind } from '../../src/sim/core/trace-types';
import { SECOND } from '../../src/sim/core/time';
import { agentInstallers, pmipOf } from '../../src/sim/agents';
import type { InstallOptions, PmipDirectory } from '../../src/sim/agents';
import { buildScenario } from '../../src/sim/scenario/build';
import { validateScenario } from '../../src/sim/scenario/validate';
import type { World } from '../../src/sim/scenario/world';
import { parseIPv6Packet } from '../../src/sim/wire/ipv6';
import { parseMobility } from '../../src/sim/wire/mh/mobility';
import type { ParsedMobilityMessage } from '../../src/sim/wire/mh/mobility';

export { SECOND };
export const MS = 1000;

/** A built-in scenario document (plain JSON, so a test may change it before loading). */
export function builtinDoc(id: string): Record<string, any> {
  return JSON.parse(
    readFileSync(new URL(`../../src/sim/scenario/builtin/${id}.json`, import.meta.url), 'utf8'),
  );
}

/** Validates and builds `doc` with the PMIPv6 installers. */
export function build(doc: unknown, opts: InstallOptions = {}): { world: World; pmip: PmipDirectory } {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(`invalid scenario: ${JSON.stringify(r.errors)}`);
  const world = buildScenario(r.scenario, { installers: agentInstallers(opts) });
  const pmip = pmipOf(world);
  if (!pmip) throw new Error('no PMIPv6 agents were installed');
  return { world, pmip };
}

/**
 * The basic domain without its timeline and traffic unless asked: one LMA, two MAGs, mn1 attaching to
 * mag1 at t = 0 (attach completes at 50 ms). `edit` may change the document first.
 */
export function basicDoc(edit?: (doc: Record<string, any>) => void): Record<string, any> {
  const doc = builtinDoc('basic-domain');
  doc.timeline = [];
  doc.traffic = [];
  edit?.(doc);
  return doc;
}

export function entriesOf<K extends TraceKind>(
  world: World,
  kind: K,
  node?: string,
): Extract<TraceEntry, { kind: K }>[] {
  return world.sim.trace.entries.filter(
    (e): e is Extract<TraceEntry, { kind: K }> => e.kind === kind && (node === undefined || e.node === node),
  );
}

export function decisions(world: World, tag: string, node?: string) {
  return entriesOf(world, 'decision', node).filter((d) => d.tag === tag);
}

export interface SentMobility {
  readonly t: number;
  readonly node: string;
  readonly src: string;
  readonly dst: string;
  readonly hopLimit: number;
  readonly bytes: Uint8Array;
  readonly msg: ParsedMobilityMessage;
}

/** Every Mobility Header message `node` originated (its first hop only), decoded from the trace bytes. */
export function sentMobility(world: World, node: string): SentMobility[] {
  const out: SentMobility[] = [];
  const seen = new Set<number>();
  for (const e of entriesOf(world, 'tx', node)) {
    if (e.cls !== 'signalling' || seen.has(e.pid)) continue;
    seen.add(e.pid);
    const ip = parseIPv6Packet(e.bytes);
    if (!ip.ok || ip.value.nextHeader !== 135) continue;
    const off = e.bytes.length - ip.value.payload.length;
    const mh = parseMobility(e.bytes, off, ip.value.payload.length, ip.value.src, ip.value.dst);
    if (!mh.ok) throw new Error(`bad MH in trace: ${mh.error.message}`);
    out.push({
      t: e.t,
      node,
      src: ip.value.src,
      dst: ip.value.dst,
      hopLimit: ip.value.hopLimit,
      bytes: e.bytes,
      msg: mh.value,
    });
  }
  return out;
}

export const pbusOf = (world: World, mag: string) =>
  sentMobility(world, mag).filter((m) => m.msg.type === 'binding-update');
export const pbasOf = (world: World, lma: string) =>
  sentMobility(world, lma).filter((m) => m.msg.type === 'binding-ack');

/** The first option of a type in a decoded message (undefined when absent). */
export function option<T extends string>(msg: ParsedMobilityMessage, type: T): any {
  return msg.type === 'unknown' ? undefined : msg.options.find((o) => o.type === type);
}
export function options<T extends string>(msg: ParsedMobilityMessage, type: T): any[] {
  return msg.type === 'unknown' ? [] : msg.options.filter((o) => o.type === type);
}
