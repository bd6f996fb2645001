/**
 * The network layer (DESIGN.md, "The house": src/sim/net): nodes, interfaces, point-to-point links,
 * wireless access of mobile nodes to MAGs, routing, RFC 2473 tunnels, forwarding with ICMPv6 errors, and
 * scenario fault injection. Everything observable goes into the simulator's trace.
 */
export { Network } from './network';
export { NetNode, canonical } from './node';
export type { ReceiveHandler } from './node';
export { Link } from './link';
export { RoutingTable } from './routing-table';
export { FIXED_MAG_MAC, accessIfaceName, accessLinkId } from './access';
export { selectSource } from './source-address';
export { ordinal } from './faults';
export type {
  NodeKind,
  LinkProps,
  Iface,
  IfaceAddress,
  Route,
  RouteSpec,
  ReceivedPacket,
  ForwardVerdict,
  ForwardHook,
  L2Notice,
  AccessPointSpec,
  FaultSpec,
} from './types';
export { ROUTER_KINDS, DEFAULT_MTU, DEFAULT_QUEUE_PACKETS, TUNNEL_OVERHEAD, TUNNEL_HOP_LIMIT } from './types';
