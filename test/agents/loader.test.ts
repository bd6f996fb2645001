import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AgentLoadError, loadAgentModule, stripTypes } from '../../src/sim/agents/loader';

const MAG_SOURCE = readFileSync(new URL('../../src/sim/agents/mag/mag.agent.ts', import.meta.url), 'utf8');

describe('loadAgentModule', () => {
  it('strips types with sucrase and keeps every line where it was', async () => {
    const code = await stripTypes(MAG_SOURCE);
    expect(code.split('\n').length).toBe(MAG_SOURCE.split('\n').length);
    expect(code).not.toMatch(/^import /m);
    expect(code).toContain('function onAttach(ctx, e)');
  });

  it('loads the reference MAG from its text as a standalone module', async () => {
    const m = await loadAgentModule(MAG_SOURCE);
    expect(m.role).toBe('mag');
    expect(m.name).toBe('Reference MAG (RFC 5213 §6)');
    expect(typeof (m as { onAttach?: unknown }).onAttach).toBe('function');
  });

  it('rejects a run-time import with the line of the import', async () => {
    const src =
      "// agent\nimport { x } from './helpers';\nexport default { role: 'mag', name: 'm', init: () => x };\n";
    await expect(loadAgentModule(src)).rejects.toMatchObject({ name: 'AgentLoadError', line: 2 });
  });

  it('reports a syntax error with its line and column', async () => {
    const src = "export default {\n  role: 'mag',\n  name: 'broken',\n  init() { return ; ) },\n};\n";
    const err = await loadAgentModule(src).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentLoadError);
    expect((err as AgentLoadError).line).toBe(4);
  });

  it('rejects a default export that is not an agent module', async () => {
    await expect(loadAgentModule("export default { role: 'router', name: 'x', init() {} };")).rejects.toThrow(
      "role must be 'mag' or 'lma'",
    );
    await expect(loadAgentModule("export default { role: 'lma', name: 'x' };")).rejects.toThrow('init(ctx)');
    await expect(
      loadAgentModule("export default { role: 'lma', name: 'x', init() {}, onTimer: 3 };"),
    ).rejects.toThrow('onTimer must be a function');
  });
});
