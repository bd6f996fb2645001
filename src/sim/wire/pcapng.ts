/**
 * pcapng capture files (draft-ietf-opsawg-pcapng §3–4): one capture per interface of the simulated
 * network, with per-packet comments. Written little-endian, LINKTYPE_RAW (101), microsecond timestamps.
 *
 * Every block:                                   Options (inside a block body):
 *    |                Block Type                |   |     Option Code     |    Option Length    |
 *    |            Block Total Length            |   /    Option Value, padded to 32 bits        /
 *    /                Block Body                /   ... ending with opt_endofopt (0, 0)
 *    |            Block Total Length            |
 *
 * Section Header Block (0x0A0D0D0A):  Byte-Order Magic 0x1A2B3C4D | Major 1 | Minor 0 | Section Length -1 | options
 * Interface Description Block (1):    LinkType (16) | Reserved (16) | SnapLen (32) | options if_name (2),
 *                                     if_description (3), if_tsresol (9) = 6 (microseconds)
 * Enhanced Packet Block (6):          Interface ID | Timestamp (upper 32) | Timestamp (lower 32) |
 *                                     Captured Length | Original Length | Packet Data (padded) | opt_comment (1)
 */
/** Microseconds since the start of the run (the simulator's time unit; wire imports nothing from core). */
type Micros = number;
import { DEFAULT_EPOCH_SECONDS, LINKTYPE_RAW, PCAP_SNAPLEN } from './pcap';
import type { Parsed } from './result';
import { fail, ok } from './result';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const OPT_END = 0;
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;

export interface PcapngInterface {
  readonly name: string;
  readonly description?: string;
}

export interface PcapngPacket {
  readonly t: Micros;
  /** Index into `interfaces`. */
  readonly iface: number;
  readonly bytes: Uint8Array;
  readonly comment?: string;
}

export interface PcapngCapture {
  readonly interfaces: readonly PcapngInterface[];
  readonly packets: readonly PcapngPacket[];
}

export interface PcapngOptions {
  /** Unix time, in seconds, of simulated time 0. */
  readonly epochSeconds?: number;
  /** Written as shb_userappl. */
  readonly application?: string;
}

interface Opt {
  readonly code: number;
  readonly value: Uint8Array;
}

const utf8 = new TextEncoder();
/** Rounded up to 32 bits; arithmetic, not bit operations, because lengths read from a file can exceed 2^31. */
const pad4 = (n: number): number => Math.ceil(n / 4) * 4;
const optionsSize = (opts: readonly Opt[]): number =>
  opts.length === 0 ? 0 : opts.reduce((n, o) => n + 4 + pad4(o.value.length), 4);

/** One block: the fixed body part written by `body`, then the options, framed by type and lengths. */
function block(
  type: number,
  fixed: number,
  opts: readonly Opt[],
  body: (v: DataView, out: Uint8Array) => void,
): Uint8Array {
  const total = 12 + fixed + optionsSize(opts);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, total, true);
  body(v, out);
  let off = 8 + fixed;
  for (const o of opts) {
    v.setUint16(off, o.code, true);
    v.setUint16(off + 2, o.value.length, true);
    out.set(o.value, off + 4);
    off += 4 + pad4(o.value.length);
  }
  if (opts.length > 0) v.setUint32(off, OPT_END, true);
  v.setUint32(total - 4, total, true);
  return out;
}

const textOpt = (code: number, text: string | undefined): Opt[] =>
  text ? [{ code, value: utf8.encode(text) }] : [];

function sectionHeader(application: string): Uint8Array {
  return block(SHB, 16, textOpt(SHB_USERAPPL, application), (v) => {
    v.setUint32(8, BYTE_ORDER_MAGIC, true);
    v.setUint16(12, 1, true);
    v.setUint16(14, 0, true);
    v.setInt32(16, -1, true);
    v.setInt32(20, -1, true);
  });
}

function interfaceDescription(i: PcapngInterface): Uint8Array {
  const opts = [
    ...textOpt(IF_NAME, i.name),
    ...textOpt(IF_DESCRIPTION, i.description),
    { code: IF_TSRESOL, value: Uint8Array.of(6) },
  ];
  return block(IDB, 8, opts, (v) => {
    v.setUint16(8, LINKTYPE_RAW, true);
    v.setUint32(12, PCAP_SNAPLEN, true);
  });
}

function enhancedPacket(p: PcapngPacket, epoch: number): Uint8Array {
  const caplen = Math.min(p.bytes.length, PCAP_SNAPLEN);
  const ts = epoch * 1_000_000 + p.t;
  return block(EPB, 20 + pad4(caplen), textOpt(OPT_COMMENT, p.comment), (v, out) => {
    v.setUint32(8, p.iface, true);
    v.setUint32(12, Math.floor(ts / 0x1_0000_0000), true);
    v.setUint32(16, ts % 0x1_0000_0000, true);
    v.setUint32(20, caplen, true);
    v.setUint32(24, p.bytes.length, true);
    out.set(p.bytes.subarray(0, caplen), 28);
  });
}

/** A pcapng file: one section, one interface block per interface, one enhanced packet block per packet. */
export function writePcapng(capture: PcapngCapture, opts: PcapngOptions = {}): Uint8Array {
  const epoch = opts.epochSeconds ?? DEFAULT_EPOCH_SECONDS;
  const blocks = [
    sectionHeader(opts.application ?? 'PMIPv6 Playground'),
    ...capture.interfaces.map(interfaceDescription),
    ...capture.packets.map((p) => enhancedPacket(p, epoch)),
  ];
  let size = 0;
  for (const b of blocks) size += b.length;
  const out = new Uint8Array(size);
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}

export interface PcapngInterfaceInfo {
  readonly linkType: number;
  readonly snapLen: number;
  readonly name?: string;
  readonly description?: string;
  /** if_tsresol as written (6 = microseconds). */
  readonly tsresol: number;
}

export interface PcapngRecord {
  readonly iface: number;
  /** Microseconds since the Unix epoch. */
  readonly timestamp: number;
  readonly bytes: Uint8Array;
  readonly originalLength: number;
  readonly comment?: string;
}

export interface PcapngFile {
  readonly application?: string;
  readonly interfaces: PcapngInterfaceInfo[];
  readonly packets: PcapngRecord[];
}

const utf8Decoder = new TextDecoder();

/** Reads the options in [off, end) into a map from code to the last value seen. */
function readOptions(
  bytes: Uint8Array,
  v: DataView,
  off: number,
  end: number,
  le: boolean,
): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  while (off + 4 <= end) {
    const code = v.getUint16(off, le);
    const len = v.getUint16(off + 2, le);
    if (code === OPT_END || off + 4 + len > end) break;
    out.set(code, bytes.subarray(off + 4, off + 4 + len));
    off += 4 + pad4(len);
  }
  return out;
}

const text = (m: Map<number, Uint8Array>, code: number): string | undefined => {
  const b = m.get(code);
  return b ? utf8Decoder.decode(b) : undefined;
};

/** Reads the first section of a pcapng file (either byte order). Unknown block types are skipped. Never throws. */
export function readPcapng(bytes: Uint8Array): Parsed<PcapngFile> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 28 || v.getUint32(0, true) !== SHB)
    return fail('pcapng', 'Section Header Block', 0, 'the file does not start with a Section Header Block');
  const le = v.getUint32(8, true) === BYTE_ORDER_MAGIC;
  if (!le && v.getUint32(8, false) !== BYTE_ORDER_MAGIC)
    return fail('pcapng', 'Byte-Order Magic', 8, 'unknown byte-order magic');
  const interfaces: PcapngInterfaceInfo[] = [];
  const packets: PcapngRecord[] = [];
  let application: string | undefined;
  let off = 0;
  while (off < bytes.length) {
    if (off + 12 > bytes.length)
      return fail('pcapng', 'block', off, 'block header runs past the end of the file');
    const type = v.getUint32(off, le);
    const total = v.getUint32(off + 4, le);
    if (total < 12 || total % 4 !== 0 || off + total > bytes.length)
      return fail('pcapng', 'Block Total Length', off + 4, `block length ${total} is invalid here`);
    if (type === SHB) application = text(readOptions(bytes, v, off + 24, off + total - 4, le), SHB_USERAPPL);
    if (type === IDB && total >= 20) interfaces.push(readInterface(bytes, v, off, total, le));
    if (type === EPB && total >= 32) {
      const p = readPacket(bytes, v, off, total, le, interfaces);
      if (!p.ok) return p;
      packets.push(p.value);
    }
    off += total;
  }
  return ok({ ...(application !== undefined ? { application } : {}), interfaces, packets });
}

function readInterface(
  bytes: Uint8Array,
  v: DataView,
  off: number,
  total: number,
  le: boolean,
): PcapngInterfaceInfo {
  const opts = readOptions(bytes, v, off + 16, off + total - 4, le);
  const name = text(opts, IF_NAME);
  const description = text(opts, IF_DESCRIPTION);
  return {
    linkType: v.getUint16(off + 8, le),
    snapLen: v.getUint32(off + 12, le),
    ...(name !== undefined ? { name } : {}),
    ...(description !== undefined ? { description } : {}),
    tsresol: opts.get(IF_TSRESOL)?.[0] ?? 6,
  };
}

function readPacket(
  bytes: Uint8Array,
  v: DataView,
  off: number,
  total: number,
  le: boolean,
  interfaces: readonly PcapngInterfaceInfo[],
): Parsed<PcapngRecord> {
  const iface = v.getUint32(off + 8, le);
  const caplen = v.getUint32(off + 20, le);
  if (28 + pad4(caplen) + 4 > total)
    return fail(
      'pcapng',
      'Captured Packet Length',
      off + 20,
      `packet of ${caplen} octets does not fit its block`,
    );
  const raw = v.getUint32(off + 12, le) * 0x1_0000_0000 + v.getUint32(off + 16, le);
  const res = interfaces[iface]?.tsresol ?? 6;
  const perSecond = res & 0x80 ? 2 ** (res & 0x7f) : 10 ** res;
  const timestamp = perSecond === 1_000_000 ? raw : Math.round((raw * 1_000_000) / perSecond);
  const comment = text(readOptions(bytes, v, off + 28 + pad4(caplen), off + total - 4, le), OPT_COMMENT);
  return ok({
    iface,
    timestamp,
    bytes: bytes.slice(off + 28, off + 28 + caplen),
    originalLength: v.getUint32(off + 24, le),
    ...(comment !== undefined ? { comment } : {}),
  });
}
