/**
 * Calling agent handlers safely. An agent file may be learner code: an exception it throws is caught,
 * recorded as a trace 'error' entry with the line and column in the agent source when the stack shows
 * them, and the run goes on with that event skipped (DESIGN.md, "Agents and the learner's editor").
 */
import type { Simulator } from '../../core/simulator';

/** Where a stack frame points into the agent source: a data:/blob: module URL or an `*.agent.ts`/`.js` file. */
const AGENT_FRAME = /(?:data:text\/javascript[^)\s]*?|blob:[^)\s]*?|[^()\s]*\.agent\.[jt]s):(\d+):(\d+)/;

export function errorLocation(err: unknown): { line?: number; column?: number } {
  const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
  const m = AGENT_FRAME.exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : {};
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return `thrown value: ${String(err)}`;
}

/** Runs `fn` (one handler call); a throw becomes a trace 'error' at `node` naming the handler. */
export function invokeAgent<T>(sim: Simulator, node: string, handler: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    sim.record({ kind: 'error', node, message: `${handler}: ${errorMessage(err)}`, ...errorLocation(err) });
    return undefined;
  }
}
