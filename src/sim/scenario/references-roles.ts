/**
 * Cross-references of the PMIPv6 roles and the run: prefix pools that overlap, policies (RFC 5213 §6.2)
 * naming unknown MNs or LMAs or prefixes that collide, security associations, traffic endpoints, and
 * timeline actions naming unknown nodes, interfaces or links.
 */
import { ip6, isIPv6, prefixMatch } from '../wire/addr';
import type { Catalog } from './catalog';
import { attMismatch } from './catalog';
import { nearest } from './suggest';
import type { Checker } from './check';
import { pathOf, show } from './check';
import type { Policy, Scenario } from './types';

interface Claim {
  /** "2001:db8:1::/48" */
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly length: number;
  /** What claims it, for the message: "the pool of lma1". */
  readonly owner: string;
  readonly lma?: string;
}

const claimOf = (text: string, owner: string, lma?: string): Claim => {
  const slash = text.indexOf('/');
  return { text, bytes: ip6(text.slice(0, slash)), length: Number(text.slice(slash + 1)), owner, lma };
};

const overlaps = (a: Claim, b: Claim): boolean => prefixMatch(a.bytes, b.bytes, Math.min(a.length, b.length));

export function checkRoles(c: Checker, s: Scenario, cat: Catalog): void {
  const pools = checkPools(c, s);
  checkPolicies(c, s, cat, pools);
  for (const sa of s.security) {
    cat.node(pathOf(c.where(sa), 'mag'), sa.mag, ['mag']);
    cat.node(pathOf(c.where(sa), 'lma'), sa.lma, ['lma']);
  }
  checkTraffic(c, s, cat);
  checkTimeline(c, s, cat);
}

/** Prefix pools must not overlap one another, nor contain an address used on a wired link. */
function checkPools(c: Checker, s: Scenario): Claim[] {
  const pools: Claim[] = [];
  for (const n of s.nodes) {
    if (n.prefixPool === undefined) continue;
    const pool = claimOf(n.prefixPool, `the prefix pool of ${n.id}`, n.id);
    const clash = pools.find((p) => overlaps(p, pool));
    if (clash)
      c.report(
        pathOf(c.where(n), 'prefixPool'),
        `${pool.text} overlaps ${clash.owner} (${clash.text}); pools must be disjoint`,
      );
    else pools.push(pool);
  }
  for (const n of s.nodes) {
    for (const [iface, list] of Object.entries(n.addresses)) {
      list.forEach((text, j) => {
        const addr = claimOf(`${text.slice(0, text.indexOf('/'))}/128`, '');
        const pool = pools.find((p) => overlaps(p, addr));
        if (pool) {
          c.report(
            pathOf(pathOf(pathOf(c.where(n), 'addresses'), iface), j),
            `${text} lies in ${pool.owner} (${pool.text}); home network prefixes must not be used on wired links`,
          );
        }
      });
    }
  }
  return pools;
}

function checkPolicies(c: Checker, s: Scenario, cat: Catalog, pools: readonly Claim[]): void {
  const byMn = new Map<string, Policy>();
  const byMnId = new Map<string, Policy>();
  const statics: Claim[] = [];
  const allocated = new Map<string, number>();
  for (const p of s.policies) {
    const path = c.where(p);
    cat.node(pathOf(path, 'mn'), p.mn, ['mn']);
    const lma = cat.node(pathOf(path, 'lma'), p.lma, ['lma']);
    const again = byMn.get(p.mn);
    if (again)
      c.report(
        pathOf(path, 'mn'),
        `${p.mn} already has a policy (${c.where(again)}); one policy per mobile node`,
      );
    else byMn.set(p.mn, p);
    const sameId = byMnId.get(p.mnId);
    if (sameId)
      c.report(
        pathOf(path, 'mnId'),
        `${show(p.mnId)} is already the MN-Identifier of ${sameId.mn}; each MN needs its own (RFC 5213 §2.2)`,
      );
    else byMnId.set(p.mnId, p);
    if (!lma) continue;
    if (p.prefixes === 'allocate') {
      checkAllocation(c, p, lma.prefixPool, allocated);
      continue;
    }
    p.prefixes.forEach((text, j) => {
      const claim = claimOf(text, `the home network prefix of ${p.mn}`, p.lma);
      const where = pathOf(pathOf(path, 'prefixes'), j);
      const other = statics.find((x) => overlaps(x, claim));
      const pool = pools.find((x) => overlaps(x, claim) && x.lma !== p.lma);
      if (other)
        c.report(
          where,
          `${text} overlaps ${other.owner} (${other.text}); home network prefixes are per MN (RFC 5213 §2.2)`,
        );
      else if (pool)
        c.report(where, `${text} lies in ${pool.owner} (${pool.text}), but ${p.mn} is anchored at ${p.lma}`);
      statics.push(claim);
    });
  }
}

/** "allocate" needs a pool with room for every /64 asked of it. */
function checkAllocation(
  c: Checker,
  p: Policy,
  pool: string | undefined,
  allocated: Map<string, number>,
): void {
  const path = pathOf(c.where(p), 'prefixes');
  if (pool === undefined) {
    if (c.broken.has(`pool:${p.lma}`)) return;
    c.report(
      path,
      `${p.lma} has no prefixPool to allocate from; give it one (e.g. "2001:db8:1::/48") or list the prefixes`,
    );
    return;
  }
  const size = 2 ** (64 - Number(pool.slice(pool.indexOf('/') + 1)));
  const used = (allocated.get(p.lma) ?? 0) + p.prefixCount;
  allocated.set(p.lma, used);
  if (used > size)
    c.report(
      path,
      `${p.lma}'s pool ${pool} has ${size} /64 prefixes, and the policies so far ask for ${used}`,
    );
}

function checkTraffic(c: Checker, s: Scenario, cat: Catalog): void {
  for (const t of s.traffic) {
    const path = c.where(t);
    cat.node(pathOf(path, 'from'), t.from);
    if (t.to === t.from)
      c.report(pathOf(path, 'to'), `a flow needs two different nodes (both ends are ${show(t.to)})`);
    else if (!cat.nodes.has(t.to) && !isIPv6(t.to) && !c.broken.has(`node:${t.to}`)) {
      const near = nearest(t.to, [...cat.nodes.keys()]);
      c.report(
        pathOf(path, 'to'),
        near
          ? `no node ${show(t.to)}; did you mean "${near}"?`
          : `${show(t.to)} is neither a node id nor an IPv6 address`,
      );
    }
  }
}

function checkTimeline(c: Checker, s: Scenario, cat: Catalog): void {
  for (const a of s.timeline) {
    const path = c.where(a);
    if (a.mn !== undefined) {
      const mn = cat.node(pathOf(path, 'mn'), a.mn, ['mn']);
      const names = mn?.interfaces?.map((i) => i.name) ?? [];
      if (mn && a.iface !== undefined && !names.includes(a.iface)) {
        c.report(
          pathOf(path, 'iface'),
          `${mn.id} has no interface ${show(a.iface)} (it has: ${names.join(', ')})`,
        );
      }
    }
    const mag = a.mag !== undefined ? cat.node(pathOf(path, 'mag'), a.mag, ['mag']) : undefined;
    const mn = a.mn !== undefined ? cat.nodes.get(a.mn) : undefined;
    const mismatch = mag && mn && a.iface !== undefined ? attMismatch(mn, a.iface, mag) : null;
    if (mismatch) c.report(pathOf(path, 'mag'), mismatch);
    if (a.link !== undefined) cat.link(pathOf(path, 'link'), a.link);
    if (a.match?.from !== undefined) cat.node(pathOf(pathOf(path, 'match'), 'from'), a.match.from);
    if (a.match?.to !== undefined) cat.node(pathOf(pathOf(path, 'match'), 'to'), a.match.to);
  }
}
