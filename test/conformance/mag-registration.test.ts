/**
 * Conformance, MAG signalling (digest §6, behaviours 12–19): the PBU the real MAG builds when an MN
 * attaches — RFC 5213 §6.9.1.1 and §6.9.1.5. Every PBU is read back from the trace bytes with the wire codec.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/sim/wire/bytes';
import { build, decisions, option, options, pbusOf, SECOND } from '../agents/helpers';
import { acceptAll, scriptedLma, vectorDoc, withSecondMag } from './mag-fixtures';

/** Digest §7.3, Vector A: the initial PBU (HI = 1, one ALL_ZERO HNP, timestamp 2024-01-01T00:00:00.5Z). */
const VECTOR_A =
  '600000000058874020010db8ffff0000000000000000000220010db8ffff000000000000000000013b0a05006e220001' +
  '820003840810016d6e31406578616d706c652e636f6d01040000000016120000000000000000000000000000000000001908' +
  '000000112233445517020001180200041b08000065920080800001020000';

function firstPbu(doc = vectorDoc()) {
  const { world } = build(doc, { lma: scriptedLma(() => null) });
  world.sim.runUntil(0.6 * SECOND);
  return pbusOf(world, 'mag1')[0];
}

describe('MAG: the initial Proxy Binding Update', () => {
  it('B12 on attach of an authorized MN the MAG sends a PBU with A=1, P=1, MN-ID, an HNP, HI and ATT — RFC 5213 §6.9.1.1, §6.9.1.5', () => {
    const pbu = firstPbu();
    expect(pbu.t).toBe(0.5 * SECOND);
    expect(pbu.msg.type).toBe('binding-update');
    if (pbu.msg.type !== 'binding-update') return;
    expect(pbu.msg.flags.A).toBe(true);
    expect(pbu.msg.flags.P).toBe(true);
    expect(option(pbu.msg, 'mn-id')).toEqual({ type: 'mn-id', subtype: 1, id: 'mn1@example.com' });
    expect(options(pbu.msg, 'hnp').length).toBeGreaterThanOrEqual(1);
    expect(option(pbu.msg, 'handoff-indicator')).toBeDefined();
    expect(option(pbu.msg, 'access-technology-type')).toEqual({ type: 'access-technology-type', value: 4 });
    // And the whole packet is the digest's golden Vector A, byte for byte (checksum 0x6e22 included).
    expect(toHex(pbu.bytes)).toBe(VECTOR_A);
  });

  it('B12 an MN without a policy profile gets no PBU — RFC 5213 §6.2, §6.9.1.1', () => {
    const doc = vectorDoc((d) => {
      d.nodes.push({
        id: 'mn9',
        kind: 'mn',
        addresses: {},
        interfaces: [{ name: 'wlan0', mac: '02:99:00:00:00:09', att: 'wlan', attachTo: 'mag1' }],
      });
    });
    const { world } = build(doc, { lma: scriptedLma(() => null) });
    world.sim.runUntil(0.6 * SECOND);
    expect(pbusOf(world, 'mag1').map((p) => option(p.msg, 'mn-id')?.id)).toEqual(['mn1@example.com']);
    expect(decisions(world, 'mn-unauthorized', 'mag1')).toHaveLength(1);
  });

  it('B13 a PBU asking the LMA to allocate carries exactly one HNP option, ALL_ZERO — RFC 5213 §6.9.1.1', () => {
    const hnps = options(firstPbu().msg, 'hnp');
    expect(hnps).toEqual([{ type: 'hnp', prefix: '::', prefixLength: 0, offLink: false }]);
  });

  it('B13 with static prefixes in the profile the PBU carries those, and no ALL_ZERO one — RFC 5213 §6.9.1.1', () => {
    const doc = vectorDoc((d) => {
      d.policies[0].prefixes = ['2001:db8:1:1::/64', '2001:db8:1:2::/64'];
      d.nodes[1].prefixPool = '2001:db8:2::/48';
    });
    const hnps = options(firstPbu(doc).msg, 'hnp');
    expect(hnps.map((h) => `${h.prefix}/${h.prefixLength}`)).toEqual([
      '2001:db8:1:1::/64',
      '2001:db8:1:2::/64',
    ]);
  });

  it('B14 HI = 1 on a fresh attachment over a new interface — RFC 5213 §6.9.1.1', () => {
    expect(option(firstPbu().msg, 'handoff-indicator')).toEqual({ type: 'handoff-indicator', value: 1 });
  });

  it('B15 HI = 4 when the MAG cannot tell whether it is a handoff — RFC 5213 §6.9.1.1', () => {
    // mn1's wlan0 leaves mag1; 2 s later its other interface (lte0) attaches at mag2. The policy store saw
    // the other interface go, which does not prove that the prefixes may move: HI = 4, not 2.
    const doc = vectorDoc((d) => {
      withSecondMag(d);
      d.nodes
        .find((n: { id: string }) => n.id === 'mn1')
        .interfaces.push({ name: 'lte0', mac: '00:11:22:33:44:66', att: 'wlan' });
      d.timeline = [
        { at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' },
        { at: '7s', action: 'attach', mn: 'mn1', iface: 'lte0', mag: 'mag2' },
      ];
    });
    const { world } = build(doc, { lma: scriptedLma(acceptAll) });
    world.sim.runUntil(8 * SECOND);
    const pbus = pbusOf(world, 'mag2');
    expect(pbus).toHaveLength(1);
    expect(option(pbus[0].msg, 'handoff-indicator').value).toBe(4);
    expect(option(pbus[0].msg, 'mn-link-layer-id').id).toBe('00:11:22:33:44:66');
  });

  it('B15 the same interface moving to another MAG gets HI = 3, since the policy store saw that very interface leave — RFC 5213 §6.9.1.1', () => {
    const doc = vectorDoc((d) => {
      withSecondMag(d);
      d.timeline = [{ at: '5s', action: 'move', mn: 'mn1', iface: 'wlan0', mag: 'mag2' }];
    });
    const { world } = build(doc, { lma: scriptedLma(acceptAll) });
    world.sim.runUntil(6 * SECOND);
    expect(pbusOf(world, 'mag2').map((p) => option(p.msg, 'handoff-indicator').value)).toEqual([3]);
  });

  it('B16 the MN LL-ID option is omitted when the link-layer id is ALL_ZERO — RFC 5213 §6.9.1.1', () => {
    const doc = vectorDoc((d) => {
      d.nodes.find((n: { id: string }) => n.id === 'mn1').interfaces[0].mac = '00:00:00:00:00:00';
    });
    const pbu = firstPbu(doc);
    expect(option(pbu.msg, 'mn-link-layer-id')).toBeUndefined();
    expect(option(firstPbu().msg, 'mn-link-layer-id')).toEqual({
      type: 'mn-link-layer-id',
      id: '00:11:22:33:44:55',
    });
  });

  it('B17 the Link-local Address option (ALL_ZERO) is sent only when FixedMAGLinkLocalAddressOnAllAccessLinks is ALL_ZERO — RFC 5213 §6.9.1.1', () => {
    expect(option(firstPbu().msg, 'link-local-address')).toBeUndefined();
    const doc = vectorDoc((d) => {
      d.config = { fixedMAGLinkLocalAddress: '::' };
    });
    expect(option(firstPbu(doc).msg, 'link-local-address')).toEqual({
      type: 'link-local-address',
      address: '::',
    });
  });

  it('B18 with timestamps in use every PBU carries a Timestamp and a per-MAG increasing Sequence # — RFC 5213 §6.9.1.1', () => {
    const doc = vectorDoc((d) => {
      d.nodes.push({
        id: 'mn2',
        kind: 'mn',
        addresses: {},
        interfaces: [{ name: 'wlan0', mac: '00:11:22:33:44:77', att: 'wlan', attachTo: 'mag1' }],
      });
      d.policies.push({ mn: 'mn2', mnId: 'mn2@example.com', prefixes: 'allocate' });
      d.nodes[1].prefixPool = '2001:db8:1::/48';
      d.timeline = [{ at: '3s', action: 'detach', mn: 'mn1', iface: 'wlan0' }];
    });
    const { world } = build(doc, { lma: scriptedLma(acceptAll) });
    world.sim.runUntil(4 * SECOND);
    const pbus = pbusOf(world, 'mag1');
    // mn1 and mn2 register at 0.5 s, mn1 de-registers at 3 s: one counter across both MNs.
    expect(
      pbus.map((p) => [option(p.msg, 'mn-id').id, p.msg.type === 'binding-update' && p.msg.sequence]),
    ).toEqual([
      ['mn1@example.com', 1],
      ['mn2@example.com', 2],
      ['mn1@example.com', 3],
    ]);
    const stamps = pbus.map((p) => option(p.msg, 'timestamp'));
    expect(stamps[2]).toEqual({ type: 'timestamp', seconds: 1704067203, fraction: 0 });
    expect(stamps.every((s) => s !== undefined)).toBe(true);
  });

  it('B18 without timestamps the PBU carries no Timestamp option — RFC 5213 §6.9.1.1, §5.5', () => {
    const doc = vectorDoc((d) => {
      d.config = { timestampBasedApproachInUse: false };
    });
    const pbu = firstPbu(doc);
    expect(option(pbu.msg, 'timestamp')).toBeUndefined();
    expect(pbu.msg.type === 'binding-update' && pbu.msg.sequence).toBe(1);
  });

  it('B19 no Home Address destination option in a PBU, no Type 2 routing header in a PBA — RFC 5213 §6.9.1.5, §5.3.6', () => {
    const { world } = build(vectorDoc());
    world.sim.runUntil(1 * SECOND);
    const pbu = pbusOf(world, 'mag1')[0];
    const pba = world.sim.trace.entries.find(
      (e) => e.kind === 'tx' && e.node === 'lma1' && e.label.startsWith('PBA'),
    );
    // Next Header 135 straight after the fixed header: no extension header (Destination Options 60, Routing 43).
    expect(pbu.bytes[6]).toBe(135);
    expect(pba && pba.kind === 'tx' && pba.bytes[6]).toBe(135);
  });
});
