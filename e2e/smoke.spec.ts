import { test, expect } from '@playwright/test';

test('the built page renders with no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'PMIPv6 Playground' })).toBeVisible();
  expect(errors).toEqual([]);
});
