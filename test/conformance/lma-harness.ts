/**
 * An agent-level harness for the LMA conformance tests (digest §6, behaviours 38–73): the real LMA agent
 * (src/sim/agents/lma/lma.agent.ts) on its real host runtime, signalling endpoint and data plane, with
 * scripted MAGs that send hand-built Proxy Binding Updates as real packets and record every PBA and every
 * tunnelled packet they get.
 *
 *   cn1 ── lma1 ── r1 ──┬── mag1      LMAA 2001:db8:ffff::1, Proxy-CoA of magN 2001:db8:ffff:N::2
 *                       ├── mag2      pool 2001:db8:1::/48, CN 2001:db8:cafe::100
 *                       └── mag3      every link 1 ms
 */
import { Simulator } from '../../src/sim/core/simulator';
import { MS, SECOND } from '../../src/sim/core/time';
import type { Micros } from '../../src/sim/core/time';
import type { Decision, PacketTx, TableChange, TraceEntry } from '../../src/sim/core/trace-types';
import { Network } from '../../src/sim/net/network';
import type { ReceivedPacket } from '../../src/sim/net/types';
import { emitIPv6Packet } from '../../src/sim/wire/ipv6';
import { emitIcmpv6 } from '../../src/sim/wire/icmpv6';
import { defaultConfig } from '../../src/sim/scenario/config';
import { PmipDomain } from '../../src/sim/agents/host/domain';
import { LmaRuntime } from '../../src/sim/agents/host/lma-runtime';
import { pmipConfig } from '../../src/sim/agents/host/scenario-bridge';
import { SignallingEndpoint } from '../../src/sim/agents/host/signalling';
import { PolicyStore } from '../../src/sim/agents/policy/policy-store';
import type { PolicyRecord } from '../../src/sim/agents/policy/policy-store';
import type {
  BceEntry,
  HomeNetworkPrefix,
  PmipConfig,
  Prefix,
  ProxyBindingAck,
  ProxyBindingUpdate,
} from '../../src/sim/agents/api';
import lmaAgent from '../../src/sim/agents/lma/lma.agent';

export const LMAA = '2001:db8:ffff::1';
export const CN = '2001:db8:cafe::100';
export const MN1 = 'mn1@example.com';
export const MAC1 = '00:11:22:33:44:55';
export const ALL_ZERO: HomeNetworkPrefix = { prefix: '::', length: 0 };
/** The first /64 of the pool: what the LMA allocates first. */
export const FIRST: Prefix = { prefix: '2001:db8:1::', length: 64 };
export const SECOND_PREFIX: Prefix = { prefix: '2001:db8:1:1::', length: 64 };
export const proxyCoa = (mag: number): string => `2001:db8:ffff:${mag}::2`;
/** The Proxy-CoA of the digest's golden packets (§7), an extra address of mag1 with `vectorAddresses`. */
export const VECTOR_PCOA = '2001:db8:ffff::2';
/** A PBU's flags with A and P set (RFC 5213 §6.9.1.5). */
export const AP_FLAGS = 0x8200;

export interface HarnessOptions {
  readonly config?: Partial<PmipConfig>;
  /** Policy records (defaults filled in); default: mn1@example.com with allocated prefixes. */
  readonly policies?: readonly (Partial<PolicyRecord> & { mnId: string })[];
  /** MAGs (1-based numbers) with a security association with the LMA; default: all three. */
  readonly securedMags?: readonly number[];
  readonly prefixPool?: string;
  /** Per-node clock errors in µs (RFC 5213 §5.5). */
  readonly clockOffsets?: Readonly<Record<string, Micros>>;
  /** Also give mag1 the Proxy-CoA of the digest's golden packets, 2001:db8:ffff::2 (digest §7). */
  readonly vectorAddresses?: boolean;
}

export interface ReceivedPba {
  readonly t: Micros;
  readonly pba: ProxyBindingAck;
  readonly src: string;
  readonly dst: string;
}

class FakeMag {
  readonly pbas: ReceivedPba[] = [];
  /** Packets that reached this MAG through the tunnel from the LMA (outer NH 41), undecapsulated. */
  readonly tunnelled: ReceivedPacket[] = [];
  readonly endpoint: SignallingEndpoint;
  seq = 0;

  constructor(
    readonly n: number,
    readonly h: LmaHarness,
  ) {
    const node = h.net.node(`mag${n}`);
    this.endpoint = new SignallingEndpoint(h.domain, node);
    this.endpoint.listen((msg, from) => {
      if (msg.type === 'pba') this.pbas.push({ t: h.sim.now, pba: msg, src: from.src, dst: from.dst });
    });
    node.onReceive(41, (p) => this.tunnelled.push(p));
  }
}

export class LmaHarness {
  readonly sim = new Simulator({ seed: 1 });
  readonly net = new Network(this.sim);
  readonly config: PmipConfig;
  readonly domain: PmipDomain;
  readonly lma: LmaRuntime;
  readonly mags: FakeMag[];
  /** Packets the CN received (downlink tests send from the CN, uplink from a MAG). */
  readonly cnReceived: ReceivedPacket[] = [];

  constructor(opts: HarnessOptions = {}) {
    this.config = { ...pmipConfig(defaultConfig()), ...opts.config };
    this.topology();
    if (opts.vectorAddresses) {
      this.net.node('mag1').addAddress('eth0', VECTOR_PCOA, 128);
      this.net.node('r1').addRoute({ prefix: VECTOR_PCOA, length: 128, iface: 'eth1' });
    }
    const policies = (opts.policies ?? [{ mnId: MN1 }]).map(record);
    const secured = opts.securedMags ?? [1, 2, 3];
    this.domain = new PmipDomain(this.net, {
      config: this.config,
      policies: new PolicyStore(policies, this.config.minDelayBeforeBCEDelete),
      securityAssociations: secured.map((m) => ({ mag: `mag${m}`, lma: 'lma1' })),
      ...(opts.clockOffsets ? { clockOffsets: opts.clockOffsets } : {}),
    });
    const statics = policies.flatMap((p) => p.prefixes);
    this.lma = new LmaRuntime({
      domain: this.domain,
      node: this.net.node('lma1'),
      agent: lmaAgent,
      lmaa: LMAA,
      signalling: new SignallingEndpoint(this.domain, this.net.node('lma1')),
      prefixPool: opts.prefixPool ?? '2001:db8:1::/48',
      staticPrefixes: statics,
    });
    this.mags = [1, 2, 3].map((n) => new FakeMag(n, this));
    this.net.node('cn1').onReceive(58, (p) => this.cnReceived.push(p));
  }

  private topology(): void {
    const net = this.net;
    const ms = { delay: MS };
    net.addNode('cn1', 'cn');
    net.addNode('lma1', 'lma');
    net.addNode('r1', 'router');
    net.addLink('cn-lma', { node: 'cn1', iface: 'eth0' }, { node: 'lma1', iface: 'eth1' }, ms);
    net.addLink('lma-r1', { node: 'lma1', iface: 'eth0' }, { node: 'r1', iface: 'eth0' }, ms);
    net.node('cn1').addAddress('eth0', CN, 64);
    net.node('cn1').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
    net.node('lma1').addAddress('eth1', '2001:db8:cafe::1', 64);
    net.node('lma1').addAddress('eth0', LMAA, 64);
    net.node('lma1').addRoute({ prefix: '2001:db8:cafe::', length: 64, iface: 'eth1' });
    net.node('lma1').addRoute({ prefix: '2001:db8:ffff::', length: 48, iface: 'eth0' });
    net.node('r1').addAddress('eth0', '2001:db8:ffff::fe', 64);
    net.node('r1').addRoute({ prefix: '2001:db8:ffff::', length: 64, iface: 'eth0' });
    net.node('r1').addRoute({ prefix: '::', length: 0, iface: 'eth0' });
    for (const n of [1, 2, 3]) {
      net.addNode(`mag${n}`, 'mag');
      net.addLink(`r1-mag${n}`, { node: 'r1', iface: `eth${n}` }, { node: `mag${n}`, iface: 'eth0' }, ms);
      net.node('r1').addAddress(`eth${n}`, `2001:db8:ffff:${n}::fe`, 64);
      net.node('r1').addRoute({ prefix: `2001:db8:ffff:${n}::`, length: 64, iface: `eth${n}` });
      net.node(`mag${n}`).addAddress('eth0', proxyCoa(n), 64);
      net.node(`mag${n}`).addRoute({ prefix: '::', length: 0, iface: 'eth0' });
    }
  }

  mag(n: number): FakeMag {
    return this.mags[n - 1];
  }

  /** The MAG's time of day in µs since 1970 (what it puts in a Timestamp option). */
  clock(mag: number): number {
    return this.domain.clock(`mag${mag}`);
  }

  /**
   * A PBU from MAG `mag` as RFC 5213 §6.9.1.1 builds an initial registration: A and P set, lifetime 3600 s,
   * MN-ID mn1@example.com, one ALL_ZERO HNP, HI 1, ATT 4 (WLAN), MN LL-ID, a Timestamp of the MAG's clock,
   * and the MAG's next sequence number. `fields` overrides any of these; a field set to undefined leaves
   * that option out.
   */
  pbu(mag: number, fields: Partial<ProxyBindingUpdate> = {}): ProxyBindingUpdate {
    const m = this.mag(mag);
    m.seq = (m.seq + 1) & 0xffff;
    return {
      type: 'pbu',
      seq: m.seq,
      flags: AP_FLAGS,
      lifetime: 3600,
      mnId: MN1,
      hnps: [ALL_ZERO],
      hi: 1,
      att: 4,
      mnLlId: MAC1,
      timestamp: this.clock(mag),
      ...fields,
    };
  }

  /** Sends a PBU now from MAG `mag` to the LMAA (as real IPv6 + Mobility Header bytes), from `src`. */
  send(mag: number, fields: Partial<ProxyBindingUpdate> = {}, src = proxyCoa(mag)): ProxyBindingUpdate {
    const msg = this.pbu(mag, fields);
    this.mag(mag).endpoint.send(msg, src, LMAA);
    return msg;
  }

  /** The bytes of every packet the LMA originated with a label starting with `label` ("PBA"). */
  sentBytes(label: string): Uint8Array[] {
    return this.sim.trace.entries
      .filter((e): e is PacketTx => e.kind === 'tx' && e.node === 'lma1' && e.label.startsWith(label))
      .map((e) => e.bytes);
  }

  /** Sends the PBU and runs until the simulator is idle or `within` has passed; returns the PBA, if any. */
  exchange(
    mag: number,
    fields: Partial<ProxyBindingUpdate> = {},
    within: Micros = 50 * MS,
  ): ProxyBindingAck | undefined {
    const before = this.mag(mag).pbas.length;
    this.send(mag, fields);
    this.advance(within);
    return this.mag(mag).pbas[before]?.pba;
  }

  /** Runs the simulation for `d` µs. */
  advance(d: Micros): void {
    this.sim.runUntil(this.sim.now + d);
  }

  /** Runs until `t` µs after the start. */
  until(t: Micros): void {
    this.sim.runUntil(t);
  }

  lastPba(mag: number): ProxyBindingAck | undefined {
    const list = this.mag(mag).pbas;
    return list[list.length - 1]?.pba;
  }

  bce(): [string, BceEntry][] {
    return this.lma.bce.entries();
  }

  decisions(tag?: string): Decision[] {
    return this.sim.trace.entries.filter(
      (e): e is Decision =>
        e.kind === 'decision' && e.node === 'lma1' && (tag === undefined || e.tag === tag),
    );
  }

  tableChanges(table: TableChange['table']): TableChange[] {
    return this.sim.trace.entries.filter(
      (e): e is TableChange => e.kind === 'table' && e.node === 'lma1' && e.table === table,
    );
  }

  entries(pred: (e: TraceEntry) => boolean): TraceEntry[] {
    return this.sim.trace.entries.filter(pred);
  }

  /** The LMA's route for a prefix: the tunnel interface, or null. */
  routeOf(p: Prefix): string | null {
    return this.lma.dataPlane.routeOf(p);
  }

  tunnels(): string[] {
    return this.net
      .node('lma1')
      .interfaces()
      .filter((i) => i.isTunnel)
      .map((i) => i.name);
  }

  /** The CN sends an Echo Request to `dst` now (downlink through the LMA). */
  ping(dst: string, seq = 1): void {
    const payload = emitIcmpv6(
      { type: 'echo-request', identifier: 0x1234, sequence: seq, data: new Uint8Array(8) },
      CN,
      dst,
    );
    this.net.node('cn1').send(
      emitIPv6Packet({
        trafficClass: 0,
        flowLabel: 0,
        hopLimit: 64,
        src: CN,
        dst,
        extHeaders: [],
        nextHeader: 58,
        payload,
      }),
    );
  }
}

function record(p: Partial<PolicyRecord> & { mnId: string }): PolicyRecord {
  return {
    mn: p.mn ?? p.mnId.split('@')[0],
    mnId: p.mnId,
    lmaa: p.lmaa ?? LMAA,
    pmip: p.pmip ?? true,
    prefixes: p.prefixes ?? [],
    prefixCount: p.prefixCount ?? 1,
    lifetime: p.lifetime ?? 3600,
    interfaces: p.interfaces ?? [{ name: 'wlan0', mac: MAC1 }],
    authorizedMags: p.authorizedMags ?? null,
  };
}

export const text = (p: Prefix): string => `${p.prefix}/${p.length}`;

/** The Timestamp option carries 1/65536 s (RFC 5213 §8.8): a multiple of 1/64 s (15 625 µs) survives the wire exactly. */
export const exact = (us: number): number => Math.round(us / 15_625) * 15_625;
export { MS, SECOND };
