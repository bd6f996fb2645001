import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/core/simulator';
import { Network } from '../../src/sim/net/network';
import type { L2Notice } from '../../src/sim/net/types';
import { FIXED_MAG_MAC } from '../../src/sim/net/access';
import { entries, rawPacket } from './helpers';

const MAG_LL = 'fe80::200:5eff:fe00:5213';
const MN_LL = 'fe80::1';

function world() {
  const sim = new Simulator({ seed: 9 });
  const net = new Network(sim);
  net.addNode('mag1', 'mag');
  net.addNode('mag2', 'mag');
  net.addNode('mn1', 'mn');
  net.addAccessPoint('mag1', { att: 4, attachDelay: 50_000, linkDelay: 2_000 });
  net.addAccessPoint('mag2', { att: 3, attachDelay: 20_000, linkDelay: 1_000, bandwidthBps: 8_000_000 });
  const notices: (L2Notice & { t: number })[] = [];
  net.onL2((e) => notices.push({ ...e, t: sim.now }));
  return { sim, net, notices };
}

describe('wireless attach and detach', () => {
  it('attaches after the access point’s delay, with a new p2p link and MAG interface', () => {
    const { sim, net, notices } = world();
    sim.runUntil(1_000);
    net.attach('mn1', 'wlan0', 'mag1');
    sim.runUntil(50_999);
    expect(net.attachmentOf('mn1', 'wlan0')).toBeNull();
    expect(notices).toEqual([]);
    sim.runUntil(51_000);
    expect(net.attachmentOf('mn1', 'wlan0')).toBe('mag1');
    const mac = net.node('mn1').iface('wlan0')?.mac;
    expect(mac).toBe('02:00:00:00:00:01');
    expect(notices).toEqual([
      {
        t: 51_000,
        event: 'attach',
        mn: 'mn1',
        iface: 'wlan0',
        mag: 'mag1',
        accessIface: 'acc-mn1-wlan0',
        mac,
        att: 4,
      },
    ]);
    const acc = net.node('mag1').iface('acc-mn1-wlan0');
    expect(acc).toMatchObject({ mac: FIXED_MAG_MAC, up: true, link: 'acc:mag1:mn1:wlan0', isTunnel: false });
    expect(net.link('acc:mag1:mn1:wlan0').delay).toBe(2_000);
    expect(entries(sim, 'l2')).toEqual([
      expect.objectContaining({
        t: 51_000,
        node: 'mag1',
        event: 'attach',
        mn: 'mn1',
        iface: 'wlan0',
        mag: 'mag1',
      }),
    ]);
    expect(entries(sim, 'table')).toEqual([
      expect.objectContaining({
        node: 'mag1',
        table: 'attachments',
        key: 'mn1 wlan0',
        op: 'add',
        row: { mn: 'mn1', iface: 'wlan0', accessIface: 'acc-mn1-wlan0', mac, att: 4 },
      }),
    ]);
  });

  it('carries packets both ways over the access link (link-local, multicast)', () => {
    const { sim, net } = world();
    net.attach('mn1', 'wlan0', 'mag1');
    sim.run();
    net.node('mn1').addAddress('wlan0', MN_LL, 64);
    net.node('mag1').addAddress('acc-mn1-wlan0', MAG_LL, 64);
    const atMag: string[] = [];
    const atMn: string[] = [];
    net.node('mag1').onReceive(59, (p) => atMag.push(`${sim.now} ${p.inIface} ${p.src}>${p.dst}`));
    net.node('mn1').onReceive(59, (p) => atMn.push(`${sim.now} ${p.inIface} ${p.src}>${p.dst}`));
    const t0 = sim.now;
    net.node('mn1').send(rawPacket(MN_LL, 'ff02::2', 59, 60)); // an RS goes to all-routers
    net.node('mag1').send(rawPacket(MAG_LL, MN_LL, 59, 60), { iface: 'acc-mn1-wlan0' });
    sim.run();
    expect(atMag).toEqual([`${t0 + 2_000} acc-mn1-wlan0 ${MN_LL}>ff02::2`]);
    expect(atMn).toEqual([`${t0 + 2_000} wlan0 ${MAG_LL}>${MN_LL}`]);
  });

  it('detach drops packets in flight, tells the listeners, and removes the access interface and its routes', () => {
    const { sim, net, notices } = world();
    net.attach('mn1', 'wlan0', 'mag1');
    sim.run();
    const mag = net.node('mag1');
    mag.addAddress('acc-mn1-wlan0', MAG_LL, 64);
    mag.addRoute({ prefix: '2001:db8:1:1::', length: 64, iface: 'acc-mn1-wlan0' });
    const heard: string[] = [];
    net.onL2((e) =>
      heard.push(`${e.event}: mag still has ${mag.iface(e.accessIface) ? 'the' : 'no'} access iface`),
    );
    mag.send(rawPacket(MAG_LL, 'ff02::1', 59, 60), { iface: 'acc-mn1-wlan0' });
    const txId = entries(sim, 'tx')[0].id;
    sim.runUntil(sim.now + 1_500);
    const before = sim.trace.length;
    net.detach('mn1', 'wlan0');
    sim.run();
    expect(entries(sim, 'rx')).toEqual([]);
    const after = sim.trace.entries.slice(before).map((e) => {
      if (e.kind === 'drop') return `drop ${e.node} ${e.reason} tx=${e.txId === txId}`;
      if (e.kind === 'table') return `table ${e.node} ${e.table} ${e.key} ${e.op}`;
      if (e.kind === 'l2') return `l2 ${e.event} ${e.mn} ${e.iface} ${e.mag}`;
      return e.kind;
    });
    expect(after).toEqual([
      'l2 detach mn1 wlan0 mag1',
      'drop mn1 link-layer detach tx=true',
      'table mag1 attachments mn1 wlan0 delete',
      `table mag1 addresses acc-mn1-wlan0 ${MAG_LL} delete`,
      'table mag1 routes 2001:db8:1:1::/64 dev acc-mn1-wlan0 delete',
    ]);
    expect(sim.trace.at(sim.trace.length - 1).t).toBe(51_500);
    expect(heard).toEqual(['detach: mag still has the access iface']);
    expect(notices.map((n) => `${n.t} ${n.event} ${n.mag} ${n.accessIface}`)).toEqual([
      '50000 attach mag1 acc-mn1-wlan0',
      '51500 detach mag1 acc-mn1-wlan0',
    ]);
    expect(net.attachmentOf('mn1', 'wlan0')).toBeNull();
    expect(mag.iface('acc-mn1-wlan0')).toBeUndefined();
    expect(mag.routes()).toEqual([]);
    expect(net.node('mn1').iface('wlan0')).toMatchObject({ up: false, link: null });
    expect(() => net.link('acc:mag1:mn1:wlan0')).toThrow(/no link/);
  });

  it('a packet sent on a detached interface is dropped', () => {
    const { sim, net } = world();
    net.attach('mn1', 'wlan0', 'mag1');
    sim.run();
    net.detach('mn1', 'wlan0');
    net.node('mn1').send(rawPacket(MN_LL, 'ff02::2', 59, 60), { iface: 'wlan0' });
    expect(entries(sim, 'drop')).toEqual([
      expect.objectContaining({ node: 'mn1', reason: 'interface wlan0 is not attached to a link' }),
    ]);
  });

  it('hands over: attaching elsewhere detaches at once, then attaches after the new delay', () => {
    const { sim, net, notices } = world();
    net.attach('mn1', 'wlan0', 'mag1');
    sim.run();
    net.attach('mn1', 'wlan0', 'mag1'); // already there: nothing happens
    net.attach('mn1', 'wlan0', 'mag2');
    expect(net.attachmentOf('mn1', 'wlan0')).toBeNull();
    sim.run();
    expect(notices.map((n) => `${n.t} ${n.event} ${n.mag} att=${n.att}`)).toEqual([
      '50000 attach mag1 att=4',
      '50000 detach mag1 att=4',
      '70000 attach mag2 att=3',
    ]);
    expect(net.attachmentOf('mn1', 'wlan0')).toBe('mag2');
    expect(net.link('acc:mag2:mn1:wlan0').bandwidthBps).toBe(8_000_000);
    expect(net.node('mn1').iface('wlan0')?.mac).toBe('02:00:00:00:00:01'); // the same radio
  });

  it('detaching during an attach cancels it without any l2 entry', () => {
    const { sim, net, notices } = world();
    net.attach('mn1', 'wlan0', 'mag1');
    sim.runUntil(10_000);
    net.detach('mn1', 'wlan0');
    net.detach('mn1', 'wlan0'); // not attached: no-op
    sim.run();
    expect(notices).toEqual([]);
    expect(entries(sim, 'l2')).toEqual([]);
    expect(net.attachmentOf('mn1', 'wlan0')).toBeNull();
  });

  it('lets an MN configure its radio before the first attach, and keeps it', () => {
    const { sim, net } = world();
    const wlan = net.node('mn1').addInterface('wlan0');
    expect(wlan).toMatchObject({ name: 'wlan0', up: false, link: null, mac: '02:00:00:00:00:01' });
    net.node('mn1').addAddress('wlan0', MN_LL, 64);
    expect(net.node('mn1').addInterface('wlan0')).toBe(wlan);
    net.attach('mn1', 'wlan0', 'mag2');
    sim.run();
    expect(net.node('mn1').iface('wlan0')).toMatchObject({
      up: true,
      link: 'acc:mag2:mn1:wlan0',
      addresses: [{ address: MN_LL, prefixLength: 64 }],
    });
  });

  it('rejects unknown MAGs, wired or tunnel interfaces, access points without a node, and duplicates', () => {
    const { net } = world();
    net.addLink('wired', { node: 'mn1', iface: 'eth0' }, { node: 'mag1', iface: 'eth9' }, { delay: 1 });
    net.node('mn1').addTunnel('tun0', '2001:db8::1', '2001:db8::2');
    expect(() => net.attach('mn1', 'eth0', 'mag1')).toThrow(/mn1 eth0 is on link wired/);
    expect(() => net.attach('mn1', 'tun0', 'mag1')).toThrow(/mn1 tun0 is a tunnel/);
    expect(() => net.attach('mn1', 'wlan0', 'mag9')).toThrow(/mag9 has no access point/);
    expect(() => net.addAccessPoint('nope', { att: 4, attachDelay: 0, linkDelay: 0 })).toThrow(
      /no node nope/,
    );
    expect(() => net.addAccessPoint('mag1', { att: 4, attachDelay: 0, linkDelay: 0 })).toThrow(
      /already has an access point/,
    );
  });
});
