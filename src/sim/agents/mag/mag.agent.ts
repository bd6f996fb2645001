/**
 * The reference Mobile Access Gateway (RFC 5213 §6).
 *
 * This one file holds the MAG's protocol decisions; you may edit it in the playground. It can only import
 * types: at run time everything comes from `ctx` (see src/sim/agents/api.ts). The host runtime does the
 * mechanics — encoding and decoding packets, the §4 security checks, timers, tunnels, routes, Router
 * Advertisements and the trace.
 *
 * What happens, in the order of the RFC:
 * - an MN attaches (§6.5, §6.6): with its profile (§6.2) the MAG builds and sends a PBU (§6.9.1.1), keeps a
 *   Binding Update List entry (§6.1) and retransmits with back-off (§6.9.4);
 * - a PBA arrives (§6.9.1.2): matched to the outstanding PBU, then every status code has its consequence;
 *   on success the tunnel, the uplink/downlink binding and the Router Advertisements start (§6.9.2, §6.10);
 * - before the granted lifetime runs out the MAG refreshes with HI = 5 (§6.9.1.3) if the MN is still there;
 * - on detach it de-registers with lifetime 0 and HI = 4 and cleans up on the PBA or after
 *   INITIAL_BINDACK_TIMEOUT (§6.9.1.4, §6.13).
 */
import type {
  AttachEvent,
  BulEntry,
  DetachEvent,
  FiredTimer,
  HomeNetworkPrefix,
  MagAgent,
  MagContext,
  MessageSource,
  PolicyProfile,
  ProxyBindingAck,
  ProxyBindingUpdate,
} from '../api';

/** What the MAG remembers besides the BUL: per access link, what it asked for in the outstanding PBU. */
interface Outstanding {
  readonly mnId: string;
  readonly seq: number;
  readonly hi: number;
  readonly att: number;
  readonly mnLlId: string | null;
}

interface Session {
  /** Prefixes to request: the profile's static ones, or [] to ask for an allocation (ALL_ZERO). */
  requestHnps: HomeNetworkPrefix[];
  outstanding: Outstanding | null;
}

interface State {
  /** Per-MAG sequence counter (RFC 5213 §6.9.1.1: with timestamps, the Sequence # only matches replies). */
  seq: number;
  sessions: Map<string, Session>;
  /** MNs refused with status 152: no PBU until administrative action (§6.9.1.2). */
  denied: Set<string>;
  /** Prefixes refused with status 155, per MN: never ask for them again (§6.9.1.2). */
  refusedPrefixes: Map<string, string[]>;
  /** Send times of the last PBUs per "MN-ID LMAA", for MAX_UPDATE_RATE (RFC 6275 §11.8). */
  recentSends: Map<string, number[]>;
  /** The access link of each outstanding PBU, by "MN-ID Sequence#": how a PBA is matched (§6.9.1.2). */
  awaiting: Map<string, string>;
}

type Ctx = MagContext<State>;

const timerName = (kind: string, iface: string) => `${kind} ${iface}`;

// ---------------------------------------------------------------------------------------------------
// Attach: initial registration (RFC 5213 §6.5, §6.6, §6.9.1.1)
// ---------------------------------------------------------------------------------------------------

function onAttach(ctx: Ctx, e: AttachEvent): void {
  const iface = e.accessIface;
  if (ctx.bul.has(iface)) cleanup(ctx, iface, 'a new attachment replaced the old session on this link');
  if (e.mnId === null || e.profile === null) {
    ctx.note(
      `No policy profile for the MN on ${iface} (link-layer id ${e.mnLlId}): no PMIPv6 service`,
      'RFC 5213 §6.2',
      'mn-unauthorized',
      { mn: e.mn },
    );
    return;
  }
  const profile = e.profile;
  if (!profile.pmip) {
    ctx.note(
      `${e.mnId} is not entitled to network-based mobility: no PBU is sent`,
      'RFC 5213 §6.14',
      'mn-no-pmip',
    );
    return;
  }
  if (ctx.state.denied.has(e.mnId)) {
    ctx.note(
      `${e.mnId} was refused with PROXY_REG_NOT_ENABLED: no PBU until administrative action`,
      'RFC 5213 §6.9.1.2',
      'mn-denied',
    );
    return;
  }
  const hi = chooseHandoffIndicator(ctx, e);
  const requestHnps = profile.hnps
    .filter((p) => !wasRefused(ctx, e.mnId as string, p))
    .map((p) => ({ prefix: p.prefix, length: p.length }));
  ctx.state.sessions.set(iface, { requestHnps, outstanding: null });
  const fixedLinkLocal = ctx.config.fixedMAGLinkLocalAddress;
  ctx.bul.set(iface, {
    mnId: e.mnId,
    mnLlId: isKnownLinkLayerId(e.mnLlId) ? e.mnLlId : null,
    hnps: [],
    accessIface: iface,
    att: e.att,
    lmaa: profile.lmaa,
    proxyCoa: ctx.proxyCoa,
    magLinkLocal: fixedLinkLocal,
    state: 'registering',
    requestedLifetime: lifetimeFor(ctx, profile),
    lifetime: 0,
    expires: null,
    seq: ctx.state.seq,
    hi,
    lastSent: ctx.now,
    retransmitTimeout: firstTimeout(ctx),
    stopped: false,
    tunnel: null,
  });
  ctx.note(
    `${e.mnId} attached on ${iface}: registering with LMA ${profile.lmaa}, ${ctx.lib.hiName(hi)}`,
    'RFC 5213 §6.9.1.1',
    'mag-register',
    { hi },
  );
  sendPbu(ctx, iface);
}

/**
 * RFC 5213 §6.9.1.1: 1 for an attachment over a new interface; 3 only when the MAG knows for certain that
 * the same interface moved from another MAG; 2 only when certain of an inter-interface handoff; else 4.
 */
function chooseHandoffIndicator(ctx: Ctx, e: AttachEvent): number {
  switch (e.handoff) {
    case 'none':
      return ctx.lib.HI.NEW_INTERFACE; // no session of this MN anywhere
    case 'same-interface':
      return ctx.lib.HI.INTER_MAG_SAME_INTERFACE; // the policy store saw this very MN-LL-Identifier leave another MAG
    default:
      // Another interface just left, or the store cannot tell: that does not prove the MN's addresses
      // may move to this interface, so the MAG does not claim an inter-interface handoff (2).
      return ctx.lib.HI.UNKNOWN;
  }
}

/** RFC 5213 §2.2: an ALL_ZERO link-layer identifier is not a valid one; unknown ids are omitted (§6.9.1.1). */
function isKnownLinkLayerId(id: string): boolean {
  return id !== '' && /[1-9a-f]/i.test(id);
}

function wasRefused(ctx: Ctx, mnId: string, p: HomeNetworkPrefix): boolean {
  return (ctx.state.refusedPrefixes.get(mnId) ?? []).includes(ctx.lib.formatPrefix(p));
}

/** Lifetime in whole 4-second units (RFC 6275 §6.1.7), at most 65 535 units. */
function lifetimeFor(ctx: Ctx, profile: PolicyProfile): number {
  const seconds = profile.lifetime > 0 ? profile.lifetime : ctx.config.defaultLifetime;
  return Math.min(65535, Math.floor(seconds / 4)) * 4;
}

/** RFC 5213 §6.9.4: INITIAL_BINDACK_TIMEOUT; InitialBindackTimeoutFirstReg is optional for the MAG. */
function firstTimeout(ctx: Ctx): number {
  return ctx.config.useFirstRegTimeout
    ? ctx.config.initialBindackTimeoutFirstReg
    : ctx.config.initialBindackTimeout;
}

// ---------------------------------------------------------------------------------------------------
// Building and sending the PBU (RFC 5213 §6.9.1.1, §6.9.1.5, §6.9.4)
// ---------------------------------------------------------------------------------------------------

/** Sends the PBU the BUL entry calls for now (registration, refresh or de-registration). */
function sendPbu(ctx: Ctx, iface: string): void {
  const bul = ctx.bul.get(iface);
  const session = ctx.state.sessions.get(iface);
  if (!bul || !session) return;
  // RFC 6275 §11.8 (via RFC 5213 §6.9.4): at most MAX_UPDATE_RATE PBUs per second for this MN to its LMA.
  const sent = recentSends(ctx, bul);
  const wait = rateLimitWait(ctx, sent);
  if (wait > 0) {
    ctx.note(
      `PBU for ${bul.mnId} held back ${ctx.lib.formatDuration(wait)}: at most ${ctx.config.maxUpdateRate} per second`,
      'RFC 6275 §11.8',
      'pbu-rate-limited',
    );
    ctx.setTimer(timerName('rate-limit', iface), wait, { iface });
    return;
  }
  const pbu = buildPbu(ctx, bul, session);
  if (session.outstanding)
    ctx.state.awaiting.delete(`${session.outstanding.mnId} ${session.outstanding.seq}`);
  ctx.state.awaiting.set(`${bul.mnId} ${pbu.seq}`, iface);
  session.outstanding = {
    mnId: bul.mnId,
    seq: pbu.seq,
    hi: pbu.hi as number,
    att: bul.att,
    mnLlId: bul.mnLlId,
  };
  sent.push(ctx.now);
  ctx.state.recentSends.set(`${bul.mnId} ${bul.lmaa}`, sent);
  ctx.bul.update(iface, { seq: pbu.seq, lastSent: ctx.now, requestedLifetime: pbu.lifetime });
  ctx.send(pbu, bul.lmaa);
  if (bul.state === 'deregistering') {
    // RFC 5213 §6.9.1.4: the de-registration is not retransmitted; clean up at INITIAL_BINDACK_TIMEOUT.
    ctx.setTimer(timerName('deregistration-timeout', iface), ctx.config.initialBindackTimeout, { iface });
  } else {
    ctx.setTimer(timerName('retransmit', iface), bul.retransmitTimeout, { iface });
  }
}

/**
 * The MAG sends on the MN's behalf, so the limit RFC 6275 §11.8 sets for a mobile node's Binding Updates
 * to one peer applies per MN and LMA (a per-LMA cap would throttle a MAG serving many MNs).
 */
function recentSends(ctx: Ctx, bul: BulEntry): number[] {
  const key = `${bul.mnId} ${bul.lmaa}`;
  const windowStart = ctx.now - ctx.lib.SECOND;
  const sent = (ctx.state.recentSends.get(key) ?? []).filter((t) => t > windowStart);
  if (sent.length > 0) ctx.state.recentSends.set(key, sent);
  else ctx.state.recentSends.delete(key);
  return sent;
}

function rateLimitWait(ctx: Ctx, sent: number[]): number {
  if (sent.length < ctx.config.maxUpdateRate) return 0;
  return sent[sent.length - ctx.config.maxUpdateRate] + ctx.lib.SECOND - ctx.now;
}

function buildPbu(ctx: Ctx, bul: BulEntry, session: Session): ProxyBindingUpdate {
  const deregistering = bul.state === 'deregistering';
  const refreshing = bul.state === 'refreshing';
  let seq: number;
  if (ctx.config.timestampBasedApproachInUse) {
    ctx.state.seq = ctx.lib.seqNext(ctx.state.seq); // per-MAG counter (RFC 5213 §6.9.1.1)
    seq = ctx.state.seq;
  } else {
    seq = ctx.lib.seqNext(bul.seq); // per-session counter (RFC 6275 §11.7.1), larger on every PBU (§6.9.4)
  }
  // RFC 5213 §6.9.1.1: the assigned prefixes once known (refresh §6.9.1.3, de-registration §6.9.1.4),
  // else the profile's prefixes, else exactly one ALL_ZERO HNP to ask the LMA to allocate.
  let hnps: HomeNetworkPrefix[];
  if (bul.hnps.length > 0) hnps = bul.hnps.map((t) => ctx.lib.parsePrefix(t) as HomeNetworkPrefix);
  else if (session.requestHnps.length > 0) hnps = session.requestHnps;
  else hnps = [ctx.lib.ALL_ZERO_PREFIX];
  let hi = bul.hi;
  if (deregistering)
    hi = ctx.lib.HI.UNKNOWN; // §6.9.1.4
  else if (refreshing) hi = ctx.lib.HI.NOT_CHANGED; // §6.9.1.3
  const pbu: ProxyBindingUpdate = {
    type: 'pbu',
    seq,
    flags: ctx.lib.BU.A | ctx.lib.BU.P, // §6.9.1.5: A and P set
    lifetime: deregistering ? 0 : bul.requestedLifetime,
    mnId: bul.mnId,
    hnps,
    hi,
    att: bul.att,
    // §6.9.1.1: the MN-LL-Identifier only when it is known and not ALL_ZERO.
    ...(bul.mnLlId !== null ? { mnLlId: bul.mnLlId } : {}),
    // §6.9.1.1: a Link-local Address option only when FixedMAGLinkLocalAddressOnAllAccessLinks is ALL_ZERO.
    ...(ctx.config.fixedMAGLinkLocalAddress === ctx.lib.ALL_ZERO_ADDRESS
      ? { linkLocal: linkLocalToRequest(ctx, bul) }
      : {}),
    // §5.5 / §6.9.1.1: a Timestamp when the domain uses timestamps; every retransmission gets a fresh one (§6.9.4).
    ...(ctx.config.timestampBasedApproachInUse ? { timestamp: ctx.clock() } : {}),
  };
  if (hi !== bul.hi) ctx.bul.update(bul.accessIface, { hi });
  return pbu;
}

/** ALL_ZERO asks the LMA for an address; once one was assigned the MAG sends it back (§6.9.1.1, §5.3.6). */
function linkLocalToRequest(ctx: Ctx, bul: BulEntry): string {
  return bul.magLinkLocal === ctx.lib.ALL_ZERO_ADDRESS ? ctx.lib.ALL_ZERO_ADDRESS : bul.magLinkLocal;
}

// ---------------------------------------------------------------------------------------------------
// Processing the PBA (RFC 5213 §6.9.1.2)
// ---------------------------------------------------------------------------------------------------

function onMessage(ctx: Ctx, msg: ProxyBindingUpdate | ProxyBindingAck, from: MessageSource): void {
  if (msg.type !== 'pba') {
    ctx.note(
      `Ignored a ${msg.type.toUpperCase()} from ${from.src}: a MAG only processes PBAs`,
      'RFC 5213 §6.9.1.2',
      'mag-unexpected-message',
    );
    return;
  }
  // Step 2: match the PBA to the outstanding PBU by MN-Identifier and Sequence Number.
  const key = `${msg.mnId} ${msg.seq}`;
  const iface = ctx.state.awaiting.get(key);
  const bul = iface === undefined ? undefined : ctx.bul.get(iface);
  if (iface === undefined || bul === undefined || bul.stopped) {
    ctx.note(
      `PBA seq=${msg.seq} for ${msg.mnId ?? '(no MN-ID)'} matches no outstanding PBU: ignored`,
      'RFC 5213 §6.9.1.2',
      'pba-ignored',
    );
    return;
  }
  const session = ctx.state.sessions.get(iface) as Session;
  const out = session.outstanding as Outstanding;
  // Step 3: HI, ATT, MN LL-ID and MN-ID must echo the request; otherwise ignore and stop retransmitting.
  const mismatch = echoMismatch(msg, out);
  if (mismatch !== null) {
    ctx.cancelTimer(timerName('retransmit', iface));
    ctx.bul.update(iface, { stopped: true });
    ctx.note(
      `PBA for ${bul.mnId} ignored: its ${mismatch} differs from the PBU; no more retransmissions until administrative action`,
      'RFC 5213 §6.9.1.2',
      'pba-mismatch',
    );
    return;
  }
  session.outstanding = null;
  ctx.state.awaiting.delete(key);
  ctx.cancelTimer(timerName('retransmit', iface));
  if (bul.state === 'deregistering') {
    ctx.cancelTimer(timerName('deregistration-timeout', iface));
    ctx.note(
      `De-registration of ${bul.mnId} acknowledged (${ctx.lib.statusName(msg.status)}): removing the session`,
      'RFC 5213 §6.9.1.4',
      'dereg-acked',
    );
    cleanup(ctx, iface, 'de-registration acknowledged');
    return;
  }
  if (msg.status >= 128) rejected(ctx, iface, bul, session, msg);
  else accepted(ctx, iface, bul, msg);
}

function echoMismatch(msg: ProxyBindingAck, out: Outstanding): string | null {
  if (msg.hi !== out.hi) return `Handoff Indicator (${msg.hi} vs ${out.hi})`;
  if (msg.att !== out.att) return `Access Technology Type (${msg.att} vs ${out.att})`;
  if ((msg.mnLlId ?? null) !== out.mnLlId)
    return `MN Link-layer Identifier (${msg.mnLlId ?? 'none'} vs ${out.mnLlId ?? 'none'})`;
  if (msg.mnId !== out.mnId) return 'MN-Identifier';
  return null;
}

/** Step 8: status 0 — tunnel, routes, BUL, Router Advertisements. */
function accepted(ctx: Ctx, iface: string, bul: BulEntry, pba: ProxyBindingAck): void {
  const granted = pba.lifetime;
  const hnps = pba.hnps.filter((p) => !ctx.lib.isAllZeroPrefix(p));
  // RFC 6275 §11.7.3: the binding's lifetime counts from when the PBU was sent, as granted.
  const expires = bul.lastSent + granted * ctx.lib.SECOND;
  const tunnel = ctx.createTunnel(bul.lmaa); // re-uses the tunnel to this LMA if one exists (§6.9.1.2)
  ctx.bindAccessLink(iface, {
    lmaa: bul.lmaa,
    prefixes: hnps,
    localRouting: ctx.config.enableMAGLocalRouting,
  });
  let magLinkLocal = bul.magLinkLocal;
  if (pba.linkLocal !== undefined && pba.linkLocal !== ctx.lib.ALL_ZERO_ADDRESS) {
    magLinkLocal = pba.linkLocal; // §6.9.1.2: use the NON_ZERO Link-local Address from the LMA on this link
    ctx.setLinkLocal(iface, magLinkLocal);
  }
  const wasBound = bul.state === 'refreshing' || bul.hnps.length > 0;
  ctx.bul.update(iface, {
    state: 'bound',
    hnps: hnps.map((p) => ctx.lib.formatPrefix(p)),
    lifetime: granted,
    expires,
    retransmitTimeout: ctx.config.initialBindackTimeout,
    tunnel,
    magLinkLocal,
  });
  advertise(ctx, iface, bul.lmaa, hnps, granted);
  scheduleRefresh(ctx, iface, expires, granted);
  const prefixes = hnps.map((p) => ctx.lib.formatPrefix(p)).join(', ');
  const what = wasBound ? 'binding refreshed' : 'binding established';
  ctx.note(
    `PBA accepted: ${what} for ${bul.mnId}, home network prefix ${prefixes}, lifetime ${granted} s; advertising it on ${iface}`,
    'RFC 5213 §6.9.1.2',
    'pba-accepted',
    { lifetime: granted },
  );
}

/** RFC 5213 §6.9.2, §6.9.5: the HNPs in a PIO, MTU = min(tunnel MTU, access-link MTU). */
function advertise(
  ctx: Ctx,
  iface: string,
  lmaa: string,
  hnps: readonly HomeNetworkPrefix[],
  lifetime: number,
): void {
  const mtu = Math.min(ctx.tunnelMtu(lmaa), ctx.accessMtu(iface));
  const prefixes = hnps.map((p) => ({
    prefix: p.prefix,
    length: p.length,
    validLifetime: lifetime,
    preferredLifetime: Math.floor(lifetime / 2),
  }));
  ctx.advertise(iface, { prefixes, mtu, routerLifetime: ctx.config.routerLifetime });
}

/** Refresh "well before" expiry (RFC 6275 §11.7.3): pbuRefreshMargin ahead, or half way for short lifetimes. */
function scheduleRefresh(ctx: Ctx, iface: string, expires: number, granted: number): void {
  ctx.setTimer(timerName('binding-expiry', iface), Math.max(0, expires - ctx.now), { iface });
  if (granted === 0) return;
  const lead = Math.min(ctx.config.pbuRefreshMargin, Math.floor((granted * ctx.lib.SECOND) / 2));
  ctx.setTimer(timerName('refresh', iface), Math.max(0, expires - lead - ctx.now), { iface });
}

/** Steps 4–7: a rejection. Never advertise the HNP nor forward the MN's packets (step 7). */
function rejected(ctx: Ctx, iface: string, bul: BulEntry, session: Session, pba: ProxyBindingAck): void {
  const S = ctx.lib.STATUS;
  const status = ctx.lib.statusName(pba.status);
  withdraw(ctx, iface, bul);
  if (
    pba.status === S.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX &&
    session.requestHnps.length > 0 &&
    bul.hnps.length === 0
  ) {
    // Step 5: never ask for these prefixes again; MAY retry with a single ALL_ZERO HNP.
    const refused = ctx.state.refusedPrefixes.get(bul.mnId) ?? [];
    ctx.state.refusedPrefixes.set(bul.mnId, [
      ...refused,
      ...session.requestHnps.map((p) => ctx.lib.formatPrefix(p)),
    ]);
    session.requestHnps = [];
    ctx.note(
      `PBA ${status} for ${bul.mnId}: retrying once with one ALL_ZERO home network prefix`,
      'RFC 5213 §6.9.1.2',
      'pba-rejected-retry-allocate',
    );
    ctx.bul.update(iface, { state: 'registering', retransmitTimeout: ctx.config.initialBindackTimeout });
    sendPbu(ctx, iface);
    return;
  }
  if (pba.status === S.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED) {
    // Step 6 / §5.5: 157 → simply re-register (after the back-off, so that a persistent refusal cannot loop).
    ctx.note(
      `PBA ${status} for ${bul.mnId}: re-registering with a fresh timestamp`,
      'RFC 5213 §6.9.1.2',
      'pba-rejected-reregister',
    );
    ctx.setTimer(timerName('retransmit', iface), bul.retransmitTimeout, { iface });
    ctx.bul.update(iface, {
      retransmitTimeout: Math.min(bul.retransmitTimeout * 2, ctx.config.maxBindackTimeout),
    });
    return;
  }
  if (pba.status === S.SEQUENCE_NUMBER_OUT_OF_WINDOW && !ctx.config.timestampBasedApproachInUse) {
    // RFC 6275 §11.7.3: resend with a Sequence Number greater than the one the LMA returned.
    ctx.note(
      `PBA ${status} for ${bul.mnId}: the LMA last accepted seq=${pba.seq}; resending with a larger one`,
      'RFC 6275 §11.7.3',
      'pba-rejected-resync',
    );
    ctx.bul.update(iface, { seq: pba.seq });
    sendPbu(ctx, iface);
    return;
  }
  if (pba.status === S.PROXY_REG_NOT_ENABLED) {
    // Step 4: SHOULD NOT retry for this MN until administrative action; deny service.
    ctx.state.denied.add(bul.mnId);
  }
  let why = 'service denied';
  if (pba.status === S.TIMESTAMP_MISMATCH)
    why = 'the MAG clock is off the domain time; no re-registration before it is synchronised';
  ctx.bul.update(iface, { state: 'rejected', stopped: true, expires: null, lifetime: 0 });
  ctx.note(
    `PBA rejected for ${bul.mnId}: ${status}; ${why}; the home network prefix is not advertised and the MN's packets are not forwarded`,
    'RFC 5213 §6.9.1.2',
    'pba-rejected',
    { status: pba.status },
  );
}

/** Stops forwarding and advertising; prefixes that were advertised are withdrawn with lifetime 0 (§6.12). */
function withdraw(ctx: Ctx, iface: string, bul: BulEntry): void {
  ctx.unbindAccessLink(iface);
  if (bul.hnps.length > 0 && ctx.isAttached(iface)) {
    const prefixes = bul.hnps.map((t) => ({
      ...(ctx.lib.parsePrefix(t) as HomeNetworkPrefix),
      validLifetime: 0,
      preferredLifetime: 0,
    }));
    ctx.advertise(iface, { prefixes, routerLifetime: ctx.config.routerLifetime });
  }
  ctx.advertise(iface, null);
  ctx.cancelTimer(timerName('refresh', iface));
  ctx.cancelTimer(timerName('binding-expiry', iface));
}

// ---------------------------------------------------------------------------------------------------
// Timers: retransmission, refresh, expiry, de-registration timeout, rate limit
// ---------------------------------------------------------------------------------------------------

function onTimer(ctx: Ctx, timer: FiredTimer): void {
  const iface = String(timer.data.iface);
  const bul = ctx.bul.get(iface);
  if (!bul) return;
  const kind = timer.name.slice(0, timer.name.length - iface.length - 1);
  if (kind === 'retransmit') retransmit(ctx, iface, bul);
  else if (kind === 'refresh') refresh(ctx, iface, bul);
  else if (kind === 'binding-expiry') expired(ctx, iface, bul);
  else if (kind === 'deregistration-timeout') {
    ctx.note(
      `No PBA for the de-registration of ${bul.mnId} within INITIAL_BINDACK_TIMEOUT: removing the session`,
      'RFC 5213 §6.9.1.4',
      'dereg-timeout',
    );
    cleanup(ctx, iface, 'de-registration timed out');
  } else if (kind === 'rate-limit') sendPbu(ctx, iface);
}

/** RFC 5213 §6.9.4: retransmit only while the MN is attached, doubling the timeout up to MAX_BINDACK_TIMEOUT. */
function retransmit(ctx: Ctx, iface: string, bul: BulEntry): void {
  if (bul.stopped) return;
  if (!ctx.isAttached(iface)) {
    ctx.note(
      `${bul.mnId} left ${iface}: no more PBU retransmissions`,
      'RFC 5213 §6.9.4',
      'pbu-retransmit-stopped',
    );
    return;
  }
  const next = Math.min(bul.retransmitTimeout * 2, ctx.config.maxBindackTimeout);
  ctx.note(
    `No PBA for ${bul.mnId} after ${ctx.lib.formatDuration(bul.retransmitTimeout)}: retransmitting the PBU, next timeout ${ctx.lib.formatDuration(next)}`,
    'RFC 5213 §6.9.4',
    'pbu-retransmit',
  );
  ctx.bul.update(iface, { retransmitTimeout: next });
  sendPbu(ctx, iface);
}

/** RFC 5213 §6.9.1.3: refresh with HI = 5 only if the MN is confirmed attached; otherwise de-register (§6.13). */
function refresh(ctx: Ctx, iface: string, bul: BulEntry): void {
  if (bul.state !== 'bound') return;
  if (!ctx.isAttached(iface)) {
    ctx.note(
      `Cannot confirm ${bul.mnId} is still attached: de-registering instead of refreshing`,
      'RFC 5213 §6.9.1.3',
      'refresh-skipped',
    );
    deregister(ctx, iface);
    return;
  }
  ctx.bul.update(iface, { state: 'refreshing', retransmitTimeout: ctx.config.initialBindackTimeout });
  ctx.note(`Refreshing the binding of ${bul.mnId} before it expires`, 'RFC 5213 §6.9.1.3', 'pbu-refresh');
  sendPbu(ctx, iface);
}

function expired(ctx: Ctx, iface: string, bul: BulEntry): void {
  ctx.note(
    `The binding of ${bul.mnId} expired without a successful refresh: prefixes withdrawn, traffic no longer forwarded`,
    'RFC 5213 §6.9.1.3',
    'binding-expired',
  );
  withdraw(ctx, iface, bul);
  ctx.bul.update(iface, {
    state: bul.state === 'refreshing' ? 'registering' : bul.state,
    expires: null,
    lifetime: 0,
  });
}

// ---------------------------------------------------------------------------------------------------
// Detach: de-registration (RFC 5213 §6.9.1.4, §6.13)
// ---------------------------------------------------------------------------------------------------

function onDetach(ctx: Ctx, e: DetachEvent): void {
  const bul = ctx.bul.get(e.accessIface);
  if (!bul) return;
  if (bul.hnps.length === 0 || bul.state === 'rejected') {
    // Nothing was bound at the LMA: stop retransmitting (§6.9.4) and forget the session.
    ctx.note(
      `${bul.mnId} left ${e.accessIface} before a binding existed: no de-registration needed`,
      'RFC 5213 §6.9.4',
      'detach-unbound',
    );
    cleanup(ctx, e.accessIface, 'MN left before registration completed');
    return;
  }
  ctx.note(
    `${bul.mnId} detached from ${e.accessIface}: de-registering (lifetime 0, HI = 4)`,
    'RFC 5213 §6.9.1.4',
    'mag-deregister',
  );
  deregister(ctx, e.accessIface);
}

function deregister(ctx: Ctx, iface: string): void {
  ctx.cancelTimer(timerName('retransmit', iface));
  ctx.cancelTimer(timerName('refresh', iface));
  ctx.cancelTimer(timerName('rate-limit', iface));
  ctx.advertise(iface, null);
  ctx.bul.update(iface, { state: 'deregistering', stopped: false });
  sendPbu(ctx, iface);
}

/** RFC 5213 §6.9.1.4: remove the BUL entry, the routes, the tunnel if no other MN uses it, and the p2p link. */
function cleanup(ctx: Ctx, iface: string, why: string): void {
  const bul = ctx.bul.get(iface);
  for (const kind of ['retransmit', 'refresh', 'binding-expiry', 'deregistration-timeout', 'rate-limit'])
    ctx.cancelTimer(timerName(kind, iface));
  ctx.unbindAccessLink(iface);
  ctx.advertise(iface, null);
  const out = ctx.state.sessions.get(iface)?.outstanding;
  if (out) ctx.state.awaiting.delete(`${out.mnId} ${out.seq}`);
  ctx.state.sessions.delete(iface);
  if (!bul) return;
  ctx.bul.delete(iface);
  const stillUsed = ctx.bul.find((row) => row.lmaa === bul.lmaa && row.tunnel !== null);
  if (!stillUsed && ctx.tunnelTo(bul.lmaa) !== null) {
    ctx.deleteTunnel(bul.lmaa);
    ctx.note(`No MN uses the tunnel to ${bul.lmaa} any more: deleted`, 'RFC 5213 §6.9.1.4', 'tunnel-deleted');
  }
  ctx.closeAccessLink(iface);
  ctx.note(`Session of ${bul.mnId} on ${iface} removed: ${why}`, 'RFC 5213 §6.9.1.4', 'session-removed');
}

export default {
  role: 'mag',
  name: 'Reference MAG (RFC 5213 §6)',
  init: (): State => ({
    seq: 0,
    sessions: new Map(),
    denied: new Set(),
    refusedPrefixes: new Map(),
    recentSends: new Map(),
    awaiting: new Map(),
  }),
  onAttach,
  onDetach,
  onMessage,
  onTimer,
} satisfies MagAgent<State>;
