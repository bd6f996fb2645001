/**
 * PMIPv6 figures (issue 3, "Figures to reach"):
 * - the city-scale scenario (64 MAGs, 2,000 MNs), 10 minutes of virtual time, headless with the reference
 *   agents: wall time (goal < 5 s), events per second, peak memory. It runs in a child process of its own
 *   so that the memory figures are the scenario's, not this process's: heap and RSS are sampled every
 *   virtual second, and the child's maximum resident set size comes from the kernel;
 * - the basic scenario, 60 s of virtual time, build + run: median wall time of 20 runs (goal < 50 ms).
 * CPU time is printed next to wall time: on a shared machine wall time also counts other jobs' turns.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Figure } from './figure';
import { installers } from '../src/sim/agents';
import { handoverParts, handovers } from '../src/sim/analysis/handover-metrics';
import { signallingLoad } from '../src/sim/analysis/signalling-load';
import { SECOND } from '../src/sim/core/time';
import { buildScenario, builtinScenario, validateScenario } from '../src/sim/scenario';
import type { Scenario } from '../src/sim/scenario';

const CITY_VIRTUAL = 600 * SECOND;
const BASIC_VIRTUAL = 60 * SECOND;
const BASIC_RUNS = 20;
const MB = 2 ** 20;

function scenario(id: string): Scenario {
  const loaded = validateScenario(builtinScenario(id));
  if (!loaded.ok) throw new Error(`built-in scenario ${id} is invalid: ${loaded.errors[0]?.message}`);
  return loaded.scenario;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** What the child reports about one city-scale run. */
interface CityRun {
  readonly buildMs: number;
  readonly runMs: number;
  readonly runCpuMs: number;
  readonly events: number;
  readonly traceEntries: number;
  readonly peakHeapMb: number;
  readonly peakRssMb: number;
  readonly maxRssMb: number;
  readonly handovers: number;
  readonly medianHandoverMs: number | null;
  readonly signallingPerMnPerMinute: number | null;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The child's work: build and run city-scale in one-second slices, sampling memory between slices. */
function cityRun(): CityRun {
  const s = scenario('city-scale');
  const t0 = performance.now();
  const world = buildScenario(s, { installers });
  const buildMs = performance.now() - t0;
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  for (let t = SECOND; t <= CITY_VIRTUAL; t += SECOND) {
    world.sim.runUntil(t);
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }
  const runMs = performance.now() - t1;
  const runCpuMs = cpuMs(cpu0);
  const entries = world.sim.trace.entries;
  const latencies = handovers(entries)
    .map((h) => handoverParts(h).total)
    .filter((x): x is number => x !== null);
  const load = signallingLoad(entries, { end: world.sim.now });
  return {
    buildMs,
    runMs,
    runCpuMs,
    events: world.sim.eventsDispatched,
    traceEntries: world.sim.trace.length,
    peakHeapMb: peakHeap / MB,
    peakRssMb: peakRss / MB,
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
    handovers: latencies.length,
    medianHandoverMs: latencies.length ? median(latencies) / 1000 : null,
    signallingPerMnPerMinute: load.perMnPerMinute?.messages ?? null,
  };
}

function spawnCity(): CityRun {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--city-child'], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  if (child.status !== 0) throw new Error(`city-scale child failed (${child.status}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as CityRun;
}

interface BasicRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly events: number;
}

function basicRun(s: Scenario): BasicRun {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const world = buildScenario(s, { installers });
  world.sim.runUntil(BASIC_VIRTUAL);
  return { wallMs: performance.now() - t0, cpuMs: cpuMs(cpu0), events: world.sim.eventsDispatched };
}

export async function run(): Promise<Figure[]> {
  const basic = scenario('basic-domain');
  for (let i = 0; i < 3; i++) basicRun(basic); // warm-up: the first runs pay for the JIT
  const runs = Array.from({ length: BASIC_RUNS }, () => basicRun(basic));
  const city = spawnCity();
  const total = city.buildMs + city.runMs;
  return [
    {
      name: 'city-scale, 600 s virtual: wall time (build + run)',
      value: total,
      unit: 'ms',
      note: `goal < 5,000 ms; build ${city.buildMs.toFixed(0)} ms, run ${city.runMs.toFixed(0)} ms (${city.runCpuMs.toFixed(0)} ms CPU); ${city.events.toLocaleString('en')} events, ${city.traceEntries.toLocaleString('en')} trace entries`,
    },
    {
      name: 'city-scale, 600 s virtual: events dispatched',
      value: city.events / (city.runMs / 1000),
      unit: 'events/s',
      note: `wall clock of the run; ${Math.round(city.events / (city.runCpuMs / 1000)).toLocaleString('en')} per CPU-second`,
    },
    {
      name: 'city-scale, 600 s virtual: peak heap used',
      value: city.peakHeapMb,
      unit: 'MiB',
      note: 'sampled every virtual second',
    },
    {
      name: 'city-scale, 600 s virtual: peak resident set',
      value: city.maxRssMb,
      unit: 'MiB',
      note: `child process maxRSS; sampled RSS peak ${city.peakRssMb.toFixed(0)} MiB`,
    },
    {
      name: 'city-scale, 600 s virtual: handovers, median latency',
      value: city.medianHandoverMs ?? NaN,
      unit: 'ms',
      note: `${city.handovers.toLocaleString('en')} handovers with downlink traffic after them; signalling ${city.signallingPerMnPerMinute?.toFixed(2) ?? 'n/a'} messages per MN per minute`,
    },
    {
      name: `basic-domain, 60 s virtual: wall time per run (build + run)`,
      value: median(runs.map((r) => r.wallMs)),
      unit: 'ms',
      note: `goal < 50 ms; median of ${BASIC_RUNS} after 3 warm-up runs; min ${Math.min(...runs.map((r) => r.wallMs)).toFixed(1)} ms; CPU median ${median(runs.map((r) => r.cpuMs)).toFixed(1)} ms; ${runs[0].events} events`,
    },
  ];
}

// Child mode: `node --import tsx bench/pmipv6.ts --city-child` prints one JSON line.
if (
  process.argv.includes('--city-child') &&
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  process.stdout.write(`${JSON.stringify(cityRun())}\n`);
}
