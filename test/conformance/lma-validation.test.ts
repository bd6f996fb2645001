/**
 * LMA validation of Proxy Binding Updates — digest §6 behaviours 38–51 (RFC 5213 §5.3.1 in its normative
 * order, §5.3.2, §5.3.6, §5.4.1.1; RFC 6275 §9.5.1/§10.3.1), run against the real LMA agent on its host
 * runtime, with scripted MAGs sending real PBU packets (lma-harness.ts).
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/sim/wire/bytes';
import { VECTORS } from '../wire/ip/fixtures';
import {
  ALL_ZERO,
  FIRST,
  LMAA,
  LmaHarness,
  MN1,
  SECOND,
  SECOND_PREFIX,
  VECTOR_PCOA,
  proxyCoa,
  text,
} from './lma-harness';

const OTHER_LMA = '2001:db8:eeee::1';

describe('LMA validation order — RFC 5213 §5.3.1', () => {
  it('B38 PBU without MN-ID → PBA 160 with a zero-length MN-ID, no binding — RFC 5213 §5.3.1 step 4, §5.3.6', () => {
    const h = new LmaHarness();
    const pba = h.exchange(1, { mnId: undefined });
    expect(pba?.status).toBe(160);
    expect(pba?.mnId).toBe('');
    expect(pba?.hnps).toEqual([ALL_ZERO]);
    expect(h.bce()).toEqual([]);
    // On the wire: the MN-ID option right after the fixed part is `08 01 01` (Length 1 = the subtype only).
    const bytes = h.sentBytes('PBA')[0];
    expect(toHex(bytes.subarray(52, 55))).toBe('080101');
    expect(h.decisions('pbu-rejected')[0].rfc).toBe('RFC 5213 §5.3.1 step 4');
  });

  it('B38 the 160 reply reproduces the golden packet of digest §7.6 byte for byte — RFC 5213 §5.3.6', () => {
    const h = new LmaHarness({ vectorAddresses: true });
    h.send(
      1,
      { seq: 7, mnId: undefined, mnLlId: undefined, timestamp: undefined, hnps: [ALL_ZERO], hi: 1, att: 4 },
      VECTOR_PCOA,
    );
    h.advance(50_000);
    expect(toHex(h.sentBytes('PBA')[0])).toBe(VECTORS.pba_reject_160);
  });

  it('B39 PBU from a MAG the MN is not authorized at → PBA 154 — RFC 5213 §5.3.1 steps 5–6, §4', () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1, authorizedMags: [proxyCoa(2)] }] });
    expect(h.exchange(1)?.status).toBe(154);
    expect(h.bce()).toEqual([]);
    expect(h.exchange(2)?.status).toBe(0);
  });

  it('B39 the MAG check comes before the MN check: an MN of another LMA at an unauthorized MAG → 154, not 153 — RFC 5213 §5.3.1 steps 5–7', () => {
    const h = new LmaHarness({
      policies: [{ mnId: 'mn9@example.com', lmaa: OTHER_LMA, authorizedMags: [proxyCoa(2)] }],
    });
    expect(h.exchange(1, { mnId: 'mn9@example.com' })?.status).toBe(154);
    expect(h.exchange(2, { mnId: 'mn9@example.com' })?.status).toBe(153);
  });

  it('B39 a PBU from a MAG without a security association is dropped, unanswered — RFC 5213 §4', () => {
    const h = new LmaHarness({ securedMags: [1, 2] });
    expect(h.exchange(3)).toBeUndefined();
    const drop = h.entries((e) => e.kind === 'drop' && e.node === 'lma1');
    expect(drop).toHaveLength(1);
    expect(drop[0]).toMatchObject({ rfc: 'RFC 5213 §4' });
    expect(h.decisions()).toEqual([]);
  });

  it('B40 PBU for an MN-ID this LMA does not serve → PBA 153 — RFC 5213 §5.3.1 step 7', () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1 }, { mnId: 'mn2@example.com', lmaa: OTHER_LMA }] });
    expect(h.exchange(1, { mnId: 'stranger@example.com' })?.status).toBe(153);
    expect(h.exchange(1, { mnId: 'mn2@example.com' })?.status).toBe(153);
    expect(h.bce()).toEqual([]);
  });

  it('B41 PBU for an MN not entitled to network-based mobility → PBA 152 — RFC 5213 §5.3.1 step 8', () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1, pmip: false }] });
    const pba = h.exchange(1);
    expect(pba?.status).toBe(152);
    expect(pba?.mnId).toBe(MN1);
    expect(h.bce()).toEqual([]);
  });

  it('B42 PBU without any HNP option → PBA 158 carrying one ALL_ZERO HNP — RFC 5213 §5.3.1 step 10, §5.3.6', () => {
    const h = new LmaHarness();
    const pba = h.exchange(1, { hnps: [] });
    expect(pba?.status).toBe(158);
    expect(pba?.hnps).toEqual([ALL_ZERO]);
    // On the wire: exactly one option of type 22 whose prefix length and prefix are zero.
    const bytes = h.sentBytes('PBA')[0];
    const at = bytes.indexOf(0x16, 52);
    expect(toHex(bytes.subarray(at, at + 20))).toBe(`1612${'00'.repeat(18)}`);
  });

  it('B43 PBU without HI → 161, without ATT → 162; the PBA then carries HI/ATT 0 — RFC 5213 §5.3.1 steps 11–12, §5.3.6', () => {
    const h = new LmaHarness();
    const noHi = h.exchange(1, { hi: undefined });
    expect(noHi).toMatchObject({ status: 161, hi: 0, att: 4 });
    const noAtt = h.exchange(1, { att: undefined });
    expect(noAtt).toMatchObject({ status: 162, hi: 1, att: 0 });
    expect(h.exchange(1, { hi: undefined, att: undefined })).toMatchObject({ status: 161, hi: 0, att: 0 });
    expect(h.bce()).toEqual([]);
  });

  it('B44 a PBU missing both MN-ID and HNP yields 160, not 158 — RFC 5213 §5.3.1 steps 4, 10', () => {
    const h = new LmaHarness();
    expect(h.exchange(1, { mnId: undefined, hnps: [] })?.status).toBe(160);
  });

  it('B45 a rejected PBA copies every HNP option of the request unchanged — RFC 5213 §5.3.6', () => {
    const h = new LmaHarness();
    const asked = [
      { prefix: '2001:db8:77::', length: 64 },
      { prefix: '2001:db8:78::', length: 56 },
    ];
    const pba = h.exchange(1, { mnId: 'stranger@example.com', hnps: asked });
    expect(pba?.status).toBe(153);
    expect(pba?.hnps).toEqual(asked);
  });
});

describe('The PBA and new sessions — RFC 5213 §5.3.2, §5.3.6', () => {
  it('B46 an accepted PBA has one HNP per assigned prefix, P set, the Sequence # copied, src/dst swapped — RFC 5213 §5.3.6', () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1, prefixCount: 2 }] });
    h.send(1, { seq: 4242 });
    h.advance(50_000);
    const got = h.mag(1).pbas[0];
    expect(got.pba).toMatchObject({
      status: 0,
      flags: 0x20,
      seq: 4242,
      lifetime: 3600,
      mnId: MN1,
      hi: 1,
      att: 4,
    });
    expect(got.pba.hnps).toEqual([FIRST, SECOND_PREFIX]);
    expect(got.src).toBe(LMAA);
    expect(got.dst).toBe(proxyCoa(1));
    expect(h.bce()[0][1].hnps).toEqual([text(FIRST), text(SECOND_PREFIX)]);
  });

  it('B46 the accepted PBA reproduces the golden packet of digest §7.4 byte for byte — RFC 5213 §5.3.6', () => {
    // Vector A's PBU (seq 1, lifetime 900 units, HI 1, ATT 4, MN LL-ID, timestamp 2024-01-01T00:00:00.5Z)
    // to an LMA whose pool holds exactly 2001:db8:1:1::/64.
    const h = new LmaHarness({ vectorAddresses: true, prefixPool: '2001:db8:1:1::/64' });
    h.until(500_000);
    const pbu = h.send(1, { seq: 1 }, VECTOR_PCOA);
    expect(pbu.timestamp).toBe(1_704_067_200_500_000);
    h.advance(50_000);
    const sent = h.entries((e) => e.kind === 'tx' && e.node === 'mag1' && e.label.startsWith('PBU'));
    expect(toHex((sent[0] as { bytes: Uint8Array }).bytes)).toBe(VECTORS.pbu_initial);
    expect(toHex(h.sentBytes('PBA')[0])).toBe(VECTORS.pba_success);
  });

  it('B47 an ALL_ZERO HNP gets a prefix no other session uses; with the pool exhausted → PBA 130 — RFC 5213 §5.3.2', () => {
    const h = new LmaHarness({
      prefixPool: '2001:db8:1::/63',
      policies: [{ mnId: MN1 }, { mnId: 'mn2@example.com' }, { mnId: 'mn3@example.com' }],
    });
    expect(h.exchange(1)?.hnps).toEqual([FIRST]);
    expect(h.exchange(2, { mnId: 'mn2@example.com', mnLlId: '00:11:22:33:44:02' })?.hnps).toEqual([
      SECOND_PREFIX,
    ]);
    const third = h.exchange(3, { mnId: 'mn3@example.com', mnLlId: '00:11:22:33:44:03' });
    expect(third?.status).toBe(130);
    expect(third?.hnps).toEqual([ALL_ZERO]);
    expect(h.bce().map(([k]) => k)).toEqual(['mn1@example.com#1', 'mn2@example.com#2']);
  });

  it('B47 a partial allocation is given back: 2 prefixes asked, 1 left → 130 and the pool keeps its free prefix — RFC 5213 §5.3.2', () => {
    const h = new LmaHarness({
      prefixPool: '2001:db8:1::/63',
      policies: [{ mnId: MN1 }, { mnId: 'mn2@example.com', prefixCount: 2 }],
    });
    h.exchange(1);
    expect(h.exchange(2, { mnId: 'mn2@example.com' })?.status).toBe(130);
    expect(h.lma.pool.allocated).toBe(1);
  });

  it('B48 a NON_ZERO HNP not owned by the LMA, or not authorized for the MN → PBA 155 — RFC 5213 §5.3.2', () => {
    const mine = { prefix: '2001:db8:2::', length: 64 };
    const h = new LmaHarness({ policies: [{ mnId: MN1, prefixes: [mine] }] });
    const foreign = { prefix: '2001:db8:99::', length: 64 };
    expect(h.exchange(1, { hnps: [foreign] })).toMatchObject({ status: 155, hnps: [foreign] });
    const poolButNotHis = { prefix: '2001:db8:1:5::', length: 64 };
    expect(h.exchange(1, { hnps: [poolButNotHis] })?.status).toBe(155);
    expect(h.bce()).toEqual([]);
    expect(h.exchange(1, { hnps: [mine] })).toMatchObject({ status: 0, hnps: [mine] });
  });

  it("B49 a NON_ZERO HNP held by another MN's binding → PBA 155, that binding untouched — RFC 5213 §5.4.1.1", () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1 }, { mnId: 'mn2@example.com' }] });
    h.exchange(1);
    const before = h.bce();
    const pba = h.exchange(2, { mnId: 'mn2@example.com', hnps: [FIRST], hi: 3 });
    expect(pba?.status).toBe(155);
    expect(h.bce()).toEqual(before);
    expect(h.decisions('pbu-rejected')[0].rfc).toBe('RFC 5213 §5.4.1.1');
  });

  it('B50 same MN-ID but a different prefix set (1 of its 2 prefixes) → PBA 159 — RFC 5213 §5.4.1.1', () => {
    const h = new LmaHarness({ policies: [{ mnId: MN1, prefixCount: 2 }] });
    h.exchange(1);
    const pba = h.exchange(1, { hnps: [FIRST], hi: 5 });
    expect(pba).toMatchObject({ status: 159, hnps: [FIRST] });
    expect(h.bce()[0][1].hnps).toEqual([text(FIRST), text(SECOND_PREFIX)]);
  });

  it('B51 the lifetime granted never exceeds the request; the binding is deleted when it expires unrefreshed — RFC 6275 §9.5.1, §10.3.1', () => {
    const h = new LmaHarness({
      policies: [
        { mnId: MN1, lifetime: 60 },
        { mnId: 'mn2@example.com', lifetime: 3600 },
      ],
    });
    // The profile lowers a 3600 s request to 60 s; a 100 s request under a 3600 s profile gets 100 s.
    expect(h.exchange(1, { lifetime: 3600 })?.lifetime).toBe(60);
    expect(
      h.exchange(2, { mnId: 'mn2@example.com', mnLlId: '00:11:22:33:44:02', lifetime: 100 })?.lifetime,
    ).toBe(100);
    h.until(61 * SECOND);
    expect(h.bce().map(([k]) => k)).toEqual(['mn2@example.com#2']);
    expect(h.routeOf(FIRST)).toBeNull();
    expect(h.tunnels()).toEqual(['tnl-mag2']);
    h.until(101 * SECOND);
    expect(h.bce()).toEqual([]);
    expect(h.tunnels()).toEqual([]);
    expect(h.decisions('bce-expired').map((d) => d.t)).toEqual([60_002_000, 100_052_000]);
  });
});
