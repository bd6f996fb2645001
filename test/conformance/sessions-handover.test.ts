/**
 * Mobility sessions at the LMA — digest §6 behaviours 59–73: re-registration (RFC 5213 §5.3.3), handoff
 * (§5.3.4) and the binding cache lookup of §5.4.1 with every Handoff Indicator case, multihoming (§5.4),
 * the MaxDelayBeforeNewBCEAssign wait, de-registration with MinDelayBeforeBCEDelete and the late
 * de-registration race (§5.3.5), and the Link-local Address option (§5.3.6) — against the real LMA agent
 * with scripted MAGs (lma-harness.ts).
 */
import { describe, expect, it } from 'vitest';
import type { TimerFired, TimerCancelled, TimerSet } from '../../src/sim/core/trace-types';
import { ALL_ZERO, FIRST, LmaHarness, MN1, MS, SECOND, SECOND_PREFIX, proxyCoa, text } from './lma-harness';

const KEY = 'mn1@example.com#1';
const MAC2 = '00:11:22:33:44:66';
/** An address in the first allocated prefix (where downlink test packets go). */
const HOA = '2001:db8:1::211:22ff:fe33:4455';

type TimerKind = 'timer-set' | 'timer-fired' | 'timer-cancelled';
type TimerEntry<K extends TimerKind> = Extract<TimerSet | TimerFired | TimerCancelled, { kind: K }>;

function timers<K extends TimerKind>(h: LmaHarness, kind: K, prefix: string): TimerEntry<K>[] {
  return h.entries(
    (e) => e.kind === kind && e.node === 'lma1' && e.timer.startsWith(prefix),
  ) as TimerEntry<K>[];
}

/** Registers mn1 at mag1 (HI 1, ALL_ZERO) and returns the harness; the binding gets FIRST. */
function registered(opts: ConstructorParameters<typeof LmaHarness>[0] = {}, fields = {}): LmaHarness {
  const h = new LmaHarness(opts);
  expect(h.exchange(1, fields)).toMatchObject({ status: 0, hnps: [FIRST] });
  return h;
}

describe('Re-registration and handoff — RFC 5213 §5.3.3, §5.3.4, §5.4.1', () => {
  it('B59 a refresh from the same Proxy-CoA (HI 5, same prefixes) extends the lifetime, routes and tunnel unchanged, PBA 0 — RFC 5213 §5.3.3', () => {
    const h = registered();
    h.until(100 * SECOND);
    const routesBefore = h.tableChanges('routes').length;
    const tunnelsBefore = h.tableChanges('tunnels').length;
    const pba = h.exchange(1, { hnps: [FIRST], hi: 5 });
    expect(pba).toMatchObject({ status: 0, hnps: [FIRST], lifetime: 3600 });
    const [key, e] = h.bce()[0];
    expect(key).toBe(KEY);
    expect(e).toMatchObject({ proxyCoa: proxyCoa(1), hi: 5, expires: 100_002_000 + 3600 * SECOND });
    expect(h.tableChanges('routes')).toHaveLength(routesBefore);
    expect(h.tableChanges('tunnels')).toHaveLength(tunnelsBefore);
    expect(h.decisions('pbu-accepted')[1].rfc).toBe('RFC 5213 §5.3.3');
  });

  it('B60 HI 3, no HNP and no LL-ID from a new Proxy-CoA, one binding → updated, route moved, old tunnel deleted, PBA 0 with the old prefix — RFC 5213 §5.4.1.3, §5.3.4', () => {
    const h = registered({}, { mnLlId: undefined });
    expect(h.tunnels()).toEqual(['tnl-mag1']);
    const pba = h.exchange(2, { mnLlId: undefined, hi: 3 });
    expect(pba).toMatchObject({ status: 0, hnps: [FIRST] });
    expect(h.bce()).toHaveLength(1);
    expect(h.bce()[0]).toEqual([
      KEY,
      expect.objectContaining({ proxyCoa: proxyCoa(2), tunnel: 'tnl-mag2', hi: 3 }),
    ]);
    expect(h.routeOf(FIRST)).toBe('tnl-mag2');
    expect(h.tunnels()).toEqual(['tnl-mag2']);
    expect(h.decisions('tunnel-deleted')).toHaveLength(1);
  });

  it('B60 the old tunnel stays while another session still uses it — RFC 5213 §5.6.1', () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1 }, { mnId: 'mn2@example.com' }] });
    h.exchange(1, { mnLlId: undefined });
    h.exchange(1, { mnId: 'mn2@example.com', mnLlId: undefined });
    h.exchange(2, { mnLlId: undefined, hi: 3 });
    expect(h.tunnels()).toEqual(['tnl-mag1', 'tnl-mag2']);
    expect(h.routeOf(SECOND_PREFIX)).toBe('tnl-mag1');
  });

  it("B61 HI 3 with the matching NON_ZERO prefix set, no LL-ID, the binding's LL-ID ALL_ZERO, same ATT → update — RFC 5213 §5.4.1.1", () => {
    const h = registered({}, { mnLlId: undefined });
    expect(h.bce()[0][1].mnLlId).toBeNull();
    expect(h.exchange(2, { mnLlId: undefined, hnps: [FIRST], hi: 3 })).toMatchObject({
      status: 0,
      hnps: [FIRST],
    });
    expect(h.bce()).toEqual([[KEY, expect.objectContaining({ proxyCoa: proxyCoa(2) })]]);
  });

  it('B61 the same request with a different ATT matches no rule: a new session, refused 155 as the prefixes are in use — RFC 5213 §5.4.1.1, §5.3.2', () => {
    const h = registered({}, { mnLlId: undefined });
    expect(h.exchange(2, { mnLlId: undefined, hnps: [FIRST], hi: 3, att: 8 })?.status).toBe(155);
    expect(h.bce()[0][1].proxyCoa).toBe(proxyCoa(1));
  });

  it('B62 matching (MN-ID, ATT, LL-ID) and no HNP → update, whatever the HI — RFC 5213 §5.4.1.2', () => {
    const h = registered();
    expect(h.exchange(2, { hi: 1 })).toMatchObject({ status: 0, hnps: [FIRST] });
    expect(h.bce()).toEqual([
      [KEY, expect.objectContaining({ proxyCoa: proxyCoa(2), mnLlId: '00:11:22:33:44:55' })],
    ]);
  });

  it('B63 same MN-ID and LL-ID but a different ATT, HI 1, no HNP → a second, independent session with a new prefix — RFC 5213 §5.4, §5.4.1.2', () => {
    const h = registered();
    expect(h.exchange(2, { att: 8, hi: 1 })).toMatchObject({ status: 0, hnps: [SECOND_PREFIX] });
    expect(h.bce().map(([k, e]) => [k, e.att, e.hnps])).toEqual([
      [KEY, 4, [text(FIRST)]],
      ['mn1@example.com#2', 8, [text(SECOND_PREFIX)]],
    ]);
  });

  it('B64 multihoming: HI 1 from a second interface → a new binding with a disjoint prefix; the lifetimes are independent — RFC 5213 §5.4, §5.4.1.3', () => {
    const h = new LmaHarness();
    h.exchange(1, { lifetime: 100 });
    expect(h.exchange(2, { mnLlId: MAC2, att: 8, hi: 1, lifetime: 200 })).toMatchObject({
      status: 0,
      hnps: [SECOND_PREFIX],
    });
    expect(h.bce()).toHaveLength(2);
    h.until(150 * SECOND);
    expect(h.bce().map(([k]) => k)).toEqual(['mn1@example.com#2']);
    expect(h.routeOf(FIRST)).toBeNull();
    expect(h.routeOf(SECOND_PREFIX)).toBe('tnl-mag2');
    h.until(201 * SECOND);
    expect(h.bce()).toEqual([]);
  });

  it('B65 HI 2 (inter-interface handoff), no HNP, one binding → the binding and its prefix move to the new interface and MAG — RFC 5213 §5.4.1.2, §5.4.1.3', () => {
    const h = registered();
    expect(h.exchange(2, { mnLlId: MAC2, att: 8, hi: 2 })).toMatchObject({ status: 0, hnps: [FIRST] });
    expect(h.bce()).toEqual([
      [
        KEY,
        expect.objectContaining({ proxyCoa: proxyCoa(2), mnLlId: MAC2, att: 8, hi: 2, hnps: [text(FIRST)] }),
      ],
    ]);
    // Without an LL-ID (§5.4.1.3) the same holds.
    const h2 = registered({}, { mnLlId: undefined });
    expect(h2.exchange(2, { mnLlId: undefined, att: 8, hi: 2 })).toMatchObject({ status: 0, hnps: [FIRST] });
    expect(h2.bce()).toHaveLength(1);
  });
});

describe('HI = 4: MaxDelayBeforeNewBCEAssign — RFC 5213 §5.4.1.2, §5.4.1.3', () => {
  it('B66 HI 4, no HNP, one binding, no de-registration → the LMA waits 1 500 ms, then creates a new session with a new prefix — RFC 5213 §5.4.1.2/§5.4.1.3', () => {
    const h = registered({}, { mnLlId: undefined });
    h.until(SECOND);
    h.send(2, { mnLlId: undefined, hi: 4 });
    h.advance(1400 * MS);
    expect(h.mag(2).pbas).toEqual([]);
    const set = timers(h, 'timer-set', 'MaxDelayBeforeNewBCEAssign');
    expect(set).toHaveLength(1);
    expect(set[0].deadline - set[0].t).toBe(1500 * MS);
    h.advance(200 * MS);
    const got = h.mag(2).pbas[0];
    expect(got.pba).toMatchObject({ status: 0, hnps: [SECOND_PREFIX] });
    // PBU at 1 s + 2 ms on the LMA, the wait, then 2 ms back to mag2.
    expect(got.t).toBe(SECOND + 2 * MS + 1500 * MS + 2 * MS);
    expect(h.bce().map(([k]) => k)).toEqual([KEY, 'mn1@example.com#2']);
    expect(h.decisions('hi4-timeout')).toHaveLength(1);
  });

  it('B66 a retransmission during the wait replaces the waiting PBU and keeps the deadline — RFC 5213 §5.4.1.2', () => {
    const h = registered({}, { mnLlId: undefined });
    h.send(2, { mnLlId: undefined, hi: 4 });
    h.advance(SECOND);
    const retry = h.send(2, { mnLlId: undefined, hi: 4 });
    h.advance(SECOND);
    expect(h.mag(2).pbas.map((r) => r.pba.seq)).toEqual([retry.seq]);
    expect(timers(h, 'timer-set', 'MaxDelayBeforeNewBCEAssign')).toHaveLength(1);
  });

  it("B67 HI 4 and the old MAG's de-registration within 1 500 ms → the existing binding is updated, prefix kept — RFC 5213 §5.4.1.2/§5.4.1.3, §5.3.5", () => {
    const h = registered({}, { mnLlId: undefined });
    h.send(2, { mnLlId: undefined, hi: 4 });
    h.advance(500 * MS);
    h.send(1, { mnLlId: undefined, hi: 4, lifetime: 0, hnps: [FIRST] });
    h.advance(50 * MS);
    expect(h.mag(1).pbas[1].pba).toMatchObject({ status: 0, lifetime: 0 });
    expect(h.mag(2).pbas[0].pba).toMatchObject({ status: 0, hnps: [FIRST] });
    expect(h.mag(2).pbas[0].t).toBe(h.mag(1).pbas[1].t);
    expect(h.bce()).toEqual([[KEY, expect.objectContaining({ proxyCoa: proxyCoa(2), state: 'active' })]]);
    expect(timers(h, 'timer-cancelled', 'MaxDelayBeforeNewBCEAssign')).toHaveLength(1);
    expect(timers(h, 'timer-cancelled', 'MinDelayBeforeBCEDelete')).toHaveLength(1);
    expect(h.routeOf(FIRST)).toBe('tnl-mag2');
  });
});

describe('De-registration — RFC 5213 §5.3.5', () => {
  it("B68 de-registration from the serving MAG → PBA 0 (lifetime 0), binding kept 10 s, the MN's downlink traffic dropped meanwhile — RFC 5213 §5.3.5", () => {
    const h = registered();
    h.ping(HOA, 1);
    h.advance(50 * MS);
    expect(h.mag(1).tunnelled).toHaveLength(1);
    const pba = h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 });
    expect(pba).toMatchObject({ status: 0, lifetime: 0, hnps: [FIRST] });
    expect(h.bce()[0][1]).toMatchObject({ state: 'deregistering', lifetime: 0 });
    const hold = timers(h, 'timer-set', 'MinDelayBeforeBCEDelete');
    expect(hold[0].deadline - hold[0].t).toBe(10 * SECOND);
    h.ping(HOA, 2);
    h.advance(50 * MS);
    expect(h.mag(1).tunnelled).toHaveLength(1);
    const drops = h.entries((e) => e.kind === 'drop' && e.node === 'lma1');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ rfc: 'RFC 5213 §5.3.5' });
    h.advance(9 * SECOND);
    expect(h.bce()).toHaveLength(1);
  });

  it('B68 a retransmitted de-registration during the hold is acknowledged again; the hold keeps its deadline — RFC 5213 §5.3.5', () => {
    const h = registered();
    h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 });
    const deadline = h.bce()[0][1].expires;
    h.advance(SECOND);
    expect(h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 })).toMatchObject({ status: 0, lifetime: 0 });
    expect(h.bce()[0][1]).toMatchObject({ state: 'deregistering', expires: deadline });
    expect(timers(h, 'timer-set', 'MinDelayBeforeBCEDelete')).toHaveLength(1);
    h.until(deadline);
    expect(h.bce()).toEqual([]);
  });

  it("B69 the new MAG's PBU (lifetime > 0) during the hold → same binding and prefix, hold cancelled, PBA 0 — RFC 5213 §5.3.5", () => {
    const h = registered();
    h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 });
    h.advance(3 * SECOND);
    expect(h.exchange(2, { hi: 4 })).toMatchObject({ status: 0, hnps: [FIRST] });
    expect(h.bce()).toEqual([[KEY, expect.objectContaining({ state: 'active', proxyCoa: proxyCoa(2) })]]);
    expect(timers(h, 'timer-cancelled', 'MinDelayBeforeBCEDelete')).toHaveLength(1);
    h.ping(HOA);
    h.advance(50 * MS);
    expect(h.mag(2).tunnelled).toHaveLength(1);
    h.advance(20 * SECOND);
    expect(h.bce()).toHaveLength(1);
  });

  it('B70 no PBU during the hold → binding, route and tunnel removed at t = 10 s; the prefix can be assigned again — RFC 5213 §5.3.5', () => {
    const h = registered({ policies: [{ mnId: MN1 }, { mnId: 'mn2@example.com' }] });
    h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 });
    const deregAt = h.decisions('pbu-accepted')[1].t;
    h.until(deregAt + 10 * SECOND - 1);
    expect(h.bce()).toHaveLength(1);
    h.until(deregAt + 10 * SECOND);
    expect(h.bce()).toEqual([]);
    expect(h.routeOf(FIRST)).toBeNull();
    expect(h.tunnels()).toEqual([]);
    expect(h.decisions('bce-deleted')[0].t).toBe(deregAt + 10 * SECOND);
    expect(h.exchange(2, { mnId: 'mn2@example.com', mnLlId: MAC2 })).toMatchObject({
      status: 0,
      hnps: [FIRST],
    });
  });

  it('B71 late de-registration race: after the new MAG moved the binding, a lifetime-0 PBU from the old Proxy-CoA is ignored — RFC 5213 §5.3.5', () => {
    const h = registered();
    expect(h.exchange(2, { hi: 3 })?.status).toBe(0);
    const before = h.bce();
    const dereg = h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 });
    expect(dereg).toBeUndefined();
    expect(h.bce()).toEqual(before);
    expect(h.routeOf(FIRST)).toBe('tnl-mag2');
    expect(h.tunnels()).toEqual(['tnl-mag2']);
    expect(h.decisions('dereg-ignored')).toHaveLength(1);
  });

  it('B71 the same race with a de-registration stamped before the handoff is refused by the §5.5 ordering check (157), binding untouched — RFC 5213 §5.3.1 step 9, §5.5', () => {
    const h = registered();
    const stampedEarly = h.clock(1);
    h.advance(100 * MS);
    h.exchange(2, { hi: 3 });
    const before = h.bce();
    expect(h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4, timestamp: stampedEarly })?.status).toBe(157);
    expect(h.bce()).toEqual(before);
  });

  it('B72 a lifetime-0 PBU that matches no session is silently ignored (no PBA, no binding) — RFC 5213 §5.4.1.1–§5.4.1.3', () => {
    const h = new LmaHarness();
    expect(h.exchange(1, { lifetime: 0, hnps: [ALL_ZERO], hi: 4 })).toBeUndefined();
    expect(h.exchange(1, { lifetime: 0, hnps: [FIRST], hi: 4 })).toBeUndefined();
    expect(h.bce()).toEqual([]);
    expect(h.sentBytes('PBA')).toEqual([]);
    expect(h.decisions('dereg-ignored')).toHaveLength(2);
  });
});

describe('Link-local Address option — RFC 5213 §5.3.6', () => {
  it('B73 ALL_ZERO on a new session → a generated link-local address, stored; later ALL_ZERO requests get the same one — RFC 5213 §5.3.6', () => {
    const h = new LmaHarness();
    const first = h.exchange(1, { linkLocal: '::' });
    const generated = first?.linkLocal as string;
    expect(generated).toMatch(/^fe80::[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/);
    expect(h.bce()[0][1].magLinkLocal).toBe(generated);
    expect(h.exchange(1, { linkLocal: '::', hnps: [FIRST], hi: 5 })?.linkLocal).toBe(generated);
    // After a handoff the new MAG is told the same address (the MN sees the same default router).
    expect(h.exchange(2, { linkLocal: '::', hi: 3 })?.linkLocal).toBe(generated);
  });

  it('B73 a NON_ZERO value is echoed and stored; a PBU without the option gets none back — RFC 5213 §5.3.6', () => {
    const h = new LmaHarness();
    expect(h.exchange(1, { linkLocal: 'fe80::1234' })?.linkLocal).toBe('fe80::1234');
    expect(h.bce()[0][1].magLinkLocal).toBe('fe80::1234');
    expect(h.exchange(1, { hnps: [FIRST], hi: 5 })?.linkLocal).toBeUndefined();
    expect(h.exchange(1, { linkLocal: '::', hnps: [FIRST], hi: 5 })?.linkLocal).toBe('fe80::1234');
    // A rejected PBU copies the request's value.
    expect(h.exchange(1, { linkLocal: '::', mnId: 'stranger@example.com' })).toMatchObject({
      status: 153,
      linkLocal: '::',
    });
  });
});
