/**
 * Command-line arguments of the headless runner:
 *   npm run sim -- <scenario.json | built-in> [--until 60s] [--seed N] [--pcap out.pcapng]
 *                  [--pcap-link A-B] [--trace out.jsonl] [--state out.json] [--errors] [--help]
 * `--flag value` and `--flag=value` both work. Errors are one line, naming the flag and the fix.
 */
import { nearest } from '../sim/scenario/suggest';
import { parseDurationText } from '../sim/scenario/units';
import type { Micros } from '../sim/core/time';

export interface CliOptions {
  readonly scenario: string;
  readonly until?: Micros;
  readonly seed?: number;
  readonly pcap?: string;
  readonly pcapLink?: string;
  readonly trace?: string;
  readonly state?: string;
  /** List every validation error instead of the first. */
  readonly allErrors: boolean;
}

export type ParsedArgs =
  | { readonly help: true }
  | { readonly help: false; readonly options: CliOptions }
  | { readonly error: string };

const VALUE_FLAGS = ['--until', '--seed', '--pcap', '--pcap-link', '--trace', '--state'] as const;
const SWITCHES = ['--help', '-h', '--errors'] as const;
const EXAMPLES: Record<(typeof VALUE_FLAGS)[number], string> = {
  '--until': '--until 60s',
  '--seed': '--seed 7',
  '--pcap': '--pcap out.pcapng',
  '--pcap-link': '--pcap-link r1-r2',
  '--trace': '--trace out.jsonl',
  '--state': '--state out.json',
};

export const USAGE =
  'usage: npm run sim -- <scenario.json | built-in name> [--until 60s] [--seed N] [--pcap out.pcapng [--pcap-link A-B]] [--trace out.jsonl] [--state out.json] [--errors]';

type Raw = Partial<Record<(typeof VALUE_FLAGS)[number], string>>;

function readValue(
  flag: (typeof VALUE_FLAGS)[number],
  value: string | undefined,
): string | { error: string } {
  if (value === undefined || value === '' || (value.startsWith('--') && value.length > 2)) {
    return { error: `${flag} needs a value, e.g. ${EXAMPLES[flag]}` };
  }
  return value;
}

function unknownFlag(arg: string): string {
  const name = arg.split('=')[0];
  const near = nearest(name, [...VALUE_FLAGS, ...SWITCHES]);
  return `unknown option "${name}"${near ? `; did you mean "${near}"?` : `; ${USAGE}`}`;
}

/** Parses argv (without node and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const raw: Raw = {};
  const positional: string[] = [];
  let allErrors = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--errors') {
      allErrors = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = (eq >= 0 ? arg.slice(0, eq) : arg) as (typeof VALUE_FLAGS)[number];
    if (!VALUE_FLAGS.includes(flag)) return { error: unknownFlag(arg) };
    const value = readValue(flag, eq >= 0 ? arg.slice(eq + 1) : argv[++i]);
    if (typeof value !== 'string') return value;
    if (raw[flag] !== undefined) return { error: `${flag} is given twice` };
    raw[flag] = value;
  }
  // Values first: "--until 5 x.json" should complain about "5", not about a missing scenario.
  const checked = checkValues(positional[0] ?? '', raw, allErrors);
  if ('error' in checked) return checked;
  if (positional.length === 0) return { error: `no scenario given; ${USAGE}` };
  if (positional.length > 1)
    return { error: `one scenario at a time, got ${positional.length}: ${positional.join(' ')}` };
  return checked;
}

function checkValues(scenario: string, raw: Raw, allErrors: boolean): ParsedArgs {
  const out: { -readonly [K in keyof CliOptions]: CliOptions[K] } = { scenario, allErrors };
  if (raw['--until'] !== undefined) {
    const until = parseDurationText(raw['--until']);
    if (until === null)
      return { error: `--until: "${raw['--until']}" is not a duration; write e.g. 60s, 1.5min or 500ms` };
    out.until = until;
  }
  if (raw['--seed'] !== undefined) {
    const seed = /^\d{1,10}$/.test(raw['--seed']) ? Number(raw['--seed']) : NaN;
    if (!(seed <= 0xffffffff))
      return { error: `--seed: "${raw['--seed']}" is not a whole number from 0 to 4294967295` };
    out.seed = seed;
  }
  if (raw['--pcap-link'] !== undefined && raw['--pcap'] === undefined) {
    return { error: '--pcap-link needs --pcap <file> to write to, e.g. --pcap r1-r2.pcap --pcap-link r1-r2' };
  }
  if (raw['--pcap'] !== undefined) out.pcap = raw['--pcap'];
  if (raw['--pcap-link'] !== undefined) out.pcapLink = raw['--pcap-link'];
  if (raw['--trace'] !== undefined) out.trace = raw['--trace'];
  if (raw['--state'] !== undefined) out.state = raw['--state'];
  return { help: false, options: out };
}

export const HELP = `Runs a PMIPv6 Playground scenario headlessly and prints a summary.

${USAGE}

  <scenario>          a scenario file (docs/scenario-format.md) or a built-in scenario's name
  --until <duration>  run to this virtual time (default: the scenario's duration), e.g. 60s, 2min
  --seed <N>          override the scenario's seed (0 to 4294967295)
  --pcap <file>       write every packet put on a link: pcapng with one interface per link, each
                      packet commented with its trace entry id
  --pcap-link <id>    with --pcap: write only that link (e.g. r1-r2), as a classic pcap
  --trace <file>      write the trace as JSON lines (docs/trace-format.md)
  --state <file>      write every node's tables at the end of the run as JSON
  --errors            list every problem of an invalid scenario (default: the first)
  --help              this text

Exit status: 0 after a run; 2 for a bad option or an invalid scenario (one line on stderr); 1 if the
simulation itself failed.`;
