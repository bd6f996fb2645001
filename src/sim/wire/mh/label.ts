/**
 * One short label per message for the sequence chart and the trace (`PacketTx.label`): "PBU seq=3 HI=3",
 * "PBU dereg seq=5", "PBA status=0", "HB req seq=1", "HB resp", "BE status=2" … A (B)U/BA is called PBU/PBA
 * only when its P flag is set (RFC 5213 §8.1, §8.2).
 */
import { findOption } from './find';
import type { MobilityMessage } from './messages';

export function mobilityLabel(msg: MobilityMessage): string {
  switch (msg.type) {
    case 'binding-update': {
      const name = msg.flags.P ? 'PBU' : 'BU';
      // Lifetime 0 de-registers (RFC 6275 §6.1.7, RFC 5213 §6.9.1.4).
      if (msg.lifetime === 0) return `${name} dereg seq=${msg.sequence}`;
      const hi = findOption(msg, 'handoff-indicator');
      return hi ? `${name} seq=${msg.sequence} HI=${hi.value}` : `${name} seq=${msg.sequence}`;
    }
    case 'binding-ack':
      return `${msg.flags.P ? 'PBA' : 'BA'} status=${msg.status}`;
    case 'heartbeat':
      return msg.flags.R ? 'HB resp' : `HB req seq=${msg.sequence}`;
    case 'binding-error':
      return `BE status=${msg.status}`;
    case 'binding-refresh-request':
      return 'BRR';
    case 'binding-revocation-indication':
      return 'BRI';
    case 'binding-revocation-ack':
      return 'BRA';
    case 'handover-initiate':
      return 'HI';
    case 'handover-ack':
      return 'HAck';
    case 'localized-routing-initiation':
      return 'LRI';
    case 'localized-routing-ack':
      return 'LRA';
    case 'update-notification':
      return 'UPN';
    case 'update-notification-ack':
      return 'UPA';
    case 'unknown':
      return `MH type ${msg.mhType}`;
  }
}
