// Figures for the browser playground, measured in Chromium against `vite preview` of dist/ (build first:
// `npx vite build && node scripts/ui-figures.mjs`). It prints numbers, not pass/fail. Goals (issue 4):
// initial JS ≤ 250 KB gzipped (Monaco not loaded), first render of the basic scenario < 1 s from
// navigation, ≥ 50 fps animating the city-scale scenario with ~200 packets in flight, a step back on the
// basic scenario < 100 ms.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}/`;
const DIST = 'dist';
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function startPreview() {
  // Spawn vite itself (not npx), so that killing it stops the server (toolchain notes, pitfall 6).
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start')), 20_000);
    server.stdout.on('data', (d) => {
      if (String(d).includes(String(PORT))) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
}

async function freshPage(browser, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => localStorage.setItem('pmipv6-playground.toured', '1'));
  return { context, page: await context.newPage() };
}

/** JS the page loads before any interaction (the worker's script counted apart), gzipped at level 6. */
async function initialJs(browser) {
  const { context, page } = await freshPage(browser);
  const urls = new Set();
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) urls.add(new URL(r.url()).pathname);
  });
  await page.goto(BASE);
  await page.waitForFunction(() => window.__cy?.getElementById('mn1').nonempty(), null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await context.close();
  const rows = [...urls].map((p) => {
    const bytes = readFileSync(join(DIST, p));
    return {
      file: p,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 6 }).length,
      worker: p.includes('.worker'),
    };
  });
  const page_ = rows.filter((r) => !r.worker);
  const worker = rows.filter((r) => r.worker);
  const sum = (rs, k) => rs.reduce((n, r) => n + r[k], 0);
  console.log('Initial JavaScript (first load, before any interaction):');
  for (const r of rows)
    console.log(
      `  ${r.file.padEnd(40)} ${kib(r.raw).padStart(11)} raw  ${kib(r.gzip).padStart(11)} gzip${r.worker ? '  (worker)' : ''}`,
    );
  console.log(
    `  page total: ${kib(sum(page_, 'gzip'))} gzip (${kib(sum(page_, 'raw'))} raw); worker: ${kib(sum(worker, 'gzip'))} gzip, loaded in parallel off the main thread`,
  );
  console.log(
    `  Monaco requested: ${rows.some((r) => /monaco|editor\.worker|ts\.worker/i.test(r.file)) ? 'yes' : 'no'}`,
  );
}

/** Navigation start → the basic scenario's topology drawn with MN1 on it (polled every frame). */
async function firstRender(browser) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const { context, page } = await freshPage(browser);
    await page.goto(BASE);
    const h = await page.waitForFunction(
      () => {
        const cy = window.__cy;
        return cy && cy.getElementById('mn1').nonempty() && cy.getElementById('lma1').nonempty()
          ? performance.now()
          : false;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    times.push(await h.jsonValue());
    await context.close();
  }
  console.log(
    `First render of the basic scenario from navigation: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
}

/** Step back one event on the basic scenario: keydown → DOM updated and laid out. */
async function stepBack(browser) {
  const { context, page } = await freshPage(browser);
  await page.goto(BASE);
  await page.waitForFunction(
    () => window.__session?.complete && window.__cy?.getElementById('mn1').nonempty(),
    null,
    { timeout: 30_000 },
  );
  const result = await page.evaluate(async () => {
    const s = window.__session;
    const one = async () => {
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { work: t1 - t0, frame: performance.now() - t0 };
    };
    const out = { afterHandover: [], atEnd: [] };
    s.seekToTime(30_100_000);
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 25; i++) out.afterHandover.push(await one());
    s.seekToTime(60_000_000);
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 25; i++) out.atEnd.push(await one());
    return { ...out, entries: s.trace.length };
  });
  await context.close();
  for (const [name, xs] of Object.entries({
    'just after the handover (30.1 s)': result.afterHandover,
    'at the end of the run (60 s)': result.atEnd,
  })) {
    const work = xs.map((x) => x.work);
    const frame = xs.map((x) => x.frame);
    console.log(
      `Step back on the basic scenario (${result.entries} entries), ${name}: median ${median(work).toFixed(1)} ms, max ${Math.max(...work).toFixed(1)} ms (update + layout); to the next painted frame: median ${median(frame).toFixed(1)} ms`,
    );
  }
}

/** Frames per second while the city-scale scenario animates through its busiest moment. */
async function cityFps(browser) {
  const { context, page } = await freshPage(browser, { width: 1920, height: 1080 });
  await page.goto(BASE);
  await page.waitForFunction(() => window.__session?.complete, null, { timeout: 30_000 });
  const t0 = Date.now();
  await page.evaluate(() => window.__session.loadBuiltin('city-scale'));
  await page.waitForFunction(() => window.__session.complete && !window.__session.running, null, {
    timeout: 600_000,
    polling: 1000,
  });
  const simSeconds = (Date.now() - t0) / 1000;
  // Sweep the packets' [send, arrive) intervals: the busiest moment, and the first moment after the
  // start-up storm (every MN attaching at once) with about 200 packets on the wire.
  const busiest = await page.evaluate(() => {
    const s = window.__session;
    const ev = [];
    for (const e of s.trace) if (e.kind === 'tx') ev.push([e.t, 1], [e.arrive, -1]);
    ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let n = 0;
    let best = 0;
    let at = 0;
    let near200 = null;
    for (const [t, d] of ev) {
      n += d;
      if (n > best) [best, at] = [n, t];
      if (near200 === null && t > 1_000_000 && n >= 200) near200 = t;
    }
    return { best, at, near200: near200 ?? at, entries: s.trace.length, nodes: s.nodes.length };
  });
  const measure = (at) =>
    page.evaluate(async (at) => {
      const s = window.__session;
      s.seekToTime(at - 3000);
      await new Promise((r) => setTimeout(r, 500));
      const inFlight = () => {
        let n = 0;
        for (let i = s.cursor; i >= 0 && s.trace[i].t > s.time - 200_000; i--) {
          const e = s.trace[i];
          if (e.kind === 'tx' && e.t <= s.time && s.time < e.arrive) n++;
        }
        return n;
      };
      document.querySelector('button[aria-label="Play"]').click();
      const frames = [];
      const samples = [];
      const start = performance.now();
      await new Promise((resolve) => {
        const tick = (now) => {
          frames.push(now);
          if (frames.length % 10 === 0) samples.push(inFlight());
          if (now - start < 4000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      document.querySelector('button[aria-label="Pause"]')?.click();
      const gaps = frames.slice(1).map((t, i) => t - frames[i]);
      return {
        fps: (frames.length - 1) / ((frames.at(-1) - frames[0]) / 1000),
        worst: Math.max(...gaps),
        samples,
      };
    }, at);
  console.log(
    `City-scale scenario: ${busiest.nodes} nodes, ${busiest.entries} trace entries, simulated and streamed in ${simSeconds.toFixed(1)} s`,
  );
  const moments = [
    ['about 200 packets in flight', busiest.near200],
    [`the busiest moment (${busiest.best} packets in flight)`, busiest.at],
    ['an ordinary moment (100 s)', 100_000_000],
  ];
  const report = async (layout) => {
    for (const [what, at] of moments) {
      const m = await measure(at);
      const avg = m.samples.reduce((a, b) => a + b, 0) / Math.max(1, m.samples.length);
      const range = m.samples.length
        ? `min ${Math.min(...m.samples)}, max ${Math.max(...m.samples)}`
        : 'not sampled';
      console.log(
        `  ${layout}, ${what}, from ${(at / 1e6).toFixed(3)} s, 1× for 4 s: ${m.fps.toFixed(1)} fps, worst frame ${m.worst.toFixed(1)} ms; packets in flight: mean ${avg.toFixed(0)} (${range})`,
      );
    }
  };
  await report('all panels open (1920×1080)');
  // The same with the five panels collapsed (unmounted): the topology and its packet animation alone.
  for (const name of ['State tables', 'Packet inspector', 'Sequence chart', 'Event list', 'Metrics']) {
    await page.getByRole('button', { name: `Collapse ${name}` }).click();
  }
  await report('panels collapsed (1920×1080)');
  await context.close();
}

const server = await startPreview();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});
try {
  if (!process.argv.includes('--city-only')) {
    await initialJs(browser);
    await firstRender(browser);
    await stepBack(browser);
  }
  if (!process.argv.includes('--no-city')) await cityFps(browser);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
