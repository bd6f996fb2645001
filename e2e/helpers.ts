/**
 * Shared steps for the end-to-end tests: open the playground as a returning visitor (no tour), collect
 * console errors, find nodes of the topology on screen, and read the binding-cache status line.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export const HNP = '2001:db8:1::/64';

/** Opens the page with the tour already seen; returns the list console errors are collected into. */
export async function openPlayground(page: Page, opts: { tour?: boolean } = {}): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  if (!opts.tour) await page.addInitScript(() => localStorage.setItem('pmipv6-playground.toured', '1'));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Scenario: Basic PMIPv6 domain' })).toBeVisible();
  await page.waitForFunction(() => !!(window as unknown as { __cy?: unknown }).__cy);
  await expect(page.getByTestId('clock')).toHaveText('0:00.000000');
  return errors;
}

export function bindingStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Binding cache' });
}

/** The rows of the LMA binding cache as the status line shows them: "MN1 → MAG1 · HNP …". */
export async function bindingRows(page: Page): Promise<string[]> {
  return bindingStatus(page).locator('.row').allTextContents();
}

/** A node's centre in page coordinates (Cytoscape's rendered position plus the container's offset). */
export async function nodeOnScreen(
  page: Page,
  id: string,
): Promise<{ x: number; y: number; zoom: number; model: { x: number; y: number } }> {
  return page.evaluate((nodeId) => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    const node = cy.getElementById(nodeId);
    const rp = node.renderedPosition();
    const box = (cy.container() as HTMLElement).getBoundingClientRect();
    return { x: box.left + rp.x, y: box.top + rp.y, zoom: cy.zoom(), model: { ...node.position() } };
  }, id);
}

/** Plays until the clock passes `seconds` of simulated time, then pauses. */
export async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (s) => (window as unknown as { __session: { time: number } }).__session.time >= s * 1e6,
    seconds,
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** Simulated time of the clock, µs. */
export function clockMicros(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __session: { time: number } }).__session.time);
}

/** Waits until the current run has been simulated to its end. */
export async function runSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (window as unknown as { __session: { running: boolean; complete: boolean } }).__session;
    return !s.running && s.complete;
  });
}
