import { describe, expect, it } from 'vitest';
import {
  countUpTo,
  describeEntry,
  filterEntries,
  GROUPS,
  groupOf,
  involves,
  packetOf,
  rfcOf,
} from '../../src/ui/panels/events/describe';
import type { KindGroup } from '../../src/ui/panels/events/describe';
import { CN, LMAA, MAG1, MN_ADDR, MN_ID, TraceBuilder, pbu, ping } from './fixtures/trace-builder';

const NAMES: Record<string, string> = { mag1: 'MAG1', lma1: 'LMA', mn1: 'MN1', cn1: 'CN' };
const name = (id: string) => NAMES[id] ?? id;

function sample(): TraceBuilder {
  const b = new TraceBuilder();
  b.add({ kind: 'action', t: 0, node: '', action: 'move', detail: 'mn1 to mag1' });
  b.l2(0, 'attach', 'mn1', 'mag1');
  b.add({
    kind: 'timer-set',
    t: 0,
    node: 'mag1',
    timer: 'retransmit acc-mn1',
    deadline: 1_000_000,
    timerId: 1,
  });
  const u = b.tx(50_000, 'mag1', 'lma1', pbu(MAG1, LMAA, 1, MN_ID, 1), 4_000);
  b.rx(u);
  b.add({ kind: 'deliver', t: 54_000, node: 'lma1', pid: u.pid, label: u.label, cls: 'signalling' });
  b.table(54_000, 'lma1', 'bce', 'mn1@example.com#1', { mnId: MN_ID });
  b.decision(54_000, 'lma1', 'PBU accepted: new mobility session', 'RFC 5213 §5.3.2', 'pbu-accepted');
  const p = b.tx(60_000, 'cn1', 'lma1', ping(CN, MN_ADDR, 4), 5_000);
  b.drop(65_000, 'lma1', p, 'no route to 2001:db8:1:1::100', 'RFC 4443 §3.1');
  b.add({ kind: 'timer-fired', t: 1_000_000, node: 'mag1', timer: 'retransmit acc-mn1', timerId: 1 });
  b.app(1_000_000, 'cn1', 'reply', 4, 30_319, 'ping-mn1');
  b.add({ kind: 'error', t: 1_000_000, node: 'mag1', message: 'x is not defined', line: 12, column: 3 });
  return b;
}

describe('describeEntry', () => {
  it('writes one readable line per entry kind', () => {
    const b = sample();
    expect(b.entries.map((e) => describeEntry(e, b.entries, name))).toEqual([
      'move: mn1 to mag1',
      'MN1 attached to MAG1 (wlan0)',
      'timer “retransmit acc-mn1” set, fires at 1.000 s',
      'PBU seq=1 HI=1 → LMA (104 octets)',
      'PBU seq=1 HI=1 ← MAG1',
      'PBU seq=1 HI=1 delivered',
      'Binding cache: added mn1@example.com#1',
      'PBU accepted: new mobility session',
      'ping req seq=4 → LMA (56 octets)',
      'dropped ping req seq=4: no route to 2001:db8:1:1::100',
      'timer “retransmit acc-mn1” fired',
      'ping-mn1: ping reply seq=4, round trip 30.3 ms',
      'error: x is not defined (line 12:3)',
    ]);
  });

  it('links decisions and drops to their RFC', () => {
    const b = sample();
    expect(b.entries.map(rfcOf).filter(Boolean)).toEqual(['RFC 5213 §5.3.2', 'RFC 4443 §3.1']);
  });
});

describe('packetOf', () => {
  it('finds the hop a send, a receive, a drop or a delivery is about', () => {
    const b = sample();
    expect(b.entries.map((e) => packetOf(e, b.entries))).toEqual([
      null,
      null,
      null,
      3,
      3,
      3,
      null,
      null,
      8,
      8,
      null,
      null,
      null,
    ]);
  });
});

describe('filters', () => {
  it('groups kinds for the kind filter', () => {
    expect(GROUPS.flatMap((g) => g.kinds)).toHaveLength(13);
    expect(groupOf('deliver')).toBe('received');
    expect(groupOf('timer-cancelled')).toBe('timers');
  });

  it('keeps the entries of the chosen kinds that involve the chosen node', () => {
    const b = sample();
    const all = new Set(GROUPS.map((g) => g.id));
    expect(filterEntries(b.entries, all, '')).toBeNull();
    expect([...(filterEntries(b.entries, new Set<KindGroup>(['sent', 'decisions']), '') ?? [])]).toEqual([
      3, 7, 8,
    ]);
    expect([...(filterEntries(b.entries, all, 'mn1') ?? [])]).toEqual([1]);
    expect([...(filterEntries(b.entries, all, 'lma1') ?? [])]).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect([...(filterEntries(b.entries, new Set<KindGroup>(), '') ?? [])]).toEqual([]);
    expect(involves(b.entries[4], 'mag1')).toBe(true);
  });

  it('counts the filtered entries up to the cursor', () => {
    const ids = Int32Array.of(3, 7, 8);
    expect([-1, 2, 3, 7, 100].map((c) => countUpTo(ids, c))).toEqual([0, 0, 1, 2, 3]);
    // No filter: every entry up to the cursor, within the trace.
    expect([-1, 0, 5, 50].map((c) => countUpTo(null, c, 10))).toEqual([0, 1, 6, 10]);
  });
});
