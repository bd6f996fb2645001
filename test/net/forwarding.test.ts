import { describe, expect, it } from 'vitest';
import { parseIPv6Packet, emitIPv6Packet } from '../../src/sim/wire/ipv6';
import { emitIcmpv6, parseIcmpv6 } from '../../src/sim/wire/icmpv6';
import type { ParsedIcmpv6 } from '../../src/sim/wire/icmpv6';
import type { ReceivedPacket } from '../../src/sim/net/types';
import type { NetNode } from '../../src/sim/net/node';
import { bytesEqual } from '../../src/sim/wire/bytes';
import { chain, chainAddr, echoRequest, entries, rawPacket } from './helpers';

/** Collects the ICMPv6 messages delivered to `node`, decoded, with arrival time and hop limit. */
function icmpInbox(node: NetNode) {
  const got: { t: number; src: string; hopLimit: number; msg: ParsedIcmpv6; p: ReceivedPacket }[] = [];
  node.onReceive(58, (p) => {
    const m = parseIcmpv6(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
    if (!m.ok) throw new Error('undecodable ICMPv6 delivered');
    got.push({ t: node.sim.now, src: p.src, hopLimit: p.hopLimit, msg: m.value, p });
  });
  return got;
}

/** Five links, delays 1..5 ms; link 3 also has 1 Mb/s of bandwidth. */
const fiveHops = () =>
  chain(5, (i) => (i === 3 ? { delay: i * 1000, bandwidthBps: 1_000_000 } : { delay: i * 1000 }));

describe('ping across a 5-hop chain of routers', () => {
  it('delivers the echo reply with exact RTT and hop limits', () => {
    const { sim, net, h1, h2 } = fiveHops();
    const atH1 = icmpInbox(net.node('h1'));
    const atH2 = icmpInbox(net.node('h2'));
    const req = echoRequest(h1, h2, 7); // 40 + 8 + 16 = 64 octets: 512 µs on the 1 Mb/s link
    expect(req.length).toBe(64);
    net.node('h1').send(req);
    sim.run();

    expect(atH2).toHaveLength(1);
    expect(atH2[0]).toMatchObject({ t: 15_000 + 512, src: h1, hopLimit: 60 });
    expect(atH2[0].msg).toMatchObject({
      type: 'echo-request',
      identifier: 0x1234,
      sequence: 7,
      checksumValid: true,
    });

    expect(atH1).toHaveLength(1);
    expect(atH1[0]).toMatchObject({ t: 2 * (15_000 + 512), src: h2, hopLimit: 60 });
    expect(atH1[0].msg).toMatchObject({
      type: 'echo-reply',
      identifier: 0x1234,
      sequence: 7,
      data: new Uint8Array(16).fill(0xab),
      checksumValid: true,
    });
  });

  it('keeps the pid over every hop, decrements the hop limit per router, and traces each hop', () => {
    const { sim, net, h1, h2 } = fiveHops();
    net.node('h1').send(echoRequest(h1, h2, 1));
    sim.run();
    const tx = entries(sim, 'tx');
    expect(tx.map((e) => `${e.pid} ${e.node}>${e.to} ${e.link} hl=${e.bytes[7]} ${e.label}`)).toEqual([
      '1 h1>r1 L1 hl=64 ping req seq=1',
      '1 r1>r2 L2 hl=63 ping req seq=1',
      '1 r2>r3 L3 hl=62 ping req seq=1',
      '1 r3>r4 L4 hl=61 ping req seq=1',
      '1 r4>h2 L5 hl=60 ping req seq=1',
      '2 h2>r4 L5 hl=64 ping reply seq=1',
      '2 r4>r3 L4 hl=63 ping reply seq=1',
      '2 r3>r2 L3 hl=62 ping reply seq=1',
      '2 r2>r1 L2 hl=61 ping reply seq=1',
      '2 r1>h1 L1 hl=60 ping reply seq=1',
    ]);
    expect(tx.every((e) => e.cls === 'data' && !e.tunnelled)).toBe(true);
    // every rx names its tx; the request's bytes are never modified in place (each hop has its own copy)
    const rx = entries(sim, 'rx');
    expect(rx.map((e) => sim.trace.at(e.txId).kind)).toEqual(Array(10).fill('tx'));
    expect(tx[0].bytes[7]).toBe(64);
    expect(entries(sim, 'deliver').map((d) => `${d.node} ${d.pid} ${d.label}`)).toEqual([
      'h2 1 ping req seq=1',
      'h1 2 ping reply seq=1',
    ]);
    expect(entries(sim, 'drop')).toEqual([]);
  });

  it('traces each hop with its own exact bytes, whatever the sender does with its array afterwards', () => {
    const { sim, net, h1, h2 } = fiveHops();
    const sent = echoRequest(h1, h2, 3);
    const original = sent.slice();
    net.node('h1').send(sent);
    sent.fill(0); // the node took ownership; the trace must not depend on the caller's array
    sim.run();
    const tx = entries(sim, 'tx').filter((e) => e.pid === 1);
    expect(tx.length).toBe(5);
    tx.forEach((e, hop) => {
      const want = original.slice();
      want[7] = 64 - hop;
      expect(e.bytes).toEqual(want);
    });
    expect(new Set(tx.map((e) => e.bytes.byteOffset)).size).toBe(5);
  });

  it('gives a byte-identical trace for the same build and seed', () => {
    const run = () => {
      const { sim, net, h1, h2 } = fiveHops();
      for (let i = 0; i < 5; i++) net.node('h1').send(echoRequest(h1, h2, i));
      sim.run();
      return sim.trace.toJsonLines();
    };
    expect(run()).toBe(run());
  });
});

describe('ICMPv6 errors from routers (RFC 4443)', () => {
  it('hop limit expiry: Time Exceeded back to the source from the router that dropped it', () => {
    const { sim, net, h1, h2 } = fiveHops();
    const atH1 = icmpInbox(net.node('h1'));
    const req = echoRequest(h1, h2, 1, { hopLimit: 3 });
    net.node('h1').send(req);
    sim.run();
    const drop = entries(sim, 'drop');
    expect(drop).toEqual([
      expect.objectContaining({ node: 'r3', pid: 1, reason: 'hop limit exceeded', rfc: 'RFC 4443 §3.3' }),
    ]);
    expect(atH1).toHaveLength(1);
    const { msg, src } = atH1[0];
    expect(src).toBe(chainAddr(3, 'right')); // r3's address on the link the packet came in on
    expect(msg.type).toBe('time-exceeded');
    if (msg.type !== 'time-exceeded') return;
    expect(msg.code).toBe(0);
    // the invoking packet is the request as r3 received it: hop limit 1
    const expected = req.slice();
    expected[7] = 1;
    expect(bytesEqual(msg.invoking, expected)).toBe(true);
    expect(entries(sim, 'tx').find((e) => e.node === 'r3')?.label).toBe('Time Exceeded');
  });

  it('no route: Destination Unreachable (no route) from the first router', () => {
    const { sim, net, h1 } = fiveHops();
    const atH1 = icmpInbox(net.node('h1'));
    net.node('h1').send(echoRequest(h1, '2001:db8:99::1', 1));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({ node: 'r1', reason: 'no route to 2001:db8:99::1', rfc: 'RFC 4443 §3.1' }),
    ]);
    expect(atH1.map((m) => [m.src, m.msg.type, 'code' in m.msg ? m.msg.code : -1])).toEqual([
      [chainAddr(1, 'right'), 'destination-unreachable', 0],
    ]);
  });

  it('never sends an error about an error, or about a multicast or unspecified source', () => {
    const { sim, net, h1 } = fiveHops();
    const dst = '2001:db8:99::1';
    const err = emitIcmpv6(
      { type: 'destination-unreachable', code: 0, invoking: new Uint8Array(48) },
      h1,
      dst,
    );
    const aboutError = emitIPv6Packet({
      trafficClass: 0,
      flowLabel: 0,
      hopLimit: 64,
      src: h1,
      dst,
      extHeaders: [],
      nextHeader: 58,
      payload: err,
    });
    net.node('h1').send(aboutError);
    net.node('h1').send(echoRequest('::', dst, 2));
    sim.run();
    expect(entries(sim, 'drop').map((d) => `${d.node} ${d.reason}`)).toEqual([
      'r1 no route to 2001:db8:99::1',
      'r1 no route to 2001:db8:99::1',
    ]);
    expect(entries(sim, 'tx').filter((e) => e.node === 'r1')).toEqual([]);
  });

  it('packet too big: the router facing a smaller MTU reports it (RFC 4443 §3.2)', () => {
    const { sim, net, h1, h2 } = chain(3, (i) => ({ delay: 100, mtu: i === 3 ? 1280 : 1500 }));
    const atH1 = icmpInbox(net.node('h1'));
    net.node('h1').send(rawPacket(h1, h2, 59, 1400));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({
        node: 'r2',
        reason: 'packet of 1400 octets is too big for link L3 (MTU 1280)',
        rfc: 'RFC 4443 §3.2',
      }),
    ]);
    expect(atH1).toHaveLength(1);
    expect(atH1[0].msg).toMatchObject({ type: 'packet-too-big', mtu: 1280 });
    if (atH1[0].msg.type === 'packet-too-big') expect(atH1[0].msg.invoking.length).toBe(1232); // RFC 4443 §2.4 (c)
    expect(atH1[0].p.bytes.length).toBe(1280);
  });

  it('no listener: Parameter Problem (unrecognized Next Header) or Port Unreachable for UDP', () => {
    const { sim, net, h1, h2 } = chain(1, () => ({ delay: 100 }));
    const atH1 = icmpInbox(net.node('h1'));
    net.node('h1').send(rawPacket(h1, h2, 135, 80));
    net.node('h1').send(rawPacket(h1, h2, 17, 80));
    sim.run();
    expect(entries(sim, 'drop').map((d) => d.reason)).toEqual([
      'no listener for next header 135 (Mobility Header)',
      'no listener for next header 17 (UDP)',
    ]);
    expect(atH1.map((m) => m.msg)).toEqual([
      expect.objectContaining({ type: 'parameter-problem', code: 1, pointer: 6 }),
      expect.objectContaining({ type: 'destination-unreachable', code: 4 }),
    ]);
  });
});

describe('local delivery and hosts', () => {
  it('a host does not forward a packet that is not for it', () => {
    const { sim, net, h1 } = fiveHops();
    net.node('h1').send(echoRequest(h1, '2001:db8:5::99', 1));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({
        node: 'h2',
        reason: '2001:db8:5::99 is not an address of this host, and hosts do not forward',
      }),
    ]);
  });

  it('hands packets to every handler of the protocol, with the upper-layer offsets', () => {
    const { sim, net, h1, h2 } = chain(1, () => ({ delay: 100 }));
    const seen: string[] = [];
    net
      .node('h2')
      .onReceive(59, (p) =>
        seen.push(`a ${p.nextHeader} ${p.payloadOffset} ${p.payloadLength} ${p.inIface} ${p.src}`),
      );
    net.node('h2').onReceive(59, (p) => seen.push(`b ${p.pid}`));
    net.node('h1').send(rawPacket(h1, h2, 59, 100));
    sim.run();
    expect(seen).toEqual([`a 59 40 60 eth0 ${h1}`, 'b 1']);
    expect(entries(sim, 'deliver')).toEqual([expect.objectContaining({ node: 'h2', pid: 1 })]);
  });

  it('skips extension headers to find the upper layer', () => {
    const { sim, net, h1, h2 } = chain(1, () => ({ delay: 100 }));
    const seen: number[] = [];
    net.node('h2').onReceive(59, (p) => seen.push(p.payloadOffset));
    const bytes = emitIPv6Packet({
      trafficClass: 0,
      flowLabel: 0,
      hopLimit: 64,
      src: h1,
      dst: h2,
      nextHeader: 59,
      payload: new Uint8Array(4),
      extHeaders: [{ kind: 'destination-options', options: [{ kind: 'padn', length: 4 }] }],
    });
    net.node('h1').send(bytes);
    sim.run();
    expect(seen).toEqual([48]);
  });

  it('a packet a node sends to itself comes back on the loopback', () => {
    const { sim, net, h1 } = chain(1, () => ({ delay: 100 }));
    const seen: string[] = [];
    net.node('h1').onReceive(59, (p) => seen.push(`${sim.now} ${p.inIface}`));
    net.node('h1').send(rawPacket(h1, h1, 59, 60));
    sim.run();
    expect(seen).toEqual(['0 lo']);
    expect(entries(sim, 'tx')).toEqual([]);
  });

  it('answers a ping to one of its addresses even from a router', () => {
    const { sim, net, h1 } = fiveHops();
    const atH1 = icmpInbox(net.node('h1'));
    const r3 = chainAddr(4, 'left');
    net.node('h1').send(echoRequest(h1, r3, 9));
    sim.run();
    expect(atH1.map((m) => [m.t, m.src, m.msg.type])).toEqual([[2 * (1000 + 2000 + 3512), r3, 'echo-reply']]);
  });
});

describe('multicast on point-to-point links', () => {
  it('delivers ff02::1 to the peer and ff02::2 only to routers', () => {
    const { sim, net, h1 } = chain(2, () => ({ delay: 100 }));
    const r1 = net.node('r1');
    const h2 = net.node('h2');
    const gotR1: string[] = [];
    const gotH2: string[] = [];
    r1.onReceive(59, (p) => gotR1.push(p.dst));
    h2.onReceive(59, (p) => gotH2.push(p.dst));
    net.node('h1').send(rawPacket(h1, 'ff02::1', 59, 60)); // a single link: no iface needed
    net.node('h1').send(rawPacket(h1, 'ff02::2', 59, 60));
    r1.send(rawPacket(chainAddr(2, 'left'), 'ff02::1', 59, 60), { iface: 'right' });
    r1.send(rawPacket(chainAddr(2, 'left'), 'ff02::2', 59, 60), { iface: 'right' });
    sim.run();
    expect(gotR1).toEqual(['ff02::1', 'ff02::2']);
    expect(gotH2).toEqual(['ff02::1']);
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({
        node: 'h2',
        reason: 'eth0 is not a member of ff02::2',
        rfc: 'RFC 4291 §2.8',
      }),
    ]);
  });

  it('delivers to a solicited-node group only when the interface holds a matching address', () => {
    const { sim, net, h1 } = chain(1, () => ({ delay: 100 }));
    const got: string[] = [];
    net.node('h2').onReceive(59, (p) => got.push(p.dst));
    net.node('h1').send(rawPacket(h1, 'ff02::1:ff00:2', 59, 60)); // h2 is 2001:db8:1::2
    net.node('h1').send(rawPacket(h1, 'ff02::1:ff00:3', 59, 60));
    sim.run();
    expect(got).toEqual(['ff02::1:ff00:2']);
    expect(entries(sim, 'drop').map((d) => d.reason)).toEqual(['eth0 is not a member of ff02::1:ff00:3']);
  });

  it('needs an interface when a node has several links, and answers a multicast ping from a unicast address', () => {
    const { sim, net } = chain(2, () => ({ delay: 100 }));
    const r1 = net.node('r1');
    r1.send(rawPacket(chainAddr(1, 'right'), 'ff02::1', 59, 60));
    const atR1 = icmpInbox(r1);
    r1.send(echoRequest(chainAddr(1, 'right'), 'ff02::1', 3), { iface: 'left' });
    sim.run();
    expect(entries(sim, 'drop')[0]).toMatchObject({
      node: 'r1',
      reason: 'multicast to ff02::1 needs an interface to go out of',
    });
    expect(atR1.map((m) => [m.src, m.msg.type])).toEqual([[chainAddr(1, 'left'), 'echo-reply']]);
  });
});

describe('forward hook', () => {
  it('can consume, drop with a reason, or choose the interface', () => {
    const { sim, net, h1, h2 } = chain(2, () => ({ delay: 100 }));
    const r1 = net.node('r1');
    const delivered: number[] = [];
    net.node('h2').onReceive(59, (p) => delivered.push(p.payloadLength));
    const verdicts = [
      'consumed',
      { drop: 'no binding for this MN', rfc: 'RFC 5213 §6.10.5' },
      { iface: 'right' },
      'forward',
    ] as const;
    const seenByHook: string[] = [];
    let n = 0;
    r1.setForwardHook((p) => {
      seenByHook.push(`${p.inIface} ${p.nextHeader} ${p.dst}`);
      return verdicts[n++];
    });
    // the third goes out of 'right' although there is no route for its destination
    net.node('h1').send(rawPacket(h1, h2, 59, 60));
    net.node('h1').send(rawPacket(h1, h2, 59, 61));
    net.node('h1').send(rawPacket(h1, '2001:db8:2::77', 59, 62));
    net.node('h1').send(rawPacket(h1, h2, 59, 63));
    sim.run();
    expect(seenByHook).toEqual([`left 59 ${h2}`, `left 59 ${h2}`, 'left 59 2001:db8:2::77', `left 59 ${h2}`]);
    expect(delivered).toEqual([23]);
    expect(entries(sim, 'drop').map((d) => `${d.node} ${d.pid} ${d.reason} ${d.rfc ?? ''}`)).toEqual([
      'r1 2 no binding for this MN RFC 5213 §6.10.5',
      'h2 3 2001:db8:2::77 is not an address of this host, and hosts do not forward RFC 8200 §2',
    ]);
    r1.setForwardHook(null);
  });

  it('routers do not forward link-local sources', () => {
    const { sim, net, h2 } = chain(2, () => ({ delay: 100 }));
    net.node('h1').addAddress('eth0', 'fe80::1', 64);
    net.node('h1').send(rawPacket('fe80::1', h2, 59, 60));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([expect.objectContaining({ node: 'r1', rfc: 'RFC 4291 §2.5.6' })]);
    expect(parseIPv6Packet(entries(sim, 'drop')[0].bytes as Uint8Array).ok).toBe(true);
  });
});
