/**
 * The policy store / AAA of the domain (RFC 5213 §6.2; RFC 5779 in spirit): per-MN policy profiles, the
 * access authentication that maps an attaching interface's link-layer address to an MN-Identifier
 * (RFC 5213 §6.6), and the accounting that tells a MAG what it knows of the MN's other sessions.
 *
 * The MAG asks it through access authentication; the LMA asks it by MN-Identifier. Both see the same
 * profiles, as in a deployment where MAG and LMA share one AAA server.
 */
import type { Micros } from '../../core/time';
import type { HandoffHint, PolicyProfile, Prefix } from '../api';

/** One MN's policy, in agent terms (the installer converts the scenario's `policies`). */
export interface PolicyRecord {
  /** Node id of the mobile node. */
  readonly mn: string;
  readonly mnId: string;
  readonly lmaa: string;
  /** Entitled to network-based mobility (RFC 5213 §6.14). */
  readonly pmip: boolean;
  /** Static home network prefixes (the MN's first interface uses them; others get allocated ones). */
  readonly prefixes: readonly Prefix[];
  readonly prefixCount: number;
  /** Binding lifetime in seconds. */
  readonly lifetime: number;
  /** The MN's interfaces, in the order of the scenario (the first one holds the static prefixes). */
  readonly interfaces: readonly { readonly name: string; readonly mac: string }[];
  /** Proxy-CoAs allowed to register this MN; null = every MAG with a security association. */
  readonly authorizedMags: readonly string[] | null;
}

export interface Authenticated {
  readonly record: PolicyRecord;
  /** The MN's interface that attached. */
  readonly iface: string;
  /** The profile as the serving MAG receives it for this interface (RFC 5213 §6.2). */
  readonly profile: PolicyProfile;
}

interface AccountingSession {
  readonly mnId: string;
  readonly mac: string;
  readonly mag: string;
  /** null while the session is running. */
  stopped: Micros | null;
}

export class PolicyStore {
  private readonly byMac = new Map<string, { record: PolicyRecord; iface: string }>();
  private readonly byMnId = new Map<string, PolicyRecord>();
  /** Accounting sessions per MN-Identifier. */
  private readonly sessions = new Map<string, AccountingSession[]>();

  /**
   * `recentWindow`: how long after a session stops the store still counts it as "just left" (a handoff
   * in progress) rather than gone; the installer uses MinDelayBeforeBCEDelete, how long the LMA keeps a
   * de-registered binding (RFC 5213 §5.3.5).
   */
  constructor(
    records: readonly PolicyRecord[],
    private readonly recentWindow: Micros,
  ) {
    for (const r of records) {
      this.byMnId.set(r.mnId, r);
      for (const i of r.interfaces) this.byMac.set(i.mac.toLowerCase(), { record: r, iface: i.name });
    }
  }

  /** Access authentication (RFC 5213 §6.6): the MN behind a link-layer address, or null when unknown. */
  authenticate(mac: string): Authenticated | null {
    const hit = this.byMac.get(mac.toLowerCase());
    if (!hit) return null;
    return { record: hit.record, iface: hit.iface, profile: this.interfaceProfile(hit.record, hit.iface) };
  }

  /** The LMA's view (RFC 5213 §5.3.1 steps 7–8, §5.3.2): every prefix authorized for the MN. */
  profileByMnId(mnId: string): PolicyProfile | null {
    const r = this.byMnId.get(mnId);
    return r ? toProfile(r, r.prefixes) : null;
  }

  private interfaceProfile(r: PolicyRecord, iface: string): PolicyProfile {
    const first = r.interfaces.length > 0 && r.interfaces[0].name === iface;
    return toProfile(r, first ? r.prefixes : []);
  }

  // ── accounting ──────────────────────────────────────────────────────────────────────────────────

  /**
   * What the store knows of the MN's other sessions when `mac` attaches at `mag` — the input to the
   * Handoff Indicator choice (RFC 5213 §6.9.1.1). Call before `start`.
   */
  handoffHint(mnId: string, mac: string, mag: string, now: Micros): HandoffHint {
    const mine = (this.sessions.get(mnId) ?? []).filter((s) => this.live(s, now));
    if (mine.some((s) => s.mac === mac && s.mag !== mag)) return 'same-interface';
    const others = mine.filter((s) => s.mac !== mac);
    // Only this interface, back on the same MAG: the store cannot say what happened in between.
    if (others.length === 0) return mine.length === 0 ? 'none' : 'unknown';
    // Another interface still attached: this one is an additional attachment (multihoming).
    if (others.some((s) => s.stopped === null)) return 'none';
    return 'other-interface';
  }

  /** Accounting start (the MN's interface is attached and authenticated at `mag`). */
  start(mnId: string, mac: string, mag: string, now: Micros): void {
    const list = (this.sessions.get(mnId) ?? []).filter((s) => this.live(s, now));
    list.push({ mnId, mac, mag, stopped: null });
    this.sessions.set(mnId, list);
  }

  /** Accounting stop (the interface left `mag`). */
  stop(mnId: string, mac: string, mag: string, now: Micros): void {
    for (const s of this.sessions.get(mnId) ?? [])
      if (s.mac === mac && s.mag === mag && s.stopped === null) s.stopped = now;
  }

  private live(s: AccountingSession, now: Micros): boolean {
    return s.stopped === null || now - s.stopped <= this.recentWindow;
  }
}

function toProfile(r: PolicyRecord, hnps: readonly Prefix[]): PolicyProfile {
  return {
    mnId: r.mnId,
    lmaa: r.lmaa,
    pmip: r.pmip,
    hnps,
    prefixCount: r.prefixCount,
    lifetime: r.lifetime,
    authorizedMags: r.authorizedMags,
  };
}
