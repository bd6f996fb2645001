/**
 * A snapshot of some Session state that follows it exactly while the clock stands still, and at most every
 * `ms` while it plays. For the views that redraw a lot per change (the state tables of a city: thousands of
 * nodes; the metrics) so that playing stays smooth, while stepping, seeking and pausing still show the
 * exact state at once.
 *
 * Call it during component initialisation (it sets up effects).
 */
import { untrack } from 'svelte';

export function throttledWhile<T>(read: () => T, busy: () => boolean, ms: number): { readonly current: T } {
  let current: T = $state.raw(untrack(read));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  $effect(() => {
    const value = read();
    if (!busy()) {
      clear();
      current = value;
      return;
    }
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
