/**
 * The keys each object of the format may have. The validator reports any other key (with the nearest valid
 * one as a suggestion), and a test checks these lists against scenario.schema.json, key for key.
 */
import { CONFIG_NAMES } from './config';

export const KEYS = {
  scenario: [
    'formatVersion',
    'name',
    'description',
    'seed',
    'duration',
    'nodes',
    'links',
    'routes',
    'policies',
    'security',
    'config',
    'traffic',
    'timeline',
  ],
  node: [
    'id',
    'kind',
    'label',
    'addresses',
    'prefixPool',
    'lmaAddress',
    'proxyCoa',
    'accessPoint',
    'interfaces',
    'position',
  ],
  mnInterface: ['name', 'mac', 'att', 'attachTo'],
  accessPoint: ['att', 'attachDelay', 'linkDelay', 'bandwidth', 'loss'],
  position: ['x', 'y'],
  link: ['id', 'a', 'b', 'delay', 'bandwidth', 'loss', 'queue', 'mtu', 'down'],
  route: ['prefix', 'via', 'iface', 'metric'],
  policy: ['mn', 'mnId', 'lma', 'networkBasedMobility', 'prefixes', 'prefixCount', 'lifetime'],
  securityAssociation: ['mag', 'lma'],
  config: CONFIG_NAMES as readonly string[],
  pingTraffic: ['kind', 'id', 'from', 'to', 'start', 'stop', 'interval', 'size', 'count', 'timeout'],
  udpTraffic: ['kind', 'id', 'from', 'to', 'start', 'stop', 'rate', 'size', 'count', 'srcPort', 'dstPort'],
  timelineAction: ['at', 'action', 'mn', 'iface', 'mag', 'link', 'match', 'nth', 'effect', 'delay'],
  faultMatch: ['label', 'from', 'to'],
} as const satisfies Record<string, readonly string[]>;

export type ObjectKind = keyof typeof KEYS;
