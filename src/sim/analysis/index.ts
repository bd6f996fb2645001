/** Views computed from a trace: node tables at any entry, run summaries, per-flow statistics. */
export { TableFolder, tablesAt, tablesToJson } from './tables';
export type { Row, Tables, TablesJson } from './tables';
export { summarize, labelKind } from './summary';
export type { TraceSummary, PacketCounts } from './summary';
export { pingStats, udpStats } from './app-stats';
export type { PingStats, UdpStats, DelayStats } from './app-stats';
