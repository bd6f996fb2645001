import { describe, expect, it } from 'vitest';
import { ip6 } from '../../src/sim/wire/addr';
import { addressesOf, carriesAddress, mnMatcher } from '../../src/ui/panels/chart/packet-filter';
import {
  CN,
  LMAA,
  MAG1,
  MN_ADDR,
  MN_ID,
  TraceBuilder,
  heartbeat,
  pba,
  pbu,
  ping,
  tunnel,
} from './fixtures/trace-builder';

describe('carriesAddress', () => {
  const mn = [ip6(MN_ADDR)];
  it('matches the outer or the inner source or destination', () => {
    expect(carriesAddress(ping(CN, MN_ADDR, 1), mn)).toBe(true);
    expect(carriesAddress(ping(MN_ADDR, CN, 1, true), mn)).toBe(true);
    expect(carriesAddress(tunnel(LMAA, MAG1, ping(CN, MN_ADDR, 1)), mn)).toBe(true);
    expect(carriesAddress(tunnel(LMAA, MAG1, tunnel(LMAA, MAG1, ping(CN, MN_ADDR, 1))), mn)).toBe(true);
  });

  it('does not match other packets, or bytes that are not IPv6', () => {
    expect(carriesAddress(tunnel(LMAA, MAG1, ping(CN, '2001:db8:1:2::100', 1)), mn)).toBe(false);
    expect(carriesAddress(pbu(MAG1, LMAA, 1, MN_ID, 1), mn)).toBe(false);
    expect(carriesAddress(new Uint8Array(12), mn)).toBe(false);
  });
});

describe('mnMatcher', () => {
  it("follows an MN's hops, its tunnelled packets and the signalling that names it", () => {
    const b = new TraceBuilder();
    b.table(0, 'mn1', 'addresses', `wlan0 ${MN_ADDR}`, {
      iface: 'wlan0',
      address: MN_ADDR,
      prefixLength: 64,
    });
    b.table(
      0,
      'mn1',
      'addresses',
      `wlan0 ${MN_ADDR}`,
      { iface: 'wlan0', address: MN_ADDR, prefixLength: 64 },
      'update',
    );
    b.table(0, 'cn1', 'addresses', `eth0 ${CN}`, { iface: 'eth0', address: CN, prefixLength: 64 });
    const rs = b.tx(1, 'mn1', 'mag1', heartbeat(MAG1, LMAA, 9), 1);
    const mine = b.tx(2, 'mag1', 'lma1', pbu(MAG1, LMAA, 1, MN_ID, 1), 1);
    const theirs = b.tx(3, 'mag1', 'lma1', pbu(MAG1, LMAA, 2, 'mn2@example.com', 1), 1);
    const ack = b.tx(4, 'lma1', 'mag1', pba(LMAA, MAG1, 1, MN_ID), 1);
    const hb = b.tx(5, 'mag1', 'lma1', heartbeat(MAG1, LMAA, 1), 1);
    const data = b.tx(6, 'lma1', 'mag1', tunnel(LMAA, MAG1, ping(CN, MN_ADDR, 1)), 1);
    const other = b.tx(7, 'lma1', 'mag1', tunnel(LMAA, MAG1, ping(CN, '2001:db8:1:2::1', 1)), 1);
    expect(addressesOf(b.entries, 'mn1').length).toBe(1);
    const m = mnMatcher(b.entries, 'mn1', MN_ID);
    expect([rs, mine, theirs, ack, hb, data, other].map(m)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    // Without an MN-ID, only addresses and hops count.
    const byAddress = mnMatcher(b.entries, 'mn1', null);
    expect([mine, data].map(byAddress)).toEqual([false, true]);
  });
});
