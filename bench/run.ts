/**
 * `npm run bench`: runs every bench/<area>.ts module and prints its figures with the machine they ran on.
 * Figures are printed, not asserted: speed goals live here, not in timed tests.
 */
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Figure } from './figure';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'figure.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown cpu'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<Figure[]> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n${file.replace(/\.ts$/, '')}`);
  for (const f of await mod.run()) {
    const v = f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(2);
    console.log(`  ${f.name.padEnd(58)} ${v.padStart(14)} ${f.unit}${f.note ? `   (${f.note})` : ''}`);
  }
}
