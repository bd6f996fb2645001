/**
 * How the state tables show each table kind: which columns, in which order, under which heading, and how a
 * cell reads ("in 3599.9 s" for an expiry, "wlan (4)" for an access technology, "2001:db8:ffff:1::2 (mag1)"
 * for an address a node owns). Columns a learner's agent adds to its rows are shown too, after the known
 * ones, so nothing in the trace is hidden.
 */
import type { Micros } from '../../../sim/core/time';
import { formatTime } from '../../../sim/core/time';
import type { Cell, TableName } from '../../../sim/core/trace-types';
import type { Tables } from '../../../sim/analysis/tables';
import { ATT_NAMES } from '../../../sim/scenario/units';

export interface Column {
  readonly key: string;
  readonly header: string;
}

/** What the RFCs call these tables, for headings and captions. */
export const TABLE_TITLES: Readonly<Record<TableName, string>> = {
  bce: 'Binding cache',
  bul: 'Binding update list',
  tunnels: 'Tunnels',
  addresses: 'Addresses',
  attachments: 'Attachments',
  routes: 'Routes',
  neighbors: 'Neighbours',
};

/** The RFC section that defines each table, shown beside its heading. */
export const TABLE_RFC: Readonly<Partial<Record<TableName, string>>> = {
  bce: 'RFC 5213 §5.1',
  bul: 'RFC 5213 §6.1',
  tunnels: 'RFC 5213 §5.6.1',
  addresses: 'RFC 4862 §5.5',
  routes: 'RFC 4861 §5.2',
  neighbors: 'RFC 4861 §5.1',
};

const KNOWN: Readonly<Record<TableName, readonly Column[]>> = {
  bce: [
    { key: 'mnId', header: 'MN-ID' },
    { key: 'hnps', header: 'Home network prefix' },
    { key: 'proxyCoa', header: 'Proxy-CoA' },
    { key: 'state', header: 'State' },
    { key: 'seq', header: 'Seq' },
    { key: 'hi', header: 'HI' },
    { key: 'lifetime', header: 'Lifetime' },
    { key: 'expires', header: 'Expires' },
    { key: 'tunnel', header: 'Tunnel' },
    { key: 'att', header: 'ATT' },
    { key: 'mnLlId', header: 'MN-LL-ID' },
    { key: 'magLinkLocal', header: 'MAG link-local' },
    { key: 'timestamp', header: 'Timestamp' },
    { key: 'created', header: 'Created' },
  ],
  bul: [
    { key: 'mnId', header: 'MN-ID' },
    { key: 'state', header: 'State' },
    { key: 'hnps', header: 'Home network prefix' },
    { key: 'lmaa', header: 'LMAA' },
    { key: 'seq', header: 'Seq' },
    { key: 'hi', header: 'HI' },
    { key: 'lifetime', header: 'Lifetime' },
    { key: 'expires', header: 'Expires' },
    { key: 'requestedLifetime', header: 'Asked' },
    { key: 'retransmitTimeout', header: 'Retransmit timeout' },
    { key: 'stopped', header: 'Stopped' },
    { key: 'tunnel', header: 'Tunnel' },
    { key: 'accessIface', header: 'Access link' },
    { key: 'proxyCoa', header: 'Proxy-CoA' },
    { key: 'mnLlId', header: 'MN-LL-ID' },
    { key: 'att', header: 'ATT' },
    { key: 'magLinkLocal', header: 'MAG link-local' },
    { key: 'lastSent', header: 'Last PBU' },
  ],
  tunnels: [
    { key: 'name', header: 'Name' },
    { key: 'local', header: 'Local end' },
    { key: 'remote', header: 'Remote end' },
    { key: 'mtu', header: 'MTU' },
  ],
  addresses: [
    { key: 'address', header: 'Address' },
    { key: 'prefixLength', header: 'Length' },
    { key: 'iface', header: 'Interface' },
  ],
  attachments: [
    { key: 'mn', header: 'Mobile node' },
    { key: 'iface', header: 'Its interface' },
    { key: 'accessIface', header: 'Access link' },
    { key: 'mac', header: 'MAC' },
    { key: 'att', header: 'ATT' },
  ],
  routes: [
    { key: 'prefix', header: 'Destination' },
    { key: 'from', header: 'Source' },
    { key: 'via', header: 'Via' },
    { key: 'iface', header: 'Interface' },
    { key: 'metric', header: 'Metric' },
  ],
  neighbors: [],
};

/** The columns for these rows: the known ones present in any row, then any others in first-seen order. */
export function columnsFor(table: TableName, rows: readonly Readonly<Record<string, Cell>>[]): Column[] {
  const present = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) present.add(k);
  const known = KNOWN[table] ?? [];
  const out = known.filter((c) => present.has(c.key));
  const knownKeys = new Set(known.map((c) => c.key));
  for (const k of present) if (!knownKeys.has(k)) out.push({ key: k, header: k });
  // An empty table still shows its known headings.
  return rows.length === 0 ? [...known] : out;
}

/** Address → the label of the node that has it, from every node's addresses table. */
export function addressOwners(
  tables: Tables,
  nodes: readonly { readonly id: string; readonly label: string }[],
): Map<string, string> {
  const owner = new Map<string, string>();
  for (const n of nodes) {
    for (const r of tables.get(n.id)?.get('addresses')?.values() ?? [])
      if (typeof r.address === 'string') owner.set(r.address, n.label);
  }
  return owner;
}

export interface CellContext {
  /** The clock, for "expires in …". */
  readonly now: Micros;
  /** Address → the node that owns it, to name tunnel ends and care-of addresses. */
  readonly owner: ReadonlyMap<string, string>;
}

const TIME_KEYS = new Set(['expires', 'created', 'lastSent']);
const ADDRESS_KEYS = new Set(['proxyCoa', 'lmaa', 'local', 'remote', 'via']);

export function formatCell(key: string, v: Cell | undefined, ctx: CellContext): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return v.length ? v.join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return formatNumber(key, v, ctx.now);
  if (ADDRESS_KEYS.has(key)) {
    const who = ctx.owner.get(v);
    return who ? `${v} (${who})` : v;
  }
  return v;
}

/** "wlan (4)": an access technology type with the name scenarios use for it (RFC 5213 §8.5). */
function attName(att: number): string {
  const name = Object.keys(ATT_NAMES).find((k) => ATT_NAMES[k] === att && k !== '3gpp');
  return name ? `${name} (${att})` : `ATT ${att}`;
}

function formatNumber(key: string, v: number, now: Micros): string {
  if (key === 'expires') return v > now ? `in ${formatTime(v - now)}` : `expired ${formatTime(now - v)} ago`;
  if (TIME_KEYS.has(key)) return `at ${formatTime(v)}`;
  if (key === 'retransmitTimeout') return formatTime(v);
  if (key === 'lifetime' || key === 'requestedLifetime') return `${v} s`;
  if (key === 'att') return attName(v);
  // RFC 5213 §5.5: the time of day of the last accepted PBU, in µs since 1970.
  if (key === 'timestamp')
    return new Date(Math.floor(v / 1000)).toISOString().replace('T', ' ').replace('Z', ' UTC');
  return String(v);
}
