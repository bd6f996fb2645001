/**
 * A learner's first handover, by mouse: play, drag MN1 onto MAG2, see the LMA's binding move to MAG2 with
 * the same home network prefix and the pings go on; step back and see the binding at MAG1 again.
 */
import { expect, test } from '@playwright/test';
import {
  bindingRows,
  bindingStatus,
  clockMicros,
  HNP,
  nodeOnScreen,
  openPlayground,
  playUntil,
  runSettled,
} from './helpers';

test('drag MN1 onto MAG2: the binding moves, the prefix stays, pings continue; step back restores MAG1', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  await expect(bindingStatus(page)).toContainText('LMA binding cache: empty');

  await playUntil(page, 3);
  await expect.poll(() => bindingRows(page)).toEqual([`MN1 → MAG1 · HNP ${HNP}`]);
  const dragAt = await clockMicros(page);

  const mn = await nodeOnScreen(page, 'mn1');
  const mag2 = await nodeOnScreen(page, 'mag2');
  await page.mouse.move(mn.x, mn.y);
  await page.mouse.down();
  // Into MAG2's access area, right of the MAG (the side MN1 sits on).
  await page.mouse.move(mag2.x + 45 * mag2.zoom, mag2.y, { steps: 20 });
  await page.mouse.up();

  await expect(page.getByRole('group', { name: 'Mobile nodes' })).toContainText("MN1 in MAG2's area");
  await runSettled(page);
  const user = await page.evaluate(
    () => (window as unknown as { __session: { document: { user: unknown[] } } }).__session.document.user,
  );
  expect(user).toEqual([{ action: 'move', mn: 'mn1', mag: 'mag2', at: `${dragAt}us` }]);
  // The clock did not move: the handover happens now.
  expect(await clockMicros(page)).toBe(dragAt);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => bindingRows(page), { timeout: 20_000 }).toEqual([`MN1 → MAG2 · HNP ${HNP}`]);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The topology: MN1's link-layer attachment is the dashed edge to MAG2, and the tunnel runs to MAG2.
  const edges = () =>
    page.evaluate(() => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      return {
        attach: cy.edges('.attach').map((e) => `${e.source().id()}-${e.target().id()}`),
        tunnels: cy.edges('.tunnel').map((e) => e.id()),
      };
    });
  await expect.poll(async () => (await edges()).attach).toEqual(['mn1-mag2']);
  expect((await edges()).tunnels).toContain('tun:lma1|mag2');

  // Pings are answered after the handover (the trace's app entries).
  const replies = await page.evaluate((after) => {
    const s = (window as unknown as { __session: { trace: { kind: string; event?: string; t: number }[] } })
      .__session;
    return s.trace.filter((e) => e.kind === 'app' && e.event === 'reply' && e.t > after + 200_000).length;
  }, dragAt);
  expect(replies).toBeGreaterThan(20);

  // Step back, one event at a time, until the binding is at MAG1 again — with the same prefix.
  const stepBack = page.getByRole('button', { name: 'Step back' });
  let steps = 0;
  for (; steps < 400; steps++) {
    const rows = await bindingRows(page);
    if (rows[0] === `MN1 → MAG1 · HNP ${HNP}`) break;
    await stepBack.click();
  }
  expect(await bindingRows(page)).toEqual([`MN1 → MAG1 · HNP ${HNP}`]);
  expect(steps).toBeGreaterThan(5);
  // The topology agrees: the tunnel is LMA–MAG1 again, and there is none to MAG2.
  const tunnels = await page.evaluate(() =>
    (window as unknown as { __cy: import('cytoscape').Core }).__cy.edges('.tunnel').map((e) => e.id()),
  );
  expect(tunnels).toEqual(['tun:lma1|mag1']);
  expect(errors).toEqual([]);
});

test('drop MN1 in empty space: it leaves coverage; a right-click on it opens its move menu', async ({
  page,
}) => {
  const errors = await openPlayground(page);
  await playUntil(page, 2);
  const mn = await nodeOnScreen(page, 'mn1');
  const lma = await nodeOnScreen(page, 'lma1');
  // Below the LMA: far from both MAGs' access areas.
  await page.mouse.move(mn.x, mn.y);
  await page.mouse.down();
  await page.mouse.move(lma.x, lma.y + 120 * lma.zoom, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByRole('group', { name: 'Mobile nodes' })).toContainText('MN1 out of coverage');
  await runSettled(page);
  const user = await page.evaluate(
    () =>
      (window as unknown as { __session: { document: { user: { action: string }[] } } }).__session.document
        .user,
  );
  expect(user.map((a) => a.action)).toEqual(['detach']);
  // The MN stays where it was dropped — near the LMA, not beside a MAG (model coordinates: the view may
  // re-fit as the pane's footer changes; Cytoscape's drag may lag the pointer by a few pixels).
  const parked = await nodeOnScreen(page, 'mn1');
  expect(Math.abs(parked.model.x - lma.model.x)).toBeLessThan(15);
  expect(Math.abs(parked.model.y - (lma.model.y + 120))).toBeLessThan(15);

  await page.mouse.click(parked.x, parked.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Move MN1 to' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /^Out of coverage/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.getByRole('menuitem', { name: /^MAG2/ }).click();
  await expect(page.getByRole('group', { name: 'Mobile nodes' })).toContainText("MN1 in MAG2's area");
  await runSettled(page);
  const actions = await page.evaluate(
    () =>
      (window as unknown as { __session: { document: { user: { action: string; mag?: string }[] } } })
        .__session.document.user,
  );
  expect(actions.map((a) => `${a.action}${a.mag ? ` ${a.mag}` : ''}`)).toEqual(['detach', 'move mag2']);
  expect(errors).toEqual([]);
});
