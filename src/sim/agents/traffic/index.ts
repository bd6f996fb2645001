/** Traffic applications for scenarios: ping (ICMPv6 echo) and constant-rate UDP flows. */
export { startPing } from './ping';
export type { PingOptions } from './ping';
export { startUdpFlow, UDP_FLOW_HEADER } from './udp-flow';
export type { UdpFlowOptions } from './udp-flow';
export { globalAddressOf, endpoints } from './addresses';
export type { Target, Endpoints } from './addresses';
export type { Pacing } from './periodic';
