/**
 * The MAG's data plane (RFC 5213 §6.10): what happens to packets the MAG forwards, decided from the
 * bindings the MAG agent set up with `ctx.bindAccessLink`. Installed as the node's forward hook.
 *
 * - Uplink, from an MN's access link (§6.10.5): a link-local source is never forwarded; without a binding
 *   the packet is dropped; a source outside the MN's home network prefixes is dropped (§6.9.1.2); with
 *   EnableMAGLocalRouting a destination on another of this MAG's bound access links is routed locally
 *   (§6.10.3); everything else goes into the tunnel to the MN's LMA.
 * - Downlink, out of a tunnel: delivered on the access link that hosts the destination's prefix; when no
 *   access link does, silently dropped (§6.10.5).
 * - From anywhere else (a correspondent on the MAG's own network): to a locally bound prefix only with
 *   EnableMAGLocalRouting; otherwise towards the LMA, through the tunnel (§6.10.5).
 */
import { prefixMatch } from '../../wire/addr';
import { addressBytes } from '../../wire/address-bytes';
import type { NetNode } from '../../net/node';
import type { ForwardVerdict, ReceivedPacket } from '../../net/types';
import type { Prefix } from '../api';

export interface AccessBinding {
  readonly lmaa: string;
  readonly prefixes: readonly Prefix[];
  readonly localRouting: boolean;
  /** Name of the tunnel interface to the LMA. */
  readonly tunnel: string;
  /** Prefix bytes, for matching without text. */
  readonly prefixBytes: readonly Uint8Array[];
}

const RFC = 'RFC 5213 §6.10.5';

/** The first 64 bits of the address at `off`, as a map key (home network prefixes are usually /64s). */
function key64(b: Uint8Array, off: number): string {
  const hi = ((b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]) >>> 0;
  const lo = ((b[off + 4] << 24) | (b[off + 5] << 16) | (b[off + 6] << 8) | b[off + 7]) >>> 0;
  return `${hi}.${lo}`;
}

export class MagDataPlane {
  private readonly bindings = new Map<string, AccessBinding>();
  /** /64 home network prefix → access interface: the per-packet lookup for a MAG serving many MNs. */
  private readonly by64 = new Map<string, string>();
  /** Access links with a prefix of another length (matched one by one). */
  private readonly others = new Set<string>();

  constructor(private readonly node: NetNode) {}

  bind(accessIface: string, b: Omit<AccessBinding, 'prefixBytes'>): void {
    this.unbind(accessIface);
    const binding = { ...b, prefixBytes: b.prefixes.map((p) => addressBytes(p.prefix)) };
    this.bindings.set(accessIface, binding);
    binding.prefixes.forEach((p, i) => {
      if (p.length === 64) this.by64.set(key64(binding.prefixBytes[i], 0), accessIface);
      else this.others.add(accessIface);
    });
  }

  unbind(accessIface: string): boolean {
    const b = this.bindings.get(accessIface);
    if (!b) return false;
    this.bindings.delete(accessIface);
    this.others.delete(accessIface);
    b.prefixes.forEach((p, i) => {
      const k = key64(b.prefixBytes[i], 0);
      if (p.length === 64 && this.by64.get(k) === accessIface) this.by64.delete(k);
    });
    return true;
  }

  binding(accessIface: string): AccessBinding | undefined {
    return this.bindings.get(accessIface);
  }

  /** The bound access link whose home network prefixes contain the address at `off`, if any. */
  accessFor(bytes: Uint8Array, off: number): string | null {
    const hit = this.by64.get(key64(bytes, off));
    if (hit !== undefined) return hit;
    for (const iface of this.others) {
      const b = this.bindings.get(iface) as AccessBinding;
      for (let i = 0; i < b.prefixes.length; i++)
        if (matchAt(b.prefixBytes[i], bytes, off, b.prefixes[i].length)) return iface;
    }
    return null;
  }

  readonly hook = (p: ReceivedPacket): ForwardVerdict => {
    const inIface = this.node.iface(p.inIface);
    if (inIface?.isTunnel) return this.downlink(p);
    if (p.inIface.startsWith('acc-')) return this.uplink(p);
    return this.fromNetwork(p);
  };

  private uplink(p: ReceivedPacket): ForwardVerdict {
    const b = p.bytes;
    if (b[8] === 0xfe && (b[9] & 0xc0) === 0x80)
      return { drop: `uplink packet from link-local source ${p.src} is never forwarded`, rfc: RFC };
    const binding = this.bindings.get(p.inIface);
    if (!binding)
      return {
        drop: `no binding for the MN on ${p.inIface}: uplink traffic is dropped until a PBA accepts it`,
        rfc: RFC,
      };
    if (!binding.prefixBytes.some((pb, i) => matchAt(pb, b, 8, binding.prefixes[i].length))) {
      return { drop: `source ${p.src} is not in the MN's home network prefixes`, rfc: 'RFC 5213 §6.9.1.2' };
    }
    if (binding.localRouting) {
      const local = this.accessFor(b, 24); // RFC 5213 §6.10.3
      if (local !== null) return { iface: local };
    }
    return { iface: binding.tunnel };
  }

  /** Out of the access link that hosts the prefix, whatever else the routing table says. */
  private downlink(p: ReceivedPacket): ForwardVerdict {
    const access = this.accessFor(p.bytes, 24);
    if (access !== null) return { iface: access };
    return {
      drop: `decapsulated packet for ${p.dst}: no access link hosts that prefix (silently dropped)`,
      rfc: RFC,
    };
  }

  private fromNetwork(p: ReceivedPacket): ForwardVerdict {
    const access = this.accessFor(p.bytes, 24);
    if (access === null) return 'forward';
    const binding = this.bindings.get(access) as AccessBinding;
    return binding.localRouting ? { iface: access } : { iface: binding.tunnel };
  }
}

function matchAt(prefix: Uint8Array, bytes: Uint8Array, off: number, len: number): boolean {
  return prefixMatch(prefix, off === 0 ? bytes : bytes.subarray(off, off + 16), len);
}
