/**
 * Timeline actions taking effect: attach, detach, move, link-down, link-up and fault injection, each at its
 * time and traced as an 'action' entry (with the node it concerns, "" for link and fault actions) before
 * it acts. Initial attachments (`attachTo`) are attach actions at t = 0.
 */
import { ordinal } from '../net';
import type { Network } from '../net';
import type { TimelineAction } from './types';
import { durationOf } from './units';

/** "drop the 2nd "PBU" from mag1 to lma1". */
export function describeFault(a: TimelineAction): string {
  const m = a.match ?? {};
  const what = m.label !== undefined ? `"${m.label}"` : 'packet';
  const from = m.from !== undefined ? ` from ${m.from}` : '';
  const to = m.to !== undefined ? ` to ${m.to}` : '';
  const by = a.effect === 'delay' && a.delay !== undefined ? ` by ${a.delay}` : '';
  return `${a.effect ?? 'drop'} the ${ordinal(a.nth ?? 1)} ${what}${from}${to}${by}`;
}

/** Applies one action now. */
export function applyAction(net: Network, a: TimelineAction): void {
  const record = (node: string, detail: string) =>
    net.sim.record({ kind: 'action', node, action: a.action, detail });
  switch (a.action) {
    case 'attach':
    case 'move': {
      const mn = a.mn as string;
      const iface = a.iface as string;
      const was = net.attachmentOf(mn, iface);
      const detail =
        a.action === 'move' && was !== null
          ? `${mn}:${iface} moves from ${was} to ${a.mag}`
          : `${mn}:${iface} attaches to ${a.mag}`;
      record(mn, detail);
      net.attach(mn, iface, a.mag as string);
      return;
    }
    case 'detach': {
      const mn = a.mn as string;
      const iface = a.iface as string;
      const was = net.attachmentOf(mn, iface);
      record(
        mn,
        was !== null
          ? `${mn}:${iface} detaches from ${was}`
          : `${mn}:${iface} detaches (it was not attached)`,
      );
      net.detach(mn, iface);
      return;
    }
    case 'link-down':
    case 'link-up':
      record('', `link ${a.link} goes ${a.action === 'link-up' ? 'up' : 'down'}`);
      net.setLinkUp(a.link as string, a.action === 'link-up');
      return;
    case 'fault':
      record('', describeFault(a));
      net.addFault({
        match: { ...a.match },
        nth: a.nth ?? 1,
        action: a.effect ?? 'drop',
        ...(a.effect === 'delay' && a.delay !== undefined ? { delay: durationOf(a.delay) } : {}),
      });
      return;
  }
}

/** Schedules every action of the timeline at its time (same-time actions in the order written). */
export function scheduleTimeline(net: Network, timeline: readonly TimelineAction[]): void {
  for (const a of timeline)
    net.sim.schedule(Math.max(durationOf(a.at), net.sim.now), () => applyAction(net, a));
}
