/**
 * Codec conformance — digest §6 behaviours 1–11 (RFC 6275 §6.1.1, §6.1.7, §6.2, §9.2; RFC 5213 §8.3–§8.8;
 * RFC 5844 §3.3; RFC 5845 §6.1; RFC 5847 §3.4). Behaviours 1, 2 and 7–11 exercise the real Mobility Header
 * codec (src/sim/wire/mh) and the agents' message conversion; 3–6 are receiver behaviours, checked against
 * the real LMA on its host runtime (lma-harness.ts) with hand-made packets from a scripted MAG.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBindingUpdate, toWireMessage, usToTimestamp } from '../../src/sim/agents/host/mh-convert';
import type { ProxyBindingUpdate } from '../../src/sim/agents/api';
import type { Decision, PacketDrop, PacketTx } from '../../src/sim/core/trace-types';
import { fromHex, toHex } from '../../src/sim/wire/bytes';
import { parseIcmpv6 } from '../../src/sim/wire/icmpv6';
import { emitIPv6Packet, parseIPv6Packet } from '../../src/sim/wire/ipv6';
import {
  buFlags,
  emitMobility,
  findOption,
  heartbeatFlags,
  parseMobility,
  timestampFromMicros,
  type MobilityMessage,
  type MobilityOption,
  type ParsedMobilityMessage,
} from '../../src/sim/wire/mh';
import { VECTORS, type VectorName } from '../wire/ip/fixtures';
import { referenceChecksum } from '../wire/ip/reference-checksum';
import { message as anyMessage } from '../wire/mh/arbitraries';
import { walkOptions } from '../wire/mh/tlv-walk';
import { LMAA, LmaHarness, MN1, proxyCoa } from './lma-harness';

const MAG_ADDR = '2001:db8:ffff::2';
const LMA_ADDR = '2001:db8:ffff::1';
const MH_VECTORS: readonly VectorName[] = [
  'pbu_initial',
  'pba_success',
  'pbu_dereg',
  'pba_reject_160',
  'heartbeat_req',
  'heartbeat_resp_rc',
];

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

/** The Mobility Header of an IPv6 packet without extension headers (the digest's vectors). */
function mhOf(packet: Uint8Array): { mh: Uint8Array; src: string; dst: string } {
  const p = parseIPv6Packet(packet);
  if (!p.ok) throw new Error(`not an IPv6 packet: ${p.error.message}`);
  expect(p.value.nextHeader).toBe(135);
  return { mh: p.value.payload.slice(), src: p.value.src, dst: p.value.dst };
}

function parsed(mh: Uint8Array, src = MAG_ADDR, dst = LMA_ADDR): ParsedMobilityMessage {
  const r = parseMobility(mh, 0, mh.length, src, dst);
  if (!r.ok) throw new Error(`parse failed: ${r.error.field} @${r.error.offset}: ${r.error.message}`);
  return r.value;
}

/** Header Len and the RFC 6275 §6.1.1 checksum written into a hand-made MH (checksum by the reference code). */
function seal(mh: Uint8Array, src: string, dst: string, headerLen = mh.length / 8 - 1): Uint8Array {
  mh[1] = headerLen;
  mh[4] = 0;
  mh[5] = 0;
  const sum = referenceChecksum(src, dst, 135, mh);
  mh[4] = sum >> 8;
  mh[5] = sum & 0xff;
  return mh;
}

/** A PBU as the MAG's agent hands it to the host (seconds and µs since 1970), for a fresh attachment. */
function agentPbu(fields: Partial<ProxyBindingUpdate> = {}): ProxyBindingUpdate {
  return {
    type: 'pbu',
    seq: 1,
    flags: 0x8200,
    lifetime: 3600,
    mnId: MN1,
    hnps: [{ prefix: '::', length: 0 }],
    hi: 1,
    att: 4,
    mnLlId: '00:11:22:33:44:55',
    timestamp: 1_704_067_200_500_000,
    ...fields,
  };
}

/** mag1 puts `mh` on the wire to the LMA as one IPv6 packet (from its Proxy-CoA unless told otherwise). */
function sendRaw(h: LmaHarness, mh: Uint8Array, src = proxyCoa(1)): Uint8Array {
  const packet = emitIPv6Packet({
    trafficClass: 0,
    flowLabel: 0,
    hopLimit: 64,
    src,
    dst: LMAA,
    extHeaders: [],
    nextHeader: 135,
    payload: mh,
  });
  h.net.node('mag1').send(packet);
  return packet;
}

/** The PBU mag1 of the harness would send, as Mobility Header bytes with a valid checksum. */
function harnessPbuMh(h: LmaHarness, fields: Partial<ProxyBindingUpdate> = {}): Uint8Array {
  return emitMobility(toWireMessage(h.pbu(1, fields)), proxyCoa(1), LMAA);
}

/** What the LMA did after trace index `from`: packets it sent, packets it dropped, decisions it noted. */
function lmaAfter(
  h: LmaHarness,
  from: number,
): { tx: PacketTx[]; drops: PacketDrop[]; decisions: Decision[] } {
  const later = h.sim.trace.entries.slice(from).filter((e) => e.node === 'lma1');
  return {
    tx: later.filter((e): e is PacketTx => e.kind === 'tx'),
    drops: later.filter((e): e is PacketDrop => e.kind === 'drop'),
    decisions: later.filter((e): e is Decision => e.kind === 'decision'),
  };
}

/** The packet as the LMA received it: one router (r1) between mag1 and the LMA took one off the Hop Limit. */
function asReceived(packet: Uint8Array): Uint8Array {
  const copy = packet.slice();
  copy[7] -= 1;
  return copy;
}

/** The ICMPv6 message of a packet the LMA sent (no extension headers), checksum verified. */
function icmpOf(bytes: Uint8Array) {
  const p = parseIPv6Packet(bytes);
  if (!p.ok) throw new Error(p.error.message);
  expect(p.value.nextHeader).toBe(58);
  const m = parseIcmpv6(bytes, 40, bytes.length - 40, p.value.src, p.value.dst);
  if (!m.ok) throw new Error(m.error.message);
  expect(m.value.checksumValid).toBe(true);
  return { ip: p.value, icmp: m.value };
}

/** One's-complement sum of 16-bit words with the carries folded in at the end (digest §7.2's columns). */
function wordSum(bytes: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i += 2) s += (bytes[i] << 8) | (bytes[i + 1] ?? 0);
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Emitting
// ---------------------------------------------------------------------------------------------------

describe('Mobility Header codec conformance — digest §6 items 1–11', () => {
  it('B1 every emitted MH has Payload Proto 59, Reserved 0, a multiple of 8 octets and Header Len = len/8 − 1 — RFC 6275 §6.1.1', () => {
    const check = (mh: Uint8Array): void => {
      expect(mh[0]).toBe(59);
      expect(mh[3]).toBe(0);
      expect(mh.length % 8).toBe(0);
      expect(mh[1]).toBe(mh.length / 8 - 1);
    };
    // Every message type the codec knows, with every option it can carry (seeded, so the run repeats).
    let emitted = 0;
    fc.assert(
      fc.property(anyMessage, (msg) => {
        let mh: Uint8Array;
        try {
          mh = emitMobility(msg, MAG_ADDR, LMA_ADDR);
        } catch (e) {
          // Representations too large for their fields or for 2048 octets cannot be encoded at all.
          if (e instanceof RangeError) return;
          throw e;
        }
        emitted++;
        check(mh);
      }),
      { seed: 5213, numRuns: 1000 },
    );
    expect(emitted).toBeGreaterThan(950);
    // The smallest messages: a Heartbeat needs 4 octets of padding to reach 16 (digest §2.7, Header Len 1).
    const hb = emitMobility(
      { type: 'heartbeat', mhType: 13, flags: heartbeatFlags(), sequence: 1, options: [] },
      MAG_ADDR,
      LMA_ADDR,
    );
    check(hb);
    expect(toHex(hb.subarray(0, 4))).toBe('3b010d00');
    // And what the real agents put on the wire: the scripted MAG's PBU and the LMA's PBA in reply.
    const h = new LmaHarness();
    h.exchange(1);
    const sent = h.sim.trace.entries.filter(
      (e): e is PacketTx =>
        e.kind === 'tx' && e.cls === 'signalling' && (e.node === 'mag1' || e.node === 'lma1'),
    );
    expect(sent.map((e) => e.label.slice(0, 3))).toEqual(['PBU', 'PBA']);
    for (const e of sent) {
      const { mh } = mhOf(e.bytes);
      check(mh);
      expect(mh.length).toBe((e.bytes[4] << 8) | e.bytes[5]);
    }
  });

  it('B2 the MH checksum covers {src, dst, 32-bit length, 0,0,0,135} ‖ MH and reproduces every golden vector — RFC 6275 §6.1.1', () => {
    for (const name of MH_VECTORS) {
      const packet = fromHex(VECTORS[name]);
      const { mh, src, dst } = mhOf(packet);
      const msg = parsed(mh, src, dst);
      expect(msg.checksumValid, name).toBe(true);
      // The independent reference (RFC 1071 over the RFC 8200 §8.1 pseudo-header) agrees with the wire value …
      const zeroed = mh.slice();
      zeroed[4] = 0;
      zeroed[5] = 0;
      expect(referenceChecksum(src, dst, 135, zeroed), name).toBe(msg.checksum);
      // … and the codec re-emits the packet's Mobility Header byte for byte, checksum included.
      expect(toHex(emitMobility(msg, src, dst)), name).toBe(toHex(mh));
    }
    // Digest §7.2, row pbu_initial, column by column.
    const { mh, src, dst } = mhOf(fromHex(VECTORS.pbu_initial));
    const srcBytes = fromHex(VECTORS.pbu_initial.slice(16, 48));
    const dstBytes = fromHex(VECTORS.pbu_initial.slice(48, 80));
    expect(wordSum(srcBytes)).toBe(0x12dba);
    expect(wordSum(dstBytes)).toBe(0x12db9);
    const pseudo = wordSum(srcBytes) + wordSum(dstBytes) + mh.length + 135;
    expect(pseudo).toBe(0x25c52);
    const zeroed = mh.slice();
    zeroed[4] = 0;
    zeroed[5] = 0;
    expect(wordSum(zeroed)).toBe(0x53584);
    const total = pseudo + wordSum(zeroed);
    expect(total).toBe(0x791d6);
    const folded = (total & 0xffff) + (total >>> 16);
    expect(folded).toBe(0x91dd);
    expect(~folded & 0xffff).toBe(0x6e22);
    // The pseudo-header is really in the sum: the same MH is wrong for another destination.
    expect(parsed(mh, src, '2001:db8:ffff::3').checksumValid).toBe(false);
    expect(parsed(mh, src, dst).checksumValid).toBe(true);
  });

  // -------------------------------------------------------------------------------------------------
  // Receiving (the real LMA)
  // -------------------------------------------------------------------------------------------------

  it('B3 a PBU with a wrong checksum is discarded silently: no PBA, no error, no binding — RFC 6275 §9.2', () => {
    const h = new LmaHarness();
    const mh = harnessPbuMh(h);
    mh[5] ^= 0x01;
    const mark = h.sim.trace.length;
    sendRaw(h, mh);
    h.advance(100_000);
    const after = lmaAfter(h, mark);
    expect(after.tx).toEqual([]);
    expect(after.decisions).toEqual([]);
    expect(after.drops).toHaveLength(1);
    expect(after.drops[0].rfc).toBe('RFC 6275 §9.2');
    expect(after.drops[0].reason).toMatch(/checksum/);
    expect(h.bce()).toEqual([]);
    expect(h.mag(1).pbas).toEqual([]);
    // The same PBU with its checksum intact is accepted (so the discard was about the checksum alone).
    mh[5] ^= 0x01;
    sendRaw(h, mh);
    h.advance(100_000);
    expect(h.mag(1).pbas.map((p) => p.pba.status)).toEqual([0]);
    expect(h.bce()).toHaveLength(1);
  });

  it('B4 an MH with an unknown MH Type is answered with a Binding Error, status 2 — RFC 6275 §9.2, §6.1.9', () => {
    const h = new LmaHarness();
    for (const mhType of [42, 255]) {
      // Header Len 1: the common part, 10 octets of message data (zeros).
      const mh = seal(
        Uint8Array.of(59, 0, mhType, 0, 0, 0, ...new Array<number>(10).fill(0)),
        proxyCoa(1),
        LMAA,
      );
      expect(parsed(mh, proxyCoa(1), LMAA)).toMatchObject({ type: 'unknown', mhType, checksumValid: true });
      const mark = h.sim.trace.length;
      sendRaw(h, mh);
      h.advance(100_000);
      const after = lmaAfter(h, mark);
      expect(after.tx, `MH Type ${mhType}`).toHaveLength(1);
      const reply = after.tx[0];
      const p = parseIPv6Packet(reply.bytes);
      if (!p.ok) throw new Error(p.error.message);
      expect(p.value.src).toBe(LMAA);
      expect(p.value.dst).toBe(proxyCoa(1));
      expect(p.value.nextHeader).toBe(135);
      const be = parsed(p.value.payload.slice(), LMAA, proxyCoa(1));
      expect(be).toMatchObject({
        type: 'binding-error',
        mhType: 7,
        status: 2,
        payloadProto: 59,
        checksumValid: true,
      });
      expect(after.decisions.map((d) => d.rfc)).toEqual(['RFC 6275 §9.2']);
    }
    expect(h.bce()).toEqual([]);
  });

  it('B5 Payload Proto ≠ 59 → discarded, ICMPv6 Parameter Problem code 0 pointing at the first octet of the MH — RFC 6275 §9.2', () => {
    const h = new LmaHarness();
    const pbu = toWireMessage(h.pbu(1));
    const mh = emitMobility(pbu, proxyCoa(1), LMAA, { payloadProto: 6 });
    expect(mh[0]).toBe(6);
    expect(parsed(mh, proxyCoa(1), LMAA).checksumValid).toBe(true);
    const mark = h.sim.trace.length;
    const packet = sendRaw(h, mh);
    h.advance(100_000);
    const after = lmaAfter(h, mark);
    expect(after.drops.map((d) => d.rfc)).toEqual(['RFC 6275 §9.2']);
    expect(after.tx).toHaveLength(1);
    const { ip, icmp } = icmpOf(after.tx[0].bytes);
    expect(ip.dst).toBe(proxyCoa(1));
    // The MH starts right after the 40-octet IPv6 header: the pointer is 40 (RFC 4443 §3.4 offsets).
    expect(icmp).toMatchObject({ type: 'parameter-problem', code: 0, pointer: 40 });
    expect(toHex((icmp as { invoking: Uint8Array }).invoking)).toBe(toHex(asReceived(packet)));
    expect(h.mag(1).pbas).toEqual([]);
    expect(h.bce()).toEqual([]);
  });

  it('B6 a BU whose Header Len is below its fixed part → discarded, Parameter Problem code 0 pointing at Header Len — RFC 6275 §9.2', () => {
    const h = new LmaHarness();
    // (a) A Binding Update of 8 octets, Header Len 0: the Sequence # fits, Flags and Lifetime do not.
    const tiny = seal(Uint8Array.of(59, 0, 5, 0, 0, 0, 0, 1), proxyCoa(1), LMAA, 0);
    // (b) A whole PBU whose Header Len says 0 (8 octets) although 88 are there.
    const full = harnessPbuMh(h);
    expect(full.length).toBeGreaterThan(8);
    seal(full, proxyCoa(1), LMAA, 0);
    for (const [name, mh] of [
      ['8-octet BU', tiny],
      ['88-octet PBU', full],
    ] as const) {
      const mark = h.sim.trace.length;
      const packet = sendRaw(h, mh);
      h.advance(100_000);
      const after = lmaAfter(h, mark);
      expect(
        after.drops.map((d) => d.rfc),
        name,
      ).toEqual(['RFC 6275 §9.2']);
      expect(after.tx, name).toHaveLength(1);
      const { icmp } = icmpOf(after.tx[0].bytes);
      expect(icmp, name).toMatchObject({ type: 'parameter-problem', code: 0, pointer: 41 });
      expect(toHex((icmp as { invoking: Uint8Array }).invoking), name).toBe(toHex(asReceived(packet)));
    }
    expect(h.mag(1).pbas).toEqual([]);
    expect(h.bce()).toEqual([]);
  });

  it('B3/B6 order: a PBU with a wrong checksum AND a too-small Header Len is discarded silently, no ICMPv6 error — RFC 6275 §9.2', () => {
    const h = new LmaHarness();
    const full = harnessPbuMh(h);
    seal(full, proxyCoa(1), LMAA, 0); // Header Len 0 with a correct checksum …
    full[5] ^= 0x01; // … then the checksum is broken: the checksum check comes first.
    const mark = h.sim.trace.length;
    sendRaw(h, full);
    h.advance(100_000);
    const after = lmaAfter(h, mark);
    expect(after.tx).toEqual([]);
    expect(after.drops).toHaveLength(1);
    expect(after.drops[0].reason).toMatch(/checksum/);
  });

  // -------------------------------------------------------------------------------------------------
  // Options
  // -------------------------------------------------------------------------------------------------

  it('B7 unknown mobility options are skipped by their Length and the rest of the message is processed — RFC 6275 §6.2.1, RFC 5213 §8.1', () => {
    const unknown: MobilityOption = {
      type: 'unknown',
      optType: 200,
      data: Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0x01),
    };
    const wire = toWireMessage(agentPbu());
    if (wire.type !== 'binding-update') throw new Error('not a BU');
    // Put the unknown option between MN-ID and HNP, and a second one (Length 0) at the very end.
    const options = [
      wire.options[0],
      unknown,
      ...wire.options.slice(1),
      { type: 'unknown', optType: 250, data: new Uint8Array(0) } as const,
    ];
    const mh = emitMobility({ ...wire, options }, MAG_ADDR, LMA_ADDR);
    const tlvs = walkOptions(mh, 12);
    expect(tlvs.filter((t) => t.type === 200)).toEqual([{ offset: 30, type: 200, size: 7 }]);
    const msg = parsed(mh);
    expect(msg.type === 'binding-update' && msg.options).toEqual(options);
    const back = fromBindingUpdate(msg as Extract<ParsedMobilityMessage, { type: 'binding-update' }>);
    expect(back).toMatchObject({
      mnId: MN1,
      hnps: [{ prefix: '::', length: 0 }],
      hi: 1,
      att: 4,
      mnLlId: '00:11:22:33:44:55',
      lifetime: 3600,
    });
    // The real LMA processes such a PBU as if the unknown options were not there.
    const h = new LmaHarness();
    const hw = toWireMessage(h.pbu(1));
    if (hw.type !== 'binding-update') throw new Error('not a BU');
    sendRaw(
      h,
      emitMobility({ ...hw, options: [hw.options[0], unknown, ...hw.options.slice(1)] }, proxyCoa(1), LMAA),
    );
    h.advance(100_000);
    expect(h.mag(1).pbas.map((p) => [p.pba.status, p.pba.mnId, p.pba.hnps.length])).toEqual([[0, MN1, 1]]);
  });

  it('B8 Pad1 is one 0x00 octet, PadN of N octets is 01 (N−2) + zeros, and both are accepted anywhere — RFC 6275 §6.2.2, §6.2.3', () => {
    // Emitting: an HNP (8n+4) after an MN-ID of k characters needs (4 − (15 + k)) mod 8 octets of padding.
    const padBefore = (k: number): string => {
      const mh = emitMobility(
        {
          type: 'binding-update',
          mhType: 5,
          sequence: 1,
          flags: buFlags('A', 'P'),
          lifetime: 1,
          options: [
            { type: 'mn-id', subtype: 1, id: 'x'.repeat(k) },
            { type: 'hnp', prefix: '::', prefixLength: 0, offLink: false },
          ],
        },
        MAG_ADDR,
        LMA_ADDR,
      );
      return toHex(mh.subarray(15 + k, mh.indexOf(22, 15 + k)));
    };
    expect(padBefore(5)).toBe(''); // 20 = 8·2 + 4
    expect(padBefore(4)).toBe('00'); // Pad1
    expect(padBefore(3)).toBe('0100'); // PadN, N = 2
    expect(padBefore(15)).toBe('010400000000'); // PadN, N = 6 (the golden vectors' pad)
    expect(padBefore(6)).toBe('01050000000000'); // PadN, N = 7
    // Receiving: the golden PBU's options with Pad1 and PadN sprinkled where no rule asks for them.
    const { mh: golden } = mhOf(fromHex(VECTORS.pbu_initial));
    const want = parsed(golden);
    const tlvs = walkOptions(golden, 12).filter((t) => t.type !== 0 && t.type !== 1);
    const pads = [[0x00], [0x01, 0x00], [0x00, 0x00], [0x01, 0x03, 0, 0, 0], [0x01, 0x01, 0x00], [0x00]];
    const body: number[] = [...golden.subarray(0, 12)];
    tlvs.forEach((t, i) =>
      body.push(...pads[i % pads.length], ...golden.subarray(t.offset, t.offset + t.size)),
    );
    body.push(0x01, 0x00);
    while (body.length % 8 !== 0) body.push(0x00);
    const mh = seal(Uint8Array.from(body), MAG_ADDR, LMA_ADDR);
    const got = parsed(mh);
    expect(got.checksumValid).toBe(true);
    expect(got.type === 'binding-update' && got.options).toEqual(
      want.type === 'binding-update' && want.options,
    );
    // PadN data are ignored on receipt (RFC 6275 §6.2.3): non-zero padding octets change nothing.
    const padAt = walkOptions(mh, 12).find((t) => t.type === 1 && t.size === 5);
    if (!padAt) throw new Error('no 5-octet PadN');
    const dirty = mh.slice();
    dirty.fill(0xaa, padAt.offset + 2, padAt.offset + 5);
    const gotDirty = parsed(seal(dirty, MAG_ADDR, LMA_ADDR));
    expect(gotDirty.type === 'binding-update' && gotDirty.options).toEqual(
      want.type === 'binding-update' && want.options,
    );
    // The real LMA accepts the padded PBU.
    const h = new LmaHarness();
    const own = harnessPbuMh(h);
    const ownTlvs = walkOptions(own, 12).filter((t) => t.type !== 0 && t.type !== 1);
    const ownBody: number[] = [...own.subarray(0, 12)];
    for (const t of ownTlvs) ownBody.push(0x00, 0x01, 0x00, ...own.subarray(t.offset, t.offset + t.size));
    while (ownBody.length % 8 !== 0) ownBody.push(0x00);
    sendRaw(h, seal(Uint8Array.from(ownBody), proxyCoa(1), LMAA));
    h.advance(100_000);
    expect(h.mag(1).pbas.map((p) => p.pba.status)).toEqual([0]);
  });

  it('B9 the encoder aligns HNP 8n+4, Link-local 8n+6, Timestamp 8n+2, GRE Key and IPv4 options 4n, Restart Counter 4n+2 — RFC 5213 §8.3/§8.7/§8.8, RFC 5845 §6.1, RFC 5844 §3.3, RFC 5847 §3.4', () => {
    const RULES: readonly [MobilityOption, number, number, number][] = [
      [{ type: 'hnp', prefix: '2001:db8:1:1::', prefixLength: 64, offLink: false }, 22, 8, 4],
      [{ type: 'link-local-address', address: 'fe80::200:5eff:fe00:5213' }, 26, 8, 6],
      [{ type: 'timestamp', seconds: 1704067200, fraction: 0x8000 }, 27, 8, 2],
      [{ type: 'gre-key', key: 0x01020304 }, 33, 4, 0],
      [{ type: 'ipv4-hoa-request', prefixLength: 24, address: '0.0.0.0' }, 36, 4, 0],
      [{ type: 'ipv4-hoa-reply', status: 0, prefixLength: 24, address: '192.0.2.10' }, 37, 4, 0],
      [{ type: 'ipv4-default-router', address: '192.0.2.1' }, 38, 4, 0],
      [{ type: 'restart-counter', value: 3 }, 28, 4, 2],
    ];
    for (const [option, code, x, y] of RULES) {
      // Every starting offset mod 8: an MN-ID of k characters ends at 15 + k.
      for (let k = 0; k < 8; k++) {
        const msg: MobilityMessage = {
          type: 'binding-update',
          mhType: 5,
          sequence: 1,
          flags: buFlags('A', 'P'),
          lifetime: 1,
          options: [{ type: 'mn-id', subtype: 1, id: 'n'.repeat(k) }, option],
        };
        const mh = emitMobility(msg, MAG_ADDR, LMA_ADDR);
        const at = walkOptions(mh, 12).find((t) => t.type === code);
        expect(at && at.offset % x, `option ${code} after ${k} characters`).toBe(y);
        expect(at && at.offset - (15 + k), `least padding for option ${code}`).toBe(
          (((y - 15 - k) % x) + x) % x,
        );
        const back = parsed(mh);
        expect(back.type === 'binding-update' && back.options[1]).toEqual(option);
      }
    }
    // A Heartbeat Response: Restart Counter after 2 octets of PadN at MH+14 (digest §7.7).
    const hb = emitMobility(
      {
        type: 'heartbeat',
        mhType: 13,
        flags: heartbeatFlags('R'),
        sequence: 1,
        options: [{ type: 'restart-counter', value: 3 }],
      },
      LMA_ADDR,
      MAG_ADDR,
    );
    expect(toHex(hb)).toBe(VECTORS.heartbeat_resp_rc.slice(80));
    // The agents' PBU (the golden vector's option set) puts the HNP at 36 and the Timestamp at 74.
    const pbu = emitMobility(toWireMessage(agentPbu()), MAG_ADDR, LMA_ADDR);
    const offsets = walkOptions(pbu, 12).map((t) => [t.type, t.offset]);
    expect(offsets).toEqual([
      [8, 12],
      [1, 30],
      [22, 36],
      [25, 56],
      [23, 66],
      [24, 70],
      [27, 74],
      [1, 84],
    ]);
    expect(toHex(pbu)).toBe(VECTORS.pbu_initial.slice(80));
  });

  it('B10 the PBU Lifetime field counts 4-second units (900 ↔ 3600 s) and 0 is a de-registration — RFC 6275 §6.1.7', () => {
    const at = (mh: Uint8Array): string => toHex(mh.subarray(10, 12));
    expect(at(emitMobility(toWireMessage(agentPbu({ lifetime: 3600 })), MAG_ADDR, LMA_ADDR))).toBe('0384');
    expect(at(emitMobility(toWireMessage(agentPbu({ lifetime: 262_140 })), MAG_ADDR, LMA_ADDR))).toBe('ffff');
    expect(at(emitMobility(toWireMessage(agentPbu({ lifetime: 0 })), MAG_ADDR, LMA_ADDR))).toBe('0000');
    // Seconds that are not a multiple of 4 round down (never grant more than asked).
    expect(at(emitMobility(toWireMessage(agentPbu({ lifetime: 3603 })), MAG_ADDR, LMA_ADDR))).toBe('0384');
    const golden = parsed(mhOf(fromHex(VECTORS.pbu_initial)).mh);
    expect(golden.type === 'binding-update' && golden.lifetime).toBe(900);
    expect(
      fromBindingUpdate(golden as Extract<ParsedMobilityMessage, { type: 'binding-update' }>).lifetime,
    ).toBe(3600);
    // End to end: the LMA reads 0x0384 as 3600 s and grants it; Lifetime 0 from the serving MAG de-registers.
    const h = new LmaHarness();
    h.exchange(1, { lifetime: 3600 });
    const [pbuTx] = h.sim.trace.entries.filter(
      (e): e is PacketTx => e.kind === 'tx' && e.node === 'mag1' && e.label.startsWith('PBU'),
    );
    expect(toHex(pbuTx.bytes.subarray(50, 52))).toBe('0384');
    expect(toHex(h.sentBytes('PBA')[0].subarray(50, 52))).toBe('0384');
    expect(h.lastPba(1)?.lifetime).toBe(3600);
    const pba = h.exchange(1, { lifetime: 0, hi: 4, hnps: h.lastPba(1)?.hnps ?? [] });
    expect(pba).toMatchObject({ status: 0, lifetime: 0 });
    expect(toHex(h.sentBytes('PBA')[1].subarray(50, 52))).toBe('0000');
    expect(h.decisions('pbu-accepted').map((d) => d.data?.case)).toEqual(['new-session', 'de-registration']);
  });

  it('B11 the Timestamp option is 48-bit seconds since 1970 + a 16-bit 1/65536 fraction: 2024-01-01T00:00:00.5Z → 00 00 65 92 00 80 80 00 — RFC 5213 §8.8', () => {
    const seconds = Date.UTC(2024, 0, 1, 0, 0, 0) / 1000;
    expect(seconds).toBe(1_704_067_200);
    const VALUE = '000065920080' + '8000';
    // The codec, from the option's own fields.
    const mh = emitMobility(
      {
        type: 'binding-update',
        mhType: 5,
        sequence: 1,
        flags: buFlags('A', 'P'),
        lifetime: 1,
        options: [{ type: 'timestamp', seconds, fraction: 0x8000 }],
      },
      MAG_ADDR,
      LMA_ADDR,
    );
    const ts = walkOptions(mh, 12).find((t) => t.type === 27);
    expect(ts && toHex(mh.subarray(ts.offset, ts.offset + 10))).toBe(`1b08${VALUE}`);
    // From simulated time: epoch 2024-01-01, 0.5 s in; and the agents' µs-since-1970 clock.
    expect(timestampFromMicros(seconds, 500_000)).toEqual({ seconds, fraction: 0x8000 });
    expect(usToTimestamp(seconds * 1_000_000 + 500_000)).toEqual({ seconds, fraction: 0x8000 });
    const agent = emitMobility(
      toWireMessage(agentPbu({ timestamp: seconds * 1_000_000 + 500_000 })),
      MAG_ADDR,
      LMA_ADDR,
    );
    expect(toHex(agent.subarray(76, 84))).toBe(VALUE);
    // And back: 48 bits of seconds, then the fraction.
    const back = findOption(parsed(agent), 'timestamp');
    expect(back).toEqual({ type: 'timestamp', seconds, fraction: 32768 });
    const far = emitMobility(
      {
        type: 'binding-update',
        mhType: 5,
        sequence: 1,
        flags: buFlags('A', 'P'),
        lifetime: 1,
        options: [{ type: 'timestamp', seconds: 2 ** 40 + 1, fraction: 1 }],
      },
      MAG_ADDR,
      LMA_ADDR,
    );
    const farTs = walkOptions(far, 12).find((t) => t.type === 27);
    expect(farTs && toHex(far.subarray(farTs.offset + 2, farTs.offset + 10))).toBe('010000000001' + '0001');
  });
});
