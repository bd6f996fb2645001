/**
 * Addresses for traffic sources: where a packet goes (a node's current global address, looked up at each
 * send, since a mobile node's home address exists only after SLAAC, RFC 4862 §5.5) and where it comes from.
 */
import { isLinkLocal } from '../../wire/addr';
import type { NetNode } from '../../net/node';
import { selectSource } from '../../net/source-address';

/** The first global (not link-local) address of a node, in interface order; null when it has none yet. */
export function globalAddressOf(node: NetNode): string | null {
  for (const i of node.interfaces()) {
    if (i.isTunnel) continue;
    for (const a of i.addresses) if (!isLinkLocal(a.address)) return a.address;
  }
  return null;
}

/** A destination: a fixed address, or a node whose address is read at send time. */
export type Target = { readonly address: string } | { readonly node: NetNode };

export type Endpoints =
  { readonly src: string; readonly dst: string } | { readonly skip: string; readonly rfc: string };

/** Source and destination for a packet from `from` to `target` now, or why there are none. */
export function endpoints(from: NetNode, target: Target): Endpoints {
  const dst = 'address' in target ? target.address : globalAddressOf(target.node);
  if (dst === null) {
    const id = 'node' in target ? target.node.id : '';
    return {
      skip: `${id} has no global address yet (a mobile node gets one by SLAAC once attached)`,
      rfc: 'RFC 4862 §5.5',
    };
  }
  const src = selectSource(from, dst);
  if (src === null) return { skip: `${from.id} has no address to send to ${dst} from`, rfc: 'RFC 6724 §5' };
  return { src, dst };
}

/**
 * Traces skipped sends as decisions, so the reason shows in the event list: once per run of skips with
 * the same reason (a 50 pps flow waiting for SLAAC would otherwise bury the trace in identical notes).
 */
export class SkipNotes {
  private last: string | null = null;

  constructor(
    private readonly from: NetNode,
    private readonly flow: string,
  ) {}

  skipped(seq: number, why: { skip: string; rfc: string }): void {
    if (why.skip === this.last) return;
    this.last = why.skip;
    const text = `${this.flow}: skipping sends from seq ${seq}: ${why.skip}`;
    this.from.sim.record({
      kind: 'decision',
      node: this.from.id,
      text,
      rfc: why.rfc,
      tag: 'app-skipped',
      data: { flow: this.flow, seq },
    });
  }

  sent(): void {
    this.last = null;
  }
}
