/**
 * Scenario figures: how fast a scenario validates and builds (the UI re-validates on every edit and
 * rebuilds on every seek), and how fast the trace folds into a summary and tables.
 */
import type { Figure } from './figure';
import { summarize, tablesAt } from '../src/sim/analysis';
import { buildScenario, builtinScenario, runScenario, validateScenario } from '../src/sim/scenario';

function timeIt(fn: () => void, minMs = 500): { perSecond: number; msEach: number } {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    n++;
  }
  const ms = performance.now() - start;
  return { perSecond: (n * 1000) / ms, msEach: ms / n };
}

function valid(id: string) {
  const r = validateScenario(builtinScenario(id));
  if (!r.ok) throw new Error(`${id} is invalid`);
  return r.scenario;
}

export async function run(): Promise<Figure[]> {
  const small = builtinScenario('ping-across-routers');
  const city = builtinScenario('city-scale');
  const pingRun = runScenario(valid('ping-across-routers'));
  const cityScenario = valid('city-scale');
  const entries = pingRun.sim.trace.entries;
  return [
    {
      name: 'validate ping-across-routers',
      value: timeIt(() => validateScenario(small)).perSecond,
      unit: 'scenarios/s',
    },
    {
      name: 'validate city-scale (2000 MNs)',
      value: timeIt(() => validateScenario(city), 2000).msEach,
      unit: 'ms',
    },
    {
      name: 'build city-scale without agents (routes included)',
      value: timeIt(() => buildScenario(cityScenario), 2000).msEach,
      unit: 'ms',
    },
    {
      name: `summarize a trace (${entries.length} entries)`,
      value: (entries.length * timeIt(() => summarize(entries)).perSecond) / 1e6,
      unit: 'M entries/s',
    },
    {
      name: `tablesAt the end of that trace`,
      value: (entries.length * timeIt(() => tablesAt(entries, entries.length - 1)).perSecond) / 1e6,
      unit: 'M entries/s',
    },
  ];
}
