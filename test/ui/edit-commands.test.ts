/**
 * Edit commands keep the scenario valid (the real validator checks every result) and do exactly their
 * edit; the scenario document merges and forks user actions.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/sim/scenario/types';
import { validateScenario } from '../../src/sim/scenario/validate';
import { freeInterface, freeLinkPrefix, freeMac, freeNodeId } from '../../src/ui/state/address-plan';
import {
  addCn,
  addLink,
  addMag,
  addMn,
  removeLink,
  removeNode,
  setConfig,
  setLinkProps,
  setPolicy,
  userAction,
} from '../../src/ui/state/edit-commands';
import { effectiveScenario, forkWithAction, writtenForm } from '../../src/ui/state/scenario-document';
import type { ScenarioDocument } from '../../src/ui/state/scenario-document';
import { basicDomain } from './local-backend';

function loadedBasic(): Scenario {
  const r = validateScenario(basicDomain());
  if (!r.ok) throw new Error('basic domain should validate');
  return r.scenario;
}

const doc = (): ScenarioDocument => ({ base: loadedBasic(), user: [] });

function valid(d: ScenarioDocument): Scenario {
  const r = validateScenario(JSON.parse(JSON.stringify(effectiveScenario(d))));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

describe('address plan', () => {
  it('picks a /64, interface names, MACs and ids nobody uses', () => {
    const s = loadedBasic();
    expect(freeLinkPrefix(s)).toBe('2001:db8:ff00:1::');
    expect(freeInterface(s, 'r2')).toBe('eth3');
    expect(freeInterface(s, 'mag1')).toBe('eth1');
    expect(freeMac(s)).toBe('02:00:5e:10:00:01');
    expect(freeNodeId(s, 'mag')).toBe('mag3');
    expect(freeNodeId(s, 'cn')).toBe('cn2');
    const taken: Scenario = {
      ...s,
      nodes: s.nodes.map((n) =>
        n.id === 'cn1' ? { ...n, addresses: { eth0: ['2001:db8:ff00:1::5/64'] } } : n,
      ),
    };
    expect(freeLinkPrefix(taken)).toBe('2001:db8:ff00:2::');
  });
});

describe('edit commands', () => {
  it('adds a MAG with its own uplink /64 and a security association with the LMA', () => {
    const d = addMag('mag3', 'r2', { x: 600, y: 300 }, { delay: '3ms', loss: 0 }).apply(doc());
    const s = valid(d);
    const mag = s.nodes.find((n) => n.id === 'mag3');
    expect(mag?.addresses).toEqual({ eth0: ['2001:db8:ff00:1::2/64'] });
    expect(s.nodes.find((n) => n.id === 'r2')?.addresses.eth3).toEqual(['2001:db8:ff00:1::1/64']);
    expect(s.links.at(-1)).toMatchObject({
      id: 'r2-mag3',
      a: 'r2:eth3',
      b: 'mag3:eth0',
      delay: '3ms',
      loss: 0,
    });
    expect(s.security).toContainEqual({ mag: 'mag3', lma: 'lma1' });
  });

  it('adds a mobile node with a policy that allocates a prefix, and a correspondent node', () => {
    let d = addMn('mn2', 'mag2', 'lma1', { x: 750, y: 100 }).apply(doc());
    d = addCn('cn2', 'r1', { x: 150, y: -150 }, { delay: '4ms', loss: 0 }).apply(d);
    const s = valid(d);
    expect(s.nodes.find((n) => n.id === 'mn2')?.interfaces).toEqual([
      { name: 'wlan0', mac: '02:00:5e:10:00:01', att: 4, attachTo: 'mag2' },
    ]);
    expect(s.policies.find((p) => p.mn === 'mn2')).toEqual({
      mn: 'mn2',
      mnId: 'mn2@example.com',
      lma: 'lma1',
      networkBasedMobility: true,
      prefixes: 'allocate',
      prefixCount: 1,
      lifetime: '3600s',
    });
    expect(s.links.find((l) => l.b === 'cn2:eth0')).toMatchObject({ a: 'r1:eth2', delay: '4ms' });
  });

  it("removes a node with its links, the far ends' interfaces, and everything naming it", () => {
    const d = removeNode('mag2').apply({
      ...doc(),
      user: [{ at: '5s', action: 'move', mn: 'mn1', mag: 'mag2' }],
    });
    const s = valid(d);
    expect(s.nodes.map((n) => n.id)).toEqual(['cn1', 'r1', 'lma1', 'r2', 'mag1', 'mn1']);
    expect(s.links.some((l) => l.a.startsWith('mag2:') || l.b.startsWith('mag2:'))).toBe(false);
    expect(Object.keys(s.nodes.find((n) => n.id === 'r2')?.addresses ?? {})).toEqual(['eth0', 'eth1']);
    expect(s.timeline).toEqual([]);
    expect(d.user).toEqual([]);
    expect(s.security).toEqual([{ mag: 'mag1', lma: 'lma1' }]);
  });

  it('removing the correspondent node takes its ping traffic along', () => {
    const s = valid(removeNode('cn1').apply(doc()));
    expect(s.traffic).toEqual([]);
  });

  it("changes a link's delay, bandwidth and loss, and adds and removes links", () => {
    const id = loadedBasic().links[0].id;
    let d = setLinkProps(id, { delay: '20ms', bandwidth: '10Mbps', loss: 0.05 }).apply(doc());
    expect(valid(d).links[0]).toMatchObject({ delay: '20ms', bandwidth: '10Mbps', loss: 0.05 });
    d = setLinkProps(id, { delay: '20ms', loss: 0 }).apply(d);
    expect('bandwidth' in valid(d).links[0]).toBe(false);
    d = addLink('mag1', 'mag2', { delay: '1ms', loss: 0 }).apply(d);
    expect(valid(d).links.at(-1)).toMatchObject({ id: 'mag1-mag2', a: 'mag1:eth1', b: 'mag2:eth1' });
    d = removeLink('mag1-mag2').apply(d);
    const s = valid(d);
    expect(s.links.length).toBe(5);
    expect(Object.keys(s.nodes.find((n) => n.id === 'mag1')?.addresses ?? {})).toEqual(['eth0']);
    expect(() => removeLink('nope').apply(d)).toThrow('there is no link "nope"');
  });

  it('replaces a policy profile and sets protocol variables', () => {
    let d = setPolicy({
      mn: 'mn1',
      mnId: 'alice@example.org',
      lma: 'lma1',
      networkBasedMobility: true,
      prefixes: ['2001:db8:1:7::/64'],
      prefixCount: 1,
      lifetime: '600s',
    }).apply(doc());
    d = setConfig({ minDelayBeforeBCEDelete: '2s', maxUpdateRate: 5 }).apply(d);
    const s = valid(d);
    expect(s.policies).toEqual([
      {
        mn: 'mn1',
        mnId: 'alice@example.org',
        lma: 'lma1',
        networkBasedMobility: true,
        prefixes: ['2001:db8:1:7::/64'],
        prefixCount: 1,
        lifetime: '600s',
      },
    ]);
    expect(s.config.minDelayBeforeBCEDelete).toBe('2s');
    expect(s.config.maxUpdateRate).toBe(5);
    expect(setConfig({ maxUpdateRate: 5 }).label).toBe('set maxUpdateRate');
  });
});

describe('scenario document', () => {
  it('writes a loaded scenario back in a form the validator accepts again', () => {
    const raw = basicDomain() as { policies: unknown[] };
    raw.policies = [{ mn: 'mn1', mnId: 'mn1@example.com', prefixes: ['2001:db8:1:9::/64'] }];
    const first = validateScenario(raw);
    if (!first.ok) throw new Error('static prefixes should validate');
    const again = validateScenario(JSON.parse(JSON.stringify(writtenForm(first.scenario))));
    expect(again.ok).toBe(true);
    expect(writtenForm(first.scenario).policies).toEqual([
      {
        mn: 'mn1',
        mnId: 'mn1@example.com',
        lma: 'lma1',
        networkBasedMobility: true,
        prefixes: ['2001:db8:1:9::/64'],
        lifetime: '3600s',
      },
    ]);
    const allocating = loadedBasic();
    expect(writtenForm(allocating)).toBe(allocating);
  });

  it('merges user actions into the script by time, the script first at equal times', () => {
    const d: ScenarioDocument = {
      base: loadedBasic(),
      user: [
        { at: '30s', action: 'detach', mn: 'mn1' },
        { at: '1500ms', action: 'move', mn: 'mn1', mag: 'mag2' },
      ],
    };
    expect(effectiveScenario(d).timeline.map((a) => `${a.at} ${a.action}`)).toEqual([
      '1500ms move',
      '30s move',
      '30s detach',
    ]);
    expect(effectiveScenario({ ...d, user: [] })).toBe(d.base);
  });

  it('forks: keeps earlier user actions, drops later ones, appends the new one at the exact µs', () => {
    const d: ScenarioDocument = {
      base: loadedBasic(),
      user: [
        { at: '2s', action: 'move', mn: 'mn1', mag: 'mag2' },
        { at: '9s', action: 'move', mn: 'mn1', mag: 'mag1' },
      ],
    };
    const f = forkWithAction(d, 5_123_456, { action: 'detach', mn: 'mn1' });
    expect(f.user).toEqual([
      { at: '2s', action: 'move', mn: 'mn1', mag: 'mag2' },
      { at: '5123456us', action: 'detach', mn: 'mn1' },
    ]);
    expect(f.base).toBe(d.base);
    expect(userAction(5_123_456, { action: 'detach', mn: 'mn1' }, 'detach MN1').apply(d)).toEqual(f);
  });
});
