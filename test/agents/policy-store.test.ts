/** The policy store / AAA (policy/policy-store.ts): access authentication, profiles, handoff hints. */
import { describe, expect, it } from 'vitest';
import { PolicyStore } from '../../src/sim/agents/policy/policy-store';
import type { PolicyRecord } from '../../src/sim/agents/policy/policy-store';

const record: PolicyRecord = {
  mn: 'mn1',
  mnId: 'mn1@example.com',
  lmaa: '2001:db8:ffff::1',
  pmip: true,
  prefixes: [{ prefix: '2001:db8:1:1::', length: 64 }],
  prefixCount: 1,
  lifetime: 3600,
  interfaces: [
    { name: 'wlan0', mac: '00:11:22:33:44:55' },
    { name: 'lte0', mac: '00:11:22:33:44:66' },
  ],
  authorizedMags: null,
};

describe('policy store', () => {
  const store = () => new PolicyStore([record], 10_000_000);

  it('authenticates an interface by its link-layer address; the static prefixes go with the first interface (RFC 5213 §6.2, §6.6)', () => {
    const s = store();
    expect(s.authenticate('00:11:22:33:44:55')).toMatchObject({
      iface: 'wlan0',
      profile: { mnId: 'mn1@example.com', hnps: record.prefixes },
    });
    expect(s.authenticate('00:11:22:33:44:66')?.profile.hnps).toEqual([]);
    expect(s.authenticate('02:00:00:00:00:09')).toBe(null);
    expect(s.profileByMnId('mn1@example.com')?.hnps).toEqual(record.prefixes);
    expect(s.profileByMnId('nobody@example.com')).toBe(null);
  });

  it('tells a fresh attachment, a same-interface move, a second interface and an interface switch apart', () => {
    const s = store();
    const [wlan, lte] = ['00:11:22:33:44:55', '00:11:22:33:44:66'];
    expect(s.handoffHint(record.mnId, wlan, 'mag1', 0)).toBe('none');
    s.start(record.mnId, wlan, 'mag1', 0);
    expect(s.handoffHint(record.mnId, lte, 'mag2', 1)).toBe('none'); // wlan still attached: multihoming
    s.stop(record.mnId, wlan, 'mag1', 5_000_000);
    expect(s.handoffHint(record.mnId, wlan, 'mag2', 5_100_000)).toBe('same-interface');
    expect(s.handoffHint(record.mnId, lte, 'mag2', 5_100_000)).toBe('other-interface');
    expect(s.handoffHint(record.mnId, wlan, 'mag1', 5_100_000)).toBe('unknown'); // back where it was
    // Past the window the old session is gone: a fresh attachment again.
    expect(s.handoffHint(record.mnId, wlan, 'mag2', 15_000_001)).toBe('none');
  });
});
