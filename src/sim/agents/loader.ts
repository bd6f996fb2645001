/**
 * Loading an agent module from its source text (the learner's edited MAG or LMA): sucrase strips the
 * TypeScript types — and nothing else, so line numbers stay those of the source and an error's line points
 * at the learner's code — then the code is imported as a standalone ES module from a data: URL. That is
 * why an agent file may only `import type`: at run time it has nothing to import from.
 *
 * The loaded default export is checked for the module shape of api.ts before it is handed out.
 */
import type { AgentModule } from './api';

/** Thrown when the text does not compile or does not export an agent module; `line` points into the source. */
export class AgentLoadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'AgentLoadError';
  }
}

/**
 * TypeScript → JavaScript with types removed only (no ES transforms, imports kept as written). Sucrase is
 * imported on first use, so that running scenarios never loads it.
 */
export async function stripTypes(source: string): Promise<string> {
  const { transform } = await import('sucrase');
  try {
    return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    throw new AgentLoadError(
      `cannot compile the agent: ${(err as Error).message}`,
      loc?.line,
      loc !== undefined ? loc.column + 1 : undefined,
    );
  }
}

/** The shape check of api.ts MagAgent / LmaAgent. */
export function checkAgentModule(value: unknown): AgentModule {
  if (typeof value !== 'object' || value === null)
    throw new AgentLoadError('the agent file must `export default` an object with role, name and handlers');
  const m = value as Record<string, unknown>;
  if (m.role !== 'mag' && m.role !== 'lma')
    throw new AgentLoadError(`the agent's role must be 'mag' or 'lma', not ${JSON.stringify(m.role)}`);
  if (typeof m.name !== 'string') throw new AgentLoadError('the agent needs a name (a string)');
  if (typeof m.init !== 'function')
    throw new AgentLoadError('the agent needs an init(ctx) function that returns its state');
  const handlers =
    m.role === 'mag' ? ['onAttach', 'onDetach', 'onMessage', 'onTimer'] : ['onMessage', 'onTimer'];
  for (const h of handlers) {
    if (m[h] !== undefined && typeof m[h] !== 'function') throw new AgentLoadError(`${h} must be a function`);
  }
  return value as AgentModule;
}

/** An `import` statement that survives type stripping would fail in a standalone module: say so early. */
function checkNoRuntimeImports(code: string): void {
  const m = /^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/m.exec(code);
  if (m) {
    const line = code.slice(0, m.index + m[0].length - m[0].trimStart().length).split('\n').length;
    throw new AgentLoadError(
      `the agent imports "${m[1]}" at run time; an agent file may only \`import type\` (everything else comes from ctx)`,
      line,
    );
  }
}

/**
 * Compiles and loads an agent module. In the browser worker and in Node (vitest, the CLI) alike the code
 * is imported from a data: URL, so it runs with no access to the project's other modules.
 */
export async function loadAgentModule(source: string): Promise<AgentModule> {
  const code = await stripTypes(source);
  checkNoRuntimeImports(code);
  // Parentheses escaped too, so that a stack frame "(data:…:line:col)" can be told apart (invoke.ts).
  const url = `data:text/javascript;charset=utf-8,${encodeURIComponent(code).replace(/[()'!*~]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`;
  let mod: { default?: unknown };
  try {
    mod = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  } catch (err) {
    throw new AgentLoadError(`cannot load the agent: ${(err as Error).message}`);
  }
  return checkAgentModule(mod.default);
}
