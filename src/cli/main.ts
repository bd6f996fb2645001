/**
 * `npm run sim -- <scenario> [options]` (or `npx tsx src/cli/main.ts ...`): the headless runner on Node,
 * with the reference PMIPv6 agents installed. Everything but the file system, the exit status and that
 * choice lives in run.ts.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { installers } from '../sim/agents';
import { runCli } from './run';
import type { CliIo } from './run';

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readText(path) {
    if (!existsSync(path)) return null;
    if (!statSync(path).isFile()) throw new Error('it is not a file');
    return readFileSync(path, 'utf8');
  },
  writeChunks(path, chunks) {
    const fd = openSync(path, 'w');
    try {
      for (const c of chunks) {
        if (typeof c === 'string') writeSync(fd, c);
        else writeSync(fd, c);
      }
    } finally {
      closeSync(fd);
    }
  },
  wallMs: () => performance.now(),
};

try {
  // The reference PMIPv6 agents run on the scenario's LMA, MAG and MN nodes (src/sim/agents).
  process.exitCode = runCli(process.argv.slice(2), io, installers);
} catch (e) {
  process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
