import { describe, expect, it } from 'vitest';
import { fromHex } from '../../src/sim/wire/bytes';
import { decodePacket } from '../../src/sim/wire/decode';
import { field } from '../../src/sim/wire/fields';
import { VECTORS } from '../wire/ip/fixtures';
import {
  ancestorsOf,
  deepestAt,
  defaultExpanded,
  flattenFields,
  visibleFields,
} from '../../src/ui/panels/inspector/field-index';

// The digest's golden PBU (vectors.json), embedded in the repo so the test does not depend on shared/.
const PBU = decodePacket(fromHex(VECTORS.pbu_initial));

const tree = [
  field('Outer', 0, 8, 'o', 'RFC 1'),
  field('Layer', 8, 8, 'l', 'RFC 2', undefined, [
    field('Flags', 8, 2, '0x8200', 'RFC 3', undefined, [
      field('A', 8, 2, '1', 'RFC 3'),
      field('P', 8, 2, '1', 'RFC 3'),
    ]),
    field('Options', 10, 6, '1 option', 'RFC 4', undefined, [
      field('Opt', 10, 6, 'x', 'RFC 5', undefined, [
        field('Type', 10, 1, '22', 'RFC 5'),
        field('Value', 12, 4, 'v', 'RFC 5'),
      ]),
    ]),
    field('Group', 10, 0, '', ''),
  ]),
];

describe('flattenFields', () => {
  it('numbers every node by its path, in tree order, with depth, parent and sibling position', () => {
    const flat = flattenFields(tree);
    expect(flat.map((f) => [f.id, f.depth, f.parent, f.pos, f.siblings, f.namePath])).toEqual([
      ['0', 0, null, 1, 2, 'Outer'],
      ['1', 0, null, 2, 2, 'Layer'],
      ['1.0', 1, '1', 1, 3, 'Layer/Flags'],
      ['1.0.0', 2, '1.0', 1, 2, 'Layer/Flags/A'],
      ['1.0.1', 2, '1.0', 2, 2, 'Layer/Flags/P'],
      ['1.1', 1, '1', 2, 3, 'Layer/Options'],
      ['1.1.0', 2, '1.1', 1, 1, 'Layer/Options/Opt'],
      ['1.1.0.0', 3, '1.1.0', 1, 2, 'Layer/Options/Opt/Type'],
      ['1.1.0.1', 3, '1.1.0', 2, 2, 'Layer/Options/Opt/Value'],
      ['1.2', 1, '1', 3, 3, 'Layer/Group'],
    ]);
  });
});

describe('visibleFields and defaultExpanded', () => {
  it('opens the layers and their option lists, and hides what is under a closed node', () => {
    const flat = flattenFields(tree);
    const open = defaultExpanded(flat);
    expect([...open]).toEqual(['1', '1.1']);
    expect(visibleFields(flat, open).map((f) => f.id)).toEqual(['0', '1', '1.0', '1.1', '1.1.0', '1.2']);
    expect(visibleFields(flat, new Set(['1.1.0'])).map((f) => f.id)).toEqual(['0', '1']);
  });
});

describe('deepestAt', () => {
  const flat = flattenFields(tree);
  it('finds the deepest field holding a byte', () => {
    expect(deepestAt(flat, 12)?.id).toBe('1.1.0.1');
    expect(deepestAt(flat, 10)?.id).toBe('1.1.0.0');
    expect(deepestAt(flat, 11)?.id).toBe('1.1.0');
    expect(deepestAt(flat, 3)?.id).toBe('0');
  });

  it('picks the flags field, not one of its bits, for a flags octet', () => {
    expect(deepestAt(flat, 8)?.id).toBe('1.0');
    expect(deepestAt(flat, 9)?.id).toBe('1.0');
  });

  it('returns null outside the packet', () => {
    expect(deepestAt(flat, 16)).toBeNull();
    expect(deepestAt(flat, -1)).toBeNull();
  });

  it('on the golden PBU, a byte of the home network prefix selects the prefix field of the HNP option', () => {
    const real = flattenFields(PBU.fields);
    const hnp = real.find((f) => f.node.name === 'Home Network Prefix' && f.depth === 2);
    expect(hnp?.node.start).toBe(76);
    expect(hnp?.node.length).toBe(20);
    const hit = deepestAt(real, 85);
    expect(hit?.namePath).toBe('Mobility Header/Mobility Options/Home Network Prefix/Home Network Prefix');
    expect(hit?.parent).toBe(hnp?.id);
    expect(hit?.node.start).toBe(80);
    expect(hit?.node.length).toBe(16);
    expect(deepestAt(real, 49)?.node.name).toBe('Flags');
  });
});

describe('ancestorsOf', () => {
  it('lists the path prefixes', () => {
    expect(ancestorsOf('1.5.2')).toEqual(['1', '1.5']);
    expect(ancestorsOf('3')).toEqual([]);
  });
});
