/**
 * The Session against the real simulator (basic domain: mn1 on mag1, a scripted move to mag2 at 30 s):
 * loading, seeking, the tables at the cursor, acting at the current time (the fork), undo/redo, and bad
 * files that must leave the current scenario alone.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../src/sim/core/trace-types';
import { Session } from '../../src/ui/state/session.svelte';
import { basicDomainText, LocalBackend, untilComplete } from './local-backend';

const MAG1_COA = '2001:db8:ffff:1::2';
const MAG2_COA = '2001:db8:ffff:2::2';

async function loaded(): Promise<Session> {
  const s = new Session(new LocalBackend());
  const r = await s.loadFile('basic-domain.json', basicDomainText());
  expect(r).toEqual({ ok: true });
  await untilComplete(s);
  return s;
}

function bce(s: Session) {
  return [...(s.tables.get('lma1')?.get('bce')?.values() ?? [])];
}

/** Entries without their ids' object identity: what "the same trace" means. */
const plain = (es: readonly TraceEntry[]) =>
  es.map((e) => JSON.stringify(e, (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v)));

describe('Session', () => {
  it('loads a scenario, streams the whole trace and starts before the first event', async () => {
    const s = await loaded();
    expect(s.scenario?.name).toBe('Basic PMIPv6 domain');
    expect(s.duration).toBe(60_000_000);
    expect(s.reached).toBe(60_000_000);
    expect(s.status).toBe('ready');
    expect(s.cursor).toBe(-1);
    expect(s.time).toBe(0);
    expect(s.trace.length).toBeGreaterThan(1000);
    s.trace.forEach((e, i) => expect(e.id).toBe(i));
    expect(s.nodes.map((n) => `${n.id}:${n.kind}:${n.label}`)).toEqual([
      'cn1:cn:CN',
      'r1:router:Internet',
      'lma1:lma:LMA',
      'r2:router:Backhaul',
      'mag1:mag:MAG1',
      'mag2:mag:MAG2',
      'mn1:mn:MN1',
    ]);
  });

  it('seeks by time and by entry, and the tables follow the cursor', async () => {
    const s = await loaded();
    expect(bce(s)).toEqual([]);
    s.seekToTime(1_000_000);
    expect(s.trace[s.cursor].t).toBeLessThanOrEqual(1_000_000);
    expect(s.trace[s.cursor + 1].t).toBeGreaterThan(1_000_000);
    expect(bce(s).map((r) => [r.proxyCoa, r.hnps])).toEqual([[MAG1_COA, ['2001:db8:1::/64']]]);
    // After the scripted handover at 30 s the binding is at mag2 with the same prefix.
    s.seekToTime(31_000_000);
    expect(bce(s).map((r) => [r.proxyCoa, r.hnps])).toEqual([[MAG2_COA, ['2001:db8:1::/64']]]);
    // Back again: exactly the earlier state.
    s.seekToEntry(-1);
    expect(s.time).toBe(0);
    expect(bce(s)).toEqual([]);
    const pba = s.trace.findIndex((e) => e.kind === 'table' && e.table === 'bce');
    s.seekToEntry(pba);
    expect(s.time).toBe(s.trace[pba].t);
    expect(s.lastChanged.has(`lma1/bce/${(s.trace[pba] as { key: string }).key}`)).toBe(true);
    s.seekToEntry(pba - 1);
    expect(bce(s)).toEqual([]);
  });

  it('clamps seeks to the run', async () => {
    const s = await loaded();
    s.seekToTime(-5);
    // Time 0 applies the build's own entries (addresses, routes), all at t = 0.
    const atZero = s.trace.filter((e) => e.t === 0).length;
    expect(atZero).toBeGreaterThan(0);
    expect([s.time, s.cursor]).toEqual([0, atZero - 1]);
    s.seekToTime(999_000_000);
    expect(s.time).toBe(60_000_000);
    expect(s.cursor).toBe(s.trace.length - 1);
    s.seekToEntry(1e9);
    expect(s.cursor).toBe(s.trace.length - 1);
  });

  it('selects only packet tx entries', async () => {
    const s = await loaded();
    const tx = s.trace.find((e) => e.kind === 'tx') as TraceEntry;
    const other = s.trace.find((e) => e.kind !== 'tx') as TraceEntry;
    s.select(tx.id);
    expect(s.selectedTx).toBe(tx.id);
    s.select(other.id);
    expect(s.selectedTx).toBe(tx.id);
    s.select(null);
    expect(s.selectedTx).toBeNull();
  });

  it('acting at the current time forks: the past is identical, the future is new', async () => {
    const s = await loaded();
    const before = s.trace;
    s.seekToTime(10_000_000);
    const r = await s.act({ action: 'move', mn: 'mn1', mag: 'mag2' }, 'move MN1 to MAG2');
    expect(r).toEqual({ ok: true });
    await untilComplete(s);
    expect(s.document?.user).toEqual([{ action: 'move', mn: 'mn1', mag: 'mag2', at: '10000000us' }]);
    expect(s.time).toBe(10_000_000);
    const cut = before.findIndex((e) => e.t >= 10_000_000);
    expect(plain(s.trace.slice(0, cut))).toEqual(plain(before.slice(0, cut)));
    expect(plain(s.trace.slice(cut, cut + 50))).not.toEqual(plain(before.slice(cut, cut + 50)));
    s.seekToTime(10_500_000);
    expect(bce(s).map((r) => [r.proxyCoa, r.hnps])).toEqual([[MAG2_COA, ['2001:db8:1::/64']]]);
    // Pings keep being answered after the handover.
    expect(
      s.trace.some((e) => e.kind === 'app' && e.event === 'reply' && e.t > 11_000_000 && e.t < 30_000_000),
    ).toBe(true);
  });

  it('acting after seeking back drops the later user actions but keeps the script', async () => {
    const s = await loaded();
    s.seekToTime(10_000_000);
    await s.act({ action: 'move', mn: 'mn1', mag: 'mag2' }, 'move');
    await untilComplete(s);
    s.seekToTime(5_000_000);
    await s.act({ action: 'detach', mn: 'mn1' }, 'detach');
    await untilComplete(s);
    expect(s.document?.user).toEqual([{ action: 'detach', mn: 'mn1', at: '5000000us' }]);
    expect(s.scenario?.timeline.map((a) => `${a.at} ${a.action}`)).toEqual(['5000000us detach', '30s move']);
  });

  it('undo and redo restore the documents and their runs', async () => {
    const s = await loaded();
    const original = plain(s.trace);
    s.seekToTime(10_000_000);
    await s.act({ action: 'move', mn: 'mn1', mag: 'mag2' }, 'move MN1 to MAG2');
    await untilComplete(s);
    const moved = plain(s.trace);
    expect(s.editor.undoLabel).toBe('move MN1 to MAG2');
    expect((await s.editor.undo()).ok).toBe(true);
    await untilComplete(s);
    expect(s.document?.user).toEqual([]);
    expect(plain(s.trace)).toEqual(original);
    expect(s.editor.canUndo).toBe(false);
    expect(s.editor.redoLabel).toBe('move MN1 to MAG2');
    expect((await s.editor.redo()).ok).toBe(true);
    await untilComplete(s);
    expect(plain(s.trace)).toEqual(moved);
  });

  it('a file that is not JSON leaves the current scenario as it was, with a clear message', async () => {
    const s = await loaded();
    const trace = s.trace;
    const r = await s.loadFile('broken.json', '{ "formatVersion": 1, ');
    expect(r.ok).toBe(false);
    expect(s.message?.text).toMatch(
      /^"broken\.json" is not a scenario: it is not valid JSON \(.+\)\. The current scenario is unchanged\.$/,
    );
    expect(s.scenario?.name).toBe('Basic PMIPv6 domain');
    expect(s.trace).toBe(trace);
  });

  it('a scenario that does not validate lists its errors and changes nothing', async () => {
    const s = await loaded();
    const trace = s.trace;
    const doc = JSON.parse(basicDomainText());
    doc.nodes[4].kind = 'mag-x';
    doc.links[0].delay = 'fast';
    const r = await s.loadFile('bad.json', JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(s.message?.text).toBe(
      '"bad.json" is not a valid scenario: 2 problems found. The current scenario is unchanged.',
    );
    expect(s.message?.details.some((d) => d.startsWith('nodes[4].kind: '))).toBe(true);
    expect(s.message?.details.some((d) => d.startsWith('links[0].delay: '))).toBe(true);
    expect(s.trace).toBe(trace);
    expect(s.scenario?.name).toBe('Basic PMIPv6 domain');
  });

  it('an unknown built-in id fails with the list of ids', async () => {
    const s = new Session(new LocalBackend());
    await s.loadCatalog();
    const r = await s.loadBuiltin('no-such-scenario');
    expect(r.ok).toBe(false);
    expect(s.message?.text).toMatch(
      /^Could not run no-such-scenario: there is no built-in scenario "no-such-scenario" \(there are: .*ping-across-routers/,
    );
    expect(s.scenario).toBeNull();
  });
});
