/**
 * The LMA's home network prefix pool (RFC 5213 §5.3.2): the scenario's `prefixPool` cut into /64s, handed
 * out lowest first so that runs read the same every time, skipping the static prefixes of the policies
 * (those belong to their MNs). A released prefix is the next one handed out again (§5.3.5: after
 * MinDelayBeforeBCEDelete the prefix "may be reused").
 */
import { formatIPv6, ip6, parsePrefix, prefixMatch } from '../../wire/addr';
import type { Prefix } from '../api';

/** RFC 5213 §2.2, §6.7: the per-MN prefixes a MAG advertises for SLAAC are /64s. */
export const ALLOCATED_LENGTH = 64;

export class PrefixPool {
  private readonly base: bigint;
  private readonly size: bigint;
  /** Indexes never handed out start here. */
  private next = 0n;
  /** Released indexes, kept sorted ascending. */
  private readonly released: bigint[] = [];
  private readonly inUse = new Set<string>();
  private readonly reserved: ReadonlySet<string>;

  /**
   * `pool`: "2001:db8:1::/48" (length ≤ 64), or null for an LMA without a pool (static prefixes only).
   * `reserved`: prefixes ("p/len") inside the pool that must never be allocated.
   */
  constructor(
    readonly pool: Prefix | null,
    reserved: Iterable<string> = [],
  ) {
    this.reserved = new Set(reserved);
    this.base = pool ? upper64(ip6(pool.prefix)) : 0n;
    this.size = pool ? 1n << BigInt(ALLOCATED_LENGTH - pool.length) : 0n;
  }

  /** Parses the scenario's text form; throws on a malformed pool (the scenario validator rejects those first). */
  static fromText(text: string | undefined, reserved: Iterable<string> = []): PrefixPool {
    if (text === undefined) return new PrefixPool(null, reserved);
    const p = parsePrefix(text);
    if (!p || p.length > ALLOCATED_LENGTH)
      throw new Error(`not a prefix pool of /${ALLOCATED_LENGTH}s: ${text}`);
    return new PrefixPool(p, reserved);
  }

  /** The lowest free /64, or null when the pool is exhausted. */
  allocate(): Prefix | null {
    for (;;) {
      const index = this.released.length > 0 ? (this.released.shift() as bigint) : this.fresh();
      if (index === null) return null;
      const p = this.prefixAt(index);
      const text = `${p.prefix}/${p.length}`;
      if (this.reserved.has(text)) continue;
      this.inUse.add(text);
      return p;
    }
  }

  /** Gives a /64 back; ignored for a prefix that is not an allocated one of this pool. */
  release(p: Prefix): void {
    const text = `${p.prefix}/${p.length}`;
    if (!this.inUse.delete(text)) return;
    const index = upper64(ip6(p.prefix)) - this.base;
    const at = this.released.findIndex((r) => r > index);
    if (at < 0) this.released.push(index);
    else this.released.splice(at, 0, index);
  }

  /** True when `p` lies inside the pool (RFC 5213 §5.3.2: "owned by the LMA"). */
  contains(p: Prefix): boolean {
    if (!this.pool || p.length < this.pool.length) return false;
    return prefixMatch(ip6(this.pool.prefix), ip6(p.prefix), this.pool.length);
  }

  /** How many /64s are handed out now. */
  get allocated(): number {
    return this.inUse.size;
  }

  private fresh(): bigint | null {
    if (this.next >= this.size) return null;
    return this.next++;
  }

  private prefixAt(index: bigint): Prefix {
    const v = this.base + index;
    const b = new Uint8Array(16);
    for (let i = 0; i < 8; i++) b[i] = Number((v >> BigInt(56 - 8 * i)) & 0xffn);
    return { prefix: formatIPv6(b), length: ALLOCATED_LENGTH };
  }
}

/** The first 64 bits of an address as an unsigned integer. */
function upper64(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(b[i]);
  return v;
}
