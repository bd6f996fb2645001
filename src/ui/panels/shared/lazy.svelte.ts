/**
 * A module loaded on demand, so it stays out of the page's first download (250 KB budget): the packet
 * decoder, the metrics and the chart's MN filter each pull in the whole Mobility Header codec. Loading
 * starts when the browser is idle after the panel mounts, or at once when `need()` is called; `value` is
 * null until it has arrived (then reactive readers update).
 *
 * Call it during component initialisation.
 */
export interface Lazy<T> {
  readonly value: T | null;
  /** Start loading now (idempotent). */
  need(): void;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let value: T | null = $state.raw(null);
  let started = false;
  const need = () => {
    if (started) return;
    started = true;
    void load().then((m) => (value = m));
  };
  $effect(() => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    const handle = idle ? idle(need) : setTimeout(need, 200);
    return () => {
      if (!idle) clearTimeout(handle as ReturnType<typeof setTimeout>);
    };
  });
  return {
    get value() {
      return value;
    },
    need,
  };
}
