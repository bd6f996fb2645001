/**
 * The headless runner, independent of Node so that it can be tested in-process: scenario in (a file or a
 * built-in), a run, then the summary and the requested outputs (pcap, trace, state). Node's file system
 * and clock come in through `CliIo` (main.ts).
 */
import { pingStats, summarize, tablesAt, tablesToJson, udpStats } from '../sim/analysis';
import { formatTime } from '../sim/core/time';
import type { LoadResult, Scenario, World } from '../sim/scenario';
import {
  BUILTIN_SCENARIOS,
  buildScenario,
  builtinScenario,
  formatErrors,
  loadScenario,
  validateScenario,
} from '../sim/scenario';
import type { Installers } from '../sim/scenario';
import { unknownId } from '../sim/scenario/catalog';
import { HELP, parseArgs } from './args';
import type { CliOptions } from './args';
import { captureLinks, pcapOfLink, pcapngOfRun } from './capture';
import { figureLines } from './figures';
import { formatReport } from './report';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The file's text, or null when there is no such file. Throws on other read errors. */
  readText(path: string): string | null;
  /** Writes the chunks, in order, to a new file. Throws on failure. */
  writeChunks(path: string, chunks: Iterable<string | Uint8Array>): void;
  /** Wall-clock milliseconds, for the "wall time" line only. */
  wallMs(): number;
}

/** Exit statuses. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The scenario named on the command line: a file if there is one, else a built-in. */
function loadNamed(io: CliIo, name: string, allErrors: boolean): Scenario {
  let text: string | null;
  try {
    text = io.readText(name);
  } catch (e) {
    throw new UsageError(`${name}: cannot read it: ${message(e)}`);
  }
  let result: LoadResult;
  if (text !== null) result = loadScenario(text);
  else {
    const doc = builtinScenario(name);
    const ids = BUILTIN_SCENARIOS.map((b) => b.id);
    if (doc === undefined)
      throw new UsageError(`${name}: no such file, and ${unknownId('built-in scenario', name, ids)}`);
    result = validateScenario(doc);
  }
  if (result.ok) return result.scenario;
  const lines = formatErrors(result.errors, name);
  if (allErrors) throw new UsageError(lines.join('\n'));
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more; --errors lists them all)` : '';
  throw new UsageError(`${lines[0]}${more}`);
}

function checkPcapLink(o: CliOptions, s: Scenario): void {
  // Access links (acc:<mag>:<mn>:<iface>) appear only while an MN is attached; they are checked after the run.
  if (o.pcapLink === undefined || o.pcapLink.startsWith('acc:') || s.links.some((l) => l.id === o.pcapLink))
    return;
  throw new UsageError(
    `--pcap-link: ${unknownId(
      'link',
      o.pcapLink,
      s.links.map((l) => l.id),
    )}`,
  );
}

function* traceChunks(w: World): Iterable<string> {
  const n = w.sim.trace.length;
  for (let from = 0; from < n; from += 10_000)
    yield w.sim.trace.toJsonLines(from, Math.min(n, from + 10_000));
}

function write(io: CliIo, flag: string, path: string, chunks: Iterable<string | Uint8Array>): void {
  try {
    io.writeChunks(path, chunks);
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${path}: ${message(e)}`);
  }
}

function writeOutputs(io: CliIo, o: CliOptions, w: World): void {
  const entries = w.sim.trace.entries;
  if (o.pcap !== undefined && o.pcapLink !== undefined) {
    if (!entries.some((e) => e.kind === 'tx' && e.link === o.pcapLink) && o.pcapLink.startsWith('acc:')) {
      throw new UsageError(`--pcap-link: access link "${o.pcapLink}" carried no packet in this run`);
    }
    write(io, '--pcap', o.pcap, [pcapOfLink(entries, o.pcapLink)]);
  } else if (o.pcap !== undefined) {
    write(io, '--pcap', o.pcap, [
      pcapngOfRun(
        entries,
        captureLinks(
          entries,
          w.scenario.links.map((l) => l.id),
        ),
      ),
    ]);
  }
  if (o.trace !== undefined) write(io, '--trace', o.trace, traceChunks(w));
  if (o.state !== undefined) {
    const state = { t: w.sim.now, tables: tablesToJson(tablesAt(entries, entries.length - 1)) };
    write(io, '--state', o.state, [`${JSON.stringify(state, null, 2)}\n`]);
  }
}

function runParsed(io: CliIo, o: CliOptions, installers: Installers | undefined): number {
  const scenario = loadNamed(io, o.scenario, o.allErrors);
  checkPcapLink(o, scenario);
  const started = io.wallMs();
  let world: World | undefined;
  try {
    world = buildScenario(scenario, {
      ...(installers ? { installers } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
    });
    world.sim.runUntil(o.until ?? world.duration);
  } catch (e) {
    const at = world ? ` at ${formatTime(world.sim.now)}` : ' while building it';
    io.err(`${o.scenario}: the simulation failed${at}: ${message(e)}`);
    return EXIT_FAILED;
  }
  const wallMs = io.wallMs() - started;
  writeOutputs(io, o, world);
  const entries = world.sim.trace.entries;
  const facts = {
    title: scenario.name,
    seed: world.sim.seed,
    virtual: world.sim.now,
    wallMs,
    events: world.sim.eventsDispatched,
  };
  io.out(
    [
      formatReport(facts, summarize(entries), pingStats(entries), udpStats(entries)),
      ...figureLines(entries, world.sim.now),
    ].join('\n'),
  );
  return EXIT_OK;
}

/** Runs the CLI; returns the exit status. `installers` plug in the protocol agents. */
export function runCli(argv: readonly string[], io: CliIo, installers?: Installers): number {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err(args.error);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  try {
    return runParsed(io, args.options, installers);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(e.message);
    return EXIT_USAGE;
  }
}
