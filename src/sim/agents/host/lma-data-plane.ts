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
import { formatIPv6, ip6, maskBytes, prefixMatch } from '../../wire/addr';
import type { NetNode } from '../../net/node';
import type { ForwardVerdict, ReceivedPacket } from '../../net/types';
import type { Prefix } from '../api';

type PrefixState = { readonly kind: 'tunnel'; readonly iface: string } | { readonly kind: 'discard' };

export class LmaDataPlane {
  /** "p/len" → how the prefix is routed now. */
  private readonly prefixes = new Map<string, PrefixState>();
  /** Distinct prefix lengths in `prefixes` (with their counts), to look a packet's addresses up by key. */
  private readonly lengths = new Map<number, number>();
  /** The keys of `lengths`, longest first. */
  private longestFirst: number[] = [];
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
    const old = this.prefixes.get(key);
    if (old?.kind === 'tunnel') {
      if (via !== 'discard' && old.iface === via.iface) return;
      this.node.removeRoute(p.prefix, p.length, old.iface);
    }
    if (!old) this.countLength(p.length, +1);
    if (via === 'discard') {
      this.prefixes.set(key, { kind: 'discard' });
      return;
    }
    this.prefixes.set(key, { kind: 'tunnel', iface: via.iface });
    this.node.addRoute({ prefix: p.prefix, length: p.length, iface: via.iface });
  }

  /** Forgets the prefix (its session is gone). */
  unroute(p: Prefix): void {
    const key = `${p.prefix}/${p.length}`;
    const old = this.prefixes.get(key);
    if (!old) return;
    if (old.kind === 'tunnel') this.node.removeRoute(p.prefix, p.length, old.iface);
    this.prefixes.delete(key);
    this.countLength(p.length, -1);
  }

  private countLength(length: number, delta: number): void {
    const n = (this.lengths.get(length) ?? 0) + delta;
    if (n > 0) this.lengths.set(length, n);
    else this.lengths.delete(length);
    this.longestFirst = [...this.lengths.keys()].sort((x, y) => y - x);
  }

  /** How a prefix is routed now (for tests and notes): the tunnel interface, 'discard', or null. */
  routeOf(p: Prefix): string | null {
    const s = this.prefixes.get(`${p.prefix}/${p.length}`);
    return s === undefined ? null : s.kind === 'discard' ? 'discard' : s.iface;
  }

  private verdict(p: ReceivedPacket): ForwardVerdict {
    const dst = this.stateAt(p.bytes, 24);
    if (dst?.state.kind === 'discard') {
      return { drop: `the binding for ${dst.key} is de-registered and waiting for deletion (MinDelayBeforeBCEDelete): its traffic is dropped`, rfc: 'RFC 5213 §5.3.5' };
    }
    if (dst === null && this.anchored(p.bytes, 24)) {
      return { drop: `no mobility session holds the home network prefix of ${p.dst}`, rfc: 'RFC 5213 §5.6.2' };
    }
    const src = this.stateAt(p.bytes, 8);
    if (src?.state.kind === 'discard') {
      return { drop: `the binding for ${src.key} is de-registered and waiting for deletion (MinDelayBeforeBCEDelete): its traffic is dropped`, rfc: 'RFC 5213 §5.3.5' };
    }
    return 'forward';
  }

  /** The session prefix holding the address at `off`, longest first. */
  private stateAt(b: Uint8Array, off: number): { key: string; state: PrefixState } | null {
    if (this.prefixes.size === 0) return null;
    const address = b.subarray(off, off + 16);
    for (const len of this.longestFirst) {
      const key = `${formatIPv6(maskBytes(address, len))}/${len}`;
      const state = this.prefixes.get(key);
      if (state) return { key, state };
    }
    return null;
  }

  private anchored(b: Uint8Array, off: number): boolean {
    const address = b.subarray(off, off + 16);
    return this.anchors.some((a) => prefixMatch(a.bytes, address, a.length));
  }
}
