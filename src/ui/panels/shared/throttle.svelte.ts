/**
 * A snapshot of some Session state that follows it exactly while the clock stands still, and at most every
 * `ms` while it plays. For the views that redraw a lot per change (the state tables of a city: thousands of
 * nodes; the metrics) so that playing stays smooth, while stepping, seeking and pausing still show the
 * exact state at once. `watch`, if given, stands for `read` while busy: reading it tracks every change
 * that matters, at a fraction of the cost.
 *
 * Call it during component initialisation (it sets up effects).
 */
import { untrack } from 'svelte';

export function throttledWhile<T>(
  read: () => T,
  busy: () => boolean,
  ms: number,
  watch?: () => unknown,
): { readonly current: T } {
  let current: T = $state.raw(untrack(read));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  $effect(() => {
    if (!busy()) {
      clear();
      current = read();
      return;
    }
    // While busy, `watch` (when given) says cheaply that something changed: the value itself may cost a
    // pass over a city's tables, so it is read only when a snapshot is taken.
    if (watch) watch();
    else read();
    timer ??= setTimeout(() => {
      timer = null;
      current = untrack(read);
    }, ms);
  });
  $effect(() => clear);

  return {
    get current() {
      return current;
    },
  };
}
