/**
 * Classic libpcap capture files (draft-ietf-opsawg-pcap §4–5), written little-endian with microsecond
 * timestamps and LINKTYPE_RAW (101): each record is a bare IP packet, so Wireshark dissects it as IPv6
 * or IPv4 from the version nibble.
 *
 * File header (24 octets):
 *    |                          Magic Number  (0xA1B2C3D4)                           |
 *    |        Major Version (2)          |         Minor Version (4)                 |
 *    |                          Reserved1 (thiszone, 0)                              |
 *    |                          Reserved2 (sigfigs, 0)                               |
 *    |                               SnapLen                                         |
 *    | FCS |f|0 0 0 0 0 0 0 0 0 0 0 0|         LinkType                              |
 * Packet record (16 octets + data):
 *    |                       Timestamp (Seconds)                                     |
 *    |                       Timestamp (Microseconds)                                |
 *    |                    Captured Packet Length                                     |
 *    |                    Original Packet Length                                     |
 *    /                          Packet Data ...                                      /
 *
 * Simulated time starts at `epochSeconds` (default 2024-01-01T00:00:00Z, the date of the golden vectors).
 */
/** Microseconds since the start of the run (the simulator's time unit; wire imports nothing from core). */
type Micros = number;
import type { Parsed } from './result';
import { fail, ok } from './result';

export const LINKTYPE_RAW = 101;
export const DEFAULT_EPOCH_SECONDS = 1704067200;
export const PCAP_SNAPLEN = 262144;

const MAGIC_MICROS = 0xa1b2c3d4;
const MAGIC_NANOS = 0xa1b23c4d;

export interface CapturedPacket {
  /** Simulated time of the packet. */
  readonly t: Micros;
  /** A whole IP packet. */
  readonly bytes: Uint8Array;
}

export interface PcapOptions {
  /** Unix time, in seconds, of simulated time 0. */
  readonly epochSeconds?: number;
}

export function writePcap(packets: readonly CapturedPacket[], opts: PcapOptions = {}): Uint8Array {
  const epoch = opts.epochSeconds ?? DEFAULT_EPOCH_SECONDS;
  let size = 24;
  for (const p of packets) size += 16 + Math.min(p.bytes.length, PCAP_SNAPLEN);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, MAGIC_MICROS, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, PCAP_SNAPLEN, true);
  v.setUint32(20, LINKTYPE_RAW, true);
  let off = 24;
  for (const p of packets) {
    const caplen = Math.min(p.bytes.length, PCAP_SNAPLEN);
    v.setUint32(off, epoch + Math.floor(p.t / 1_000_000), true);
    v.setUint32(off + 4, p.t % 1_000_000, true);
    v.setUint32(off + 8, caplen, true);
    v.setUint32(off + 12, p.bytes.length, true);
    out.set(p.bytes.subarray(0, caplen), off + 16);
    off += 16 + caplen;
  }
  return out;
}

export interface PcapRecord {
  /** Microseconds since the Unix epoch. */
  readonly timestamp: number;
  readonly bytes: Uint8Array;
  readonly originalLength: number;
}

export interface PcapFile {
  readonly linkType: number;
  readonly snapLen: number;
  readonly records: PcapRecord[];
}

/** Reads a classic pcap file of either byte order, microsecond or nanosecond timestamps. Never throws. */
export function readPcap(bytes: Uint8Array): Parsed<PcapFile> {
  if (bytes.length < 24)
    return fail('pcap', 'header', 0, `a pcap file header is 24 octets, have ${bytes.length}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magicLE = v.getUint32(0, true);
  const le = magicLE === MAGIC_MICROS || magicLE === MAGIC_NANOS;
  const magic = v.getUint32(0, le);
  if (magic !== MAGIC_MICROS && magic !== MAGIC_NANOS)
    return fail('pcap', 'Magic Number', 0, `0x${magicLE.toString(16)} is not a pcap magic number`);
  const divisor = magic === MAGIC_NANOS ? 1000 : 1;
  const records: PcapRecord[] = [];
  let off = 24;
  while (off < bytes.length) {
    if (off + 16 > bytes.length)
      return fail('pcap', 'record header', off, 'record header runs past the end of the file');
    const caplen = v.getUint32(off + 8, le);
    if (off + 16 + caplen > bytes.length)
      return fail(
        'pcap',
        'Captured Packet Length',
        off + 8,
        `record of ${caplen} octets runs past the end of the file`,
      );
    const timestamp = v.getUint32(off, le) * 1_000_000 + Math.floor(v.getUint32(off + 4, le) / divisor);
    records.push({
      timestamp,
      bytes: bytes.slice(off + 16, off + 16 + caplen),
      originalLength: v.getUint32(off + 12, le),
    });
    off += 16 + caplen;
  }
  return ok({ linkType: v.getUint32(20, le) & 0x0fffffff, snapLen: v.getUint32(16, le), records });
}
