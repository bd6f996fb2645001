/**
 * The reference Local Mobility Anchor — RFC 5213 §5.
 *
 * Heads up: read RFC 5213 §5.3 (processing a Proxy Binding Update), §5.4 (the binding cache lookup, with
 * multihoming) and §5.5 (timestamps and sequence numbers) next to this file. Every decision below cites the
 * rule it follows, and notes it in the trace in plain words with `ctx.note`.
 *
 * This file is the one a learner edits: it may only `import type`. Encoding, timers, tunnels, routes, the
 * prefix pool, the policy store and the RFC 5213 §4 security checks are the host's (src/sim/agents/host);
 * here live the protocol decisions.
 *
 * A PBU goes through RFC 5213 §5.3.1 in its normative order:
 *   steps 1–3  authentication, RFC 6275 §9.2 header checks, no Home Address option — done by the host;
 *   step 4     no MN-ID option → 160;
 *   steps 5–6  the MAG may not register this MN → 154;
 *   step 7     this LMA does not serve the MN-ID → 153;
 *   step 8     the MN is not entitled to network-based mobility → 152;
 *   step 9     timestamp / sequence number ordering (§5.5) → 156, 157 or 135;
 *   step 10–12 no HNP → 158, no Handoff Indicator → 161, no Access Technology Type → 162;
 *   step 13    the binding cache lookup of §5.4.1 → new session (§5.3.2), re-registration (§5.3.3),
 *              handoff (§5.3.4) or de-registration (§5.3.5), or 155 / 159;
 *   step 14    the PBA, built as §5.3.6 says.
 */
import type {
  BceEntry,
  FiredTimer,
  HomeNetworkPrefix,
  LmaAgent,
  LmaContext,
  MessageSource,
  PolicyProfile,
  Prefix,
  ProxyBindingAck,
  ProxyBindingUpdate,
} from '../api';

/** A PBU held back while the LMA waits for the old MAG's de-registration (RFC 5213 §5.4.1.2, HI = 4). */
interface WaitingPbu {
  readonly pbu: ProxyBindingUpdate;
  readonly from: MessageSource;
}

interface LmaState {
  /** Sessions created so far: binding cache keys are "<MN-ID>#<n>". */
  sessions: number;
  /** HI = 4 requests waiting on a binding, by that binding's key. */
  readonly waiting: Map<string, WaitingPbu>;
  /** Indexes over the binding cache (a session's MN-ID and prefixes never change): prefix text → key. */
  readonly byPrefix: Map<string, string>;
  /** MN-Identifier → keys of its sessions, oldest first. */
  readonly byMn: Map<string, string[]>;
  /** Proxy-CoA → how many sessions use the tunnel to that MAG (RFC 5213 §5.6.1). */
  readonly tunnelUsers: Map<string, number>;
}

type Ctx = LmaContext<LmaState>;

/** Where the binding cache lookup of RFC 5213 §5.4.1 puts a PBU. */
type Lookup =
  | { readonly kind: 'new' }
  | { readonly kind: 'update'; readonly key: string; readonly entry: BceEntry; readonly rule: string }
  | { readonly kind: 'wait'; readonly key: string; readonly entry: BceEntry }
  | { readonly kind: 'reject'; readonly status: number; readonly why: string };

/** A refusal: the status, why, the rule, and for 156/157 the LMA's clock for the PBA (RFC 5213 §5.5). */
interface Refusal {
  readonly status: number;
  readonly why: string;
  readonly rfc: string;
  readonly timestamp?: number;
  /** RFC 6275 §9.5.1: a 135 carries the last accepted sequence number. */
  readonly seq?: number;
}

const TIMER = {
  lifetime: (key: string) => `binding lifetime ${key}`,
  hold: (key: string) => `MinDelayBeforeBCEDelete ${key}`,
  wait: (key: string) => `MaxDelayBeforeNewBCEAssign ${key}`,
};

export default {
  role: 'lma',
  name: 'reference LMA (RFC 5213 §5)',

  init: () => ({
    sessions: 0,
    waiting: new Map(),
    byPrefix: new Map(),
    byMn: new Map(),
    tunnelUsers: new Map(),
  }),

  onMessage(ctx, msg, from) {
    if (msg.type !== 'pbu') {
      ctx.note(
        `Ignored a PBA from ${from.peer}: an LMA only receives Proxy Binding Updates`,
        'RFC 5213 §5.3',
        'pba-unexpected',
      );
      return;
    }
    if ((msg.flags & ctx.lib.BU.P) === 0) {
      ctx.note(
        `Ignored a Binding Update from ${from.peer} without the P flag: this LMA is not a Mobile IPv6 home agent`,
        'RFC 5213 §8.1',
        'bu-not-proxy',
      );
      return;
    }
    processPbu(ctx, msg, from);
  },

  onTimer(ctx, timer) {
    const key = String(timer.data.key);
    if (timer.name === TIMER.lifetime(key)) return expire(ctx, key);
    if (timer.name === TIMER.hold(key)) return holdOver(ctx, key);
    if (timer.name === TIMER.wait(key)) return waitOver(ctx, key);
    unknownTimer(ctx, timer);
  },
} satisfies LmaAgent<LmaState>;

// ---------------------------------------------------------------------------------------------------
// RFC 5213 §5.3.1: processing a Proxy Binding Update, in the normative order
// ---------------------------------------------------------------------------------------------------

function processPbu(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource): void {
  const checked = validate(ctx, pbu, from);
  if ('status' in checked) return reject(ctx, pbu, from, checked);
  // Step 13: act on the binding cache existence test (RFC 5213 §5.4.1).
  act(ctx, pbu, from, checked.found);
}

/**
 * Steps 4 to 12 of RFC 5213 §5.3.1; the first failing check decides the status. Step 9 orders the PBU
 * against the binding it refers to, so the §5.4.1 lookup is computed there; it has no side effects and its
 * own refusals (155, 159) wait for step 13, so the RFC order of the checks is kept.
 */
function validate(
  ctx: Ctx,
  pbu: ProxyBindingUpdate,
  from: MessageSource,
): Refusal | { readonly found: Lookup } {
  const S = ctx.lib.STATUS;
  const mnId = pbu.mnId;
  if (mnId === undefined) {
    return {
      status: S.MISSING_MN_IDENTIFIER_OPTION,
      why: 'the PBU has no Mobile Node Identifier option',
      rfc: 'RFC 5213 §5.3.1 step 4',
    };
  }
  const coa = proxyCoaOf(pbu, from);
  if (!ctx.magAuthorized(coa, mnId)) {
    return {
      status: S.MAG_NOT_AUTHORIZED_FOR_PROXY_REG,
      why: `${from.peer} (${coa}) may not send proxy registrations for ${mnId}`,
      rfc: 'RFC 5213 §5.3.1 steps 5–6, §4',
    };
  }
  const profile = ctx.profile(mnId);
  if (!profile) {
    return {
      status: S.NOT_LMA_FOR_THIS_MOBILE_NODE,
      why: `this LMA does not serve ${mnId || 'an empty MN-Identifier'}`,
      rfc: 'RFC 5213 §5.3.1 step 7',
    };
  }
  if (!profile.pmip) {
    return {
      status: S.PROXY_REG_NOT_ENABLED,
      why: `${mnId} is not entitled to network-based mobility`,
      rfc: 'RFC 5213 §5.3.1 step 8',
    };
  }
  const found = lookup(ctx, pbu, coa);
  const order = checkOrder(ctx, pbu, boundEntry(found));
  if (order) return order;
  if (pbu.hnps.length === 0) {
    return {
      status: S.MISSING_HOME_NETWORK_PREFIX_OPTION,
      why: 'the PBU has no Home Network Prefix option',
      rfc: 'RFC 5213 §5.3.1 step 10',
    };
  }
  if (pbu.hi === undefined) {
    return {
      status: S.MISSING_HANDOFF_INDICATOR_OPTION,
      why: 'the PBU has no Handoff Indicator option',
      rfc: 'RFC 5213 §5.3.1 step 11',
    };
  }
  if (pbu.att === undefined) {
    return {
      status: S.MISSING_ACCESS_TECH_TYPE_OPTION,
      why: 'the PBU has no Access Technology Type option',
      rfc: 'RFC 5213 §5.3.1 step 12',
    };
  }
  return { found };
}

/** RFC 5213 §5.5: timestamps when the PBU carries one, else the RFC 6275 §9.5.1 sequence number rule. */
function checkOrder(ctx: Ctx, pbu: ProxyBindingUpdate, entry: BceEntry | null): Refusal | null {
  const S = ctx.lib.STATUS;
  const ts = pbu.timestamp;
  if (ts !== undefined) {
    const last = entry?.timestamp ?? null;
    const now = ctx.clock();
    const when = ctx.lib.formatTimestamp(ts);
    if (last !== null && ts < last) {
      return {
        status: S.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED,
        why: `timestamp ${when} is older than the last accepted ${ctx.lib.formatTimestamp(last)}`,
        rfc: 'RFC 5213 §5.5',
        timestamp: now,
      };
    }
    const skew = Math.abs(ts - now);
    if (!ctx.config.mobileNodeGeneratedTimestampInUse && skew > ctx.config.timestampValidityWindow) {
      return {
        status: S.TIMESTAMP_MISMATCH,
        why: `timestamp ${when} is ${ctx.lib.formatDuration(skew)} away from the LMA clock, outside TimestampValidityWindow`,
        rfc: 'RFC 5213 §5.5',
        timestamp: now,
      };
    }
    // §5.5: valid only when greater than every accepted one; equal is neither lower nor valid.
    if (last !== null && ts === last) {
      return {
        status: S.TIMESTAMP_MISMATCH,
        why: `timestamp ${when} equals the last accepted one`,
        rfc: 'RFC 5213 §5.5',
        timestamp: now,
      };
    }
    return null;
  }
  if (entry && !ctx.lib.seqGreater(pbu.seq, entry.seq)) {
    return {
      status: S.SEQUENCE_NUMBER_OUT_OF_WINDOW,
      why: `sequence number ${pbu.seq} is not greater than the last accepted ${entry.seq}`,
      rfc: 'RFC 5213 §5.5, RFC 6275 §9.5.1',
      seq: entry.seq,
    };
  }
  return null;
}

function act(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource, found: Lookup): void {
  const coa = proxyCoaOf(pbu, from);
  switch (found.kind) {
    case 'reject':
      return reject(ctx, pbu, from, { status: found.status, why: found.why, rfc: 'RFC 5213 §5.4.1.1' });
    case 'wait':
      return startWait(ctx, pbu, from, found.key);
    case 'new':
      if (pbu.lifetime === 0) return ignoreOrphanDeregistration(ctx, pbu, from);
      return newSession(ctx, pbu, from);
    case 'update':
      if (pbu.lifetime === 0) return deregister(ctx, pbu, from, found.key);
      if (coa === found.entry.proxyCoa) return reRegister(ctx, pbu, from, found.key, found.rule);
      return handoff(ctx, pbu, from, found.key, found.rule);
  }
}

// ---------------------------------------------------------------------------------------------------
// RFC 5213 §5.4.1: which mobility session does this PBU belong to?
// ---------------------------------------------------------------------------------------------------

function lookup(ctx: Ctx, pbu: ProxyBindingUpdate, coa: string): Lookup {
  const requested = pbu.hnps.filter((p) => !ctx.lib.isAllZeroPrefix(p));
  if (requested.length > 0) return lookupByPrefix(ctx, pbu, coa, requested);
  if (pbu.mnLlId !== undefined) return lookupByLinkLayerId(ctx, pbu);
  return lookupByMnId(ctx, pbu);
}

/** RFC 5213 §5.4.1.1: at least one NON_ZERO home network prefix in the request. */
function lookupByPrefix(
  ctx: Ctx,
  pbu: ProxyBindingUpdate,
  coa: string,
  requested: readonly Prefix[],
): Lookup {
  const S = ctx.lib.STATUS;
  const owner = requested.map((p) => sessionOwning(ctx, p)).find((o) => o !== null);
  if (!owner) return { kind: 'new' };
  const [key, entry] = owner;
  if (entry.mnId !== pbu.mnId) {
    return {
      kind: 'reject',
      status: S.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX,
      why: `a requested prefix belongs to another mobile node's session (${key})`,
    };
  }
  if (!ctx.lib.prefixSetEquals(entryPrefixes(ctx, entry), requested)) {
    return {
      kind: 'reject',
      status: S.BCE_PBU_PREFIX_SET_DO_NOT_MATCH,
      why: `the requested prefixes differ from the set of ${key} (${entry.hnps.join(', ')})`,
    };
  }
  const llMatch = pbu.mnLlId !== undefined && pbu.mnLlId === entry.mnLlId && pbu.att === entry.att;
  if (llMatch) return update(key, entry, 'same prefixes, link-layer identifier and access technology');
  if (pbu.hi === ctx.lib.HI.INTER_INTERFACE)
    return update(key, entry, 'same prefixes and HI = 2 (handoff between interfaces)');
  const noLl = pbu.mnLlId === undefined && entry.mnLlId === null && pbu.att === entry.att;
  if (noLl && pbu.hi === ctx.lib.HI.INTER_MAG_SAME_INTERFACE)
    return update(key, entry, 'same prefixes and access technology, HI = 3 (handoff between MAGs)');
  if (coa === entry.proxyCoa && pbu.att === entry.att)
    return update(key, entry, 'same prefixes, Proxy-CoA and access technology');
  return { kind: 'new' };
}

/** RFC 5213 §5.4.1.2: no NON_ZERO prefix, but the MN's link-layer identifier is known. */
function lookupByLinkLayerId(ctx: Ctx, pbu: ProxyBindingUpdate): Lookup {
  const HI = ctx.lib.HI;
  const exact = sessionsOf(ctx, pbu.mnId).find(([, e]) => e.att === pbu.att && e.mnLlId === pbu.mnLlId);
  if (exact)
    return update(exact[0], exact[1], 'same MN-Identifier, link-layer identifier and access technology');
  const only = onlySessionOf(ctx, pbu.mnId);
  if (only && pbu.hi === HI.INTER_INTERFACE)
    return update(only[0], only[1], 'the only session of this MN, HI = 2 (handoff between interfaces)');
  if (only && pbu.hi === HI.UNKNOWN) return unknownHandoff(only, pbu);
  return { kind: 'new' };
}

/** RFC 5213 §5.4.1.3: neither a NON_ZERO prefix nor a link-layer identifier. */
function lookupByMnId(ctx: Ctx, pbu: ProxyBindingUpdate): Lookup {
  const HI = ctx.lib.HI;
  const only = onlySessionOf(ctx, pbu.mnId);
  if (only && (pbu.hi === HI.INTER_INTERFACE || pbu.hi === HI.INTER_MAG_SAME_INTERFACE)) {
    return update(only[0], only[1], `the only session of this MN, HI = ${pbu.hi} (a handoff)`);
  }
  if (only && pbu.hi === HI.UNKNOWN) return unknownHandoff(only, pbu);
  return { kind: 'new' };
}

/**
 * HI = 4 with exactly one session of the MN: a handoff or a new attachment? The LMA SHOULD wait up to
 * MaxDelayBeforeNewBCEAssign for the old MAG's de-registration (RFC 5213 §5.4.1.2, §5.4.1.3). A session
 * already de-registered and in its MinDelayBeforeBCEDelete hold is that de-registration: update it (§5.3.5).
 */
function unknownHandoff([key, entry]: [string, BceEntry], pbu: ProxyBindingUpdate): Lookup {
  if (entry.state === 'deregistering')
    return update(
      key,
      entry,
      'HI = 4 and the only session of this MN is de-registered and waiting for deletion',
    );
  if (pbu.lifetime === 0) return { kind: 'new' };
  return { kind: 'wait', key, entry };
}

const update = (key: string, entry: BceEntry, rule: string): Lookup => ({ kind: 'update', key, entry, rule });

function onlySessionOf(ctx: Ctx, mnId: string | undefined): [string, BceEntry] | null {
  const mine = sessionsOf(ctx, mnId);
  return mine.length === 1 ? mine[0] : null;
}

function sessionsOf(ctx: Ctx, mnId: string | undefined): [string, BceEntry][] {
  const keys = mnId === undefined ? undefined : ctx.state.byMn.get(mnId);
  return (keys ?? []).map((k) => [k, ctx.bce.get(k) as BceEntry]);
}

function sessionOwning(ctx: Ctx, p: Prefix): [string, BceEntry] | null {
  const key = ctx.state.byPrefix.get(ctx.lib.formatPrefix(p));
  return key === undefined ? null : [key, ctx.bce.get(key) as BceEntry];
}

/** The binding a PBU is ordered against in step 9: the one the lookup would update, if any. */
function boundEntry(found: Lookup): BceEntry | null {
  return found.kind === 'update' || found.kind === 'wait' ? found.entry : null;
}

// ---------------------------------------------------------------------------------------------------
// RFC 5213 §5.4.1.2/§5.4.1.3: the MaxDelayBeforeNewBCEAssign wait
// ---------------------------------------------------------------------------------------------------

function startWait(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource, key: string): void {
  const again = ctx.state.waiting.has(key);
  // A retransmission during the wait replaces the queued PBU (the PBA answers the newest), the deadline stays.
  ctx.state.waiting.set(key, { pbu, from });
  if (again) {
    ctx.note(
      `PBU seq ${pbu.seq} from ${from.peer} replaces the one waiting on ${key}`,
      'RFC 5213 §5.4.1.2',
      'hi4-wait',
    );
    return;
  }
  ctx.setTimer(TIMER.wait(key), ctx.config.maxDelayBeforeNewBCEAssign, { key });
  ctx.note(
    `PBU from ${from.peer} with HI = 4 (handoff state unknown) for ${pbu.mnId}, whose only session ${key} is at another MAG: ` +
      `waiting up to ${ctx.lib.formatDuration(ctx.config.maxDelayBeforeNewBCEAssign)} for its de-registration`,
    'RFC 5213 §5.4.1.2, §5.4.1.3',
    'hi4-wait',
    { key },
  );
}

/** The old MAG de-registered the session a HI = 4 PBU waits on: that PBU now updates it (a handoff). */
function resumeWaiting(ctx: Ctx, key: string): void {
  const w = ctx.state.waiting.get(key);
  if (!w) return;
  ctx.state.waiting.delete(key);
  ctx.cancelTimer(TIMER.wait(key));
  ctx.note(
    `The de-registration of ${key} arrived in time: the waiting PBU from ${w.from.peer} updates that session`,
    'RFC 5213 §5.4.1.2, §5.3.5',
    'hi4-resumed',
    { key },
  );
  const entry = ctx.bce.get(key);
  if (!entry) return newSession(ctx, w.pbu, w.from);
  if (proxyCoaOf(w.pbu, w.from) === entry.proxyCoa)
    return reRegister(ctx, w.pbu, w.from, key, 'the de-registered session, re-registered by the same MAG');
  handoff(ctx, w.pbu, w.from, key, 'the session its old MAG just de-registered');
}

function waitOver(ctx: Ctx, key: string): void {
  const w = ctx.state.waiting.get(key);
  if (!w) return;
  ctx.state.waiting.delete(key);
  ctx.note(
    `No de-registration of ${key} within MaxDelayBeforeNewBCEAssign: the PBU from ${w.from.peer} is a new mobility session`,
    'RFC 5213 §5.4.1.2, §5.4.1.3',
    'hi4-timeout',
    { key },
  );
  newSession(ctx, w.pbu, w.from);
}

// ---------------------------------------------------------------------------------------------------
// RFC 5213 §5.3.2 – §5.3.5: what an accepted PBU does
// ---------------------------------------------------------------------------------------------------

/** RFC 5213 §5.3.2: a new mobility session. */
function newSession(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource): void {
  const mnId = pbu.mnId as string;
  const profile = ctx.profile(mnId);
  if (!profile)
    return reject(ctx, pbu, from, {
      status: ctx.lib.STATUS.NOT_LMA_FOR_THIS_MOBILE_NODE,
      why: `this LMA no longer serves ${mnId}`,
      rfc: 'RFC 5213 §5.3.1 step 7',
    });
  const assigned = assignPrefixes(ctx, pbu, profile);
  if ('status' in assigned) return reject(ctx, pbu, from, assigned);
  const coa = proxyCoaOf(pbu, from);
  const key = `${mnId}#${++ctx.state.sessions}`;
  const lifetime = grant(ctx, pbu, profile);
  ctx.note(
    `PBU accepted: new mobility session ${key} for ${mnId} at ${from.peer}, prefix ${listPrefixes(ctx, assigned.prefixes)}, lifetime ${lifetime} s`,
    'RFC 5213 §5.3.2',
    'pbu-accepted',
    { key, case: 'new-session', status: 0 },
  );
  const tunnel = useTunnel(ctx, coa);
  for (const p of assigned.prefixes) ctx.setPrefixRoute(p, { tunnelTo: coa });
  const magLinkLocal = linkLocalFor(ctx, pbu, null);
  ctx.bce.set(key, {
    mnId,
    mnLlId: pbu.mnLlId ?? null,
    hnps: assigned.prefixes.map((p) => ctx.lib.formatPrefix(p)),
    proxyCoa: coa,
    att: pbu.att as number,
    magLinkLocal,
    tunnel,
    lifetime,
    expires: ctx.now + lifetime * ctx.lib.SECOND,
    timestamp: pbu.timestamp ?? null,
    seq: pbu.seq,
    state: 'active',
    hi: pbu.hi as number,
    created: ctx.now,
  });
  index(ctx, key, mnId, assigned.prefixes);
  ctx.setTimer(TIMER.lifetime(key), lifetime * ctx.lib.SECOND, { key });
  accept(ctx, pbu, from, assigned.prefixes, lifetime, magLinkLocal);
}

/** RFC 5213 §5.3.3: re-registration (lifetime extension) from the MAG already serving the session. */
function reRegister(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource, key: string, rule: string): void {
  const entry = ctx.bce.get(key) as BceEntry;
  const lifetime = grant(ctx, pbu, ctx.profile(entry.mnId));
  const held = entry.state === 'deregistering';
  ctx.note(
    `PBU accepted: re-registration of ${key} by ${from.peer} (${rule}), lifetime extended to ${lifetime} s` +
      (held ? '; the de-registration hold is over and its traffic flows again' : ''),
    'RFC 5213 §5.3.3',
    'pbu-accepted',
    { key, case: 're-registration', status: 0 },
  );
  if (held) endHold(ctx, key, entry);
  const magLinkLocal = linkLocalFor(ctx, pbu, entry);
  ctx.bce.update(key, { ...accepted(ctx, pbu, lifetime), magLinkLocal });
  ctx.setTimer(TIMER.lifetime(key), lifetime * ctx.lib.SECOND, { key });
  accept(ctx, pbu, from, entryPrefixes(ctx, entry), lifetime, magLinkLocal);
}

/** RFC 5213 §5.3.4: the session moves to a new MAG; its prefix routes follow it into the new tunnel. */
function handoff(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource, key: string, rule: string): void {
  const entry = ctx.bce.get(key) as BceEntry;
  const coa = proxyCoaOf(pbu, from);
  const lifetime = grant(ctx, pbu, ctx.profile(entry.mnId));
  ctx.note(
    `PBU accepted: handoff to a new MAG, BCE for ${entry.mnId} now points to ${from.peer} (${rule}); prefix ${entry.hnps.join(', ')} kept` +
      (entry.state === 'deregistering' ? '; the de-registration hold is over' : ''),
    'RFC 5213 §5.3.4',
    'pbu-accepted',
    { key, case: 'handoff', status: 0 },
  );
  if (entry.state === 'deregistering') ctx.cancelTimer(TIMER.hold(key));
  const tunnel = useTunnel(ctx, coa);
  for (const p of entryPrefixes(ctx, entry)) ctx.setPrefixRoute(p, { tunnelTo: coa });
  const magLinkLocal = linkLocalFor(ctx, pbu, entry);
  ctx.bce.update(key, { ...accepted(ctx, pbu, lifetime), proxyCoa: coa, tunnel, magLinkLocal });
  ctx.setTimer(TIMER.lifetime(key), lifetime * ctx.lib.SECOND, { key });
  releaseTunnel(ctx, entry.proxyCoa);
  accept(ctx, pbu, from, entryPrefixes(ctx, entry), lifetime, magLinkLocal);
}

/** RFC 5213 §5.3.5: de-registration; the entry is kept MinDelayBeforeBCEDelete and the MN's traffic dropped. */
function deregister(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource, key: string): void {
  const entry = ctx.bce.get(key) as BceEntry;
  const coa = proxyCoaOf(pbu, from);
  if (coa !== entry.proxyCoa) {
    ctx.note(
      `Ignored a de-registration of ${key} from ${from.peer}: the session is now served by ${entry.proxyCoa} (a late de-registration after a handoff)`,
      'RFC 5213 §5.3.5',
      'dereg-ignored',
      { key },
    );
    return;
  }
  const hold = ctx.config.minDelayBeforeBCEDelete;
  const again = entry.state === 'deregistering';
  ctx.note(
    again
      ? `PBU accepted: ${key} is already de-registered (a retransmission from ${from.peer}); acknowledged again, the hold is not restarted`
      : `PBU accepted: de-registration of ${key} by ${from.peer}; the entry is kept ${ctx.lib.formatDuration(hold)} (MinDelayBeforeBCEDelete) and the MN's traffic is dropped meanwhile`,
    'RFC 5213 §5.3.5',
    'pbu-accepted',
    { key, case: 'de-registration', status: 0 },
  );
  if (!again) {
    for (const p of entryPrefixes(ctx, entry)) ctx.setPrefixRoute(p, 'discard');
    ctx.cancelTimer(TIMER.lifetime(key));
    ctx.setTimer(TIMER.hold(key), hold, { key });
  }
  ctx.bce.update(key, {
    ...accepted(ctx, pbu, 0),
    state: 'deregistering',
    expires: again ? entry.expires : ctx.now + hold,
  });
  accept(ctx, pbu, from, entryPrefixes(ctx, entry), 0, linkLocalFor(ctx, pbu, entry));
  resumeWaiting(ctx, key);
}

function ignoreOrphanDeregistration(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource): void {
  ctx.note(
    `Silently ignored a de-registration from ${from.peer} for ${pbu.mnId} that matches no mobility session`,
    'RFC 5213 §5.4.1.1–§5.4.1.3',
    'dereg-ignored',
  );
}

/** The fields an accepted PBU writes into an existing entry (RFC 5213 §5.3.3 "accepted values"). */
function accepted(ctx: Ctx, pbu: ProxyBindingUpdate, lifetime: number): Partial<BceEntry> {
  return {
    mnLlId: pbu.mnLlId ?? null,
    att: pbu.att as number,
    hi: pbu.hi as number,
    seq: pbu.seq,
    timestamp: pbu.timestamp ?? null,
    lifetime,
    expires: ctx.now + lifetime * ctx.lib.SECOND,
    state: 'active',
  };
}

/** Ends the MinDelayBeforeBCEDelete hold: an accepted PBU with a lifetime revives the session (§5.3.5). */
function endHold(ctx: Ctx, key: string, entry: BceEntry): void {
  ctx.cancelTimer(TIMER.hold(key));
  for (const p of entryPrefixes(ctx, entry)) ctx.setPrefixRoute(p, { tunnelTo: entry.proxyCoa });
}

// ---------------------------------------------------------------------------------------------------
// Timers: lifetime expiry, end of the de-registration hold
// ---------------------------------------------------------------------------------------------------

function expire(ctx: Ctx, key: string): void {
  if (!ctx.bce.has(key)) return;
  ctx.note(
    `The binding ${key} expired without a refresh: entry, routes and prefixes removed`,
    'RFC 6275 §9.1, §10.3.1',
    'bce-expired',
    { key },
  );
  deleteSession(ctx, key);
}

function holdOver(ctx: Ctx, key: string): void {
  if (!ctx.bce.has(key)) return;
  ctx.note(
    `MinDelayBeforeBCEDelete is over for ${key}: entry and routes deleted, its prefixes may be reused`,
    'RFC 5213 §5.3.5',
    'bce-deleted',
    { key },
  );
  deleteSession(ctx, key);
}

function deleteSession(ctx: Ctx, key: string): void {
  const entry = ctx.bce.get(key) as BceEntry;
  const statics = ctx.profile(entry.mnId)?.hnps ?? [];
  for (const p of entryPrefixes(ctx, entry)) {
    ctx.removePrefixRoute(p);
    if (!statics.some((s) => ctx.lib.prefixEquals(s, p))) ctx.releasePrefix(p);
  }
  ctx.cancelTimer(TIMER.lifetime(key));
  ctx.cancelTimer(TIMER.hold(key));
  ctx.bce.delete(key);
  unindex(ctx, key, entry);
  releaseTunnel(ctx, entry.proxyCoa);
  // A HI = 4 request waiting on this session has nothing left to wait for.
  const w = ctx.state.waiting.get(key);
  if (w) {
    ctx.state.waiting.delete(key);
    ctx.cancelTimer(TIMER.wait(key));
    newSession(ctx, w.pbu, w.from);
  }
}

function unknownTimer(ctx: Ctx, timer: FiredTimer): void {
  ctx.note(`Timer "${timer.name}" fired but the LMA has no use for it`, 'RFC 5213 §5', 'timer-unknown');
}

// ---------------------------------------------------------------------------------------------------
// Prefixes, lifetimes, tunnels, link-local addresses
// ---------------------------------------------------------------------------------------------------

/**
 * RFC 5213 §5.3.2: an ALL_ZERO request gets prefixes (the MN's static ones, or `prefixCount` from the pool;
 * none left → 130); NON_ZERO prefixes must be this LMA's and authorized for the MN, else 155.
 */
function assignPrefixes(
  ctx: Ctx,
  pbu: ProxyBindingUpdate,
  profile: PolicyProfile,
): { prefixes: Prefix[] } | Refusal {
  const S = ctx.lib.STATUS;
  const requested = pbu.hnps.filter((p) => !ctx.lib.isAllZeroPrefix(p));
  if (requested.length === 0) return allocate(ctx, profile);
  for (const p of requested) {
    const text = ctx.lib.formatPrefix(p);
    if (!ctx.ownsPrefix(p) || !profile.hnps.some((s) => ctx.lib.prefixEquals(s, p))) {
      return {
        status: S.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX,
        why: `${text} is not a prefix this LMA has authorized for ${profile.mnId}`,
        rfc: 'RFC 5213 §5.3.2',
      };
    }
    // Per-MN prefixes are for one session's exclusive use (RFC 5213 §2.2, §5.2).
    if (prefixInUse(ctx, p)) {
      return {
        status: S.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX,
        why: `${text} is in use by another mobility session`,
        rfc: 'RFC 5213 §5.3.2, §5.2',
      };
    }
  }
  return { prefixes: requested.map(plain) };
}

function allocate(ctx: Ctx, profile: PolicyProfile): { prefixes: Prefix[] } | Refusal {
  const S = ctx.lib.STATUS;
  if (profile.hnps.length > 0) {
    const free = profile.hnps.filter((p) => !prefixInUse(ctx, p)).map(plain);
    if (free.length > 0) return { prefixes: free };
    return {
      status: S.INSUFFICIENT_RESOURCES,
      why: `every static prefix of ${profile.mnId} is in use by another session`,
      rfc: 'RFC 5213 §5.3.2',
    };
  }
  const taken: Prefix[] = [];
  for (let i = 0; i < profile.prefixCount; i++) {
    const p = ctx.allocatePrefix();
    if (!p) {
      for (const t of taken) ctx.releasePrefix(t);
      return {
        status: S.INSUFFICIENT_RESOURCES,
        why: 'the prefix pool is exhausted',
        rfc: 'RFC 5213 §5.3.2',
      };
    }
    taken.push(p);
  }
  return { prefixes: taken };
}

const prefixInUse = (ctx: Ctx, p: Prefix): boolean => ctx.state.byPrefix.has(ctx.lib.formatPrefix(p));

/**
 * The lifetime granted: never more than requested (RFC 6275 §9.5.1, §10.3.1), lowered to the MN's
 * profile and the 16-bit field's largest value, in the 4-second units of the wire (RFC 6275 §6.1.7).
 */
function grant(ctx: Ctx, pbu: ProxyBindingUpdate, profile: PolicyProfile | null): number {
  const cap = Math.min(pbu.lifetime, profile?.lifetime ?? pbu.lifetime, ctx.config.maxBindingLifetime);
  return Math.max(4, Math.floor(cap / 4) * 4);
}

/** RFC 5213 §5.6.1: one tunnel per MAG, created with its first session and shared by the others. */
function useTunnel(ctx: Ctx, coa: string): string {
  const users = ctx.state.tunnelUsers.get(coa) ?? 0;
  ctx.state.tunnelUsers.set(coa, users + 1);
  const fresh = ctx.tunnelTo(coa) === null;
  const name = ctx.createTunnel(coa);
  if (fresh)
    ctx.note(
      `First mobility session at ${coa}: created the tunnel ${name} to it`,
      'RFC 5213 §5.6.1',
      'tunnel-created',
    );
  return name;
}

/** RFC 5213 §5.6.1: the tunnel SHOULD be deleted when no mobility session uses it any more. */
function releaseTunnel(ctx: Ctx, coa: string): void {
  const users = (ctx.state.tunnelUsers.get(coa) ?? 1) - 1;
  if (users > 0) {
    ctx.state.tunnelUsers.set(coa, users);
    return;
  }
  ctx.state.tunnelUsers.delete(coa);
  if (ctx.deleteTunnel(coa))
    ctx.note(
      `No mobility session uses the tunnel to ${coa} any more: tunnel deleted`,
      'RFC 5213 §5.6.1',
      'tunnel-deleted',
    );
}

/**
 * RFC 5213 §5.3.6: the Link-local Address option is answered only when the PBU has one. ALL_ZERO asks for
 * the session's address (generated for a new session and stored); a NON_ZERO value is stored and echoed.
 */
function linkLocalFor(ctx: Ctx, pbu: ProxyBindingUpdate, entry: BceEntry | null): string | null {
  if (pbu.linkLocal === undefined) return entry?.magLinkLocal ?? null;
  if (pbu.linkLocal !== ctx.lib.ALL_ZERO_ADDRESS) return pbu.linkLocal;
  return entry?.magLinkLocal ?? generateLinkLocal(ctx);
}

/** A fresh link-local address for the MAG side of a session's p2p link (method left open by RFC 5213 §5.1). */
function generateLinkLocal(ctx: Ctx): string {
  const group = () => 1 + Math.floor(ctx.random() * 0xffff);
  // The first group carries the u/l bit of the interface identifier (RFC 4291 Appendix A): keep it local.
  const first = group() & ~0x0200 || 1;
  return `fe80::${[first, group(), group(), group()].map((g) => g.toString(16)).join(':')}`;
}

// ---------------------------------------------------------------------------------------------------
// RFC 5213 §5.3.6: the Proxy Binding Acknowledgement
// ---------------------------------------------------------------------------------------------------

function accept(
  ctx: Ctx,
  pbu: ProxyBindingUpdate,
  from: MessageSource,
  prefixes: readonly Prefix[],
  lifetime: number,
  magLinkLocal: string | null,
): void {
  // RFC 6275 §9.5.1: without the A flag an accepted update is not acknowledged.
  if ((pbu.flags & ctx.lib.BU.A) === 0) {
    ctx.note(
      `No PBA for seq ${pbu.seq}: the PBU did not ask for one (A flag clear)`,
      'RFC 6275 §9.5.1',
      'pba-not-requested',
    );
    return;
  }
  sendPba(ctx, pbu, from, ctx.lib.STATUS.ACCEPTED, {
    hnps: prefixes,
    lifetime,
    ...(pbu.linkLocal !== undefined && magLinkLocal !== null ? { linkLocal: magLinkLocal } : {}),
    ...(pbu.timestamp !== undefined ? { timestamp: pbu.timestamp } : {}),
  });
}

function reject(ctx: Ctx, pbu: ProxyBindingUpdate, from: MessageSource, r: Refusal): void {
  ctx.note(`PBU rejected with ${ctx.lib.statusName(r.status)}: ${r.why}`, r.rfc, 'pbu-rejected', {
    status: r.status,
    mnId: pbu.mnId ?? '',
  });
  const timestamp = r.timestamp ?? pbu.timestamp;
  sendPba(ctx, pbu, from, r.status, {
    // A rejection copies the request's prefixes, or carries one ALL_ZERO prefix when it had none.
    hnps: pbu.hnps.length > 0 ? pbu.hnps : [ctx.lib.ALL_ZERO_PREFIX],
    lifetime: 0,
    ...(pbu.linkLocal !== undefined ? { linkLocal: pbu.linkLocal } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(r.seq !== undefined ? { seq: r.seq } : {}),
  });
}

interface PbaParts {
  readonly hnps: readonly HomeNetworkPrefix[];
  readonly lifetime: number;
  readonly linkLocal?: string;
  readonly timestamp?: number;
  readonly seq?: number;
}

/** From the PBU's destination to its source; options copied or answered as RFC 5213 §5.3.6 lists them. */
function sendPba(
  ctx: Ctx,
  pbu: ProxyBindingUpdate,
  from: MessageSource,
  status: number,
  parts: PbaParts,
): void {
  const pba: ProxyBindingAck = {
    type: 'pba',
    status,
    flags: ctx.lib.BA.P,
    seq: parts.seq ?? pbu.seq,
    lifetime: parts.lifetime,
    mnId: pbu.mnId ?? '',
    ...(pbu.mnIdSubtype !== undefined ? { mnIdSubtype: pbu.mnIdSubtype } : {}),
    hnps: parts.hnps,
    hi: pbu.hi ?? 0,
    att: pbu.att ?? 0,
    ...(pbu.mnLlId !== undefined ? { mnLlId: pbu.mnLlId } : {}),
    ...(parts.linkLocal !== undefined ? { linkLocal: parts.linkLocal } : {}),
    ...(parts.timestamp !== undefined ? { timestamp: parts.timestamp } : {}),
  };
  ctx.send(pba, from.src, from.dst);
}

// ---------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------

/** The Proxy-CoA: the Alternate Care-of Address option when present, else the PBU's source (RFC 5213 §5.3.1). */
const proxyCoaOf = (pbu: ProxyBindingUpdate, from: MessageSource): string => pbu.altCoa ?? from.src;

function entryPrefixes(ctx: Ctx, entry: BceEntry): Prefix[] {
  const out: Prefix[] = [];
  for (const text of entry.hnps) {
    const p = ctx.lib.parsePrefix(text);
    if (p) out.push(p);
  }
  return out;
}

function index(ctx: Ctx, key: string, mnId: string, prefixes: readonly Prefix[]): void {
  for (const p of prefixes) ctx.state.byPrefix.set(ctx.lib.formatPrefix(p), key);
  ctx.state.byMn.set(mnId, [...(ctx.state.byMn.get(mnId) ?? []), key]);
}

function unindex(ctx: Ctx, key: string, entry: BceEntry): void {
  for (const text of entry.hnps) ctx.state.byPrefix.delete(text);
  const rest = (ctx.state.byMn.get(entry.mnId) ?? []).filter((k) => k !== key);
  if (rest.length > 0) ctx.state.byMn.set(entry.mnId, rest);
  else ctx.state.byMn.delete(entry.mnId);
}

const plain = (p: Prefix): Prefix => ({ prefix: p.prefix, length: p.length });

const listPrefixes = (ctx: Ctx, ps: readonly Prefix[]): string =>
  ps.map((p) => ctx.lib.formatPrefix(p)).join(', ');
