/**
 * The LMA's data plane (RFC 5213 §5.6): home network prefix routes into the tunnels to the MAGs, and the
 * LMA's forward hook, which drops
 *  - the traffic of a mobile node whose binding is in its MinDelayBeforeBCEDelete hold (§5.3.5 "SHOULD
 *    drop"), in both directions;
 *  - packets for a prefix the LMA anchors (its pool, the policies' static prefixes) that no mobility
 *    session holds: the LMA is the topological anchor of those prefixes (§5.6.2), so it must not send
 *    them back towards the routers that delivered them.
 * Encapsulation itself (RFC 2473, with the ECN rules of §5.6.3) is the network layer's tunnel interface.
 */
import { ip6, prefixMatch } from '../../wire/addr';
import type { NetNode } from '../../net/node';
import { PrefixIndex } from '../../net/prefix-index';
import type { ForwardVerdict, ReceivedPacket } from '../../net/types';
import type { Prefix } from '../api';

type PrefixState = { readonly kind: 'tunnel'; readonly iface: string } | { readonly kind: 'discard' };

/** A routed prefix: its "p/len" text and how it is routed now. */
interface Routed {
  readonly key: string;
  state: PrefixState;
}

export class LmaDataPlane {
  /** "p/len" → how the prefix is routed now. */
  private readonly prefixes = new Map<string, Routed>();
  /**
   * The same prefixes by length, to look a packet's addresses up from its bytes (the forward hook runs
   * for every packet the LMA forwards: no text, no allocation), longest length first.
   */
  private longestFirst: PrefixIndex<Routed>[] = [];
  private readonly anchors: readonly { readonly bytes: Uint8Array; readonly length: number }[];

  /** `anchored`: the prefixes this LMA is the anchor of (its pool, the static home network prefixes). */
  constructor(
    private readonly node: NetNode,
    anchored: readonly Prefix[],
  ) {
    this.anchors = anchored.map((p) => ({ bytes: ip6(p.prefix), length: p.length }));
    node.setForwardHook((p) => this.verdict(p));
  }

  /** Routes the prefix into the tunnel interface `iface`, or marks it 'discard' (§5.3.5 hold). */
  route(p: Prefix, via: { readonly iface: string } | 'discard'): void {
    const key = `${p.prefix}/${p.length}`;
    let routed = this.prefixes.get(key);
    const old = routed?.state;
    if (old?.kind === 'tunnel') {
      if (via !== 'discard' && old.iface === via.iface) return;
      this.node.removeRoute(p.prefix, p.length, old.iface);
    }
    const state: PrefixState = via === 'discard' ? { kind: 'discard' } : { kind: 'tunnel', iface: via.iface };
    if (routed) routed.state = state;
    else {
      routed = { key, state };
      this.prefixes.set(key, routed);
      this.indexFor(p.length).set(ip6(p.prefix), 0, routed);
    }
    if (via !== 'discard') this.node.addRoute({ prefix: p.prefix, length: p.length, iface: via.iface });
  }

  /** Forgets the prefix (its session is gone). */
  unroute(p: Prefix): void {
    const key = `${p.prefix}/${p.length}`;
    const old = this.prefixes.get(key);
    if (!old) return;
    if (old.state.kind === 'tunnel') this.node.removeRoute(p.prefix, p.length, old.state.iface);
    this.prefixes.delete(key);
    const index = this.indexFor(p.length);
    index.delete(ip6(p.prefix), 0);
    if (index.size === 0) this.longestFirst = this.longestFirst.filter((x) => x !== index);
  }

  /** The index of the prefixes of `length`, made on first use. */
  private indexFor(length: number): PrefixIndex<Routed> {
    const found = this.longestFirst.find((x) => x.length === length);
    if (found) return found;
    const index = new PrefixIndex<Routed>(length);
    this.longestFirst = [...this.longestFirst, index].sort((x, y) => y.length - x.length);
    return index;
  }

  /** How a prefix is routed now (for tests and notes): the tunnel interface, 'discard', or null. */
  routeOf(p: Prefix): string | null {
    const s = this.prefixes.get(`${p.prefix}/${p.length}`)?.state;
    return s === undefined ? null : s.kind === 'discard' ? 'discard' : s.iface;
  }

  private verdict(p: ReceivedPacket): ForwardVerdict {
    const dst = this.stateAt(p.bytes, 24);
    if (dst?.state.kind === 'discard') {
      return {
        drop: `the binding for ${dst.key} is de-registered and waiting for deletion (MinDelayBeforeBCEDelete): its traffic is dropped`,
        rfc: 'RFC 5213 §5.3.5',
      };
    }
    if (dst === null && this.anchored(p.bytes, 24)) {
      return {
        drop: `no mobility session holds the home network prefix of ${p.dst}`,
        rfc: 'RFC 5213 §5.6.2',
      };
    }
    const src = this.stateAt(p.bytes, 8);
    if (src?.state.kind === 'discard') {
      return {
        drop: `the binding for ${src.key} is de-registered and waiting for deletion (MinDelayBeforeBCEDelete): its traffic is dropped`,
        rfc: 'RFC 5213 §5.3.5',
      };
    }
    return 'forward';
  }

  /** The session prefix holding the address at `off`, longest first. */
  private stateAt(b: Uint8Array, off: number): Routed | null {
    const lengths = this.longestFirst;
    for (let i = 0; i < lengths.length; i++) {
      const routed = lengths[i].get(b, off);
      if (routed !== undefined) return routed;
    }
    return null;
  }

  private anchored(b: Uint8Array, off: number): boolean {
    const address = b.subarray(off, off + 16);
    return this.anchors.some((a) => prefixMatch(a.bytes, address, a.length));
  }
}
