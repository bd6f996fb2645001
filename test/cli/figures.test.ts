/**
 * The runner's PMIPv6 figures (src/cli/figures.ts): handover latency and its parts, packets lost per
 * handover, signalling per MN per minute and binding cache size, on the basic domain whose delays are
 * known (access attach 50 ms, access link 1 ms, every backhaul hop 2 ms, CN side 5 ms per hop).
 */
import { describe, expect, it } from 'vitest';
import { cacheFigures, figureLines, spread } from '../../src/cli/figures';
import { runCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/run';
import { installers } from '../../src/sim/agents';
import { SECOND } from '../../src/sim/core/time';
import { buildScenario, builtinScenario, validateScenario } from '../../src/sim/scenario';

function basicDomainTrace(until = 60 * SECOND) {
  const loaded = validateScenario(builtinScenario('basic-domain'));
  if (!loaded.ok) throw new Error('basic-domain is invalid');
  const world = buildScenario(loaded.scenario, { installers });
  world.sim.runUntil(until);
  return { entries: world.sim.trace.entries, end: world.sim.now };
}

describe('runner figures — issue 3', () => {
  it('basic domain: one handover, split into its parts, with the packets it lost; signalling and binding cache', () => {
    const { entries, end } = basicDomainTrace();
    expect(figureLines(entries, end)).toEqual([
      'handovers: 1; min/avg/max',
      // mn1 leaves mag1 at 30 s; the next ping leaves the CN at 31 s and needs 15 ms to reach it.
      '    latency, detach → first downlink packet  1015.000/1015.000/1015.000 ms',
      '      attach (detach → link-layer attach)    50.000/50.000/50.000 ms',
      '      MAG reaction (attach → PBU sent)       0.000/0.000/0.000 ms',
      // mag2 → r2 → lma1 and back: four 2 ms hops.
      '      PBU/PBA round trip                     8.000/8.000/8.000 ms',
      '      RA (PBA → RA at the MN)                1.000/1.000/1.000 ms',
      // The ping sent at 30 s meets the de-registered binding at the LMA (RFC 5213 §5.3.5).
      '    packets lost per handover                1/1/1, 1 in all',
      // PBU + PBA at attach, de-registration + PBA, PBU + PBA at mag2: six 128-octet packets.
      'signalling: 6 messages, 768 octets in 60.000 s; per MN per minute: 6.00 messages, 768.0 octets (1 MN)',
      'binding cache lma1: min 1 / max 1 / final 1 entries from its first at 0.054 s; time-weighted mean 1.0',
    ]);
  });

  it('before the handover there is none to report, but signalling and the cache are', () => {
    const { entries, end } = basicDomainTrace(20 * SECOND);
    expect(figureLines(entries, end)).toEqual([
      'signalling: 2 messages, 256 octets in 20.000 s; per MN per minute: 6.00 messages, 768.0 octets (1 MN)',
      'binding cache lma1: min 1 / max 1 / final 1 entries from its first at 0.054 s; time-weighted mean 1.0',
    ]);
  });

  it('a run without PMIPv6 prints no figures', () => {
    const loaded = validateScenario(builtinScenario('ping-across-routers'));
    if (!loaded.ok) throw new Error('invalid');
    const world = buildScenario(loaded.scenario, { installers });
    world.sim.runUntil(10 * SECOND);
    expect(figureLines(world.sim.trace.entries, world.sim.now)).toEqual([]);
  });

  it('the CLI prints the figures after its summary', () => {
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => undefined,
      readText: () => null,
      writeChunks: () => undefined,
      wallMs: () => 0,
    };
    expect(runCli(['basic-domain', '--until', '40s'], io, installers)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('\nhandovers: 1; min/avg/max\n');
    expect(text).toContain('\n      PBU/PBA round trip                     8.000/8.000/8.000 ms\n');
    expect(text.endsWith('time-weighted mean 1.0')).toBe(true);
  });

  it('cacheFigures: min, max and final from the first entry on, and the time-weighted mean', () => {
    const series = {
      node: 'lma1',
      points: [
        { t: 10, size: 1, id: 1 },
        { t: 20, size: 3, id: 2 },
        { t: 60, size: 2, id: 3 },
      ],
    };
    // 1 for 10 µs, 3 for 40 µs, 2 for 40 µs: (10 + 120 + 80) / 90.
    expect(cacheFigures(series, 100)).toEqual({
      node: 'lma1',
      since: 10,
      min: 1,
      max: 3,
      final: 2,
      mean: 210 / 90,
    });
    expect(cacheFigures({ node: 'lma1', points: [] }, 100)).toBeNull();
  });

  it('spread ignores unknown values', () => {
    expect(spread([3, null, 1, 2])).toEqual({ n: 3, min: 1, avg: 2, max: 3 });
    expect(spread([null])).toBeNull();
  });
});
