/**
 * Router Solicitations and Router Advertisements as whole IPv6 packets (RFC 4861 §4.1, §4.2, §6.1): Hop
 * Limit 255 so the receiver can tell they did not cross a router, ICMPv6 checksum over the pseudo-header.
 */
import { emitIPv6Packet } from '../../wire/ipv6';
import { emitIcmpv6, parseIcmpv6 } from '../../wire/icmpv6';
import type { ParsedIcmpv6 } from '../../wire/icmpv6';
import type { NdOption } from '../../wire/nd-options';
import type { RouterAdvertisement } from '../../wire/ndisc';
import type { ReceivedPacket } from '../../net/types';
import type { Advertisement } from '../api';

/** RFC 4861 §6.1.1, §6.1.2: ND messages are sent, and accepted only, with Hop Limit 255. */
export const ND_HOP_LIMIT = 255;

function ndPacket(payload: Uint8Array, src: string, dst: string): Uint8Array {
  return emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: ND_HOP_LIMIT,
    src,
    dst,
    extHeaders: [],
    nextHeader: 58,
    payload,
  });
}

/**
 * The MAG's RA on an access link (RFC 5213 §6.7, §6.9.2): Source Link-layer Address, MTU (RFC 5213
 * §6.9.5), then one Prefix Information option per home network prefix, on-link and autonomous.
 */
export function routerAdvertisementPacket(
  src: string,
  dst: string,
  mac: string,
  adv: Advertisement,
): Uint8Array {
  const options: NdOption[] = [{ kind: 'source-lla', address: mac }];
  if (adv.mtu !== undefined) options.push({ kind: 'mtu', mtu: adv.mtu });
  for (const p of adv.prefixes) {
    options.push({
      kind: 'prefix-info',
      prefixLength: p.length,
      onLink: true,
      autonomous: true,
      routerAddress: false,
      validLifetime: p.validLifetime,
      preferredLifetime: p.preferredLifetime,
      prefix: p.prefix,
    });
  }
  const ra: RouterAdvertisement = {
    type: 'router-advertisement',
    curHopLimit: 64,
    managed: false,
    other: false,
    homeAgent: false,
    preference: 'medium',
    proxy: false,
    routerLifetime: adv.routerLifetime,
    reachableTime: 0,
    retransTimer: 0,
    options,
  };
  return ndPacket(emitIcmpv6(ra, src, dst), src, dst);
}

/** A host's RS (RFC 4861 §6.3.7) with its Source Link-layer Address (omitted from the unspecified address). */
export function routerSolicitationPacket(src: string, mac: string): Uint8Array {
  const options: NdOption[] = src === '::' ? [] : [{ kind: 'source-lla', address: mac }];
  return ndPacket(emitIcmpv6({ type: 'router-solicitation', options }, src, 'ff02::2'), src, 'ff02::2');
}

/** The ND message in a received packet when it passes RFC 4861 §6.1 validity (Hop Limit 255, checksum), else null. */
export function receivedNd(p: ReceivedPacket): ParsedIcmpv6 | null {
  if (p.hopLimit !== ND_HOP_LIMIT || p.payloadLength < 4) return null;
  const t = p.bytes[p.payloadOffset];
  if (t < 133 || t > 137) return null;
  const m = parseIcmpv6(p.bytes, p.payloadOffset, p.payloadLength, p.src, p.dst);
  if (!m.ok || !m.value.checksumValid) return null;
  return m.value;
}
