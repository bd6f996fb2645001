/**
 * The signalling edge of the host (host/signalling.ts): RFC 5213 §4 security (security associations,
 * replays) and the RFC 6275 §9.2 checks, before any message reaches an agent.
 */
import { ipv6PseudoChecksum } from '../../src/sim/wire/checksum';
import { ip6 } from '../../src/sim/wire/addr';
import { describe, expect, it } from 'vitest';
import { emitIPv6Packet } from '../../src/sim/wire/ipv6';
import { parseIcmpv6 } from '../../src/sim/wire/icmpv6';
import { emitMobility } from '../../src/sim/wire/mh/mobility';
import { buFlags } from '../../src/sim/wire/mh/messages/binding-update';
import type { MobilityMessage } from '../../src/sim/wire/mh/messages';
import { build, decisions, entriesOf, SECOND, sentMobility } from './helpers';
import { LMAA, PROXY_COA, vectorDoc } from '../conformance/mag-fixtures';

const pbu: MobilityMessage = {
  type: 'binding-update',
  mhType: 5,
  sequence: 9,
  flags: buFlags('A', 'P'),
  lifetime: 10,
  options: [{ type: 'mn-id', subtype: 1, id: 'mn1@example.com' }],
};

function mhPacket(mh: Uint8Array, src = PROXY_COA, dst = LMAA): Uint8Array {
  return emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: 64,
    src,
    dst,
    extHeaders: [],
    nextHeader: 135,
    payload: mh,
  });
}

/** The vector domain before mn1 attaches, for hand-made packets from mag1 to lma1. */
function idle(edit?: (d: Record<string, any>) => void) {
  const { world } = build(
    vectorDoc((d) => {
      d.nodes.find((n: { id: string }) => n.id === 'mn1').interfaces[0].attachTo = undefined;
      edit?.(d);
    }),
  );
  return world;
}

describe('signalling endpoint', () => {
  it('drops a PBU from a MAG without a security association, citing RFC 5213 §4', () => {
    const { world } = build(vectorDoc((d) => (d.security = [])));
    world.sim.runUntil(2 * SECOND);
    const drops = entriesOf(world, 'drop', 'lma1');
    expect(drops.map((d) => [d.reason, d.rfc])).toEqual([
      ['no security association between lma1 and mag1: PBU seq=1 HI=1 dropped', 'RFC 5213 §4'],
      ['no security association between lma1 and mag1: PBU seq=2 HI=1 dropped', 'RFC 5213 §4'],
    ]);
    expect(sentMobility(world, 'lma1')).toEqual([]);
  });

  it('drops a replayed PBU (the same bytes again from the same peer), citing RFC 5213 §4', () => {
    const { world } = build(
      vectorDoc(
        (d) =>
          (d.timeline = [
            { at: '0s', action: 'fault', match: { label: 'PBU' }, nth: 1, effect: 'duplicate' },
          ]),
      ),
    );
    world.sim.runUntil(1 * SECOND);
    const drops = entriesOf(world, 'drop', 'lma1');
    expect(drops.map((d) => d.reason)).toEqual([
      'replayed PBU seq=1 HI=1 from mag1 (the same message was received within 30 s)',
    ]);
    expect(sentMobility(world, 'lma1')).toHaveLength(1); // one PBA, for the first copy
  });

  it('silently discards a Mobility Header with a wrong checksum (RFC 6275 §9.2)', () => {
    const world = idle();
    const mh = emitMobility(pbu, PROXY_COA, LMAA);
    mh[4] ^= 0xff;
    world.net.node('mag1').send(mhPacket(mh));
    world.sim.runUntil(1 * SECOND);
    expect(entriesOf(world, 'drop', 'lma1').map((d) => d.rfc)).toEqual(['RFC 6275 §9.2']);
    expect(entriesOf(world, 'drop', 'lma1')[0].reason).toMatch(
      /^Mobility Header checksum 0x[0-9a-f]{4} is wrong: silently discarded$/,
    );
    expect(entriesOf(world, 'tx', 'lma1')).toEqual([]);
  });

  it('answers Payload Proto ≠ 59 with a Parameter Problem pointing at the Mobility Header (RFC 6275 §9.2)', () => {
    const world = idle();
    world.net.node('mag1').send(mhPacket(emitMobility(pbu, PROXY_COA, LMAA, { payloadProto: 6 })));
    world.sim.runUntil(1 * SECOND);
    const [err] = entriesOf(world, 'tx', 'lma1');
    const m = parseIcmpv6(err.bytes, 40, err.bytes.length - 40, LMAA, PROXY_COA);
    expect(m.ok && m.value.type === 'parameter-problem' && [m.value.code, m.value.pointer]).toEqual([0, 40]);
  });

  it('answers a Header Len too small for a Binding Update with a Parameter Problem pointing at Header Len (RFC 6275 §9.2)', () => {
    const world = idle();
    // A valid checksum: RFC 6275 §9.2 checks it before the Header Len, so a corrupted one would be dropped silently.
    const mh = Uint8Array.from([59, 0, 5, 0, 0, 0, 0, 0]);
    const sum = ipv6PseudoChecksum(ip6(PROXY_COA), ip6(LMAA), 135, mh);
    mh[4] = sum >> 8;
    mh[5] = sum & 0xff;
    world.net.node('mag1').send(mhPacket(mh));
    world.sim.runUntil(1 * SECOND);
    const [err] = entriesOf(world, 'tx', 'lma1');
    const m = parseIcmpv6(err.bytes, 40, err.bytes.length - 40, LMAA, PROXY_COA);
    expect(m.ok && m.value.type === 'parameter-problem' && [m.value.code, m.value.pointer]).toEqual([0, 41]);
  });

  it('answers an MH Type it does not process with a Binding Error, status 2 (RFC 6275 §9.2)', () => {
    const world = idle();
    const hb: MobilityMessage = {
      type: 'heartbeat',
      mhType: 13,
      flags: { U: false, R: false },
      sequence: 1,
      options: [],
    } as unknown as MobilityMessage;
    world.net.node('mag1').send(mhPacket(emitMobility(hb, PROXY_COA, LMAA)));
    world.sim.runUntil(1 * SECOND);
    const replies = sentMobility(world, 'lma1');
    expect(replies.map((r) => r.msg.type === 'binding-error' && [r.msg.status, r.dst])).toEqual([
      [2, PROXY_COA],
    ]);
    expect(decisions(world, 'binding-error-sent', 'lma1')).toHaveLength(1);
    // The MAG notes the Binding Error and does not answer it.
    expect(decisions(world, 'binding-error-received', 'mag1')).toHaveLength(1);
    expect(sentMobility(world, 'mag1').map((m) => m.msg.type)).toEqual(['heartbeat']);
  });
});
