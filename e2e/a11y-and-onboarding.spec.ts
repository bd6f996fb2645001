/** Accessibility (axe-core: no serious or critical violations) and the first-visit tour. */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { bindingRows, HNP, nodeOnScreen, openPlayground } from './helpers';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const r = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe.run(document),
  );
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violations on the main page, in light and dark, and with the help open', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Help and keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('axe is happy with the edit drawer open', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Edit topology' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit the scenario' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a first-time visitor gets the tour on the basic domain; it follows play and the handover, and is not shown again', async ({
  page,
}) => {
  const errors = await openPlayground(page, { tour: true });
  const tour = page.getByRole('dialog', { name: 'Welcome to a PMIPv6 domain' });
  await expect(tour).toBeVisible();
  await expect(tour).toContainText('Step 1 of 4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('dialog', { name: 'Watch MN1 register' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Now hand it over' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => bindingRows(page)).toEqual([`MN1 → MAG1 · HNP ${HNP}`]);

  const mn = await nodeOnScreen(page, 'mn1');
  const mag2 = await nodeOnScreen(page, 'mag2');
  await page.mouse.move(mn.x, mn.y);
  await page.mouse.down();
  await page.mouse.move(mag2.x + 45 * mag2.zoom, mag2.y, { steps: 15 });
  await page.mouse.up();
  const last = page.getByRole('dialog', { name: 'Same prefix, new MAG' });
  await expect(last).toBeVisible();
  await last.getByRole('button', { name: 'Got it' }).click();
  await expect(last).toBeHidden();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Scenario: Basic PMIPv6 domain' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog', { name: 'Welcome to a PMIPv6 domain' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the tour can be skipped', async ({ page }) => {
  await openPlayground(page, { tour: true });
  await page.getByRole('button', { name: 'Skip tour' }).click();
  await expect(page.getByRole('dialog', { name: 'Welcome to a PMIPv6 domain' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('pmipv6-playground.toured'))).toBe('1');
});
