/**
 * The part of the agent context that MAG and LMA share (api.ts `AgentContextBase`): time, state,
 * configuration, decisions, named timers, signalling and tunnels. Each effect becomes a trace entry here
 * or in the network layer, so the agent itself never touches the trace.
 */
import type { Simulator } from '../../core/simulator';
import type { Micros } from '../../core/time';
import type { Cell } from '../../core/trace-types';
import type { NetNode } from '../../net/node';
import { DEFAULT_MTU, TUNNEL_OVERHEAD } from '../../net/types';
import { parseIPv6, formatIPv6 } from '../../wire/addr';
import type { AgentContextBase, AgentMessage, FiredTimer } from '../api';
import type { PmipDomain } from './domain';
import { invokeAgent } from './invoke';
import { agentLib } from './lib';
import type { SignallingEndpoint } from './signalling';
import { NamedTimers } from './timers';

const canonicalCache = new Map<string, string>();

/**
 * Canonical text of an address an agent handed over (agents may write any valid spelling). Memoised in a
 * bounded cache (cleared when full, so the behaviour stays deterministic): agents pass the same few
 * addresses over and over.
 */
export function canonicalAddress(text: string): string {
  const hit = canonicalCache.get(text);
  if (hit !== undefined) return hit;
  const b = typeof text === 'string' ? parseIPv6(text) : null;
  if (!b) throw new Error(`not an IPv6 address: ${JSON.stringify(text)}`);
  const canonical = formatIPv6(b);
  if (canonicalCache.size >= 4096) canonicalCache.clear();
  canonicalCache.set(text, canonical);
  return canonical;
}

export abstract class AgentHost<S> {
  readonly sim: Simulator;
  protected state: S = undefined as S;
  protected readonly timers: NamedTimers;
  private readonly tunnels = new Map<string, string>();

  protected constructor(
    readonly domain: PmipDomain,
    readonly node: NetNode,
    /** The node's own signalling address (Proxy-CoA or LMAA). */
    readonly address: string,
    protected readonly signalling: SignallingEndpoint,
  ) {
    this.sim = node.sim;
    this.timers = new NamedTimers(this.sim, node.id, (t) => this.timerFired(t));
  }

  protected abstract timerFired(t: FiredTimer): void;

  /** Calls a handler of the agent; a throw becomes a trace 'error' entry and the run goes on. */
  protected call(handler: string, fn: () => void): void {
    invokeAgent(this.sim, this.node.id, handler, fn);
  }

  /** The members of AgentContextBase, bound to this host (`state` and `now` are live getters). */
  protected baseContext(): AgentContextBase<S> {
    const sim = this.sim;
    const currentState = (): S => this.state;
    const rng = sim.rng(`${this.node.id}:agent`);
    return {
      get now(): Micros {
        return sim.now;
      },
      node: this.node.id,
      config: this.domain.config,
      get state(): S {
        return currentState();
      },
      lib: agentLib,
      clock: () => this.domain.clock(this.node.id),
      random: () => rng.next(),
      note: (text: string, rfc: string, tag?: string, data?: Readonly<Record<string, Cell>>) => {
        this.sim.record({
          kind: 'decision',
          node: this.node.id,
          text: String(text),
          rfc: String(rfc),
          ...(tag !== undefined ? { tag } : {}),
          ...(data !== undefined ? { data } : {}),
        });
      },
      setTimer: (name: string, delay: Micros, data?: Readonly<Record<string, Cell>>) =>
        this.timers.set(String(name), delay, data),
      cancelTimer: (name: string) => this.timers.cancel(String(name)),
      timerRemaining: (name: string) => this.timers.remaining(String(name)),
      send: (msg: AgentMessage, to: string, from?: string) =>
        this.signalling.send(
          msg,
          from === undefined ? this.address : canonicalAddress(from),
          canonicalAddress(to),
        ),
      createTunnel: (remote: string) => this.createTunnel(canonicalAddress(remote)),
      deleteTunnel: (remote: string) => this.deleteTunnel(canonicalAddress(remote)),
      tunnelTo: (remote: string) => this.tunnels.get(canonicalAddress(remote)) ?? null,
    };
  }

  /** RFC 2473 tunnel from this node's signalling address to `remote`, created once (RFC 5213 §5.6.1, §6.10.1). */
  protected createTunnel(remote: string): string {
    const existing = this.tunnels.get(remote);
    if (existing !== undefined) return existing;
    const peer = this.domain.nodeOfAddress(remote);
    let name = `tnl-${peer ?? remote}`;
    for (let i = 2; this.node.iface(name) !== undefined; i++) name = `tnl-${peer ?? remote}-${i}`;
    this.node.addTunnel(name, this.address, remote);
    this.tunnels.set(remote, name);
    return name;
  }

  protected deleteTunnel(remote: string): boolean {
    const name = this.tunnels.get(remote);
    if (name === undefined) return false;
    this.tunnels.delete(remote);
    this.node.removeTunnel(name);
    return true;
  }

  /** RFC 2473 §6.7: the tunnel's MTU (path MTU minus the 40-octet outer header). */
  protected tunnelMtu(remote: string): number {
    const name = this.tunnels.get(canonicalAddress(remote));
    const t = name !== undefined ? this.node.iface(name) : undefined;
    if (t) return t.mtu;
    const route = this.node.lookupRoute(remote);
    const out = route ? this.node.iface(route.iface) : undefined;
    return (out?.mtu ?? DEFAULT_MTU) - TUNNEL_OVERHEAD;
  }
}
