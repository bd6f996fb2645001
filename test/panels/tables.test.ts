import { describe, expect, it } from 'vitest';
import { tablesAt } from '../../src/sim/analysis/tables';
import type { Cell } from '../../src/sim/core/trace-types';
import { addressOwners, columnsFor, formatCell } from '../../src/ui/panels/tables/format';
import { removedRows } from '../../src/ui/panels/tables/removed';
import { lastChangedKeys } from '../../src/ui/state/tables';
import { TraceBuilder } from './fixtures/trace-builder';

const ctx = { now: 2_000_000, owner: new Map([['2001:db8:ffff:1::2', 'MAG1']]) };

describe('columnsFor', () => {
  it('orders the known columns, then the ones a learner added, and leaves out the absent', () => {
    const rows: Record<string, Cell>[] = [
      { state: 'active', mnId: 'a', extra: 1, hnps: ['2001:db8:1::/64'] },
      { mnId: 'b', note: 'x' },
    ];
    expect(columnsFor('bce', rows).map((c) => c.header)).toEqual([
      'MN-ID',
      'Home network prefix',
      'State',
      'extra',
      'note',
    ]);
  });

  it('shows every known heading for an empty table', () => {
    expect(columnsFor('tunnels', []).map((c) => c.key)).toEqual(['name', 'local', 'remote', 'mtu']);
  });
});

describe('formatCell', () => {
  it('reads times, durations, lifetimes, lists, flags and empty cells', () => {
    expect(formatCell('expires', 3_602_000_000, ctx)).toBe('in 3600.000 s');
    expect(formatCell('expires', 1_500_000, ctx)).toBe('expired 500 ms ago');
    expect(formatCell('created', 54_013, ctx)).toBe('at 54.0 ms');
    expect(formatCell('retransmitTimeout', 1_000_000, ctx)).toBe('1.000 s');
    expect(formatCell('lifetime', 3600, ctx)).toBe('3600 s');
    expect(formatCell('hnps', ['2001:db8:1::/64', '2001:db8:2::/64'], ctx)).toBe(
      '2001:db8:1::/64, 2001:db8:2::/64',
    );
    expect(formatCell('hnps', [], ctx)).toBe('—');
    expect(formatCell('stopped', false, ctx)).toBe('no');
    expect(formatCell('tunnel', null, ctx)).toBe('—');
    expect(formatCell('missing', undefined, ctx)).toBe('—');
    expect(formatCell('seq', 7, ctx)).toBe('7');
  });

  it('names access technologies and the nodes that own addresses', () => {
    expect(formatCell('att', 4, ctx)).toBe('wlan (4)');
    expect(formatCell('proxyCoa', '2001:db8:ffff:1::2', ctx)).toBe('2001:db8:ffff:1::2 (MAG1)');
    expect(formatCell('remote', '2001:db8:ffff:9::2', ctx)).toBe('2001:db8:ffff:9::2');
  });

  it('shows an RFC 5213 §5.5 timestamp as a UTC time of day', () => {
    expect(formatCell('timestamp', 1_704_067_200_050_000, ctx)).toBe('2024-01-01 00:00:00.050 UTC');
  });
});

describe('addressOwners', () => {
  it('maps each address in the addresses tables to its node label', () => {
    const b = new TraceBuilder();
    b.table(0, 'mag1', 'addresses', 'eth0 2001:db8:ffff:1::2', {
      iface: 'eth0',
      address: '2001:db8:ffff:1::2',
      prefixLength: 64,
    });
    b.table(0, 'lma1', 'addresses', 'eth0 2001:db8:ffff::1', {
      iface: 'eth0',
      address: '2001:db8:ffff::1',
      prefixLength: 64,
    });
    const owners = addressOwners(tablesAt(b.entries, 1), [
      { id: 'mag1', label: 'MAG1' },
      { id: 'lma1', label: 'LMA' },
    ]);
    expect(Object.fromEntries(owners)).toEqual({ '2001:db8:ffff:1::2': 'MAG1', '2001:db8:ffff::1': 'LMA' });
  });
});

describe('removedRows', () => {
  it('brings back the last value of the rows the current instant deleted', () => {
    const b = new TraceBuilder();
    b.table(1, 'lma1', 'bce', 'k1', { mnId: 'a', seq: 1 });
    b.table(2, 'lma1', 'bce', 'k1', { mnId: 'a', seq: 2 }, 'update');
    b.table(2, 'lma1', 'bce', 'k2', { mnId: 'b', seq: 1 });
    b.table(3, 'lma1', 'bce', 'k1', null);
    b.table(3, 'lma1', 'routes', 'r', null);
    const cursor = b.entries.length - 1;
    const changed = lastChangedKeys(b.entries, cursor);
    expect(removedRows(b.entries, cursor, changed, tablesAt(b.entries, cursor))).toEqual([
      { node: 'lma1', table: 'bce', key: 'k1', row: { mnId: 'a', seq: 2 } },
    ]);
  });

  it('has nothing to show when the instant deleted nothing', () => {
    const b = new TraceBuilder();
    b.table(1, 'lma1', 'bce', 'k1', { mnId: 'a' });
    b.table(2, 'lma1', 'bce', 'k1', null);
    b.table(3, 'lma1', 'bce', 'k2', { mnId: 'b' });
    expect(removedRows(b.entries, 2, lastChangedKeys(b.entries, 2), tablesAt(b.entries, 2))).toEqual([]);
    expect(removedRows(b.entries, -1, new Set(), tablesAt(b.entries, -1))).toEqual([]);
  });
});
