/**
 * Conformance, the data plane between MAG and LMA (digest §6, behaviours 74–79): RFC 5213 §5.6.2, §5.6.3
 * and §6.10.5. Packets are injected at the CN, the MN or the LMA, and followed hop by hop in the trace.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/sim/wire/bytes';
import { ipv6Ecn, withIPv6Ecn } from '../../src/sim/wire/ipv6';
import { encapsulateInIPv6, ECN_CE, ECN_ECT0, ECN_NOT_ECT } from '../../src/sim/wire/tunnel';
import { echoRequest } from '../net/helpers';
import { build, entriesOf, SECOND } from '../agents/helpers';
import { ACCESS, CN, LMAA, MN_HOA, PROXY_COA, vectorDoc } from './mag-fixtures';

const ascii = (s: string) => new TextEncoder().encode(s);
/** Digest §7.8, Vector F: the downlink and uplink tunnel packets. */
const VECTOR_F_DOWN =
  '600000000034294020010db8ffff0000000000000000000120010db8ffff00000000000000000002' +
  '60000000000c3a3f20010db8cafe0000000000000000010020010db800010001021122fffe334455' +
  '8000ffa61234000170696e67';
const VECTOR_F_UP =
  '600000000034294020010db8ffff0000000000000000000220010db8ffff00000000000000000001' +
  '60000000000c3a4020010db800010001021122fffe33445520010db8cafe00000000000000000100' +
  '8000ff9f12340002706f6e67';

/** The vector domain with mn1 registered (its PBA and RA are done by 1 s). */
function registered(edit?: (d: Record<string, any>) => void) {
  const { world } = build(vectorDoc(edit));
  world.sim.runUntil(1 * SECOND);
  return world;
}

const accessLink = 'acc:mag1:mn1:wlan0';
const txOn = (
  world: ReturnType<typeof registered>,
  node: string,
  pred: (e: { link: string; tunnelled: boolean; label: string }) => boolean,
) => entriesOf(world, 'tx', node).filter(pred);

describe('Data plane', () => {
  it('B74 downlink: the LMA sends IPv6(LMAA → Proxy-CoA, NH 41) ‖ the packet; the MAG decapsulates onto the access link — RFC 5213 §5.6.2, §6.10.5', () => {
    const world = registered();
    const start = world.sim.trace.length;
    world.net.node('cn1').send(echoRequest(CN, MN_HOA, 1, { data: ascii('ping') }));
    world.sim.runUntil(1.1 * SECOND);
    const tunnelled = txOn(world, 'lma1', (e) => e.tunnelled);
    expect(tunnelled).toHaveLength(1);
    expect(toHex(tunnelled[0].bytes)).toBe(VECTOR_F_DOWN);
    const delivered = txOn(world, 'mag1', (e) => e.link === accessLink && e.label.startsWith('ping'));
    expect(delivered).toHaveLength(1);
    // The inner packet as the LMA tunnelled it, one hop further (Hop Limit 63 → 62, checksum unchanged).
    expect(toHex(delivered[0].bytes)).toBe(VECTOR_F_DOWN.slice(80).replace('3a3f', '3a3e'));
    const mnGot = world.sim.trace.entries
      .slice(start)
      .filter((e) => e.kind === 'deliver' && e.node === 'mn1');
    expect(mnGot.map((e) => e.kind === 'deliver' && e.label)).toEqual(['ping req seq=1']);
  });

  it("B75 uplink: the MAG reverse-tunnels the MN's packets to the LMA (Vector F) — RFC 5213 §6.10.5", () => {
    const world = registered();
    // The vector's inner Hop Limit is 64 after the MAG's hop, so the MN sent it with 65.
    world.net
      .node('mn1')
      .send(echoRequest(MN_HOA, CN, 2, { data: ascii('pong'), hopLimit: 65 }), { iface: 'wlan0' });
    world.sim.runUntil(1.1 * SECOND);
    const up = txOn(world, 'mag1', (e) => e.tunnelled);
    expect(up).toHaveLength(1);
    expect(toHex(up[0].bytes)).toBe(VECTOR_F_UP);
  });

  function twoMns(localRouting: boolean) {
    return registered((d) => {
      d.nodes.push({
        id: 'mn2',
        kind: 'mn',
        addresses: {},
        interfaces: [{ name: 'wlan0', mac: '00:11:22:33:44:77', att: 'wlan', attachTo: 'mag1' }],
      });
      d.policies.push({ mn: 'mn2', mnId: 'mn2@example.com', prefixes: 'allocate' });
      d.nodes[1].prefixPool = '2001:db8:1::/48';
      d.config = { enableMAGLocalRouting: localRouting };
    });
  }

  it('B75 with EnableMAGLocalRouting = 0 even traffic to another MN on the same MAG goes through the LMA — RFC 5213 §6.10.5', () => {
    const world = twoMns(false);
    const [a, b] = ['mn1', 'mn2'].map(
      (id) =>
        world.net
          .node(id)
          .iface('wlan0')
          ?.addresses.find((x) => !x.address.startsWith('fe80'))?.address as string,
    );
    const start = world.sim.trace.length;
    world.net.node('mn1').send(echoRequest(a, b, 5), { iface: 'wlan0' });
    world.sim.runUntil(1.1 * SECOND);
    const path = world.sim.trace.entries
      .slice(start)
      .filter((e) => e.kind === 'tx' && e.label.includes('ping req'))
      .map((e) => e.kind === 'tx' && `${e.node}→${e.to}${e.tunnelled ? ' (tunnel)' : ''}`);
    expect(path).toEqual(['mn1→mag1', 'mag1→lma1 (tunnel)', 'lma1→mag1 (tunnel)', 'mag1→mn2']);
  });

  it('B75 with EnableMAGLocalRouting = 1 the MAG delivers it locally — RFC 5213 §6.10.3, §9.2', () => {
    const world = twoMns(true);
    const [a, b] = ['mn1', 'mn2'].map(
      (id) =>
        world.net
          .node(id)
          .iface('wlan0')
          ?.addresses.find((x) => !x.address.startsWith('fe80'))?.address as string,
    );
    const start = world.sim.trace.length;
    world.net.node('mn1').send(echoRequest(a, b, 5), { iface: 'wlan0' });
    world.sim.runUntil(1.1 * SECOND);
    const path = world.sim.trace.entries
      .slice(start)
      .filter((e) => e.kind === 'tx' && e.label.includes('ping req'))
      .map((e) => e.kind === 'tx' && `${e.node}→${e.to}`);
    expect(path).toEqual(['mn1→mag1', 'mag1→mn2']);
  });

  it('B76 uplink packets with a link-local source are never forwarded — RFC 5213 §6.10.5', () => {
    const world = registered();
    world.net.node('mn1').send(echoRequest('fe80::211:22ff:fe33:4455', CN, 3), { iface: 'wlan0' });
    world.sim.runUntil(1.1 * SECOND);
    const drops = entriesOf(world, 'drop', 'mag1');
    expect(drops.map((d) => [d.reason, d.rfc])).toEqual([
      [
        'uplink packet from link-local source fe80::211:22ff:fe33:4455 is never forwarded',
        'RFC 5213 §6.10.5',
      ],
    ]);
    expect(txOn(world, 'mag1', (e) => e.tunnelled)).toEqual([]);
  });

  it('B77 the MAG drops MN uplink traffic while no binding is established — RFC 5213 §6.10.5', () => {
    // The LMA is far away: the PBA needs 2 × 200 ms, and the MN sends in between.
    const { world } = build(vectorDoc((d) => (d.links[1].delay = '200ms')));
    world.sim.runUntil(0.6 * SECOND);
    const mn = world.net.node('mn1');
    mn.addAddress('wlan0', MN_HOA, 64);
    mn.addRoute({ prefix: '::', length: 0, iface: 'wlan0' });
    mn.send(echoRequest(MN_HOA, CN, 4), { iface: 'wlan0' });
    world.sim.runUntil(0.7 * SECOND);
    const drops = entriesOf(world, 'drop', 'mag1');
    expect(drops).toHaveLength(1);
    expect(drops[0].reason).toBe(
      `no binding for the MN on ${ACCESS}: uplink traffic is dropped until a PBA accepts it`,
    );
    // Once the PBA is in (0.9 s), the same packet is tunnelled.
    world.sim.runUntil(1 * SECOND);
    mn.send(echoRequest(MN_HOA, CN, 5), { iface: 'wlan0' });
    world.sim.runUntil(1.1 * SECOND);
    expect(txOn(world, 'mag1', (e) => e.tunnelled && e.label.includes('ping req seq=5'))).toHaveLength(1);
  });

  it('B78 a decapsulated downlink packet whose destination is on no access link is silently dropped — RFC 5213 §6.10.5', () => {
    const world = registered();
    const inner = echoRequest(CN, '2001:db8:9::1', 6);
    const outer = encapsulateInIPv6(inner, { src: LMAA, dst: PROXY_COA });
    if (!outer.ok) throw new Error('encapsulation failed');
    world.net.node('lma1').send(outer.value);
    world.sim.runUntil(1.1 * SECOND);
    const drops = entriesOf(world, 'drop', 'mag1');
    expect(drops.map((d) => [d.reason, d.rfc])).toEqual([
      [
        'decapsulated packet for 2001:db8:9::1: no access link hosts that prefix (silently dropped)',
        'RFC 5213 §6.10.5',
      ],
    ]);
    expect(entriesOf(world, 'tx', 'mag1').filter((e) => e.cls === 'icmp-error')).toEqual([]);
  });

  it('B79 ECN: inner ECT copied to the outer header on encapsulation — RFC 5213 §5.6.3', () => {
    const world = registered();
    world.net.node('cn1').send(withIPv6Ecn(echoRequest(CN, MN_HOA, 7), ECN_ECT0));
    world.sim.runUntil(1.1 * SECOND);
    const [outer] = txOn(world, 'lma1', (e) => e.tunnelled);
    expect(ipv6Ecn(outer.bytes)).toBe(ECN_ECT0);
    expect(ipv6Ecn(outer.bytes.subarray(40))).toBe(ECN_ECT0);
  });

  for (const [name, innerEcn, expected] of [
    ['an ECT inner packet becomes CE', ECN_ECT0, ECN_CE],
    ['a non-ECT inner packet stays non-ECT', ECN_NOT_ECT, ECN_NOT_ECT],
  ] as const) {
    it(`B79 ECN: an outer CE on decapsulation at the MAG — ${name} — RFC 5213 §5.6.3`, () => {
      const world = registered();
      const outer = encapsulateInIPv6(withIPv6Ecn(echoRequest(CN, MN_HOA, 8), innerEcn), {
        src: LMAA,
        dst: PROXY_COA,
      });
      if (!outer.ok) throw new Error('encapsulation failed');
      world.net.node('lma1').send(withIPv6Ecn(outer.value, ECN_CE));
      world.sim.runUntil(1.1 * SECOND);
      const [delivered] = txOn(world, 'mag1', (e) => e.link === accessLink && e.label.includes('ping req'));
      expect(ipv6Ecn(delivered.bytes)).toBe(expected);
    });
  }
});
