/**
 * IP protocol numbers (IANA "Assigned Internet Protocol Numbers"): the values of the IPv6 Next Header and
 * IPv4 Protocol fields that this simulator emits or decodes.
 */

export const IPPROTO = {
  /** RFC 8200 §4.3 Hop-by-Hop Options header. */
  HOPOPTS: 0,
  /** RFC 2473 §3 / RFC 5844: an IPv4 packet follows (IPv4-in-IPv6). */
  IPV4: 4,
  /** RFC 768 UDP. */
  UDP: 17,
  /** RFC 2473: an IPv6 packet follows (IPv6-in-IPv6 tunnel, RFC 5213 §5.6.1). */
  IPV6: 41,
  /** RFC 8200 §4.4 Routing header. */
  ROUTING: 43,
  /** RFC 8200 §4.5 Fragment header. */
  FRAGMENT: 44,
  /** RFC 2784 GRE. */
  GRE: 47,
  /** RFC 4303 ESP: opaque, nothing after it can be read. */
  ESP: 50,
  /** RFC 4302 Authentication Header. */
  AH: 51,
  /** RFC 4443 ICMPv6. */
  ICMPV6: 58,
  /** RFC 8200 §4.7 No Next Header. */
  NONE: 59,
  /** RFC 8200 §4.6 Destination Options header. */
  DSTOPTS: 60,
  /** RFC 6275 §6.1 Mobility Header. */
  MOBILITY: 135,
} as const;

const NAMES: Readonly<Record<number, string>> = {
  0: 'Hop-by-Hop Options',
  1: 'ICMP',
  4: 'IPv4',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6',
  43: 'Routing',
  44: 'Fragment',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'ICMPv6',
  59: 'No Next Header',
  60: 'Destination Options',
  135: 'Mobility Header',
  139: 'HIP',
  140: 'Shim6',
  253: 'Experimental (253)',
  254: 'Experimental (254)',
};

/** The IANA short name ("UDP", "Mobility Header"), or "protocol 99" for one this file does not know. */
export const protocolShortName = (n: number): string => NAMES[n] ?? `protocol ${n}`;

/** "135 (Mobility Header)": the number with its IANA name, for the packet inspector. */
export function protocolName(n: number): string {
  const name = NAMES[n];
  return name ? `${n} (${name})` : `${n}`;
}
