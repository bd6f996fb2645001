/**
 * Fixtures for the MAG and data-plane conformance tests (behaviours 12–37 and 74–79 of the digest §6).
 *
 * `vectorDoc` is the topology of the digest's golden packets (§7): MAG Proxy-CoA 2001:db8:ffff::2 and LMAA
 * 2001:db8:ffff::1 on one link, mn1@example.com with MAC 00:11:22:33:44:55 on 802.11 (ATT 4), the LMA's pool
 * 2001:db8:1:1::/64 (so the first prefix it assigns is the vectors' 2001:db8:1:1::/64), and a CN
 * 2001:db8:cafe::100 next to the LMA. The attach completes at exactly 0.5 s, so with the domain epoch
 * 2024-01-01T00:00:00Z the first PBU's timestamp is the vectors' 1704067200 + 0x8000/65536 s.
 *
 * `scriptedLma` is an LMA agent written for a test: it answers each PBU with what the test decides (or
 * not at all), so the real MAG can be driven through every PBA case of RFC 5213 §6.9.1.2.
 */
import type {
  LmaAgent,
  LmaContext,
  MessageSource,
  ProxyBindingAck,
  ProxyBindingUpdate,
} from '../../src/sim/agents/api';

export const PROXY_COA = '2001:db8:ffff::2';
export const LMAA = '2001:db8:ffff::1';
export const HNP = '2001:db8:1:1::';
export const MN_HOA = '2001:db8:1:1:211:22ff:fe33:4455';
export const CN = '2001:db8:cafe::100';
export const ACCESS = 'acc-mn1-wlan0';

export function vectorDoc(edit?: (doc: Record<string, any>) => void): Record<string, any> {
  const doc: Record<string, any> = {
    formatVersion: 1,
    name: 'digest vectors',
    description: 'The topology of the digest §7 golden packets.',
    seed: 7,
    duration: '60s',
    nodes: [
      { id: 'cn1', kind: 'cn', addresses: { eth0: ['2001:db8:cafe::100/64'] } },
      {
        id: 'lma1',
        kind: 'lma',
        addresses: { eth0: ['2001:db8:ffff::1/64'], eth1: ['2001:db8:cafe::1/64'] },
        lmaAddress: LMAA,
        prefixPool: '2001:db8:1:1::/64',
      },
      {
        id: 'mag1',
        kind: 'mag',
        addresses: { eth0: ['2001:db8:ffff::2/64'] },
        accessPoint: { att: 'wlan', attachDelay: '500ms', linkDelay: '1ms' },
      },
      {
        id: 'mn1',
        kind: 'mn',
        addresses: {},
        interfaces: [{ name: 'wlan0', mac: '00:11:22:33:44:55', att: 'wlan', attachTo: 'mag1' }],
      },
    ],
    links: [
      { a: 'cn1:eth0', b: 'lma1:eth1', delay: '1ms' },
      { a: 'lma1:eth0', b: 'mag1:eth0', delay: '1ms' },
    ],
    policies: [{ mn: 'mn1', mnId: 'mn1@example.com', prefixes: 'allocate' }],
    traffic: [],
    timeline: [],
  };
  edit?.(doc);
  return doc;
}

/** Adds a second MAG, mag2 (Proxy-CoA 2001:db8:ffff:2::2), behind the LMA's second backhaul link. */
export function withSecondMag(doc: Record<string, any>): void {
  doc.nodes.find((n: { id: string }) => n.id === 'lma1').addresses.eth2 = ['2001:db8:ffff:2::1/64'];
  doc.nodes.push({
    id: 'mag2',
    kind: 'mag',
    addresses: { eth0: ['2001:db8:ffff:2::2/64'] },
    accessPoint: { att: 'wlan', attachDelay: '500ms', linkDelay: '1ms' },
  });
  doc.links.push({ a: 'lma1:eth2', b: 'mag2:eth0', delay: '1ms' });
}

/** What a scripted LMA does with one PBU: a PBA to send back, or nothing. */
export type Script = (pbu: ProxyBindingUpdate, ctx: LmaContext<unknown>, n: number) => ProxyBindingAck | null;

/** A PBA that echoes the request (§5.3.6), with the given status and assigned prefixes. */
export function echoPba(
  pbu: ProxyBindingUpdate,
  status: number,
  changes: Partial<ProxyBindingAck> = {},
): ProxyBindingAck {
  const { type: _t, flags: _f, ...opts } = pbu;
  return { ...opts, type: 'pba', status, flags: 0x20, lifetime: status < 128 ? pbu.lifetime : 0, ...changes };
}

/**
 * An LMA agent that answers PBUs as `script` says, `delay` µs after receiving them (0: at once); the PBUs
 * it received are recorded in `log`.
 */
export function scriptedLma(
  script: Script,
  log: { pbu: ProxyBindingUpdate; from: MessageSource; t: number }[] = [],
  delay = 0,
): LmaAgent {
  let n = 0;
  const pending = new Map<string, { reply: ProxyBindingAck; from: MessageSource }>();
  return {
    role: 'lma',
    name: 'scripted test LMA',
    init: () => ({}),
    onMessage(ctx, msg, from) {
      if (msg.type !== 'pbu') return;
      log.push({ pbu: msg, from, t: ctx.now });
      const reply = script(msg, ctx, ++n);
      if (!reply) return;
      if (delay === 0) ctx.send(reply, from.src, from.dst);
      else {
        pending.set(`reply ${n}`, { reply, from });
        ctx.setTimer(`reply ${n}`, delay);
      }
    },
    onTimer(ctx, timer) {
      const p = pending.get(timer.name);
      if (p) ctx.send(p.reply, p.from.src, p.from.dst);
    },
  };
}

/** Accepts every PBU, assigning 2001:db8:1:1::/64 (no routes: for signalling-only tests). */
export const acceptAll: Script = (pbu) =>
  echoPba(pbu, 0, {
    hnps:
      pbu.lifetime === 0 || pbu.hnps.some((p) => p.prefix !== '::')
        ? pbu.hnps
        : [{ prefix: HNP, length: 64 }],
  });
