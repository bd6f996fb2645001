/** Editing the scenario with undo and redo, inline form errors, and scenario files that are not valid. */
import { expect, test } from '@playwright/test';
import { openPlayground, runSettled } from './helpers';

const linkLabel = (page: import('@playwright/test').Page, id: string) =>
  page.evaluate(
    (edge) =>
      (window as unknown as { __cy: import('cytoscape').Core }).__cy
        .getElementById(edge)
        .data('label') as string,
    id,
  );

test('change a link delay, undo and redo it; a bad value gets an inline message and changes nothing', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  expect(await linkLabel(page, 'link:cn1-r1')).toBe('5ms');

  await page.getByRole('button', { name: 'Edit topology' }).click();
  const drawer = page.getByRole('dialog', { name: 'Edit the scenario' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('tab', { name: 'Links' }).click();
  await drawer.getByLabel('Link', { exact: true }).selectOption('cn1-r1');
  const delay = drawer.getByLabel('Delay', { exact: true });
  await delay.fill('fast');
  await drawer.getByRole('button', { name: 'Apply to link' }).click();
  await expect(
    drawer.getByText('Write a duration with its unit, e.g. "5ms", "1.5s" or "250us".'),
  ).toBeVisible();
  await expect(delay).toHaveAttribute('aria-invalid', 'true');
  expect(await linkLabel(page, 'link:cn1-r1')).toBe('5ms');

  await delay.fill('20ms');
  await drawer.getByLabel('Loss (%)').fill('2.5');
  await drawer.getByRole('button', { name: 'Apply to link' }).click();
  await expect(drawer.getByText('Done: change link cn1-r1.')).toBeVisible();
  await expect.poll(() => linkLabel(page, 'link:cn1-r1')).toBe('20ms · 2.5% loss');
  await drawer.getByRole('button', { name: 'Close the editor' }).click();
  await expect(drawer).toBeHidden();

  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toHaveAttribute('title', 'Undo: change link cn1-r1 (Ctrl+Z)');
  await undo.click();
  await expect.poll(() => linkLabel(page, 'link:cn1-r1')).toBe('5ms');
  await runSettled(page);
  await redo.click();
  await expect.poll(() => linkLabel(page, 'link:cn1-r1')).toBe('20ms · 2.5% loss');
  await runSettled(page);
  // Ctrl+Z works from the keyboard too.
  await page.keyboard.press('Control+z');
  await expect.poll(() => linkLabel(page, 'link:cn1-r1')).toBe('5ms');
  expect(errors).toEqual([]);
});

test('add a MAG, then undo removes it again', async ({ page }) => {
  const errors = await openPlayground(page);
  await page.getByRole('button', { name: 'Edit topology' }).click();
  const drawer = page.getByRole('dialog', { name: 'Edit the scenario' });
  await expect(drawer.getByLabel('MAG id')).toHaveValue('mag3');
  await drawer.getByRole('button', { name: 'Add MAG' }).click();
  await expect(drawer.getByText('Done: add MAG mag3.')).toBeVisible();
  const has = () =>
    page.evaluate(() =>
      (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById('mag3').nonempty(),
    );
  await expect.poll(has).toBe(true);
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById('area:mag3').nonempty(),
      ),
    )
    .toBe(true);
  await drawer.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(has).toBe(false);
  expect(errors).toEqual([]);
});

test('a bad scenario file from the menu gives a clear message and keeps the current scenario', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  const fileInput = page.getByLabel('Open scenario file');

  await fileInput.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "formatVersion": 1, "nodes": ['),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(alert).toContainText('"broken.json" is not a scenario: it is not valid JSON');
  await expect(alert).toContainText('The current scenario is unchanged.');
  await expect(page.getByRole('button', { name: 'Scenario: Basic PMIPv6 domain' })).toBeVisible();

  const invalid = {
    formatVersion: 1,
    name: 'Typo',
    description: '',
    seed: 1,
    duration: '10s',
    nodes: [{ id: 'lma1', kind: 'lmaa', addresses: {} }],
  };
  await fileInput.setInputFiles({
    name: 'typo.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(invalid)),
  });
  const alert2 = page.getByRole('alert').filter({ hasText: 'typo.json' });
  await expect(alert2).toContainText('"typo.json" is not a valid scenario');
  await expect(alert2.getByRole('listitem').first()).toContainText('nodes[0].kind');
  await expect(page.getByRole('button', { name: 'Scenario: Basic PMIPv6 domain' })).toBeVisible();
  await alert2.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(alert2).toBeHidden();
  expect(errors).toEqual([]);
});

test('the scenario menu lists every built-in scenario and opens one', async ({ page }) => {
  const errors = await openPlayground(page);
  await page.getByRole('button', { name: 'Scenario: Basic PMIPv6 domain' }).click();
  const menu = page.getByRole('menu', { name: 'Scenarios' });
  const catalog = await page.evaluate(() =>
    (window as unknown as { __session: { catalog: { name: string }[] } }).__session.catalog.map(
      (c) => c.name,
    ),
  );
  expect(catalog.length).toBeGreaterThanOrEqual(2);
  await expect(menu.getByRole('menuitemradio')).toHaveCount(catalog.length);
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const name of catalog)
    await expect(menu.getByRole('menuitemradio', { name: new RegExp(`^${escape(name)}`) })).toBeVisible();
  await expect(menu.getByRole('menuitemradio', { name: /^Basic PMIPv6 domain/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await menu.getByRole('menuitemradio', { name: /^Ping across routers/ }).click();
  await expect(page.getByRole('button', { name: 'Scenario: Ping across routers' })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById('host1').nonempty(),
      ),
    )
    .toBe(true);
  expect(errors).toEqual([]);
});
