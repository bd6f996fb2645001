/** Reading `traffic[]` (ping and constant-rate UDP flows) and `timeline[]` (actions at given times). */
import { Obj, isPlainObject, show } from './check';
import type { Checker } from './check';
import type { FaultMatch, ScenarioNode, TimelineAction, TimelineActionName, TrafficSpec } from './types';
import { FAULT_EFFECTS, TIMELINE_ACTIONS } from './types';
import { parsePacketRate } from './units';

export const PING_DEFAULTS = { start: '0s', interval: '1s', size: 56, timeout: '2s' } as const;
export const UDP_DEFAULTS = {
  start: '0s',
  rate: '10pps',
  size: 64,
  srcPortBase: 40000,
  dstPortBase: 9000,
} as const;

/** UDP payload: a 4-byte sequence number and an 8-byte send time (traffic/udp-flow.ts). */
export const UDP_MIN_SIZE = 12;
const MAX_SIZE = 65000;

export function readTraffic(c: Checker, list: unknown[]): TrafficSpec[] {
  const out: TrafficSpec[] = [];
  const taken = new Set(list.map((t) => (isPlainObject(t) && typeof t.id === 'string' ? t.id : '')));
  list.forEach((value, i) => {
    const t = readFlow(c, value, `traffic[${i}]`, i);
    if (!t) return;
    if (t.id !== '') {
      out.push(c.place(t, `traffic[${i}]`));
      return;
    }
    // Default flow name "ping-cn1-mn1"; a second identical flow gets its index appended.
    let id = `${t.kind}-${t.from}-${t.to}`;
    if (taken.has(id)) id = `${id}-${i}`;
    taken.add(id);
    out.push(c.place({ ...t, id }, `traffic[${i}]`));
  });
  return out;
}

function readFlow(c: Checker, value: unknown, path: string, index: number): TrafficSpec | undefined {
  const kind = isPlainObject(value) ? value.kind : undefined;
  if (kind !== 'ping' && kind !== 'udp') {
    if (!isPlainObject(value))
      c.report(path, `a traffic flow must be an object ({ ... }), not ${show(value)}`);
    else if (kind === undefined) c.report(`${path}.kind`, 'is required: "ping" or "udp"');
    else c.report(`${path}.kind`, `${show(kind)} is not a traffic kind; use "ping" or "udp"`);
    return undefined;
  }
  const o = Obj.read(c, value, path, kind === 'ping' ? 'pingTraffic' : 'udpTraffic', `a ${kind} flow`) as Obj;
  const id = o.id('id') ?? '';
  const from = o.id('from', true, 'the id of the sending node');
  const to = o.string('to', true, 'a node id or an IPv6 address');
  const start = o.duration('start') ?? PING_DEFAULTS.start;
  const stop = o.duration('stop');
  const count = o.number('count', { min: 1, max: 10_000_000, integer: true });
  if (from === undefined || to === undefined) return undefined;
  const common = {
    id,
    from,
    to,
    start,
    ...(stop !== undefined ? { stop } : {}),
    ...(count !== undefined ? { count } : {}),
  };
  if (kind === 'ping') {
    const interval = o.duration('interval') ?? PING_DEFAULTS.interval;
    const size = o.number('size', { min: 0, max: MAX_SIZE, integer: true }) ?? PING_DEFAULTS.size;
    const timeout = o.duration('timeout') ?? PING_DEFAULTS.timeout;
    return { kind, ...common, interval, size, timeout };
  }
  const rate = o.string('rate') ?? UDP_DEFAULTS.rate;
  if (parsePacketRate(rate) === null)
    c.report(o.at('rate'), `${show(rate)} is not a packet rate; write e.g. "10pps" or "0.5pps"`);
  const size = o.number('size', { min: UDP_MIN_SIZE, max: MAX_SIZE, integer: true }) ?? UDP_DEFAULTS.size;
  const srcPort =
    o.number('srcPort', { min: 1, max: 65535, integer: true }) ?? UDP_DEFAULTS.srcPortBase + index;
  const dstPort =
    o.number('dstPort', { min: 1, max: 65535, integer: true }) ?? UDP_DEFAULTS.dstPortBase + index;
  return { kind, ...common, rate, size, srcPort, dstPort };
}

/** Which optional fields each action takes (everything else is an error on that action). */
const ACTION_FIELDS: Record<TimelineActionName, readonly string[]> = {
  attach: ['mn', 'iface', 'mag'],
  detach: ['mn', 'iface'],
  move: ['mn', 'iface', 'mag'],
  'link-down': ['link'],
  'link-up': ['link'],
  fault: ['match', 'nth', 'effect', 'delay'],
};
const REQUIRED: Record<TimelineActionName, readonly string[]> = {
  attach: ['mn', 'mag'],
  detach: ['mn'],
  move: ['mn', 'mag'],
  'link-down': ['link'],
  'link-up': ['link'],
  fault: [],
};

export function readTimeline(c: Checker, list: unknown[], nodes: readonly ScenarioNode[]): TimelineAction[] {
  const out: TimelineAction[] = [];
  list.forEach((value, i) => {
    const a = readAction(c, value, `timeline[${i}]`, nodes);
    if (a) out.push(c.place(a, `timeline[${i}]`));
  });
  return out;
}

function readAction(
  c: Checker,
  value: unknown,
  path: string,
  nodes: readonly ScenarioNode[],
): TimelineAction | undefined {
  const o = Obj.read(c, value, path, 'timelineAction', 'a timeline action');
  if (!o) return undefined;
  const at = o.duration('at', true, 'when it happens, e.g. "12.3s"');
  const action = o.oneOf('action', TIMELINE_ACTIONS, 'a timeline action', true);
  if (action === undefined) return undefined;
  for (const key of ['mn', 'iface', 'mag', 'link', 'match', 'nth', 'effect', 'delay']) {
    if (o.has(key) && !ACTION_FIELDS[action].includes(key))
      c.report(
        o.at(key),
        `does not apply to a ${action} action (it takes: ${ACTION_FIELDS[action].join(', ')})`,
      );
  }
  const hints: Record<string, string> = { mn: 'the mobile node id', mag: 'the MAG id', link: 'the link id' };
  const out: Record<string, unknown> = { at, action };
  for (const key of ['mn', 'mag', 'link', 'iface']) {
    if (!ACTION_FIELDS[action].includes(key)) continue;
    const v = o.id(key, REQUIRED[action].includes(key), hints[key] ?? '');
    if (v !== undefined) out[key] = v;
  }
  if (action === 'fault' && !readFault(o, out)) return undefined;
  if (at === undefined || REQUIRED[action].some((k) => out[k] === undefined)) return undefined;
  if (out.mn !== undefined && out.iface === undefined) {
    // The interface defaults to the MN's first one.
    const mn = nodes.find((n) => n.id === out.mn);
    if (mn?.interfaces?.length) out.iface = mn.interfaces[0].name;
  }
  return out as unknown as TimelineAction;
}

function readFault(o: Obj, out: Record<string, unknown>): boolean {
  const m = o.object('match', 'faultMatch', 'a fault match');
  const match: Record<string, string> = {};
  if (m) {
    const label = m.string('label');
    if (label !== undefined) match.label = label;
    const from = m.id('from');
    if (from !== undefined) match.from = from;
    const to = m.id('to');
    if (to !== undefined) match.to = to;
  }
  out.match = match as FaultMatch;
  out.nth = o.number('nth', { min: 1, max: 1_000_000, integer: true }) ?? 1;
  const effect = o.oneOf('effect', FAULT_EFFECTS, 'a fault effect') ?? 'drop';
  out.effect = effect;
  const delay = o.duration('delay');
  if (effect === 'delay' && delay === undefined && !o.has('delay'))
    o.c.report(
      o.at('delay'),
      'is required for a delay fault: how much later the packet arrives, e.g. "500ms"',
    );
  if (effect !== 'delay' && o.has('delay'))
    o.c.report(o.at('delay'), `applies only to "effect": "delay" (this fault is a ${effect})`);
  if (delay !== undefined && effect === 'delay') out.delay = delay;
  return effect !== 'delay' || delay !== undefined;
}
