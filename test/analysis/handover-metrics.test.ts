import { describe, expect, it } from 'vitest';
import {
  handoverAt,
  handoverParts,
  handovers,
  packetAddresses,
} from '../../src/sim/analysis/handover-metrics';
import {
  CN,
  LMAA,
  MAG1,
  MAG2,
  MN_ADDR,
  MN_ID,
  TraceBuilder,
  pba,
  pbu,
  ping,
  ra,
  tunnel,
} from '../panels/fixtures/trace-builder';

const ACCESS = 'mn1-wlan0';

/** mn1 on mag1 with its address, pinged by cn1; the common start of every trace below. */
function attachedToMag1(): TraceBuilder {
  const b = new TraceBuilder();
  b.l2(0, 'attach', 'mn1', 'mag1');
  b.table(0, 'mag1', 'attachments', 'mn1 wlan0', {
    mn: 'mn1',
    iface: 'wlan0',
    accessIface: ACCESS,
    mac: '02:00:00:aa:00:01',
    att: 4,
  });
  b.table(0, 'mag1', 'bul', ACCESS, { mnId: MN_ID, accessIface: ACCESS, state: 'registering' });
  b.table(1_000, 'mn1', 'addresses', `wlan0 ${MN_ADDR}`, {
    iface: 'wlan0',
    address: MN_ADDR,
    prefixLength: 64,
  });
  return b;
}

/** The MN arrives at mag2: attachments and BUL rows at mag2, as the MAG agent writes them. */
function arriveAtMag2(b: TraceBuilder, t: number): void {
  b.l2(t, 'attach', 'mn1', 'mag2');
  b.table(t, 'mag2', 'attachments', 'mn1 wlan0', {
    mn: 'mn1',
    iface: 'wlan0',
    accessIface: ACCESS,
    mac: '02:00:00:aa:00:01',
    att: 4,
  });
  b.table(t, 'mag2', 'bul', ACCESS, { mnId: MN_ID, accessIface: ACCESS, state: 'registering' });
}

/** A downlink ping through the LMA's tunnel to `mag`, and the drop there (the MN is gone). */
function pingDroppedAt(b: TraceBuilder, t: number, mag: string, seq: number): void {
  const coa = mag === 'mag1' ? MAG1 : MAG2;
  const hop = b.tx(t, 'lma1', mag, tunnel(LMAA, coa, ping(CN, MN_ADDR, seq)), 10_000);
  b.rx(hop);
  b.drop(hop.arrive, mag, hop, 'no route to the mobile node');
}

/** A downlink ping through the tunnel to mag2 and on to the MN; returns the MN's receive entry id. */
function pingDelivered(b: TraceBuilder, t: number, seq: number): number {
  const hop1 = b.tx(t, 'lma1', 'mag2', tunnel(LMAA, MAG2, ping(CN, MN_ADDR, seq)), 10_000);
  b.rx(hop1);
  const hop2 = b.tx(hop1.arrive, 'mag2', 'mn1', ping(CN, MN_ADDR, seq), 2_000);
  return b.rx(hop2).id;
}

describe('handovers', () => {
  it('measures every milestone of a break-before-make handover and counts the packets lost in it', () => {
    const b = attachedToMag1();
    const detach = b.l2(8_000_000, 'detach', 'mn1', 'mag1').id;
    pingDroppedAt(b, 8_050_000, 'mag1', 15);
    arriveAtMag2(b, 8_100_000);
    // A PBU for another MN from the same MAG is not this handover's.
    const other = b.tx(8_100_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 7, 'mn2@example.com', 1), 10_000);
    const pbuTx = b.tx(8_100_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 8, MN_ID, 3), 10_000);
    b.rx(other);
    b.rx(pbuTx);
    const pbaTx = b.tx(8_110_000, 'lma1', 'mag2', pba(LMAA, MAG2, 8, MN_ID), 10_000);
    const pbaRx = b.rx(pbaTx).id;
    const raTx = b.tx(8_120_000, 'mag2', 'mn1', ra(), 2_000);
    const raRx = b.rx(raTx).id;
    pingDroppedAt(b, 8_300_000, 'mag1', 16);
    const downlink = pingDelivered(b, 8_555_000, 17);
    pingDroppedAt(b, 9_000_000, 'mag1', 18); // after traffic resumed: not part of the handover

    const [h, ...rest] = handovers(b.entries);
    expect(rest).toEqual([]);
    expect(h).toEqual({
      mn: 'mn1',
      iface: 'wlan0',
      from: 'mag1',
      to: 'mag2',
      mnId: MN_ID,
      detach: { t: 8_000_000, id: detach },
      attach: { t: 8_100_000, id: detach + 4 },
      pbuSent: { t: 8_100_000, id: pbuTx.id },
      pbaReceived: { t: 8_120_000, id: pbaRx },
      pbaStatus: 0,
      raReceived: { t: 8_122_000, id: raRx },
      firstDownlink: { t: 8_567_000, id: downlink },
      lost: 2,
    });
    expect(handoverParts(h)).toEqual({
      linkLayer: 100_000,
      magReaction: 0,
      registration: 20_000,
      routerAdvertisement: 2_000,
      total: 567_000,
    });
  });

  it('includes retransmissions in the registration round trip and matches the PBA by sequence number', () => {
    const b = attachedToMag1();
    b.l2(5_000_000, 'detach', 'mn1', 'mag1');
    arriveAtMag2(b, 5_000_000);
    const first = b.tx(5_000_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 1, MN_ID, 3), 10_000);
    b.drop(5_010_000, 'lma1', first, 'scenario fault: drop the 1st "PBU" from mag2');
    const retry = b.tx(6_000_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 2, MN_ID, 3), 10_000);
    b.rx(retry);
    const ack = b.tx(6_010_000, 'lma1', 'mag2', pba(LMAA, MAG2, 2, MN_ID), 10_000);
    const ackRx = b.rx(ack).id;

    const [h] = handovers(b.entries);
    expect(h.pbuSent).toEqual({ t: 5_000_000, id: first.id });
    expect(h.pbaReceived).toEqual({ t: 6_020_000, id: ackRx });
    expect(h.lost).toBe(0); // the lost PBU is signalling, not data
    expect(handoverParts(h)).toEqual({
      linkLayer: 0,
      magReaction: 0,
      registration: 1_020_000,
      routerAdvertisement: null,
      total: null,
    });
  });

  it('records a rejecting PBA and its status', () => {
    const b = attachedToMag1();
    arriveAtMag2(b, 3_000_000);
    b.tx(3_000_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 4, MN_ID, 4), 10_000);
    const nack = b.tx(3_010_000, 'lma1', 'mag2', pba(LMAA, MAG2, 4, MN_ID, 154), 10_000);
    b.rx(nack);
    const [h] = handovers(b.entries);
    expect(h.pbaStatus).toBe(154);
    expect(h.detach).toBeNull();
    expect(handoverParts(h).linkLayer).toBeNull();
  });

  it('ignores a PBA whose sequence number answers no PBU of this handover', () => {
    const b = attachedToMag1();
    arriveAtMag2(b, 3_000_000);
    b.tx(3_000_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 4, MN_ID, 4), 10_000);
    b.rx(b.tx(3_010_000, 'lma1', 'mag2', pba(LMAA, MAG2, 3, MN_ID), 10_000));
    expect(handovers(b.entries)[0].pbaReceived).toBeNull();
  });

  it('takes the total from the attach when there was no detach, and counts only the MN’s data packets', () => {
    const b = attachedToMag1();
    b.table(1_000, 'mn2', 'addresses', 'wlan0 2001:db8:1:2::100', {
      iface: 'wlan0',
      address: '2001:db8:1:2::100',
      prefixLength: 64,
    });
    arriveAtMag2(b, 2_000_000);
    const theirs = b.tx(
      2_001_000,
      'lma1',
      'mag1',
      tunnel(LMAA, MAG1, ping(CN, '2001:db8:1:2::100', 1)),
      10_000,
    );
    pingDroppedAt(b, 2_001_000, 'mag1', 1);
    b.drop(2_011_000, 'mag1', theirs, 'no route'); // mn2's packet
    const down = pingDelivered(b, 2_500_000, 2);
    const [h] = handovers(b.entries);
    expect(h.lost).toBe(1);
    expect(h.firstDownlink?.id).toBe(down);
    expect(handoverParts(h).total).toBe(512_000);
  });

  it('does not count a first attachment, nor a re-attachment to the same MAG, as a handover', () => {
    const b = attachedToMag1();
    b.l2(4_000_000, 'detach', 'mn1', 'mag1');
    b.l2(4_500_000, 'attach', 'mn1', 'mag1');
    expect(handovers(b.entries)).toEqual([]);
    b.l2(6_000_000, 'detach', 'mn1', 'mag1');
    b.l2(6_100_000, 'attach', 'mn1', 'mag2');
    b.l2(9_000_000, 'detach', 'mn1', 'mag2');
    b.l2(9_100_000, 'attach', 'mn1', 'mag1');
    expect(handovers(b.entries).map((h) => [h.from, h.to, h.detach?.t, h.attach.t])).toEqual([
      ['mag1', 'mag2', 6_000_000, 6_100_000],
      ['mag2', 'mag1', 9_000_000, 9_100_000],
    ]);
  });
});

describe('handoverAt', () => {
  it('forgets the milestones after the given time', () => {
    const b = attachedToMag1();
    b.l2(1_000_000, 'detach', 'mn1', 'mag1');
    arriveAtMag2(b, 1_100_000);
    b.rx(b.tx(1_100_000, 'mag2', 'lma1', pbu(MAG2, LMAA, 1, MN_ID, 3), 10_000));
    b.rx(b.tx(1_110_000, 'lma1', 'mag2', pba(LMAA, MAG2, 1, MN_ID, 0), 10_000));
    const [h] = handovers(b.entries);
    const early = handoverAt(h, 1_119_999);
    expect(early.pbuSent?.t).toBe(1_100_000);
    expect(early.pbaReceived).toBeNull();
    expect(early.pbaStatus).toBeNull();
    expect(handoverAt(h, 1_120_000).pbaStatus).toBe(0);
  });
});

describe('packetAddresses', () => {
  it('reads the outer and the innermost addresses of an IPv6-in-IPv6 packet', () => {
    expect(packetAddresses(tunnel(LMAA, MAG2, ping(CN, MN_ADDR, 1)))).toEqual({
      src: LMAA,
      dst: MAG2,
      innerSrc: CN,
      innerDst: MN_ADDR,
    });
  });

  it('gives the same addresses twice for a plain packet', () => {
    expect(packetAddresses(ping(CN, MN_ADDR, 1))).toEqual({
      src: CN,
      dst: MN_ADDR,
      innerSrc: CN,
      innerDst: MN_ADDR,
    });
  });

  it('returns null for what is not an IPv6 packet', () => {
    expect(packetAddresses(new Uint8Array(10))).toBeNull();
    expect(packetAddresses(Uint8Array.of(0x45, ...new Array(39).fill(0)))).toBeNull();
  });

  it('stops at a cut-off inner header instead of reading past the packet', () => {
    const p = tunnel(LMAA, MAG2, ping(CN, MN_ADDR, 1)).slice(0, 60);
    p[5] = 20; // Payload Length now says 20: the inner header cannot be whole
    expect(packetAddresses(p)).toEqual({ src: LMAA, dst: MAG2, innerSrc: LMAA, innerDst: MAG2 });
  });
});
