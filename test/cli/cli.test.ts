/**
 * The headless runner, spawned as a user runs it (`npx tsx src/cli/main.ts ...`), plus in-process runs of
 * runCli for the paths that need no process (a failing simulation, --errors).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/sim/core/trace';
import { readPcap } from '../../src/sim/wire/pcap';
import { readPcapng } from '../../src/sim/wire/pcapng';
import { runCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/run';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pmip-cli-'));

function sim(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    errLines: r.stderr.split('\n').filter((l) => l !== ''),
  };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run sim (spawned)', () => {
  it('runs a built-in scenario: exit 0 and a summary', () => {
    const r = sim('ping-across-routers', '--until', '10s');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Ping across routers (seed 7)');
    expect(lines[1]).toMatch(
      /^ran 10\.000 s of virtual time in \d+ ms of wall time: \d+ events, \d+ trace entries$/,
    );
    expect(r.stdout).toContain('\n  ping req   ');
    expect(r.stdout).toMatch(
      /ping ping-cn1-host1: 10 sent, \d+ replies, \d+ timeouts \(.*loss\).*, rtt min\/avg\/max\/mdev = 26\.210\/26\.210\/26\.210\/0\.000 ms/,
    );
  });

  it('writes a pcapng of every link, a trace and the final state', () => {
    const pcap = join(dir, 'run.pcapng');
    const trace = join(dir, 'run.jsonl');
    const state = join(dir, 'state.json');
    const r = sim(
      'ping-across-routers',
      '--until=5s',
      '--seed',
      '3',
      '--pcap',
      pcap,
      '--trace',
      trace,
      '--state',
      state,
    );
    expect(r.status).toBe(0);
    const entries = Trace.parseJsonLines(readFileSync(trace, 'utf8'));
    const txs = entries.filter((e) => e.kind === 'tx');
    const f = readPcapng(new Uint8Array(readFileSync(pcap)));
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.value.interfaces.map((i) => i.name)).toEqual(['cn1-r1', 'r1-r2', 'r2-r3', 'r3-r4', 'r4-host1']);
    expect(f.value.packets.length).toBe(txs.length);
    const first = txs[0];
    expect(first.kind === 'tx' && f.value.packets[0].comment).toBe(
      first.kind === 'tx' ? `trace #${first.id}: cn1 → r1, ping req seq=1 (pid ${first.pid})` : '',
    );
    expect(f.value.packets[0].bytes).toEqual(first.kind === 'tx' ? first.bytes : null);
    expect(f.value.packets[0].timestamp).toBe(1704067200 * 1e6 + 1_000_000);
    const s = JSON.parse(readFileSync(state, 'utf8'));
    expect(s.t).toBe(5_000_000);
    expect(s.tables.host1.routes['::/0 dev eth0']).toEqual({
      prefix: '::/0',
      iface: 'eth0',
      via: '2001:db8:b::1',
      metric: 0,
    });
  });

  it('writes a classic pcap of one link with --pcap-link', () => {
    const pcap = join(dir, 'r3-r4.pcap');
    const trace = join(dir, 'r3-r4.jsonl');
    expect(
      sim('ping-across-routers', '--until', '5s', '--pcap', pcap, '--pcap-link', 'r3-r4', '--trace', trace)
        .status,
    ).toBe(0);
    const f = readPcap(new Uint8Array(readFileSync(pcap)));
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    const onLink = Trace.parseJsonLines(readFileSync(trace, 'utf8')).filter(
      (e) => e.kind === 'tx' && e.link === 'r3-r4',
    );
    expect(f.value.linkType).toBe(101);
    expect(f.value.records.map((p) => p.bytes)).toEqual(
      onLink.map((e) => (e.kind === 'tx' ? e.bytes : null)),
    );
  });

  it('an invalid scenario: exit 2 and one line naming the place', () => {
    const nodes = [
      { id: 'h1', kind: 'host', addresses: { eth0: ['2001:db8::zz/64'] } },
      { id: 'h2', kind: 'host' },
    ];
    const bad = file(
      'bad.json',
      JSON.stringify({ formatVersion: 1, nodes, links: [{ a: 'h1:eth0', b: 'h2:eth0' }] }),
    );
    const r = sim(bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.errLines).toEqual([`${bad}: nodes[0].addresses.eth0[0]: "2001:db8::zz" is not an IPv6 address`]);
  });

  it('a JSON syntax error: exit 2, file:line:column', () => {
    const bad = file('syntax.json', '{\n  "formatVersion": 1,\n}\n');
    const r = sim(bad);
    expect(r.status).toBe(2);
    expect(r.errLines).toEqual([
      `${bad}:3:1: JSON syntax: a comma before "}"; JSON allows no trailing comma`,
    ]);
  });

  it('a bad flag: exit 2 and one line', () => {
    const r = sim('ping-across-routers', '--pcapp', 'x');
    expect(r.status).toBe(2);
    expect(r.errLines).toEqual(['unknown option "--pcapp"; did you mean "--pcap"?']);
  });

  it('--help: exit 0 and the usage', () => {
    const r = sim('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: npm run sim -- <scenario.json | built-in name>');
  });
});

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (p) => files[p] ?? null,
    writeChunks: (p, chunks) => {
      written[p] = [...chunks].map((c) => (typeof c === 'string' ? c : `<${c.length} bytes>`)).join('');
    },
    wallMs: () => 0,
  };
  return { io, out, err, written };
}

describe('runCli (in process)', () => {
  const cases: [string[], string][] = [
    [
      [],
      'no scenario given; usage: npm run sim -- <scenario.json | built-in name> [--until 60s] [--seed N] [--pcap out.pcapng [--pcap-link A-B]] [--trace out.jsonl] [--state out.json] [--errors]',
    ],
    [['x', 'y'], 'one scenario at a time, got 2: x y'],
    [['ping-across-routers', '--until'], '--until needs a value, e.g. --until 60s'],
    [
      ['ping-across-routers', '--until', '60'],
      '--until: "60" is not a duration; write e.g. 60s, 1.5min or 500ms',
    ],
    [['ping-across-routers', '--seed', '-1'], '--seed: "-1" is not a whole number from 0 to 4294967295'],
    [['ping-across-routers', '--seed', '1', '--seed', '2'], '--seed is given twice'],
    [
      ['ping-across-routers', '--pcap-link', 'r1-r2'],
      '--pcap-link needs --pcap <file> to write to, e.g. --pcap r1-r2.pcap --pcap-link r1-r2',
    ],
    [
      ['ping-across-routers', '--pcap', 'x', '--pcap-link', 'r1-r3'],
      '--pcap-link: no link "r1-r3"; did you mean "r1-r2"?',
    ],
    [
      ['ping-accross-routers'],
      'ping-accross-routers: no such file, and no built-in scenario "ping-accross-routers"; did you mean "ping-across-routers"?',
    ],
  ];
  for (const [argv, line] of cases) {
    it(`${argv.join(' ') || '(nothing)'} → exit 2`, () => {
      const { io, out, err } = fakeIo();
      expect(runCli(argv, io)).toBe(2);
      expect(err).toEqual([line]);
      expect(out).toEqual([]);
    });
  }

  it('--errors lists every problem, one per line; without it, the first and a count', () => {
    const doc = JSON.stringify({ formatVersion: 1, seed: 'x', nodes: [{ id: 'h', kind: 'hots' }] });
    const a = fakeIo({ 's.json': doc });
    expect(runCli(['s.json'], a.io)).toBe(2);
    expect(a.err).toEqual([
      's.json: seed: must be a whole number, not text (and 1 more; --errors lists them all)',
    ]);
    const b = fakeIo({ 's.json': doc });
    expect(runCli(['s.json', '--errors'], b.io)).toBe(2);
    expect(b.err).toEqual([
      's.json: seed: must be a whole number, not text\ns.json: nodes[0].kind: "hots" is not a node kind; did you mean "host"?',
    ]);
  });

  it('a simulation that throws: exit 1 and one line with the time', () => {
    const { io, err } = fakeIo();
    const boom = {
      router: (w: any) =>
        w.sim.schedule(2_500_000, () => {
          throw new Error('agent bug');
        }),
    };
    expect(runCli(['ping-across-routers'], io, boom)).toBe(1);
    expect(err).toEqual(['ping-across-routers: the simulation failed at 2.500 s: agent bug']);
  });

  it('a file that cannot be written: exit 2', () => {
    const { io, err } = fakeIo();
    io.writeChunks = () => {
      throw new Error('EACCES: permission denied');
    };
    expect(runCli(['ping-across-routers', '--until', '1s', '--trace', '/x.jsonl'], io)).toBe(2);
    expect(err).toEqual(['--trace: cannot write /x.jsonl: EACCES: permission denied']);
  });

  it('writes the trace in chunks that join into the whole trace', () => {
    const { io, written } = fakeIo();
    expect(runCli(['ping-across-routers', '--trace', 't.jsonl'], io)).toBe(0);
    const entries = Trace.parseJsonLines(written['t.jsonl']);
    expect(entries.length).toBe(482);
    expect(entries.map((e) => e.id)).toEqual(entries.map((_, i) => i));
  });
});
