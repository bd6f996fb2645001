/**
 * The reference MAG and LMA can be swapped at run time (issue 3): read the agent's source text, strip its
 * types with sucrase, load it as a standalone module, run the basic scenario with it, and get a trace
 * identical to the built-in run. The learner's editor depends on exactly this path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAgentModule } from '../../src/sim/agents/loader';
import type { LmaAgent, MagAgent } from '../../src/sim/agents/api';
import { build, builtinDoc } from './helpers';

const source = (path: string) =>
  readFileSync(new URL(`../../src/sim/agents/${path}`, import.meta.url), 'utf8');

function runBasic(opts: Parameters<typeof build>[1] = {}): string {
  const { world } = build(builtinDoc('basic-domain'), opts);
  world.sim.runUntil(world.duration);
  return world.sim.trace.toJsonLines();
}

describe('swapping the reference agents for loaded source text', () => {
  const builtIn = runBasic();

  it('the built-in run registers, pings and hands over (so the comparison is not vacuous)', () => {
    expect(builtIn).toContain('"tag":"pba-accepted"');
    expect(builtIn).toContain('"label":"PBU dereg seq=');
    expect(builtIn.match(/"event":"reply"/g)?.length).toBeGreaterThan(50);
  });

  it('a MAG loaded from mag.agent.ts gives a byte-identical trace', async () => {
    const mag = (await loadAgentModule(source('mag/mag.agent.ts'))) as MagAgent;
    expect(runBasic({ mag })).toBe(builtIn);
  });

  it('an LMA loaded from lma.agent.ts gives a byte-identical trace', async () => {
    const lma = (await loadAgentModule(source('lma/lma.agent.ts'))) as LmaAgent;
    expect(runBasic({ lma })).toBe(builtIn);
  });

  it('a changed MAG gives a different trace (the loaded module really runs)', async () => {
    const text = source('mag/mag.agent.ts').replace('  onDetach,\n', '');
    expect(text).not.toBe(source('mag/mag.agent.ts'));
    const mag = (await loadAgentModule(text)) as MagAgent;
    const edited = runBasic({ mag });
    expect(edited).not.toBe(builtIn);
    expect(edited).not.toContain('"tag":"mag-deregister"');
  });

  it('a learner MAG that throws is reported at its line and the run goes on', async () => {
    const text = source('mag/mag.agent.ts').replace(
      'function onAttach(ctx: Ctx, e: AttachEvent): void {',
      "function onAttach(ctx: Ctx, e: AttachEvent): void {\n  if (e.mn === 'mn1') throw new Error('boom');",
    );
    const line = text.split('\n').findIndex((l) => l.includes("throw new Error('boom')")) + 1;
    const mag = (await loadAgentModule(text)) as MagAgent;
    const { world } = build(builtinDoc('basic-domain'), { mag });
    world.sim.runUntil(world.duration);
    const errors = world.sim.trace.entries.filter((e) => e.kind === 'error');
    expect(errors.length).toBe(2); // mag1 at 50 ms, mag2 after the move at 30 s
    expect(errors[0]).toMatchObject({ node: 'mag1', message: 'onAttach: Error: boom', line });
    expect(world.sim.now).toBe(world.duration);
  });
});
