import { describe, expect, it } from 'vitest';
import {
  CONFIG_NAMES,
  CONFIG_VARIABLES,
  defaultConfig,
  loadScenario,
  validateScenario,
} from '../../src/sim/scenario';
import { fixture, load } from './helpers';

describe('defaults', () => {
  it('fill in a minimal scenario completely', () => {
    const s = load({
      formatVersion: 1,
      nodes: [
        {
          id: 'lma1',
          kind: 'lma',
          addresses: { eth0: ['2001:DB8:0:0::1/64'] },
          prefixPool: '2001:db8:1::/48',
        },
        { id: 'mag1', kind: 'mag', addresses: { eth0: ['2001:db8::2/64'] } },
        { id: 'mn1', kind: 'mn' },
      ],
      links: [{ a: 'lma1:eth0', b: 'mag1:eth0' }],
      policies: [{ mn: 'mn1' }],
      traffic: [
        { kind: 'ping', from: 'lma1', to: 'mn1' },
        { kind: 'udp', from: 'lma1', to: 'mn1' },
        { kind: 'ping', from: 'lma1', to: 'mn1' },
      ],
      timeline: [
        { at: '5s', action: 'detach', mn: 'mn1' },
        { at: '6s', action: 'fault' },
      ],
    });
    expect(s).toEqual({
      formatVersion: 1,
      name: 'Untitled scenario',
      description: '',
      seed: 1,
      duration: '60s',
      nodes: [
        {
          id: 'lma1',
          kind: 'lma',
          addresses: { eth0: ['2001:db8::1/64'] },
          prefixPool: '2001:db8:1::/48',
          lmaAddress: '2001:db8::1',
        },
        {
          id: 'mag1',
          kind: 'mag',
          addresses: { eth0: ['2001:db8::2/64'] },
          accessPoint: { att: 4, attachDelay: '50ms', linkDelay: '1ms', loss: 0 },
          proxyCoa: '2001:db8::2',
        },
        {
          id: 'mn1',
          kind: 'mn',
          addresses: {},
          interfaces: [{ name: 'wlan0', mac: '02:6d:6e:00:02:00', att: 4 }],
        },
      ],
      links: [
        { id: 'lma1-mag1', a: 'lma1:eth0', b: 'mag1:eth0', delay: '1ms', loss: 0, queue: 100, mtu: 1500 },
      ],
      routes: {},
      policies: [
        {
          mn: 'mn1',
          mnId: 'mn1@example.com',
          lma: 'lma1',
          networkBasedMobility: true,
          prefixes: 'allocate',
          prefixCount: 1,
          lifetime: '3600s',
        },
      ],
      security: [{ mag: 'mag1', lma: 'lma1' }],
      config: defaultConfig(),
      traffic: [
        {
          kind: 'ping',
          id: 'ping-lma1-mn1',
          from: 'lma1',
          to: 'mn1',
          start: '0s',
          interval: '1s',
          size: 56,
          timeout: '2s',
        },
        {
          kind: 'udp',
          id: 'udp-lma1-mn1',
          from: 'lma1',
          to: 'mn1',
          start: '0s',
          rate: '10pps',
          size: 64,
          srcPort: 40001,
          dstPort: 9001,
        },
        {
          kind: 'ping',
          id: 'ping-lma1-mn1-2',
          from: 'lma1',
          to: 'mn1',
          start: '0s',
          interval: '1s',
          size: 56,
          timeout: '2s',
        },
      ],
      timeline: [
        { at: '5s', action: 'detach', mn: 'mn1', iface: 'wlan0' },
        { at: '6s', action: 'fault', match: {}, nth: 1, effect: 'drop' },
      ],
    });
  });

  it('config: every variable present with its RFC default, overrides kept', () => {
    const s = load({
      ...fixture(),
      config: { minDelayBeforeBCEDelete: '5s', maxUpdateRate: 5, enableMAGLocalRouting: true },
    });
    expect(Object.keys(s.config)).toEqual(CONFIG_NAMES);
    expect(s.config.minDelayBeforeBCEDelete).toBe('5s');
    expect(s.config.maxUpdateRate).toBe(5);
    expect(s.config.enableMAGLocalRouting).toBe(true);
    expect(s.config.maxDelayBeforeNewBCEAssign).toBe('1500ms');
    expect(s.config.timestampValidityWindow).toBe('300ms');
    expect(s.config.fixedMAGLinkLocalAddress).toBe('fe80::200:5eff:fe00:5213');
    expect(s.config.fixedMAGLinkLayerAddress).toBe('00:00:5e:00:52:13');
    expect(s.config.initialBindackTimeoutFirstReg).toBe('1.5s');
    expect(s.config.heartbeatInterval).toBe('60s');
  });

  it('the RFC defaults of digest §4.7', () => {
    const expected: Record<string, string | number | boolean> = {
      minDelayBeforeBCEDelete: '10000ms',
      maxDelayBeforeNewBCEAssign: '1500ms',
      timestampValidityWindow: '300ms',
      enableMAGLocalRouting: false,
      timestampBasedApproachInUse: true,
      mobileNodeGeneratedTimestampInUse: false,
      initialBindackTimeout: '1s',
      initialBindackTimeoutFirstReg: '1.5s',
      maxBindackTimeout: '32s',
      maxUpdateRate: 3,
      defaultLifetime: '3600s',
      heartbeatInterval: '60s',
      missingHeartbeatsAllowed: 3,
      briMaxRetriesNumber: 1,
      initMinDelayBRIs: '1s',
      maxBrackTimeout: '2s',
      maxUpdateNotificationRetransmitCount: 1,
      minDelayBetweenUpdateNotificationReplay: '1000ms',
      acceptBulkBindingUpdateReqForMobilitySession: true,
    };
    for (const [name, value] of Object.entries(expected))
      expect(defaultConfig()[name as keyof typeof CONFIG_VARIABLES], name).toBe(value);
    for (const v of Object.values(CONFIG_VARIABLES)) expect(v.rfc).toMatch(/^RFC \d{4} §/);
  });

  it('a loaded scenario is itself a valid scenario that loads to the same thing', () => {
    const once = load(fixture());
    const twice = loadScenario(JSON.stringify(once));
    expect(twice).toEqual({ ok: true, scenario: once });
  });

  it('a loaded scenario with a static prefix list loads again (prefixCount is the list length)', () => {
    const doc = fixture() as { policies: Record<string, unknown>[] };
    doc.policies[0].prefixes = ['2001:db8:1:7::/64', '2001:db8:1:8::/64'];
    const once = load(doc);
    expect(once.policies[0].prefixCount).toBe(2);
    expect(loadScenario(JSON.stringify(once))).toEqual({ ok: true, scenario: once });
    // A count that contradicts the list is still an error, naming the place.
    doc.policies[0].prefixCount = 3;
    const bad = validateScenario(doc);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(['policies[0].prefixCount']);
  });

  it('durations accept a space before the unit; names of access technologies become numbers', () => {
    const doc = fixture();
    doc.duration = '1.5 s';
    doc.nodes[4].interfaces[0].att = 4;
    doc.nodes[1].accessPoint.att = 'WLAN';
    const s = load(doc);
    expect(s.duration).toBe('1.5 s');
    expect(s.nodes[1].accessPoint?.att).toBe(4);
  });

  it('the LMA of a policy must be named when there are several', () => {
    const doc = fixture();
    doc.nodes.push({ id: 'lma2', kind: 'lma', addresses: { eth9: ['2001:db8:99::1/64'] } });
    doc.links.push({ a: 'lma2:eth9', b: 'cn1:eth1' });
    const r = validateScenario(doc);
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'policies[0].lma', message: 'is required: the id of the LMA that anchors this MN' },
    ]);
  });

  it('an explicit empty security list means no associations', () => {
    expect(load({ ...fixture(), security: [] }).security).toEqual([]);
  });
});
