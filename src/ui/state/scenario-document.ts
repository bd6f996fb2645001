/**
 * What the learner is working on: a scenario as written (`base`, including its own scripted timeline)
 * plus the actions the learner performed in the playground (`user`: drags, keyboard moves), kept apart so
 * that acting after a seek can drop the learner's later actions (the fork) without touching the script.
 *
 * The effective scenario — what the worker runs and what "save" writes — is `base` with the user actions
 * merged into its timeline in time order (DESIGN.md, "User actions are part of the scenario").
 */
import { parseDuration } from '../../sim/core/time';
import type { Micros } from '../../sim/core/time';
import type { Policy, Scenario, TimelineAction } from '../../sim/scenario/types';

export interface ScenarioDocument {
  readonly base: Scenario;
  readonly user: readonly TimelineAction[];
}

/**
 * A scenario in the form it is written and saved: a policy with a static prefix list drops `prefixCount`
 * (the list's length says it, and an edit from "allocate" to a list may leave a stale count behind).
 */
export function writtenForm(s: Scenario): Scenario {
  if (!s.policies.some((p) => p.prefixes !== 'allocate')) return s;
  const policies = s.policies.map((p) => {
    if (p.prefixes === 'allocate') return p;
    const { prefixCount: _implied, ...rest } = p;
    return rest as Policy;
  });
  return { ...s, policies };
}

/** `at` of an action in µs (an unparseable time sorts last; validation reports it). */
export function actionTime(a: TimelineAction): Micros {
  return parseDuration(a.at) ?? Number.MAX_SAFE_INTEGER;
}

/** The time as the scenario format writes it, exact to the microsecond: 12345678 → "12345678us". */
export function durationText(t: Micros): string {
  return `${Math.round(t)}us`;
}

/** Base timeline and user actions merged by time; at equal times the script comes first (stable). */
export function effectiveScenario(doc: ScenarioDocument): Scenario {
  if (doc.user.length === 0) return doc.base;
  const merged = [
    ...doc.base.timeline.map((a, i) => ({ a, i })),
    ...doc.user.map((a, i) => ({ a, i: doc.base.timeline.length + i })),
  ];
  merged.sort((x, y) => actionTime(x.a) - actionTime(y.a) || x.i - y.i);
  return { ...doc.base, timeline: merged.map((m) => m.a) };
}

/**
 * The fork: a user action at time `t` keeps the user actions up to `t` (they happened before) and drops
 * every later one (that future no longer exists), then appends the new action.
 */
export function forkWithAction(
  doc: ScenarioDocument,
  t: Micros,
  action: Omit<TimelineAction, 'at'>,
): ScenarioDocument {
  const kept = doc.user.filter((a) => actionTime(a) <= t);
  return { base: doc.base, user: [...kept, { ...action, at: durationText(t) } as TimelineAction] };
}
