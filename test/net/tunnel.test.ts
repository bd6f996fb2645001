import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/core/simulator';
import { Network } from '../../src/sim/net/network';
import { parseIcmpv6 } from '../../src/sim/wire/icmpv6';
import { echoRequest, entries, rawPacket } from './helpers';

/**
 * a — t1 ══ m ══ t2 — b: t1 and t2 are tunnel end-points (like a MAG and its LMA); m only knows the
 * prefixes of the t1–m and m–t2 links, so a and b can reach each other only through the tunnel.
 */
function tunnelled() {
  const sim = new Simulator({ seed: 3 });
  const net = new Network(sim);
  for (const [id, kind] of [
    ['a', 'host'],
    ['t1', 'router'],
    ['m', 'router'],
    ['t2', 'router'],
    ['b', 'host'],
  ] as const)
    net.addNode(id, kind);
  net.addLink('a-t1', { node: 'a', iface: 'eth0' }, { node: 't1', iface: 'acc' }, { delay: 100 });
  net.addLink('t1-m', { node: 't1', iface: 'core' }, { node: 'm', iface: 'w' }, { delay: 1000 });
  net.addLink('m-t2', { node: 'm', iface: 'e' }, { node: 't2', iface: 'core' }, { delay: 2000 });
  net.addLink('t2-b', { node: 't2', iface: 'lan' }, { node: 'b', iface: 'eth0' }, { delay: 300 });
  const A = '2001:db8:a::1';
  const B = '2001:db8:b::1';
  const T1 = '2001:db8:1::1';
  const T2 = '2001:db8:2::2';
  net.node('a').addAddress('eth0', A, 64);
  net.node('b').addAddress('eth0', B, 64);
  net.node('t1').addAddress('core', T1, 64);
  net.node('t2').addAddress('core', T2, 64);
  net.node('m').addAddress('w', '2001:db8:1::2', 64);
  net.node('m').addAddress('e', '2001:db8:2::1', 64);
  net.node('a').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  net.node('b').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
  net.node('m').addRoute({ prefix: '2001:db8:1::', length: 64, iface: 'w' });
  net.node('m').addRoute({ prefix: '2001:db8:2::', length: 64, iface: 'e' });
  net.node('t1').addRoute({ prefix: '2001:db8::', length: 46, iface: 'core' });
  net.node('t2').addRoute({ prefix: '2001:db8::', length: 46, iface: 'core' });
  net.node('t1').addRoute({ prefix: '2001:db8:a::', length: 64, iface: 'acc' });
  net.node('t2').addRoute({ prefix: '2001:db8:b::', length: 64, iface: 'lan' });
  net.node('t1').addTunnel('tun0', T1, T2);
  net.node('t2').addTunnel('tun0', T2, T1);
  net.node('t1').addRoute({ prefix: '2001:db8:b::', length: 64, iface: 'tun0' });
  net.node('t2').addRoute({ prefix: '2001:db8:a::', length: 64, iface: 'tun0' });
  return { sim, net, A, B, T1, T2 };
}

describe('RFC 2473 tunnels', () => {
  it('encapsulates into a new pid, decapsulates back to the original one, end to end', () => {
    const { sim, net, A, B } = tunnelled();
    const replies: number[] = [];
    net.node('a').onReceive(58, () => replies.push(sim.now));
    net.node('a').send(echoRequest(A, B, 5));
    sim.run();
    const tx = entries(sim, 'tx').map(
      (e) => `${e.pid} ${e.node}>${e.to} ${e.tunnelled ? 'T' : '-'} hl=${e.bytes[7]} ${e.label}`,
    );
    expect(tx).toEqual([
      '1 a>t1 - hl=64 ping req seq=5',
      '2 t1>m T hl=64 ⟦ping req seq=5⟧',
      '2 m>t2 T hl=63 ⟦ping req seq=5⟧',
      '1 t2>b - hl=62 ping req seq=5',
      '3 b>t2 - hl=64 ping reply seq=5',
      '4 t2>m T hl=64 ⟦ping reply seq=5⟧',
      '4 m>t1 T hl=63 ⟦ping reply seq=5⟧',
      '3 t1>a - hl=62 ping reply seq=5',
    ]);
    expect(replies).toEqual([2 * (100 + 1000 + 2000 + 300)]);
    // the outer packet ends at the tunnel exit point: delivered there
    expect(entries(sim, 'deliver').map((d) => `${d.node} ${d.pid}`)).toEqual(['t2 2', 'b 1', 't1 4', 'a 3']);
    const outer = entries(sim, 'tx')[1].bytes;
    expect(outer.length).toBe(40 + 64);
    expect(outer[6]).toBe(41);
    expect(outer.subarray(40)[7]).toBe(63); // inner hop limit: decremented once by t1 before encapsulation
  });

  it('traces tunnel creation and removes routes through a removed tunnel', () => {
    const { sim, net, A, B } = tunnelled();
    const tables = entries(sim, 'table').filter((e) => e.node === 't1' && e.table === 'tunnels');
    expect(tables).toEqual([
      expect.objectContaining({
        key: 'tun0',
        op: 'add',
        row: { name: 'tun0', local: '2001:db8:1::1', remote: '2001:db8:2::2', mtu: 1460 },
      }),
    ]);
    const before = sim.trace.length;
    net.node('t1').removeTunnel('tun0');
    const after = sim.trace.entries
      .slice(before)
      .map((e) => (e.kind === 'table' ? `${e.table} ${e.key} ${e.op}` : e.kind));
    expect(after).toEqual(['routes 2001:db8:b::/64 dev tun0 delete', 'tunnels tun0 delete']);
    expect(net.node('t1').iface('tun0')).toBeUndefined();
    net.node('a').send(echoRequest(A, B, 1));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({ node: 't1', reason: 'no route to 2001:db8:b::1' }),
    ]);
  });

  it('reports Packet Too Big with the tunnel MTU (RFC 2473 §7.1)', () => {
    const { sim, net, A, B } = tunnelled();
    const got: number[] = [];
    net.node('a').onReceive(58, (p) => {
      const m = parseIcmpv6(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
      if (m.ok && m.value.type === 'packet-too-big') got.push(m.value.mtu);
    });
    net.node('a').send(rawPacket(A, B, 59, 1461));
    net.node('a').send(rawPacket(A, B, 59, 1460));
    sim.run();
    expect(got).toEqual([1460]);
    // the 1460-octet one fits (1500 with the outer header) and reaches b, which has no listener for NH 59
    expect(entries(sim, 'drop').map((d) => `${d.node} ${d.pid} ${d.reason} ${d.rfc}`)).toEqual([
      't1 1 packet of 1461 octets is too big for tunnel tun0 (MTU 1460) RFC 4443 §3.2',
      'b 2 no listener for next header 59 (No Next Header) RFC 8200 §4',
    ]);
  });

  it('does not decapsulate a tunnel packet from an unknown remote', () => {
    const { sim, net, T2 } = tunnelled();
    net.node('m').send(rawPacket('2001:db8:2::1', T2, 41, 100));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({ node: 't2', reason: 'no listener for next header 41 (IPv6)' }),
    ]);
  });

  it('stops a routing loop through the tunnel itself', () => {
    const { sim, net, A, B, T2 } = tunnelled();
    net.node('t1').addRoute({ prefix: T2, length: 128, iface: 'tun0' }); // the tunnel's own remote routed into it
    net.node('a').send(echoRequest(A, B, 1));
    sim.run();
    const drops = entries(sim, 'drop');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({
      node: 't1',
      reason: 'tunnels nested more than 4 deep (routing loop through tun0?)',
    });
    expect(drops[0].pid).toBe(5); // pids 2, 3, 4, 5: four nested encapsulations
  });
});
