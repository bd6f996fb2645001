/** Everything a keyboard-only learner needs: transport shortcuts and a handover without the mouse. */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { bindingRows, clockMicros, HNP, openPlayground, runSettled } from './helpers';

/** Presses Tab until the focused element has this accessible name (at most `limit` presses). */
async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`no focusable element named "${name}" within ${limit} tabs`);
}

test('shortcuts: → steps, ← steps back, Shift+→ jumps to the next signalling message, Space plays and pauses', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('event 1 /')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('event 2 /')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('event 1 /')).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  // The first signalling message: MAG1's PBU, 50 ms in (after the 50 ms link-layer attach).
  await expect(page.getByTestId('clock')).toHaveText('0:00.050000');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('clock')).toHaveText('0:00.052000');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('clock')).toHaveText('0:00.050000');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForTimeout(600);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await clockMicros(page)).toBeGreaterThan(50_000);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('clock')).toHaveText('0:00.000000');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();
  expect(errors).toEqual([]);
});

test('a handover with the keyboard only: the Move menu, then play until the LMA points to MAG2', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  // Get past the initial registration with keyboard stepping (next signalling ×4: PBU, PBU, PBA, PBA).
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => bindingRows(page)).toEqual([`MN1 → MAG1 · HNP ${HNP}`]);

  await tabTo(page, 'Move MN1 to…');
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Move MN1 to' });
  await expect(menu).toBeVisible();
  // MAG1 is where MN1 is (disabled): focus starts on MAG2.
  await expect(page.getByRole('menuitem', { name: /^MAG2/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('group', { name: 'Mobile nodes' })).toContainText("MN1 in MAG2's area");
  await runSettled(page);

  // Play with Space (focus is back on the menu button, so move it off any button first).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(' ');
  await expect.poll(() => bindingRows(page), { timeout: 20_000 }).toEqual([`MN1 → MAG2 · HNP ${HNP}`]);
  await page.keyboard.press(' ');
  expect(errors).toEqual([]);
});

test('M opens the move menu; Escape closes it; "Out of coverage" detaches', async ({ page }) => {
  const errors = await openPlayground(page);
  await page.keyboard.press('m');
  await expect(page.getByRole('menu', { name: 'Move MN1 to' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Move MN1 to' })).toBeHidden();
  await page.keyboard.press('m');
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: /^Out of coverage/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Mobile nodes' })).toContainText('MN1 out of coverage');
  await runSettled(page);
  const user = await page.evaluate(
    () => (window as unknown as { __session: { document: { user: unknown[] } } }).__session.document.user,
  );
  expect(user).toEqual([{ action: 'detach', mn: 'mn1', at: '0us' }]);
  expect(errors).toEqual([]);
});
