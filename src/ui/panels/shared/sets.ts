/** Immutable set updates for view state that is replaced, never mutated (so Svelte sees the change). */

/** A copy of `s` with `v` added when absent, removed when present. */
export function toggled<T>(s: ReadonlySet<T>, v: T): Set<T> {
  const next = new Set(s);
  if (next.has(v)) next.delete(v);
  else next.add(v);
  return next;
}

/** A copy of `s` with every one of `vs` in it. */
export function withAll<T>(s: ReadonlySet<T>, vs: Iterable<T>): Set<T> {
  const next = new Set(s);
  for (const v of vs) next.add(v);
  return next;
}
