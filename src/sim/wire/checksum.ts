/**
 * The Internet checksum (RFC 1071) and the IPv6 upper-layer pseudo-header of RFC 8200 §8.1, used by
 * ICMPv6, UDP and the Mobility Header (RFC 6275 §6.1.1).
 */

/** One's-complement sum of 16-bit words, not yet folded or inverted. */
export function sum16(data: Uint8Array, start = 0, end = data.length, acc = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) acc += (data[i] << 8) | data[i + 1];
  if (i < end) acc += data[i] << 8;
  return acc;
}

export function fold(acc: number): number {
  while (acc > 0xffff) acc = (acc & 0xffff) + Math.floor(acc / 0x10000);
  return acc;
}

/** RFC 1071 checksum of a whole buffer (IPv4 header). */
export function internetChecksum(data: Uint8Array, start = 0, end = data.length): number {
  return ~fold(sum16(data, start, end)) & 0xffff;
}

/**
 * RFC 8200 §8.1: source ‖ destination ‖ 32-bit upper-layer length ‖ 3 zero octets ‖ next header,
 * followed by the upper-layer data with its checksum field taken as zero by the caller.
 */
export function ipv6PseudoChecksum(
  src: Uint8Array,
  dst: Uint8Array,
  nextHeader: number,
  upper: Uint8Array,
  start = 0,
  end = upper.length,
): number {
  let acc = sum16(src) + sum16(dst);
  const len = end - start;
  acc += Math.floor(len / 0x10000) + (len & 0xffff) + nextHeader;
  acc = sum16(upper, start, end, acc);
  const c = ~fold(acc) & 0xffff;
  return c;
}

/** UDP over IPv4 pseudo-header (RFC 768). */
export function ipv4PseudoChecksum(
  src: Uint8Array,
  dst: Uint8Array,
  protocol: number,
  upper: Uint8Array,
  start = 0,
  end = upper.length,
): number {
  let acc = sum16(src) + sum16(dst) + protocol + (end - start);
  acc = sum16(upper, start, end, acc);
  return ~fold(acc) & 0xffff;
}
