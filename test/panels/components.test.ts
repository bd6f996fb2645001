// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import EventList from '../../src/ui/panels/EventList.svelte';
import PacketInspector from '../../src/ui/panels/PacketInspector.svelte';
import SequenceChart from '../../src/ui/panels/SequenceChart.svelte';
import StateTables from '../../src/ui/panels/StateTables.svelte';
import { installResizeObserver, sessionWith } from './fixtures/session';
import { LMAA, MAG1, MN_ID, TraceBuilder, pba, pbu } from './fixtures/trace-builder';

const NODES = [
  { id: 'mn1', kind: 'mn' as const },
  { id: 'mag1', kind: 'mag' as const },
  { id: 'lma1', kind: 'lma' as const },
];

/** MAG1 registers MN1: PBU, the LMA's binding cache entry and decision, the PBA, its arrival. */
function registration() {
  const b = new TraceBuilder();
  b.l2(0, 'attach', 'mn1', 'mag1');
  const u = b.tx(50_000, 'mag1', 'lma1', pbu(MAG1, LMAA, 1, MN_ID, 1), 10_000);
  b.rx(u);
  b.table(60_000, 'lma1', 'bce', 'mn1#1', {
    mnId: MN_ID,
    hnps: ['2001:db8:1::/64'],
    proxyCoa: MAG1,
    state: 'active',
    seq: 1,
    lifetime: 3600,
    expires: 3_600_060_000,
  });
  b.decision(60_000, 'lma1', 'PBU accepted: new mobility session', 'RFC 5213 §5.3.2', 'pbu-accepted');
  const a = b.tx(60_000, 'lma1', 'mag1', pba(LMAA, MAG1, 1, MN_ID), 10_000);
  b.rx(a);
  return { entries: b.entries, pbu: u, pba: a };
}

beforeAll(installResizeObserver);

describe('PacketInspector', () => {
  it('says how to pick a packet when none is selected', () => {
    const { entries } = registration();
    render(PacketInspector, { session: sessionWith(entries, NODES) });
    expect(screen.getByText(/No packet selected/)).toBeTruthy();
  });

  it('shows the selected PBU as a tree and bytes, and links them both ways', async () => {
    const { entries, pbu: tx } = registration();
    const session = sessionWith(entries, NODES);
    session.select(tx.id);
    const { container } = render(PacketInspector, { session });
    // The decoder loads on demand.
    const tree = await screen.findByRole('tree', { name: 'Packet fields' });
    expect(container.querySelector('.head .label')?.textContent).toBe('PBU seq=1 HI=1');
    const option = within(tree).getByRole('treeitem', { name: /^Home Network Prefix/ });
    const start = Number(option.dataset.start);
    expect(Number(option.dataset.length)).toBe(20);
    const bytes = (at: number) => container.querySelector(`.hex .b[data-offset="${at}"]`) as HTMLElement;

    await fireEvent.mouseEnter(option);
    expect(bytes(start).classList.contains('hov')).toBe(true);
    expect(bytes(start + 19).classList.contains('hov')).toBe(true);
    expect(bytes(start + 20).classList.contains('hov')).toBe(false);

    await fireEvent.click(bytes(start + 10));
    const picked = within(tree).getByRole('treeitem', { selected: true });
    expect(picked.querySelector('.name')?.textContent).toBe('Home Network Prefix:');
    expect(picked.querySelector('.value')?.textContent).toBe('::');
    expect(picked.getAttribute('aria-level')).toBe('4');
    expect(bytes(start + 4).classList.contains('sel')).toBe(true);
    expect(bytes(start + 3).classList.contains('sel')).toBe(false);
    expect(within(picked).getByRole('link', { name: 'RFC 5213 §8.3' }).getAttribute('href')).toBe(
      'https://www.rfc-editor.org/rfc/rfc5213#section-8.3',
    );
  });

  it('keeps the same field selected when another packet of the same kind is selected', async () => {
    const b = new TraceBuilder();
    const one = b.tx(1, 'mag1', 'lma1', pbu(MAG1, LMAA, 1, MN_ID, 1), 1);
    const two = b.tx(2, 'mag1', 'lma1', pbu(MAG1, LMAA, 2, MN_ID, 2), 1);
    const session = sessionWith(b.entries, NODES);
    session.select(one.id);
    render(PacketInspector, { session });
    await fireEvent.click(await screen.findByRole('treeitem', { name: /^Sequence #: 1/ }));
    session.select(two.id);
    flushSync();
    expect(screen.getByRole('treeitem', { selected: true }).querySelector('.value')?.textContent).toBe('2');
    expect(screen.getByRole('treeitem', { selected: true }).querySelector('.name')?.textContent).toBe(
      'Sequence #:',
    );
  });

  it('shows what it could decode of a malformed packet, and where it stopped', async () => {
    const b = new TraceBuilder();
    const bad = pbu(MAG1, LMAA, 1, MN_ID, 1);
    bad[41] = 3; // Header Len 3: 32 octets, but 64 follow
    const tx = b.tx(1, 'mag1', 'lma1', bad, 1);
    const session = sessionWith(b.entries, NODES);
    session.select(tx.id);
    render(PacketInspector, { session });
    expect(await screen.findByRole('treeitem', { name: /^IPv6 header/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(
      /Decoding stopped at octet 41, field “headerLen” \(mh\): Header Len 3 means 32 octets/,
    );
  });
});

describe('SequenceChart', () => {
  it('draws one arrow per hop with its label; clicking one selects its packet', async () => {
    const { entries, pbu: update, pba: ack } = registration();
    const session = sessionWith(entries, NODES);
    render(SequenceChart, { session });
    const arrows = screen.getAllByRole('button', { name: /, (MAG1|LMA1) to / });
    expect(arrows.map((a) => a.getAttribute('aria-label'))).toEqual([
      'PBU seq=1 HI=1, MAG1 to LMA1, sent at 50 ms (Proxy Binding Update)',
      'PBA status=0, LMA1 to MAG1, sent at 60 ms (Proxy Binding Acknowledgement)',
    ]);
    await fireEvent.click(arrows[1]);
    expect(session.selectedTx).toBe(ack.id);
    expect(arrows[1].getAttribute('aria-pressed')).toBe('true');
    await fireEvent.keyDown(arrows[0], { key: 'Enter' });
    expect(session.selectedTx).toBe(update.id);
  });

  it('has lifelines for the nodes involved only, and filters to signalling', async () => {
    const { entries } = registration();
    const session = sessionWith(entries, NODES);
    const { container } = render(SequenceChart, { session });
    expect([...container.querySelectorAll('.head')].map((h) => h.textContent)).toEqual(['MAG1', 'LMA1']);
    expect(screen.getByText('2 hops')).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Signalling only' }));
    expect(screen.getByText('2 hops')).toBeTruthy();
  });
});

describe('StateTables', () => {
  it("shows the LMA's binding cache as a captioned table, the changed row highlighted", () => {
    const { entries } = registration();
    const session = sessionWith(entries, NODES);
    session.seekToEntry(3);
    const { container } = render(StateTables, { session });
    const bce = screen.getByRole('table', { name: 'Binding cache — LMA1' });
    const rows = within(bce).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain(MN_ID);
    expect(rows[1].textContent).toContain('2001:db8:1::/64');
    expect(rows[1].classList.contains('changed')).toBe(true);
    expect(screen.getByRole('table', { name: 'Binding update list — MAG1' }).textContent).toContain(
      'no entries',
    );
    // Still the same instant (the LMA's decision): still highlighted. The PBA's arrival is later: not.
    session.seekToEntry(4);
    flushSync();
    expect(container.querySelector('tr.changed')).not.toBeNull();
    session.seekToEntry(6);
    flushSync();
    expect(container.querySelector('tr.changed')).toBeNull();
    expect(
      within(screen.getByRole('table', { name: 'Binding cache — LMA1' })).getAllByRole('row'),
    ).toHaveLength(2);
  });
});

describe('StateTables in a crowd', () => {
  it('draws the first 100 rows and at most 100 changed ones when one instant changed them all', () => {
    const b = new TraceBuilder();
    for (let k = 0; k < 250; k++)
      b.table(1_000, 'lma1', 'bce', `mn${k}#1`, { mnId: `mn${k}@example.com`, state: 'active' });
    const session = sessionWith(b.entries, NODES);
    session.seekToEntry(249);
    render(StateTables, { session });
    const bce = screen.getByRole('table', { name: 'Binding cache — LMA1' });
    const rows = within(bce).getAllByRole('row');
    // Header, 200 entries, and the "50 more" line.
    expect(rows).toHaveLength(202);
    expect(rows[200].dataset.key).toBe('mn199#1');
    expect(rows[201].textContent).toContain('50 more');
    expect(rows[201].textContent).toContain('Show all 250 rows');
  });
});

describe('EventList', () => {
  it('lists the entries up to the clock and seeks to the one selected, selecting its packet', async () => {
    const { entries, pbu: tx } = registration();
    const session = sessionWith(entries, NODES);
    session.seekToEntry(entries.length - 1);
    render(EventList, { session });
    const row = screen.getByRole('button', { name: /PBU seq=1 HI=1 → LMA1/ });
    await fireEvent.click(row);
    expect(session.cursor).toBe(tx.id);
    expect(session.time).toBe(50_000);
    expect(session.selectedTx).toBe(tx.id);
    expect(screen.queryByRole('button', { name: /PBA status=0 → MAG1/ })).toBeNull();
  });

  it('filters by kind', async () => {
    const { entries } = registration();
    const session = sessionWith(entries, NODES);
    session.seekToEntry(entries.length - 1);
    render(EventList, { session });
    expect(screen.getByRole('button', { name: /PBU accepted/ })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Decisions' }));
    expect(screen.queryByRole('button', { name: /PBU accepted/ })).toBeNull();
  });
});
