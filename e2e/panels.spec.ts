/**
 * The panels as a learner uses them: inspect a PBU from the sequence chart and follow its Home Network
 * Prefix option between the field tree and the bytes; export the chart as SVG; read the LMA's binding
 * cache in the state tables; seek by selecting an event in the event list.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { clockMicros, HNP, openPlayground } from './helpers';

// Each panel is a region named by its title (its scrolling body is one too: take the outer one).
const panel = (page: Page, title: string): Locator => page.getByRole('region', { name: title }).first();
const chart = (page: Page): Locator => panel(page, 'Sequence chart');
const inspector = (page: Page): Locator => panel(page, 'Packet inspector');
const events = (page: Page): Locator => panel(page, 'Event list');

/** Moves the clock to the n-th signalling message with the toolbar's "Next signalling message". */
async function nextSignalling(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: 'Next signalling message' }).click();
}

interface Range {
  start: number;
  length: number;
}

async function rangeOf(item: Locator): Promise<Range> {
  return {
    start: Number(await item.getAttribute('data-start')),
    length: Number(await item.getAttribute('data-length')),
  };
}

const byte = (page: Page, offset: number): Locator =>
  inspector(page).locator(`.hex .b[data-offset="${offset}"]`);

test('inspect a PBU from the chart: the HNP option and its bytes highlight each other', async ({ page }) => {
  const errors = await openPlayground(page);
  // The first PBU is MAG1's, 50 ms in: its arrow is on screen from the start.
  const arrow = chart(page).getByRole('button', { name: /^PBU seq=1 HI=1, MAG1 to / });
  await arrow.click();
  await expect(arrow).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector(page)).toContainText('PBU seq=1 HI=1');

  const tree = inspector(page).getByRole('tree', { name: 'Packet fields' });
  await expect(tree.getByRole('treeitem', { name: /^Mobility Header: PBU seq=1 HI=1/ })).toBeVisible();
  // The option (its fields stay folded until asked for).
  const option = tree.getByRole('treeitem', { name: /^Home Network Prefix/ });
  await expect(option).toHaveCount(1);
  await expect(option).toHaveAttribute('aria-level', '3');
  const hnp = await rangeOf(option);
  expect(hnp.length).toBe(20);

  // Hovering the option highlights exactly its 20 bytes.
  await option.hover();
  for (const at of [hnp.start, hnp.start + 10, hnp.start + 19])
    await expect(byte(page, at)).toHaveClass(/\bhov\b/);
  await expect(byte(page, hnp.start - 1)).not.toHaveClass(/\bhov\b/);
  await expect(byte(page, hnp.start + 20)).not.toHaveClass(/\bhov\b/);

  // Clicking a byte of the prefix (after Type, Length, flags and Prefix Length) selects the prefix field,
  // opening the option in the tree; its bytes are then the selected ones.
  await byte(page, hnp.start + 6).click();
  const prefix = tree.getByRole('treeitem', { name: /^Home Network Prefix/, selected: true });
  await expect(prefix).toHaveAttribute('aria-level', '4');
  await expect(tree.getByRole('treeitem', { name: /^Home Network Prefix/, expanded: true })).toHaveAttribute(
    'aria-level',
    '3',
  );
  expect(await rangeOf(prefix)).toEqual({ start: hnp.start + 4, length: 16 });
  await expect(byte(page, hnp.start + 4)).toHaveClass(/\bsel\b/);
  await expect(byte(page, hnp.start + 3)).not.toHaveClass(/\bsel\b/);
  // Its RFC section is a link to the RFC Editor.
  await expect(prefix.getByRole('link', { name: 'RFC 5213 §8.3' })).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc5213#section-8.3',
  );
  expect(errors).toEqual([]);
});

test('keyboard: Enter on a focused arrow inspects it; arrow keys walk the field tree', async ({ page }) => {
  const errors = await openPlayground(page);
  const pbu = chart(page).getByRole('button', { name: /^PBU seq=1 HI=1, MAG1 to / });
  await pbu.focus();
  await page.keyboard.press('ArrowDown');
  const next = chart(page).locator('g[role="button"]:focus');
  const name = await next.getAttribute('aria-label');
  expect(name).not.toMatch(/^PBU seq=1 HI=1, MAG1 to /);
  await page.keyboard.press('ArrowUp');
  await expect(pbu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('PBU seq=1 HI=1');
  // The arrow keys moved the focus, not the clock.
  await expect(page.getByTestId('clock')).toHaveText('0:00.000000');

  const first = inspector(page).getByRole('treeitem', { name: /^IPv6 header/ });
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(inspector(page).getByRole('treeitem', { name: /^Version: 6/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByRole('treeitem', { name: /^Version: 6/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('clock')).toHaveText('0:00.000000');
  expect(errors).toEqual([]);
});

test('export the sequence chart as a standalone SVG with its arrows', async ({ page }) => {
  const errors = await openPlayground(page);
  await chart(page).getByRole('checkbox', { name: 'Signalling only' }).check();
  const arrows = await chart(page).locator('g[role="button"]').count();
  expect(arrows).toBeGreaterThan(3);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    chart(page).getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('sequence-chart-basic-domain.svg');
  const svg = await readFile(await download.path(), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Well-formed XML, with one group per message, each with its line, arrowhead and label; no CSS classes.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const groups = [...doc.querySelectorAll('g[data-tx]')];
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      groups: groups.length,
      labels: groups.map((g) => g.querySelector('text')?.textContent ?? ''),
      complete: groups.every(
        (g) =>
          g.querySelector('line') &&
          (g.querySelector('polygon') || g.querySelector('path')) &&
          g.querySelector('text'),
      ),
      classes: doc.querySelectorAll('[class]').length,
      styles: doc.querySelectorAll('style, link').length,
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.groups).toBeGreaterThanOrEqual(arrows);
  expect(parsed.complete).toBe(true);
  expect(parsed.labels).toContain('PBU seq=1 HI=1');
  expect(parsed.labels).toContain('PBA status=0');
  expect(parsed.labels.every((l) => /^(PBU|PBA|HB|BRI|BRA|BE|MH)/.test(l))).toBe(true);
  expect(parsed.classes).toBe(0);
  expect(parsed.styles).toBe(0);
  expect(errors).toEqual([]);
});

test('the state tables show the LMA binding cache entry once the PBA is sent, highlighted when it changes', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  const bce = page.getByRole('table', { name: /^Binding cache — LMA/ });
  await expect(bce).toContainText('no entries');
  // PBU from MAG1, on through the backhaul router, and the LMA's PBA: the BCE exists once the LMA accepted.
  await nextSignalling(page, 3);
  await expect(bce.getByRole('row')).toHaveCount(2);
  const row = bce.getByRole('row').nth(1);
  await expect(row).toContainText('mn1@example.com');
  await expect(row).toContainText(HNP);
  await expect(row).toContainText('(MAG1)');
  // The LMA added it in the instant the PBA left: it is what the last event changed.
  await expect(row).toHaveClass(/\bchanged\b/);
  await page.getByRole('button', { name: 'Next signalling message' }).click();
  await expect(row).not.toHaveClass(/\bchanged\b/);
  await expect(page.getByRole('table', { name: /^Binding update list — MAG1/ })).toContainText(
    'mn1@example.com',
  );
  // Step back before the LMA's decision: the entry is gone again.
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(bce).toContainText('no entries');
  expect(errors).toEqual([]);
});

test('selecting an event in the event list moves the clock to it and inspects its packet', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  await nextSignalling(page, 4);
  const list = events(page);
  // Only what was sent: the PBU is then a few rows up, on screen.
  for (const kind of [
    'Received',
    'Dropped',
    'Decisions',
    'Tables',
    'Timers',
    'Link layer',
    'Actions',
    'Applications',
    'Errors',
  ]) {
    await list.getByRole('button', { name: kind, exact: true }).click();
  }
  await expect(list.getByRole('button', { name: 'Sent', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(list.getByRole('button', { name: 'Timers', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  const pbu = list.getByRole('button', { name: /PBU seq=1 HI=1 → Backhaul/ });
  await expect(pbu).toBeVisible();
  const id = Number(await pbu.locator('xpath=..').getAttribute('data-id'));
  await pbu.click();
  expect(
    await page.evaluate(() => (window as unknown as { __session: { cursor: number } }).__session.cursor),
  ).toBe(id);
  expect(await clockMicros(page)).toBe(50_000);
  await expect(page.getByTestId('clock')).toHaveText('0:00.050000');
  await expect(inspector(page)).toContainText('PBU seq=1 HI=1');
  // The list now ends at that entry, shown as the current one.
  await expect(list.locator('li[data-id]').last()).toHaveAttribute('data-id', String(id));
  await expect(pbu).toHaveAttribute('aria-current', 'step');
  // Decisions read as notes with their RFC section linked.
  await list.getByRole('button', { name: 'Decisions', exact: true }).click();
  await page.getByRole('button', { name: 'Next signalling message' }).click();
  await page.getByRole('button', { name: 'Next signalling message' }).click();
  await expect(list.getByRole('link', { name: /RFC 5213 §5\.3\.2/ }).first()).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc5213#section-5.3.2',
  );
  expect(errors).toEqual([]);
});

test('the metrics panel measures the handover of the handover scenario', async ({ page }) => {
  const errors = await openPlayground(page);
  await page.getByRole('button', { name: 'Scenario: Basic PMIPv6 domain' }).click();
  await page.getByRole('menuitemradio', { name: /^Handover/ }).click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __session: { complete: boolean; scenarioId: string } }).__session.scenarioId ===
      'handover',
  );
  await page.waitForFunction(
    () => {
      const s = (window as unknown as { __session: { complete: boolean; trace: unknown[] } }).__session;
      return s.complete && s.trace.length > 10_000;
    },
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() =>
    (window as unknown as { __session: { seekToTime(t: number): void } }).__session.seekToTime(11_000_000),
  );
  const metrics = panel(page, 'Metrics');
  await expect(metrics).toContainText('1 handover;');
  await expect(
    metrics.getByRole('button', { name: /^Go to: MN1 from MAG1 to MAG2 at 10\.050 s: traffic back after/ }),
  ).toBeVisible();
  await expect(metrics.getByRole('img', { name: /^Ping round-trip time over time/ })).toBeVisible();
  expect(errors).toEqual([]);
});

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core on the five panels only, serious and critical findings. */
async function panelViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const r = await page.evaluate(() => {
    const panels = ['Sequence chart', 'Packet inspector', 'State tables', 'Event list', 'Metrics'].map(
      (name) => `section[aria-label="${name}"]`,
    );
    const axe = (window as unknown as { axe: { run: (ctx: { include: string[][] }) => Promise<AxeResult> } })
      .axe;
    return axe.run({ include: panels.map((p) => [p]) });
  });
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violations in the panels, filled in, in light and dark', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  await nextSignalling(page, 4);
  await chart(page)
    .getByRole('button', { name: /^PBA status=0, LMA to / })
    .click();
  await inspector(page).getByRole('checkbox', { name: 'Explain every field' }).check();
  expect(await panelViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await panelViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
