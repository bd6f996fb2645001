/**
 * IP-layer wire throughput on the tunnelled ping of the golden vectors (digest §7.8, LMA → MAG
 * IPv6-in-IPv6): the full inspector decode, the cheap per-packet trace summary, and the per-hop operations
 * the simulator does on every packet (read the fixed header, patch the hop limit, encapsulate, decapsulate,
 * emit an ICMPv6 echo inside an IPv6 packet). Each figure is the best of five timed rounds after a warm-up.
 */
import type { Figure } from './figure';
import { fromHex } from '../src/sim/wire/bytes';
import { decodePacket, packetSummary } from '../src/sim/wire/decode';
import { emitIcmpv6 } from '../src/sim/wire/icmpv6';
import { emitIPv6Packet, readIPv6Fixed, setHopLimit } from '../src/sim/wire/ipv6';
import { decapsulateFromIPv6, encapsulateInIPv6 } from '../src/sim/wire/tunnel';

// vectors.json "tunnel_downlink_ipv6inipv6": LMAA 2001:db8:ffff::1 → Proxy-CoA ::2, inner CN → MN-HoA echo request.
const TUNNELLED_PING = fromHex(
  '600000000034294020010db8ffff0000000000000000000120010db8ffff0000000000000000000260000000000c3a3f' +
    '20010db8cafe0000000000000000010020010db800010001021122fffe3344558000ffa61234000170696e67',
);
const INNER = TUNNELLED_PING.subarray(40);
const CN = '2001:db8:cafe::100';
const HOA = '2001:db8:1:1:211:22ff:fe33:4455';
const DATA = new TextEncoder().encode('ping');

const ROUNDS = 5;

/** Best ops/s over ROUNDS runs of `n` calls of `op` (which returns a number, summed so nothing is optimised away). */
function bestRate(n: number, op: () => number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += op();
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += op();
    best = Math.max(best, n / ((performance.now() - t0) / 1000));
  }
  if (!Number.isFinite(sink)) throw new Error('benchmark sink is not a number');
  return best;
}

export async function run(): Promise<Figure[]> {
  const note = 'tunnelled ping vector, 92 octets';
  return [
    {
      name: 'decodePacket (layers + field tree)',
      value: bestRate(50_000, () => decodePacket(TUNNELLED_PING).fields.length),
      unit: 'ops/s',
      note,
    },
    {
      name: 'packetSummary (label, class, tunnelled)',
      value: bestRate(300_000, () => packetSummary(TUNNELLED_PING).label.length),
      unit: 'ops/s',
      note,
    },
    {
      name: 'readIPv6Fixed (per-hop header read)',
      value: bestRate(300_000, () => readIPv6Fixed(TUNNELLED_PING)!.hopLimit),
      unit: 'ops/s',
      note,
    },
    {
      name: 'setHopLimit (per-hop copy + patch)',
      value: bestRate(300_000, () => setHopLimit(TUNNELLED_PING, 63)[7]),
      unit: 'ops/s',
      note,
    },
    {
      name: 'encapsulateInIPv6 (RFC 2473, ECN copy)',
      value: bestRate(300_000, () => {
        const e = encapsulateInIPv6(INNER, { src: '2001:db8:ffff::1', dst: '2001:db8:ffff::2' });
        return e.ok ? e.value.length : 0;
      }),
      unit: 'ops/s',
      note,
    },
    {
      name: 'decapsulateFromIPv6',
      value: bestRate(300_000, () => {
        const d = decapsulateFromIPv6(TUNNELLED_PING);
        return d.ok ? d.value.inner.length : 0;
      }),
      unit: 'ops/s',
      note,
    },
    {
      name: 'emitIcmpv6 echo + emitIPv6Packet',
      value: bestRate(200_000, () => {
        const payload = emitIcmpv6(
          { type: 'echo-request', identifier: 0x1234, sequence: 1, data: DATA },
          CN,
          HOA,
        );
        return emitIPv6Packet({
          trafficClass: 0,
          flowLabel: 0,
          hopLimit: 64,
          src: CN,
          dst: HOA,
          extHeaders: [],
          nextHeader: 58,
          payload,
        }).length;
      }),
      unit: 'ops/s',
      note: 'inner packet of the vector, 52 octets',
    },
  ];
}
