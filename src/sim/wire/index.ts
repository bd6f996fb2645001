/**
 * The public wire API: byte-exact codecs (IPv6 and its extension headers, ICMPv6 with Neighbor Discovery,
 * UDP, IPv4, GRE, the RFC 2473 tunnel, the Mobility Header), the whole-packet decoder and its cheap
 * summary, and the pcap / pcapng writers and readers.
 */
export * from './result';
export * from './bytes';
export * from './checksum';
export * from './addr';
export * from './fields';
export * from './address-bytes';
export * from './ip-protocols';
export * from './ipv6-options';
export * from './ext-headers';
export * from './ipv6';
export * from './nd-options';
export * from './ndisc';
export * from './icmpv6';
export * from './udp';
export * from './ipv4';
export * from './gre';
export * from './tunnel';
export * from './labels';
export * from './decode';
export * from './pcap';
export * from './pcapng';
export * from './mh';
