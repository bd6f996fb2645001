import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eui64,
  formatIPv4,
  formatIPv6,
  formatMac,
  ip6,
  linkLocalFromMac,
  maskBytes,
  parseIPv4,
  parseIPv6,
  parseMac,
  parsePrefix,
  prefixContains,
  prefixMatch,
  solicitedNode,
} from '../../../src/sim/wire/addr';
import { toHex } from '../../../src/sim/wire/bytes';

const canonical = (text: string): string | null => {
  const b = parseIPv6(text);
  return b ? formatIPv6(b) : null;
};

describe('RFC 5952 text form', () => {
  it.each([
    // §4.1 leading zeros suppressed; §4.3 lower case
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:DB8::ABCD', '2001:db8::abcd'],
    // §4.2.1 "::" shortens as much as possible
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    // §4.2.2 a single 16-bit 0 field is not shortened
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // §4.2.3 the longest run wins; on a tie the first one
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // edges
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['fe80::0200:5eff:fe00:5213', 'fe80::200:5eff:fe00:5213'],
    // §5: IPv4-mapped addresses in mixed notation
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
    ['0:0:0:0:0:ffff:0102:0304', '::ffff:1.2.3.4'],
    ['::ffff:0.0.0.0', '::ffff:0.0.0.0'],
    // not IPv4-mapped: stays hexadecimal
    ['::1.2.3.4', '::102:304'],
    ['64:ff9b::1.2.3.4', '64:ff9b::102:304'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
  ])('%s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('parses ::ffff:1.2.3.4 to the IPv4-mapped octets', () => {
    expect(toHex(parseIPv6('::ffff:1.2.3.4')!)).toBe('00000000000000000000ffff01020304');
  });

  it('formats at an offset inside a larger buffer', () => {
    const b = new Uint8Array(20);
    b.set(ip6('2001:db8::7'), 4);
    expect(formatIPv6(b, 4)).toBe('2001:db8::7');
  });

  it.each([
    '',
    ':',
    ':::',
    '1',
    '1::2::3',
    '12345::',
    'g::1',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '1:2:3:4:5:6:7:8::',
    '::1.2.3',
    '::1.2.3.4.5',
    '::256.1.1.1',
    '::01.2.3.4',
    '1.2.3.4',
    '::1.2.3.4:5',
    'fe80::1%eth0',
    ' ::1',
    '1:2:3:4:5:6:7:1.2.3.4',
    'x'.repeat(46),
  ])('rejects %j', (bad) => {
    expect(parseIPv6(bad)).toBeNull();
  });

  it('agrees with a straightforward reference formatter on random addresses (seeded)', () => {
    const words = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(words, (w) => {
        const b = new Uint8Array(16);
        w.forEach((x, i) => {
          b[i * 2] = x >> 8;
          b[i * 2 + 1] = x & 0xff;
        });
        const text = formatIPv6(b);
        expect(parseIPv6(text)).toEqual(b);
        if (!text.includes('.')) expect(text).toBe(referenceFormat(w));
      }),
      { seed: 5952, numRuns: 3000 },
    );
  });
});

/** RFC 5952 §4 written the slow, obvious way. */
function referenceFormat(w: number[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i >= 2 && j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(w) : `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

describe('IPv4 and MAC text', () => {
  it('round-trips dotted decimal and rejects bad forms', () => {
    expect(formatIPv4(parseIPv4('192.0.2.255')!)).toBe('192.0.2.255');
    for (const bad of ['1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.-4', '1..3.4', 'a.b.c.d', ''])
      expect(parseIPv4(bad)).toBeNull();
  });

  it('parses MACs with colons or dashes', () => {
    expect(formatMac(parseMac('00-00-5E-00-52-13')!)).toBe('00:00:5e:00:52:13');
    expect(parseMac('00:00:5e:00:52')).toBeNull();
    expect(parseMac('00:00:5e:00:52:1g')).toBeNull();
  });

  it('derives the RFC 6543 MAG link-local address from its MAC (RFC 4291 Appendix A)', () => {
    const mac = parseMac('00:00:5e:00:52:13')!;
    expect(toHex(eui64(mac))).toBe('02005efffe005213');
    expect(linkLocalFromMac(mac)).toBe('fe80::200:5eff:fe00:5213');
  });

  it('solicited-node group of the MN home address (RFC 4291 §2.7.1)', () => {
    expect(solicitedNode('2001:db8:1:1:211:22ff:fe33:4455')).toBe('ff02::1:ff33:4455');
  });
});

describe('prefixes', () => {
  it('parses a prefix only with host bits clear', () => {
    expect(parsePrefix('2001:db8:1:1::/64')).toEqual({ prefix: '2001:db8:1:1::', length: 64 });
    expect(parsePrefix('2001:db8:1:1::1/64')).toBeNull();
    expect(parsePrefix('2001:db8::/129')).toBeNull();
    expect(parsePrefix('2001:db8::')).toBeNull();
  });

  it('matches on the first n bits, including a partial octet', () => {
    expect(prefixMatch(ip6('2001:db8:1:1::'), ip6('2001:db8:1:1:211:22ff:fe33:4455'), 64)).toBe(true);
    expect(prefixMatch(ip6('2001:db8::'), ip6('2001:db9::'), 31)).toBe(true);
    expect(prefixMatch(ip6('2001:db8::'), ip6('2001:db9::'), 32)).toBe(false);
    expect(prefixContains({ prefix: '2001:db8:1:1::', length: 64 }, '2001:db8:1:2::1')).toBe(false);
    expect(toHex(maskBytes(ip6('2001:db8:ffff:ffff::'), 36))).toBe('20010db8f00000000000000000000000');
  });
});
