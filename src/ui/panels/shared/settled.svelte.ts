/**
 * A trace (with the index built from it) for views whose model costs O(trace) to build: the chart's rows
 * and scale, the metrics. While a long run streams in, the Session replaces its trace with every chunk
 * (every few thousand entries); rebuilding a city-scale model for each would keep the page busy the whole
 * time. So the snapshot follows the Session at once for a new run and when the run completes, but while
 * the same run is still growing, at most once per `ms`.
 *
 * The trace and its index are taken together, so a view never pairs ids from one run with another's
 * entries. Call it during component initialisation (it sets up effects).
 */
import { untrack } from 'svelte';
import type { TraceEntry } from '../../../sim/core/trace-types';
import type { TraceIndex } from '../../state/trace-index';

export interface TraceSnapshot {
  readonly trace: readonly TraceEntry[];
  readonly index: TraceIndex;
}

export function settledTrace(
  read: () => TraceSnapshot & { readonly complete: boolean },
  ms: number,
): { readonly current: TraceSnapshot } {
  const take = (): TraceSnapshot => {
    const r = read();
    return { trace: r.trace, index: r.index };
  };
  let current: TraceSnapshot = $state.raw(untrack(take));
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  $effect(() => {
    const next = read();
    const prev = untrack(() => current.trace);
    const trace = next.trace;
    // A different run (its first entry is another object) or the end of this one: show it now.
    const growing = prev.length > 0 && trace.length > prev.length && prev[0] === trace[0];
    if (next.complete || !growing) {
      clear();
      current = { trace, index: next.index };
      return;
    }
    timer ??= setTimeout(() => {
      timer = null;
      current = untrack(take);
    }, ms);
  });
  $effect(() => clear);

  return {
    get current() {
      return current;
    },
  };
}
