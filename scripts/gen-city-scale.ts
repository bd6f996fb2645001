/**
 * Generates src/sim/scenario/builtin/city-scale.json: a city-wide PMIPv6 domain of GRID × GRID MAGs on a
 * street grid, one LMA, and MN_COUNT mobile nodes on a seeded random walk (each move is a timeline "move"
 * to a neighbouring MAG after an exponentially distributed dwell time), with a correspondent node pinging
 * a share of them.
 *
 *   npx tsx scripts/gen-city-scale.ts            (writes the file; the output is committed)
 *
 * The same SEED always gives the same file, byte for byte.
 *
 * Topology: cn1 — r1 (internet) — lma1 — core — agg-<row> (one per grid row) — mag-<row>-<col>.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SEED = 20240101;
const GRID = 8; // 8 × 8 = 64 MAGs
const MN_COUNT = 2000;
const DURATION_S = 600;
/** Mean time an MN stays at one MAG before it moves on, seconds. */
const MEAN_DWELL_S = 150;
/** Every PINGED_EVERY-th MN is pinged by the correspondent node. */
const PINGED_EVERY = 40;
const PING_INTERVAL = '5s';

/** mulberry32: a small, well-mixed 32-bit PRNG; deterministic across machines. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const hex = (n: number) => n.toString(16);

const magId = (row: number, col: number) => `mag-${row}-${col}`;
/** The MAG's backhaul /64: 2001:db8:ffff:<n>::/64 with n = 1 + row·GRID + col. */
const magNet = (row: number, col: number) => `2001:db8:ffff:${hex(1 + row * GRID + col)}::`;

interface Json {
  [k: string]: unknown;
}

function nodes(): Json[] {
  const out: Json[] = [
    {
      id: 'cn1',
      kind: 'cn',
      label: 'CN',
      addresses: { eth0: ['2001:db8:cafe::100/64'] },
      position: { x: -300, y: 0 },
    },
    {
      id: 'r1',
      kind: 'router',
      label: 'Internet',
      addresses: { eth0: ['2001:db8:cafe::1/64'], eth1: ['2001:db8:0:1::1/64'] },
      position: { x: -200, y: 0 },
    },
    {
      id: 'lma1',
      kind: 'lma',
      label: 'LMA',
      addresses: { eth0: ['2001:db8:0:1::2/64'], eth1: ['2001:db8:ffff::1/64'] },
      lmaAddress: '2001:db8:ffff::1',
      prefixPool: '2001:db8:100::/40',
      position: { x: -100, y: 0 },
    },
  ];
  const core: Record<string, string[]> = { eth0: ['2001:db8:ffff::fe/64'] };
  for (let r = 0; r < GRID; r++) core[`eth${r + 1}`] = [`2001:db8:fffe:${hex(r + 1)}::fe/64`];
  out.push({ id: 'core', kind: 'router', label: 'Core', addresses: core, position: { x: 0, y: 0 } });
  for (let r = 0; r < GRID; r++) {
    const agg: Record<string, string[]> = { eth0: [`2001:db8:fffe:${hex(r + 1)}::1/64`] };
    for (let c = 0; c < GRID; c++) agg[`eth${c + 1}`] = [`${magNet(r, c)}fe/64`];
    out.push({
      id: `agg-${r}`,
      kind: 'router',
      label: `Aggregation ${r}`,
      addresses: agg,
      position: { x: 100, y: (r - GRID / 2) * 150 },
    });
  }
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      out.push({
        id: magId(r, c),
        kind: 'mag',
        addresses: { eth0: [`${magNet(r, c)}2/64`] },
        accessPoint: { att: 'wlan', attachDelay: '50ms', linkDelay: '1ms' },
        position: { x: 300 + c * 150, y: (r - GRID / 2) * 150 },
      });
    }
  }
  return out;
}

function links(): Json[] {
  const out: Json[] = [
    { a: 'cn1:eth0', b: 'r1:eth0', delay: '5ms' },
    { a: 'r1:eth1', b: 'lma1:eth0', delay: '5ms' },
    { a: 'lma1:eth1', b: 'core:eth0', delay: '1ms' },
  ];
  for (let r = 0; r < GRID; r++) {
    out.push({ a: `core:eth${r + 1}`, b: `agg-${r}:eth0`, delay: '1ms' });
    for (let c = 0; c < GRID; c++)
      out.push({ a: `agg-${r}:eth${c + 1}`, b: `${magId(r, c)}:eth0`, delay: '1ms' });
  }
  return out;
}

/** The grid neighbours of a MAG (4-neighbourhood): where a walker can go next. */
function neighbours(row: number, col: number): [number, number][] {
  const steps: [number, number][] = [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
  ];
  return steps
    .map(([dr, dc]): [number, number] => [row + dr, col + dc])
    .filter(([r, c]) => r >= 0 && r < GRID && c >= 0 && c < GRID);
}

/** Exponential dwell time in whole milliseconds (at least 1 s, so that a registration can finish). */
const dwellMs = (): number => Math.max(1000, Math.round(-Math.log(1 - random()) * MEAN_DWELL_S * 1000));

interface Walker {
  readonly id: string;
  readonly start: [number, number];
  readonly moves: { readonly atMs: number; readonly to: [number, number] }[];
}

function walk(index: number): Walker {
  const id = `mn${pad(index + 1, 4)}`;
  let at: [number, number] = [Math.floor(random() * GRID), Math.floor(random() * GRID)];
  const start = at;
  const moves: Walker['moves'] = [];
  for (let t = dwellMs(); t < DURATION_S * 1000; t += dwellMs()) {
    at = pick(neighbours(at[0], at[1]));
    moves.push({ atMs: t, to: at });
  }
  return { id, start, moves };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;

/** The scenario document; every call starts the PRNG afresh, so it is the same every time. */
export function buildCityScale(): Json {
  random = prng(SEED);
  const walkers = Array.from({ length: MN_COUNT }, (_, i) => walk(i));
  // Defaults keep the file small: a WLAN interface, no wired addresses, moves of the MN's only interface.
  const mns = walkers.map((w) => ({
    id: w.id,
    kind: 'mn',
    interfaces: [{ name: 'wlan0', attachTo: magId(...w.start) }],
  }));
  const timeline = walkers
    .flatMap((w) => w.moves.map((m) => ({ atMs: m.atMs, mn: w.id, mag: magId(...m.to) })))
    .sort((a, b) => a.atMs - b.atMs || (a.mn < b.mn ? -1 : 1))
    .map((m) => ({ at: seconds(m.atMs), action: 'move', mn: m.mn, mag: m.mag }));
  const pinged = walkers.filter((_, i) => i % PINGED_EVERY === 0);
  const traffic = pinged.map((w, i) => ({
    kind: 'ping',
    id: `ping-${w.id}`,
    from: 'cn1',
    to: w.id,
    start: seconds(5000 + i * 37),
    interval: PING_INTERVAL,
    size: 56,
    timeout: '2s',
  }));
  return {
    formatVersion: 1,
    name: 'City-scale domain',
    description:
      `A city-wide PMIPv6 domain: ${GRID * GRID} MAGs on an ${GRID} × ${GRID} street grid behind ${GRID} aggregation routers, one LMA, ` +
      `and ${MN_COUNT} mobile nodes on a seeded random walk (each stays an exponentially distributed time, ${MEAN_DWELL_S} s on average, ` +
      `then moves to a neighbouring MAG). The correspondent node pings every ${PINGED_EVERY}th mobile node every ${PING_INTERVAL}. ` +
      `Generated by scripts/gen-city-scale.ts (seed ${SEED}).`,
    seed: SEED,
    duration: `${DURATION_S}s`,
    nodes: [...nodes(), ...mns],
    links: links(),
    policies: walkers.map((w) => ({ mn: w.id })),
    traffic,
    timeline,
  };
}

/** The file's text: one array element per line, so that a diff of the generated file stays readable. */
export function formatScenario(doc: Json): string {
  const lines: string[] = ['{'];
  const keys = Object.keys(doc);
  keys.forEach((k, i) => {
    const v = doc[k];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(v)) {
      lines.push(`  ${JSON.stringify(k)}: [`);
      v.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < v.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export const CITY_SCALE_FILE = fileURLToPath(
  new URL('../src/sim/scenario/builtin/city-scale.json', import.meta.url),
);

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = buildCityScale();
  writeFileSync(CITY_SCALE_FILE, formatScenario(doc));
  const moves = (doc.timeline as unknown[]).length;
  console.log(
    `wrote ${CITY_SCALE_FILE}: ${GRID * GRID} MAGs, ${MN_COUNT} MNs, ${moves} moves, ${(doc.traffic as unknown[]).length} ping flows`,
  );
}
