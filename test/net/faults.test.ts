import { describe, expect, it } from 'vitest';
import { ordinal } from '../../src/sim/net/faults';
import { chain, echoRequest, entries } from './helpers';

/** h1 — r1 — h2 with 1 ms links; h2 counts the echo requests it gets. */
function setup() {
  const w = chain(2, () => ({ delay: 1_000 }));
  const got: number[] = [];
  w.net.node('h2').onReceive(58, (p) => {
    if (p.bytes[p.payloadOffset] === 128) got.push(w.sim.now);
  });
  const ping = (seq: number) => w.net.node('h1').send(echoRequest(w.h1, w.h2, seq));
  return { ...w, got, ping };
}

describe('scenario fault injection', () => {
  it('drops the n-th matching packet on the wire, with the reason, once', () => {
    const { sim, net, got, ping } = setup();
    net.addFault({ match: { label: 'ping req', from: 'r1' }, nth: 2, action: 'drop' });
    for (let i = 1; i <= 4; i++) ping(i);
    sim.run();
    expect(got).toHaveLength(3);
    const drops = entries(sim, 'drop');
    expect(drops).toEqual([
      expect.objectContaining({
        t: 2_000,
        node: 'h2',
        link: 'L2',
        pid: 2,
        label: 'ping req seq=2',
        reason: 'scenario fault: drop the 2nd "ping req" from r1',
      }),
    ]);
    const tx = sim.trace.at(drops[0].txId as number);
    expect(tx).toMatchObject({ kind: 'tx', node: 'r1', to: 'h2', pid: 2 });
  });

  it('counts only packets put on a link after the fault was added, matching from and to', () => {
    const { sim, net, ping } = setup();
    ping(1);
    sim.run();
    net.addFault({ match: { to: 'h1' }, nth: 1, action: 'drop' });
    ping(2); // the request goes to r1 and h2; the reply from r1 to h1 is the 1st packet "to h1"
    sim.run();
    expect(entries(sim, 'drop').map((d) => `${d.label}: ${d.reason}`)).toEqual([
      'ping reply seq=2: scenario fault: drop the 1st packet to h1',
    ]);
  });

  it('delays the n-th match by the extra time', () => {
    const { sim, net, got, ping } = setup();
    net.addFault({ match: { label: 'ping', from: 'h1' }, nth: 1, action: 'delay', delay: 5_000 });
    ping(1);
    ping(2);
    sim.run();
    expect(got).toEqual([2_000, 7_000]);
    expect(entries(sim, 'tx')[0]).toMatchObject({ pid: 1, arrive: 6_000 });
  });

  it('duplicates the n-th match: the same pid goes twice', () => {
    const { sim, net, got, ping } = setup();
    net.addFault({ match: { label: 'ping req' }, nth: 1, action: 'duplicate' });
    ping(1);
    sim.run();
    expect(got).toEqual([2_000, 2_000]);
    expect(
      entries(sim, 'tx')
        .filter((e) => e.node === 'h1')
        .map((e) => e.pid),
    ).toEqual([1, 1]);
    expect(
      entries(sim, 'deliver')
        .filter((d) => d.node === 'h1')
        .map((d) => d.label),
    ).toEqual(['ping reply seq=1', 'ping reply seq=1']);
    expect(
      entries(sim, 'deliver')
        .filter((d) => d.node === 'h2')
        .map((d) => d.pid),
    ).toEqual([1, 1]);
  });

  it('matches labels inside tunnel brackets', () => {
    const { sim, net, h1, h2 } = chain(3, () => ({ delay: 100 }));
    const r1 = net.node('r1');
    r1.addTunnel('tun0', '2001:db8:2::1', '2001:db8:2::2'); // r1 to r2
    r1.removeRoute('2001:db8:3::', 64);
    r1.addRoute({ prefix: '2001:db8:3::', length: 64, iface: 'tun0' });
    net.addFault({ match: { label: 'ping', from: 'r1' }, nth: 1, action: 'drop' });
    net.node('h1').send(echoRequest(h1, h2, 1));
    sim.run();
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({
        node: 'r2',
        label: '⟦ping req seq=1⟧',
        reason: 'scenario fault: drop the 1st "ping" from r1',
      }),
    ]);
  });

  it('does not count packets the link refuses (queue full)', () => {
    const { sim, net, h1, h2 } = chain(1, () => ({ delay: 10, bandwidthBps: 8_000_000, queuePackets: 0 }));
    const got: number[] = [];
    net.node('h2').onReceive(58, (p) => got.push(p.pid));
    net.addFault({ match: { label: 'ping req' }, nth: 2, action: 'drop' });
    for (let seq = 1; seq <= 3; seq++) net.node('h1').send(echoRequest(h1, h2, seq)); // 2 and 3 find the transmitter busy
    sim.runUntil(1_000);
    net.node('h1').send(echoRequest(h1, h2, 4)); // pid 5 (4 was h2's reply): the 2nd accepted, dropped by the fault
    net.node('h1').send(echoRequest(h1, h2, 5)); // pid 6: refused again
    sim.run();
    expect(got).toEqual([1]);
    expect(entries(sim, 'drop').map((d) => `${d.t} ${d.pid} ${d.reason}`)).toEqual([
      '0 2 queue full on link L1',
      '0 3 queue full on link L1',
      '1000 6 queue full on link L1',
      '1074 5 scenario fault: drop the 2nd "ping req"', // 64 octets at 8 Mb/s + 10 µs
    ]);
  });

  it('rejects malformed faults', () => {
    const { net } = setup();
    expect(() => net.addFault({ match: {}, nth: 0, action: 'drop' })).toThrow(/nth/);
    expect(() => net.addFault({ match: {}, nth: 1, action: 'delay' })).toThrow(/delay/);
  });

  it('writes ordinals the English way', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });
});
