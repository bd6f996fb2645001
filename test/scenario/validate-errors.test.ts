import { describe, expect, it } from 'vitest';
import { formatErrors, loadScenario, validateScenario } from '../../src/sim/scenario';
import { errorsAfter, fixture } from './helpers';

describe('a valid scenario', () => {
  it('loads without errors', () => {
    expect(errorsAfter(() => {})).toEqual([]);
  });
});

describe('validation messages, one class at a time (exact text)', () => {
  const cases: [string, (d: any) => void, string[]][] = [
    [
      'bad IPv6 address',
      (d) => (d.nodes[3].addresses.eth0[0] = '2001:db8::zz/64'),
      ['nodes[3].addresses.eth0[0]: "2001:db8::zz" is not an IPv6 address'],
    ],
    [
      'address without length',
      (d) => (d.nodes[3].addresses.eth0[0] = '2001:db8:ff::10'),
      ['nodes[3].addresses.eth0[0]: "2001:db8:ff::10" needs a prefix length, e.g. "2001:db8:ff::10/64"'],
    ],
    [
      'prefix length out of range',
      (d) => (d.nodes[3].addresses.eth0[0] = '2001:db8:ff::10/129'),
      ['nodes[3].addresses.eth0[0]: prefix length "129" must be a number from 0 to 128'],
    ],
    [
      'unknown key with a suggestion',
      (d) => (d.nodes[3].adresses = {}),
      ['nodes[3].adresses: unknown key "adresses" in a node; did you mean "addresses"?'],
    ],
    [
      'unknown top-level key with a suggestion',
      (d) => (d.timline = []),
      ['timline: unknown key "timline" in a scenario; did you mean "timeline"?'],
    ],
    [
      'unknown key without a suggestion',
      (d) => (d.policies[0].colour = 'red'),
      [
        'policies[0].colour: unknown key "colour" in a policy; a policy has: mn, mnId, lma, networkBasedMobility, prefixes, prefixCount, lifetime',
      ],
    ],
    [
      'unknown config variable',
      (d) => (d.config.heartbeatIntreval = '30s'),
      [
        'config.heartbeatIntreval: unknown key "heartbeatIntreval" in the config; did you mean "heartbeatInterval"?',
      ],
    ],
    [
      'dangling link endpoint',
      (d) => (d.links[1].b = 'mag9:eth0'),
      [
        'links[1].b: no node "mag9"; did you mean "mag1"?',
        'nodes[1].addresses.eth0: mag1 has no link on "eth0" (it has no links yet)',
      ],
    ],
    [
      'dangling endpoint with no near id',
      (d) => (d.links[0].b = 'zzzzzz:eth0'),
      [
        'links[0].b: no node "zzzzzz" (the nodes are: lma1, mag1, mag2, cn1, mn1)',
        'nodes[3].addresses.eth0: cn1 has no link on "eth0" (it has no links yet)',
      ],
    ],
    [
      'malformed endpoint',
      (d) => (d.links[0].a = 'lma1'),
      ['links[0].a: "lma1" must name a node and its interface as "node:interface", e.g. "r1:eth0"'],
    ],
    [
      'interface used by two links',
      (d) => (d.links[2].a = 'lma1:eth1'),
      [
        'links[2].a: "lma1:eth1" is already used by links[1]; give each link its own interface',
        'nodes[0].addresses.eth2: lma1 has no link on "eth2" (its links use: eth0, eth1)',
      ],
    ],
    [
      'duplicate link id',
      (d) => (d.links[2].id = 'lma-cn'),
      ['links[2].id: duplicate link id "lma-cn" (also links[0]); give each link its own "id"'],
    ],
    [
      'overlapping prefix pools',
      (d) => {
        d.nodes.push({
          id: 'lma2',
          kind: 'lma',
          addresses: { eth9: ['2001:db8:99::1/64'] },
          prefixPool: '2001:db8:1:8000::/49',
        });
        d.links.push({ a: 'lma2:eth9', b: 'cn1:eth1' });
        d.policies[0].lma = 'lma1';
      },
      [
        'nodes[5].prefixPool: 2001:db8:1:8000::/49 overlaps the prefix pool of lma1 (2001:db8:1::/48); pools must be disjoint',
      ],
    ],
    [
      'wired address inside a pool',
      (d) => (d.nodes[3].addresses.eth0 = ['2001:db8:1:7::10/64']),
      [
        'nodes[3].addresses.eth0[0]: 2001:db8:1:7::10/64 lies in the prefix pool of lma1 (2001:db8:1::/48); home network prefixes must not be used on wired links',
      ],
    ],
    [
      'prefix with host bits',
      (d) => (d.nodes[0].prefixPool = '2001:db8:1::1/48'),
      ['nodes[0].prefixPool: "2001:db8:1::1/48" has bits set after the first 48; write "2001:db8:1::/48"'],
    ],
    [
      'pool longer than /64',
      (d) => (d.nodes[0].prefixPool = '2001:db8:1:1::/80'),
      ['nodes[0].prefixPool: a /80 is too long here; use a prefix of /64 or shorter'],
    ],
    [
      'bad duration',
      (d) => (d.duration = '1.5 sec'),
      ['duration: "1.5 sec" is not a duration; write a number and a unit, e.g. "1.5s" or "300ms"'],
    ],
    [
      'duration without unit',
      (d) => (d.duration = 60),
      ['duration: 60 has no unit; write a duration such as "60ms" or "60s"'],
    ],
    [
      'newer format version',
      (d) => (d.formatVersion = 2),
      ['formatVersion: this scenario needs a newer playground (format 2; this one reads 1)'],
    ],
    [
      'missing format version',
      (d) => delete d.formatVersion,
      ['formatVersion: is required: add "formatVersion": 1'],
    ],
    [
      'bad node kind',
      (d) => (d.nodes[0].kind = 'ruter'),
      ['nodes[0].kind: "ruter" is not a node kind; did you mean "router"?'],
    ],
    [
      'field of another kind',
      (d) => (d.nodes[3].prefixPool = '2001:db8:2::/48'),
      ['nodes[3].prefixPool: only an LMA has "prefixPool" (this node is a correspondent node (cn))'],
    ],
    ['wrong type', (d) => (d.seed = 'seven'), ['seed: must be a whole number, not text']],
    ['number out of range', (d) => (d.links[0].loss = 1.5), ['links[0].loss: must be from 0 to 1, not 1.5']],
    [
      'node not an object',
      (d) => (d.nodes[3] = 5),
      [
        'nodes[3]: a node must be an object ({ ... }), not a number',
        'links[0].b: no node "cn1"; did you mean "mn1"?',
        'traffic[0].from: no node "cn1"; did you mean "mn1"?',
      ],
    ],
    [
      'interface not on a link',
      (d) => (d.nodes[3].addresses.eth7 = ['2001:db8:77::1/64']),
      ['nodes[3].addresses.eth7: cn1 has no link on "eth7" (its links use: eth0)'],
    ],
    [
      'duplicate address',
      (d) => (d.nodes[3].addresses.eth0 = ['2001:db8:ff::1/64']),
      [
        'nodes[3].addresses.eth0[0]: 2001:db8:ff::1 is already used at nodes[0].addresses.eth0[0]; every address must be unique',
      ],
    ],
    [
      'LMA address not its own',
      (d) => (d.nodes[0].lmaAddress = '2001:db8:ff::99'),
      [
        'nodes[0].lmaAddress: 2001:db8:ff::99 is not an address of lma1; add it to its "addresses" or leave "lmaAddress" out',
      ],
    ],
    [
      'MAG without a global address',
      (d) => (d.nodes[2].addresses = {}),
      [
        'nodes[2].addresses: mag2 needs a global address for its Proxy Care-of Address (Proxy-CoA, RFC 5213 §2.2), e.g. { "eth0": ["2001:db8::1/64"] }',
      ],
    ],
    [
      'policy naming an unknown LMA',
      (d) => (d.policies[0].lma = 'lma9'),
      ['policies[0].lma: no node "lma9"; did you mean "lma1"?'],
    ],
    [
      'policy naming a node of the wrong kind',
      (d) => (d.policies[0].mn = 'cn1'),
      ['policies[0].mn: "cn1" is a correspondent node, not a mobile node'],
    ],
    [
      'allocate without a pool',
      (d) => delete d.nodes[0].prefixPool,
      [
        'policies[0].prefixes: lma1 has no prefixPool to allocate from; give it one (e.g. "2001:db8:1::/48") or list the prefixes',
      ],
    ],
    [
      'pool too small',
      (d) => {
        d.nodes[0].prefixPool = '2001:db8:1::/63';
        d.policies[0].prefixCount = 3;
      },
      [
        "policies[0].prefixes: lma1's pool 2001:db8:1::/63 has 2 /64 prefixes, and the policies so far ask for 3",
      ],
    ],
    [
      "static prefix in another LMA's pool",
      (d) => {
        d.nodes.push({
          id: 'lma2',
          kind: 'lma',
          addresses: { eth9: ['2001:db8:99::1/64'] },
          prefixPool: '2001:db8:2::/48',
        });
        d.links.push({ a: 'lma2:eth9', b: 'cn1:eth1' });
        Object.assign(d.policies[0], { lma: 'lma1', prefixes: ['2001:db8:2:5::/64'] });
      },
      [
        'policies[0].prefixes[0]: 2001:db8:2:5::/64 lies in the prefix pool of lma2 (2001:db8:2::/48), but mn1 is anchored at lma1',
      ],
    ],
    [
      'two policies for one MN',
      (d) => d.policies.push({ mn: 'mn1', mnId: 'other@example.com' }),
      ['policies[1].mn: mn1 already has a policy (policies[0]); one policy per mobile node'],
    ],
    [
      'timeline naming an unknown interface',
      (d) => (d.timeline[0].iface = 'wlan9'),
      ['timeline[0].iface: mn1 has no interface "wlan9" (it has: wlan0)'],
    ],
    [
      'timeline naming a non-MAG',
      (d) => (d.timeline[0].mag = 'cn1'),
      ['timeline[0].mag: "cn1" is a correspondent node, not a MAG'],
    ],
    [
      'timeline key of another action',
      (d) => (d.timeline[0].link = 'lma-cn'),
      ['timeline[0].link: does not apply to a move action (it takes: mn, iface, mag)'],
    ],
    [
      'delay fault without delay',
      (d) => (d.timeline[1].effect = 'delay'),
      ['timeline[1].delay: is required for a delay fault: how much later the packet arrives, e.g. "500ms"'],
    ],
    [
      'unknown link in timeline',
      (d) => d.timeline.push({ at: '1s', action: 'link-down', link: 'lma-cm' }),
      ['timeline[2].link: no link "lma-cm"; did you mean "lma-cn"?'],
    ],
    [
      'traffic to an unknown node',
      (d) => (d.traffic[0].to = 'mn2'),
      ['traffic[0].to: no node "mn2"; did you mean "mn1"?'],
    ],
    [
      'traffic to neither node nor address',
      (d) => (d.traffic[0].to = 'nowhere-at-all'),
      ['traffic[0].to: "nowhere-at-all" is neither a node id nor an IPv6 address'],
    ],
    [
      'bad traffic kind',
      (d) => (d.traffic[0].kind = 'tcp'),
      ['traffic[0].kind: "tcp" is not a traffic kind; use "ping" or "udp"'],
    ],
    [
      'access technology mismatch',
      (d) => (d.nodes[4].interfaces[0].att = '3gpp'),
      [
        'nodes[4].interfaces[0].attachTo: mn1\'s wlan0 is 3gpp-eutran (8) but mag1\'s access point is wlan (4); give them the same "att"',
        'timeline[0].mag: mn1\'s wlan0 is 3gpp-eutran (8) but mag2\'s access point is wlan (4); give them the same "att"',
      ],
    ],
    [
      'unknown access technology',
      (d) => (d.nodes[4].interfaces[0].att = 'lora'),
      [
        'nodes[4].interfaces[0].att: "lora" is not an access technology type; use a number 1-255 (RFC 5213 §8.5) or one of virtual, ppp, ethernet, wlan, wimax, 3gpp-geran, 3gpp-utran, 3gpp-eutran, 3gpp, 3gpp2-ehrpd, 3gpp2-hrpd, 3gpp2-1xrtt, 3gpp2-umb, 3gpp-nb-iot',
      ],
    ],
    [
      'multicast MAC',
      (d) => (d.nodes[4].interfaces[0].mac = '01:00:5e:00:00:01'),
      [
        'nodes[4].interfaces[0].mac: "01:00:5e:00:00:01" is a multicast MAC; an interface needs a unicast one (first byte even, e.g. "02")',
      ],
    ],
    [
      'fixed MAG link-local address that is not link-local',
      (d) => (d.config.fixedMAGLinkLocalAddress = '2001:db8::1'),
      [
        'config.fixedMAGLinkLocalAddress: 2001:db8::1 is not a link-local address (fe80::/10); e.g. "fe80::200:5eff:fe00:5213" (RFC 6543)',
      ],
    ],
    [
      'config variable of the wrong type',
      (d) => (d.config.maxUpdateRate = 'fast'),
      ['config.maxUpdateRate: must be a whole number, not text'],
    ],
    [
      'config boolean of the wrong type',
      (d) => (d.config.enableMAGLocalRouting = 'yes'),
      ['config.enableMAGLocalRouting: must be true or false, not text'],
    ],
    [
      'bad id',
      (d) => (d.nodes[3].id = 'cn 1'),
      [
        'nodes[3].id: "cn 1" is not a usable id; use letters, digits, ".", "_" and "-" (at most 64), e.g. "mag1"',
        'links[0].b: no node "cn1"; did you mean "mn1"?',
        'traffic[0].from: no node "cn1"; did you mean "mn1"?',
      ],
    ],
  ];
  for (const [name, mutate, expected] of cases) {
    it(name, () => expect(errorsAfter(mutate)).toEqual(expected));
  }

  it('reports a duplicate node id and the references it breaks', () => {
    expect(errorsAfter((d) => (d.nodes[3].id = 'mag2'))).toEqual([
      'nodes[3].id: duplicate node id "mag2" (also nodes[2])',
      'links[0].b: no node "cn1"; did you mean "mn1"?',
      'traffic[0].from: no node "cn1"; did you mean "mn1"?',
    ]);
  });

  it('does not cascade from a node dropped for a bad field', () => {
    // cn1 has a bad kind; links, traffic and addresses naming cn1 are not reported again.
    expect(errorsAfter((d) => (d.nodes[3].kind = 'cnn'))).toEqual([
      'nodes[3].kind: "cnn" is not a node kind; did you mean "cn"?',
    ]);
  });

  it('reports every problem of a document in one pass', () => {
    const lines = errorsAfter((d) => {
      d.seed = -1;
      d.nodes[1].addresses.eth0[0] = 'bad/64';
      d.links[0].delay = '5 parsecs';
    });
    expect(lines).toEqual([
      'seed: must be from 0 to 4294967295, not -1',
      'nodes[1].addresses.eth0[0]: "bad" is not an IPv6 address',
      'links[0].delay: "5 parsecs" is not a duration; write a number and a unit, e.g. "1.5s" or "300ms"',
      'nodes[1].addresses: mag1 needs a global address for its Proxy Care-of Address (Proxy-CoA, RFC 5213 §2.2), e.g. { "eth0": ["2001:db8::1/64"] }',
    ]);
  });
});

describe('non-objects and odd documents', () => {
  const cases: [unknown, string[]][] = [
    [null, ['a scenario must be an object ({ "formatVersion": 1, ... }), not null']],
    [[], ['a scenario must be an object ({ "formatVersion": 1, ... }), not a list']],
    [42, ['a scenario must be an object ({ "formatVersion": 1, ... }), not a number']],
    ['text', ['a scenario must be an object ({ "formatVersion": 1, ... }), not text']],
    [
      {},
      [
        'formatVersion: is required: add "formatVersion": 1',
        'nodes: is required: a list of nodes, e.g. [{ "id": "r1", "kind": "router" }]',
      ],
    ],
    [{ formatVersion: 1, nodes: {} }, ['nodes: must be a list ([ ... ]), not an object']],
    [{ formatVersion: 0.5, nodes: [] }, ['formatVersion: must be 1, not 0.5']],
  ];
  for (const [doc, expected] of cases) {
    it(JSON.stringify(doc), () => {
      const r = validateScenario(doc);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatErrors(r.errors)).toEqual(expected);
    });
  }

  it('accepts the smallest scenario: one node', () => {
    expect(validateScenario({ formatVersion: 1, nodes: [{ id: 'h', kind: 'host' }] }).ok).toBe(true);
  });
});

describe('formatErrors', () => {
  it('prefixes the source and keeps one line per error', () => {
    const r = validateScenario({ ...fixture(), seed: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatErrors(r.errors, 'scenario.json')).toEqual([
        'scenario.json: seed: must be a whole number, not text',
      ]);
  });

  it('writes JSON syntax errors as file:line:column', () => {
    const r = loadScenario('{\n  "formatVersion": 1,\n  "nodes": []\n  "seed": 2\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { path: '', line: 4, column: 3, message: 'JSON syntax: expected "," or "}", found "\\""' },
      ]);
      expect(formatErrors(r.errors, 'x.json')).toEqual([
        'x.json:4:3: JSON syntax: expected "," or "}", found "\\""',
      ]);
    }
  });
});

describe('suggestions', () => {
  it('count a swap of two letters as one slip', async () => {
    const { nearest, editDistance } = await import('../../src/sim/scenario/suggest');
    expect(editDistance('hots', 'host')).toBe(1);
    expect(editDistance('Seed', 'seed')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('adresses', ['addresses', 'label'])).toBe('addresses');
    expect(nearest('zz', ['addresses', 'label'])).toBeNull();
    expect(nearest('x'.repeat(100), ['x'.repeat(100)])).toBeNull();
  });
});
