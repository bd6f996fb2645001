/**
 * Packet-inspector field tree for an ICMPv6 message (RFC 4443) and the Neighbor Discovery messages and
 * options of RFC 4861.
 */
import type { FieldNode } from './fields';
import { field } from './fields';
import type { Icmpv6Message, ParsedIcmpv6 } from './icmpv6';
import { icmpv6TypeNumber } from './icmpv6';
import { hex } from './inspect-ipv6';
import type { NdOption } from './nd-options';
import { INFINITE_LIFETIME, ndOptionSize } from './nd-options';
import type { NdMessage } from './ndisc';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'echo-request': 'Echo Request',
  'echo-reply': 'Echo Reply',
  'destination-unreachable': 'Destination Unreachable',
  'packet-too-big': 'Packet Too Big',
  'time-exceeded': 'Time Exceeded',
  'parameter-problem': 'Parameter Problem',
  'router-solicitation': 'Router Solicitation',
  'router-advertisement': 'Router Advertisement',
  'neighbor-solicitation': 'Neighbor Solicitation',
  'neighbor-advertisement': 'Neighbor Advertisement',
};

const RFC: Readonly<Record<string, string>> = {
  'echo-request': 'RFC 4443 §4.1',
  'echo-reply': 'RFC 4443 §4.2',
  'destination-unreachable': 'RFC 4443 §3.1',
  'packet-too-big': 'RFC 4443 §3.2',
  'time-exceeded': 'RFC 4443 §3.3',
  'parameter-problem': 'RFC 4443 §3.4',
  'router-solicitation': 'RFC 4861 §4.1',
  'router-advertisement': 'RFC 4861 §4.2',
  'neighbor-solicitation': 'RFC 4861 §4.3',
  'neighbor-advertisement': 'RFC 4861 §4.4',
  unknown: 'RFC 4443 §2.1',
};

const CODE_NAMES: Readonly<Record<string, readonly string[]>> = {
  'destination-unreachable': [
    'no route to destination',
    'administratively prohibited',
    'beyond scope of source address',
    'address unreachable',
    'port unreachable',
    'source address failed ingress/egress policy',
    'reject route to destination',
  ],
  'time-exceeded': ['hop limit exceeded in transit', 'fragment reassembly time exceeded'],
  'parameter-problem': [
    'erroneous header field',
    'unrecognized Next Header type',
    'unrecognized IPv6 option',
  ],
};

export const icmpv6TypeName = (m: Icmpv6Message): string =>
  TYPE_NAMES[m.type] ?? `Type ${icmpv6TypeNumber(m)}`;

/** One line for the layer list: "Echo Request id=0x1234 seq=1". */
export function icmpv6Summary(m: Icmpv6Message): string {
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      return `${icmpv6TypeName(m)} id=${hex(m.identifier, 4)} seq=${m.sequence}`;
    case 'neighbor-solicitation':
    case 'neighbor-advertisement':
      return `${icmpv6TypeName(m)} target ${m.target}`;
    case 'packet-too-big':
      return `Packet Too Big MTU=${m.mtu}`;
    case 'destination-unreachable':
    case 'time-exceeded':
    case 'parameter-problem':
      return `${icmpv6TypeName(m)}: ${CODE_NAMES[m.type][m.code] ?? `code ${m.code}`}`;
    default:
      return icmpv6TypeName(m);
  }
}

/** The message at `off` (`expected` is the checksum it should carry). */
export function icmpv6Node(off: number, length: number, m: ParsedIcmpv6, expected: number): FieldNode {
  const rfc = RFC[m.type];
  const code = 'code' in m ? m.code : 0;
  const codeName = CODE_NAMES[m.type]?.[code];
  const checksum = m.checksumValid
    ? `${hex(m.checksum, 4)} [correct]`
    : `${hex(m.checksum, 4)} [incorrect, should be ${hex(expected, 4)}]`;
  const children: FieldNode[] = [
    field('Type', off, 1, `${icmpv6TypeNumber(m)} (${icmpv6TypeName(m)})`, rfc),
    field('Code', off + 1, 1, codeName ? `${code} (${codeName})` : `${code}`, rfc),
    field(
      'Checksum',
      off + 2,
      2,
      checksum,
      'RFC 4443 §2.3',
      'covers the IPv6 pseudo-header (RFC 8200 §8.1) and the whole message',
    ),
    ...bodyFields(off, length, m, rfc),
  ];
  return field(
    'ICMPv6',
    off,
    length,
    icmpv6Summary(m),
    rfc,
    'Internet Control Message Protocol for IPv6',
    children,
  );
}

function bodyFields(off: number, length: number, m: Icmpv6Message, rfc: string): FieldNode[] {
  switch (m.type) {
    case 'echo-request':
    case 'echo-reply':
      return [
        field('Identifier', off + 4, 2, hex(m.identifier, 4), rfc),
        field('Sequence Number', off + 6, 2, `${m.sequence}`, rfc),
        field('Data', off + 8, m.data.length, `${m.data.length} octets`, rfc),
      ];
    case 'destination-unreachable':
    case 'time-exceeded':
      return [field('Unused', off + 4, 4, '0', rfc), invokingField(off + 8, m.invoking, rfc)];
    case 'packet-too-big':
      return [
        field('MTU', off + 4, 4, `${m.mtu}`, rfc, 'MTU of the next-hop link'),
        invokingField(off + 8, m.invoking, rfc),
      ];
    case 'parameter-problem':
      return [
        field(
          'Pointer',
          off + 4,
          4,
          `${m.pointer}`,
          rfc,
          'octet offset in the invoking packet where the problem was found',
        ),
        invokingField(off + 8, m.invoking, rfc),
      ];
    case 'unknown':
      return [field('Message Body', off + 4, length - 4, `${m.body.length} octets`, rfc)];
    default:
      return ndFields(off + 4, m, rfc);
  }
}

function invokingField(off: number, invoking: Uint8Array, rfc: string): FieldNode {
  const v6 = invoking.length >= 40 && invoking[0] >> 4 === 6;
  return field(
    'Invoking packet',
    off,
    invoking.length,
    `${invoking.length} octets${v6 ? ' (IPv6)' : ''}`,
    rfc,
    'as much of the offending packet as fits in 1280 octets',
  );
}

const flag = (name: string, off: number, on: boolean, rfc: string): FieldNode =>
  field(name, off, 1, on ? '1' : '0', rfc);

function ndFields(off: number, m: NdMessage, rfc: string): FieldNode[] {
  const out: FieldNode[] = [];
  let optOff = off + 4;
  switch (m.type) {
    case 'router-solicitation':
      out.push(field('Reserved', off, 4, '0', rfc));
      break;
    case 'router-advertisement':
      out.push(
        field('Cur Hop Limit', off, 1, `${m.curHopLimit}`, rfc),
        field('Flags', off + 1, 1, raFlags(m), rfc, undefined, [
          flag('M (Managed)', off + 1, m.managed, rfc),
          flag('O (Other configuration)', off + 1, m.other, rfc),
          flag('H (Home Agent)', off + 1, m.homeAgent, 'RFC 6275 §7.1'),
          field('Prf (Default Router Preference)', off + 1, 1, m.preference, 'RFC 4191 §2.2'),
          flag('P (Proxy)', off + 1, m.proxy, 'RFC 4389 §4.1.3.3'),
        ]),
        field('Router Lifetime', off + 2, 2, `${m.routerLifetime} s`, rfc, '0: not a default router'),
        field('Reachable Time', off + 4, 4, `${m.reachableTime} ms`, rfc),
        field('Retrans Timer', off + 8, 4, `${m.retransTimer} ms`, rfc),
      );
      optOff = off + 12;
      break;
    case 'neighbor-solicitation':
      out.push(field('Reserved', off, 4, '0', rfc), field('Target Address', off + 4, 16, m.target, rfc));
      optOff = off + 20;
      break;
    case 'neighbor-advertisement':
      out.push(
        field(
          'Flags',
          off,
          4,
          [m.router && 'R', m.solicited && 'S', m.override && 'O'].filter(Boolean).join(', ') || 'none',
          rfc,
          undefined,
          [
            flag('R (Router)', off, m.router, rfc),
            flag('S (Solicited)', off, m.solicited, rfc),
            flag('O (Override)', off, m.override, rfc),
          ],
        ),
        field('Target Address', off + 4, 16, m.target, rfc),
      );
      optOff = off + 20;
      break;
  }
  for (const o of m.options) {
    out.push(ndOptionNode(optOff, o));
    optOff += ndOptionSize(o);
  }
  return out;
}

function raFlags(m: {
  managed: boolean;
  other: boolean;
  homeAgent: boolean;
  preference: string;
  proxy: boolean;
}): string {
  const set = [m.managed && 'M', m.other && 'O', m.homeAgent && 'H', m.proxy && 'P']
    .filter(Boolean)
    .join(', ');
  return `${set || 'none'}; preference ${m.preference}`;
}

const lifetime = (s: number): string => (s === INFINITE_LIFETIME ? 'infinity' : `${s} s`);

function ndOptionNode(off: number, o: NdOption): FieldNode {
  const size = ndOptionSize(o);
  const head = (type: number, rfc: string): FieldNode[] => [
    field('Type', off, 1, `${type}`, rfc),
    field('Length', off + 1, 1, `${size / 8} (${size} octets)`, rfc),
  ];
  switch (o.kind) {
    case 'source-lla':
    case 'target-lla': {
      const rfc = 'RFC 4861 §4.6.1';
      const name = o.kind === 'source-lla' ? 'Source Link-layer Address' : 'Target Link-layer Address';
      return field(name, off, size, o.address, rfc, undefined, [
        ...head(o.kind === 'source-lla' ? 1 : 2, rfc),
        field('Link-Layer Address', off + 2, 6, o.address, rfc),
      ]);
    }
    case 'prefix-info': {
      const rfc = 'RFC 4861 §4.6.2';
      return field('Prefix Information', off, size, `${o.prefix}/${o.prefixLength}`, rfc, undefined, [
        ...head(3, rfc),
        field('Prefix Length', off + 2, 1, `${o.prefixLength}`, rfc),
        field(
          'Flags',
          off + 3,
          1,
          [o.onLink && 'L', o.autonomous && 'A', o.routerAddress && 'R'].filter(Boolean).join(', ') || 'none',
          rfc,
          undefined,
          [
            flag('L (On-link)', off + 3, o.onLink, rfc),
            flag('A (Autonomous address configuration)', off + 3, o.autonomous, rfc),
            flag('R (Router Address)', off + 3, o.routerAddress, 'RFC 6275 §7.2'),
          ],
        ),
        field('Valid Lifetime', off + 4, 4, lifetime(o.validLifetime), rfc),
        field('Preferred Lifetime', off + 8, 4, lifetime(o.preferredLifetime), rfc),
        field('Reserved2', off + 12, 4, '0', rfc),
        field('Prefix', off + 16, 16, o.prefix, rfc),
      ]);
    }
    case 'mtu': {
      const rfc = 'RFC 4861 §4.6.4';
      return field('MTU', off, size, `${o.mtu}`, rfc, undefined, [
        ...head(5, rfc),
        field('Reserved', off + 2, 2, '0', rfc),
        field('MTU', off + 4, 4, `${o.mtu}`, rfc),
      ]);
    }
    case 'unknown':
      return field(
        `Option ${o.type}`,
        off,
        size,
        `${size} octets`,
        'RFC 4861 §4.6',
        'not decoded; receivers skip unknown options',
        head(o.type, 'RFC 4861 §4.6'),
      );
  }
}
