/** The MAG host runtime (host/mag-runtime.ts) and the installers (host/install.ts). */
import { describe, expect, it } from 'vitest';
import { referenceAgents } from '../../src/sim/agents';
import { build, entriesOf, pbusOf, SECOND } from './helpers';
import { vectorDoc } from '../conformance/mag-fixtures';

describe('MAG runtime', () => {
  it('models access authentication as the round trip to the AAA server (RFC 5213 §6.5; RFC 5779)', () => {
    // The AAA server sits 5 ms behind the LMA, which is 1 ms from mag1: 12 ms round trip.
    const { world } = build(
      vectorDoc((d) => {
        d.nodes.find((n: { id: string }) => n.id === 'lma1').addresses.eth2 = ['2001:db8:aaa::1/64'];
        d.nodes.push({ id: 'aaa1', kind: 'aaa', addresses: { eth0: ['2001:db8:aaa::2/64'] } });
        d.links.push({ a: 'lma1:eth2', b: 'aaa1:eth0', delay: '5ms' });
      }),
    );
    world.sim.runUntil(1 * SECOND);
    const auth = entriesOf(world, 'timer-set', 'mag1').find(
      (e) => e.timer === 'access-authentication acc-mn1-wlan0',
    );
    expect(auth && auth.deadline - auth.t).toBe(12_000);
    expect(pbusOf(world, 'mag1')[0].t).toBe(0.512 * SECOND);
  });

  it('an MN that leaves during access authentication never reaches the agent', () => {
    const { world } = build(
      vectorDoc((d) => {
        d.nodes.find((n: { id: string }) => n.id === 'lma1').addresses.eth2 = ['2001:db8:aaa::1/64'];
        d.nodes.push({ id: 'aaa1', kind: 'aaa', addresses: { eth0: ['2001:db8:aaa::2/64'] } });
        d.links.push({ a: 'lma1:eth2', b: 'aaa1:eth0', delay: '5ms' });
        d.timeline = [{ at: '0.505s', action: 'detach', mn: 'mn1', iface: 'wlan0' }];
      }),
    );
    world.sim.runUntil(2 * SECOND);
    expect(entriesOf(world, 'timer-cancelled', 'mag1').map((e) => e.timer)).toEqual([
      'access-authentication acc-mn1-wlan0',
    ]);
    expect(pbusOf(world, 'mag1')).toEqual([]);
    expect(entriesOf(world, 'decision', 'mag1')).toEqual([]);
  });

  it('rejects an agent of the wrong role chosen for a node', () => {
    expect(() => build(vectorDoc(), { perNode: { mag1: referenceAgents.lma } })).toThrow(
      'the agent chosen for mag1 is an LMA agent, but mag1 is an MAG',
    );
  });

  it('a handler that throws is recorded as an error entry and the run goes on', () => {
    const { world } = build(vectorDoc(), {
      mag: {
        ...referenceAgents.mag,
        onAttach: () => {
          throw new TypeError('no such thing');
        },
      },
    });
    world.sim.runUntil(2 * SECOND);
    const errors = entriesOf(world, 'error', 'mag1');
    expect(errors.map((e) => e.message)).toEqual(['onAttach: TypeError: no such thing']);
    expect(world.sim.now).toBe(2 * SECOND);
  });
});
