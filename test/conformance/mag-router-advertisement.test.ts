/**
 * Conformance, the MAG's Router Advertisements (digest §6, behaviours 36–37): the MTU option (RFC 5213
 * §6.9.2, §6.9.5) and the same default router on every MAG (RFC 5213 §6.9.3, RFC 6543).
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/sim/wire/bytes';
import { parseIPv6Packet } from '../../src/sim/wire/ipv6';
import { parseIcmpv6 } from '../../src/sim/wire/icmpv6';
import { build, entriesOf, SECOND } from '../agents/helpers';
import { vectorDoc, withSecondMag } from './mag-fixtures';

/**
 * Digest §7.8, the RA of Vector F. The vector's flags octet is 0x08 (Router Preference "high"): the
 * generator used scapy, whose ND_RA defaults to prf=1. RFC 4191 §2.2 says a router SHOULD advertise the
 * default "medium" (00) unless configured otherwise, and the MAG does, so the flags octet is 0x00 and the
 * checksum moves by the same amount (0x417b → 0x4183); every other octet is the vector's.
 */
const VECTOR_F_RA =
  '6000000000403afffe8000000000000002005efffe005213ff020000000000000000000000000001' +
  '8600417b400807080000000000000000010100005e00521305010000000005b4030440c000000e10' +
  '000007080000000020010db8000100010000000000000000';
const OURS_RA = VECTOR_F_RA.replace('8600417b4008', '860041834000');

function advertisements(world: ReturnType<typeof build>['world'], mag: string) {
  return entriesOf(world, 'tx', mag)
    .filter((e) => e.label === 'RA')
    .map((e) => {
      const ip = parseIPv6Packet(e.bytes);
      if (!ip.ok) throw new Error('bad packet');
      const m = parseIcmpv6(e.bytes, 40, e.bytes.length - 40, ip.value.src, ip.value.dst);
      if (!m.ok || m.value.type !== 'router-advertisement') throw new Error('not an RA');
      return {
        bytes: e.bytes,
        src: ip.value.src,
        hopLimit: ip.value.hopLimit,
        ra: m.value,
        checksumValid: m.value.checksumValid,
      };
    });
}

describe('MAG: Router Advertisements', () => {
  it('B36 RAs carry an MTU option equal to min(tunnel MTU, access-link MTU): 1460 on a 1500-octet path — RFC 5213 §6.9.2, §6.9.5', () => {
    const { world } = build(vectorDoc());
    world.sim.runUntil(1 * SECOND);
    const [ra] = advertisements(world, 'mag1');
    expect(ra.ra.options.find((o) => o.kind === 'mtu')).toEqual({ kind: 'mtu', mtu: 1460 });
    expect(ra.checksumValid).toBe(true);
    expect(ra.hopLimit).toBe(255);
    expect(toHex(ra.bytes)).toBe(OURS_RA);
  });

  it('B36 with a 1400-octet backhaul the tunnel MTU (1360) is the smaller one and is advertised — RFC 5213 §6.9.5', () => {
    const { world } = build(vectorDoc((d) => (d.links[1].mtu = 1400)));
    world.sim.runUntil(1 * SECOND);
    const [ra] = advertisements(world, 'mag1');
    expect(ra.ra.options.find((o) => o.kind === 'mtu')).toEqual({ kind: 'mtu', mtu: 1360 });
  });

  it('B37 RAs on every MAG use the same link-local source and source link-layer address — RFC 5213 §6.9.3, RFC 6543', () => {
    const doc = vectorDoc((d) => {
      withSecondMag(d);
      d.timeline = [{ at: '5s', action: 'move', mn: 'mn1', iface: 'wlan0', mag: 'mag2' }];
    });
    const { world } = build(doc);
    world.sim.runUntil(7 * SECOND);
    const seen = ['mag1', 'mag2'].map((mag) => advertisements(world, mag)[0]);
    for (const ra of seen) {
      expect(ra.src).toBe('fe80::200:5eff:fe00:5213');
      expect(ra.ra.options.find((o) => o.kind === 'source-lla')).toEqual({
        kind: 'source-lla',
        address: '00:00:5e:00:52:13',
      });
    }
    // Same router, same prefix: mn1's default route and address do not change across the handover.
    const mn = world.net.node('mn1');
    expect(
      mn
        .routes()
        .filter((r) => r.length === 0)
        .map((r) => r.via),
    ).toEqual(['fe80::200:5eff:fe00:5213']);
    expect(mn.iface('wlan0')?.addresses.map((a) => a.address)).toEqual([
      'fe80::211:22ff:fe33:4455',
      '2001:db8:1:1:211:22ff:fe33:4455',
    ]);
    expect(toHex(seen[1].bytes)).toBe(toHex(seen[0].bytes));
  });
});
