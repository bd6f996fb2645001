/**
 * Protocol configuration: every RFC 5213 §9 variable, the RFC 6275 §12/§13 constants, and the extension
 * constants, with the RFC defaults (digest §4.7). Names are camelCase; durations are written as text.
 * Variables marked "MIPv6 only" are carried for completeness (RFC 6275 defines them; PMIPv6 agents do not
 * use them) so that a scenario can state a whole RFC 6275 configuration without an unknown-key error.
 */

export type ConfigKind = 'duration' | 'integer' | 'boolean' | 'ipv6' | 'mac';

export interface ConfigVariable {
  readonly kind: ConfigKind;
  readonly default: string | number | boolean;
  /** Where it is defined. */
  readonly rfc: string;
  /** Who reads it. */
  readonly scope: 'LMA' | 'MAG' | 'LMA, MAG' | 'domain' | 'MIPv6 only';
  readonly meaning: string;
}

const v = (
  kind: ConfigKind,
  def: string | number | boolean,
  rfc: string,
  scope: ConfigVariable['scope'],
  meaning: string,
): ConfigVariable => ({ kind, default: def, rfc, scope, meaning });

export const CONFIG_VARIABLES = {
  // RFC 5213 §9.1: LMA variables.
  minDelayBeforeBCEDelete: v(
    'duration',
    '10000ms',
    'RFC 5213 §9.1',
    'LMA',
    'How long the LMA keeps a de-registered binding before deleting it, so that a handoff can reuse it.',
  ),
  maxDelayBeforeNewBCEAssign: v(
    'duration',
    '1500ms',
    'RFC 5213 §9.1',
    'LMA',
    'How long the LMA waits, after a PBU it cannot match to a session, before it creates a new one.',
  ),
  timestampValidityWindow: v(
    'duration',
    '300ms',
    'RFC 5213 §9.1',
    'LMA',
    'Largest difference between a PBU timestamp and the LMA clock that is still accepted (RFC 5213 §5.5).',
  ),
  // RFC 5213 §9.2: MAG variables.
  enableMAGLocalRouting: v(
    'boolean',
    false,
    'RFC 5213 §9.2',
    'MAG',
    'Whether a MAG may route traffic between two of its MNs locally instead of through the LMA.',
  ),
  // RFC 5213 §9.3: domain-wide variables.
  timestampBasedApproachInUse: v(
    'boolean',
    true,
    'RFC 5213 §9.3',
    'domain',
    'PBU ordering by timestamps (true) or by sequence numbers (false) (RFC 5213 §5.5).',
  ),
  mobileNodeGeneratedTimestampInUse: v(
    'boolean',
    false,
    'RFC 5213 §9.3',
    'domain',
    'Whether timestamps come from the mobile node rather than the MAG clock (RFC 5213 §5.5).',
  ),
  fixedMAGLinkLocalAddress: v(
    'ipv6',
    'fe80::200:5eff:fe00:5213',
    'RFC 5213 §9.3, RFC 6543',
    'domain',
    'Link-local address every MAG uses on every access link (the RFC 6543 reserved value).',
  ),
  fixedMAGLinkLayerAddress: v(
    'mac',
    '00:00:5e:00:52:13',
    'RFC 5213 §9.3, RFC 6543',
    'domain',
    'Link-layer address every MAG uses on every access link (the RFC 6543 reserved value).',
  ),
  // RFC 6275 §12/§13 constants used by PMIPv6 (RFC 5213 §6.9.4).
  initialBindackTimeout: v(
    'duration',
    '1s',
    'RFC 6275 §12',
    'MAG',
    'INITIAL_BINDACK_TIMEOUT: first PBU retransmission timeout; doubles per retransmission.',
  ),
  initialBindackTimeoutFirstReg: v(
    'duration',
    '1.5s',
    'RFC 6275 §13',
    'MAG',
    'InitialBindackTimeoutFirstReg: first retransmission timeout of an initial registration (optional for a MAG).',
  ),
  maxBindackTimeout: v(
    'duration',
    '32s',
    'RFC 6275 §12',
    'MAG',
    'MAX_BINDACK_TIMEOUT: the retransmission back-off stops growing here.',
  ),
  maxUpdateRate: v(
    'integer',
    3,
    'RFC 6275 §12, §11.8',
    'MAG',
    'MAX_UPDATE_RATE: at most this many mobility messages of one type to one peer per second.',
  ),
  // Binding lifetimes (RFC 5213 §6.9.1.1, §6.9.1.3): playground choices, not RFC constants.
  defaultLifetime: v(
    'duration',
    '3600s',
    'RFC 5213 §6.9.1.1',
    'LMA, MAG',
    'Binding lifetime a MAG asks for when the policy gives none (playground default; at most 262140s on the wire).',
  ),
  pbuRefreshMargin: v(
    'duration',
    '10s',
    'RFC 5213 §6.9.1.3',
    'MAG',
    'A MAG refreshes a binding this long before it expires (playground choice; the RFC leaves the timing open).',
  ),
  // RFC 6275 §12/§13 constants that only Mobile IPv6 uses.
  maxDeleteBceTimeout: v('duration', '10s', 'RFC 6275 §12', 'MIPv6 only', 'MAX_DELETE_BCE_TIMEOUT.'),
  dhaadRetries: v('integer', 4, 'RFC 6275 §12', 'MIPv6 only', 'DHAAD_RETRIES.'),
  initialDhaadTimeout: v('duration', '3s', 'RFC 6275 §12', 'MIPv6 only', 'INITIAL_DHAAD_TIMEOUT.'),
  initialSolicitTimer: v('duration', '3s', 'RFC 6275 §12', 'MIPv6 only', 'INITIAL_SOLICIT_TIMER.'),
  maxNonceLifetime: v('duration', '240s', 'RFC 6275 §12', 'MIPv6 only', 'MAX_NONCE_LIFETIME.'),
  maxTokenLifetime: v('duration', '210s', 'RFC 6275 §12', 'MIPv6 only', 'MAX_TOKEN_LIFETIME.'),
  maxRoFailure: v('integer', 3, 'RFC 6275 §12', 'MIPv6 only', 'MAX_RO_FAILURE.'),
  maxRrBindingLifetime: v('duration', '420s', 'RFC 6275 §12', 'MIPv6 only', 'MAX_RR_BINDING_LIFETIME.'),
  prefixAdvRetries: v('integer', 3, 'RFC 6275 §12', 'MIPv6 only', 'PREFIX_ADV_RETRIES.'),
  prefixAdvTimeout: v('duration', '3s', 'RFC 6275 §12', 'MIPv6 only', 'PREFIX_ADV_TIMEOUT.'),
  maxMobPfxAdvInterval: v('duration', '86400s', 'RFC 6275 §13', 'MIPv6 only', 'MaxMobPfxAdvInterval.'),
  minMobPfxAdvInterval: v('duration', '600s', 'RFC 6275 §13', 'MIPv6 only', 'MinMobPfxAdvInterval.'),
  minDelayBetweenRAs: v(
    'duration',
    '3s',
    'RFC 6275 §13',
    'MIPv6 only',
    'MinDelayBetweenRAs (may go down to 0.03s).',
  ),
  // RFC 5844: IPv4 support.
  acceptForcedIPv4UDPEncapsulationRequest: v(
    'boolean',
    false,
    'RFC 5844 §5.1',
    'LMA',
    'Whether the LMA accepts a PBU with the F flag (force IPv4 UDP encapsulation).',
  ),
  forceIPv4UDPEncapsulationSupport: v(
    'boolean',
    false,
    'RFC 5844 §5.2',
    'MAG',
    'Whether the MAG asks for IPv4 UDP encapsulation (F flag).',
  ),
  // RFC 5847: heartbeat.
  heartbeatInterval: v(
    'duration',
    '60s',
    'RFC 5847 §5',
    'LMA, MAG',
    'HEARTBEAT_INTERVAL: time between Heartbeat Requests to a peer with bindings (30s to 3600s).',
  ),
  missingHeartbeatsAllowed: v(
    'integer',
    3,
    'RFC 5847 §5',
    'LMA, MAG',
    'MISSING_HEARTBEATS_ALLOWED: unanswered requests tolerated before the peer is declared unreachable.',
  ),
  // RFC 5846: binding revocation.
  briMaxRetriesNumber: v(
    'integer',
    1,
    'RFC 5846 §11',
    'LMA, MAG',
    'BRIMaxRetriesNumber: BRI retransmissions.',
  ),
  initMinDelayBRIs: v(
    'duration',
    '1s',
    'RFC 5846 §11',
    'LMA, MAG',
    'InitMINDelayBRIs: first BRI retransmission timeout (not below 0.5s).',
  ),
  maxBrackTimeout: v(
    'duration',
    '2s',
    'RFC 5846 §11',
    'LMA, MAG',
    'MAX_BRACK_TIMEOUT: BRI back-off ceiling.',
  ),
  // RFC 6602: bulk binding update.
  acceptBulkBindingUpdateReqForMobilitySession: v(
    'boolean',
    true,
    'RFC 6602 §6.1',
    'LMA',
    'Whether the LMA agrees to bulk binding updates for a session.',
  ),
  requestBulkBindingUpdateSupportForMobilitySession: v(
    'boolean',
    true,
    'RFC 6602 §6.2',
    'MAG',
    'Whether the MAG asks for bulk binding update support.',
  ),
  // RFC 7077: update notifications.
  maxUpdateNotificationRetransmitCount: v(
    'integer',
    1,
    'RFC 7077 §7',
    'LMA',
    'MAX_UPDATE_NOTIFICATION_RETRANSMIT_COUNT (suggested 0 to 5).',
  ),
  minDelayBetweenUpdateNotificationReplay: v(
    'duration',
    '1000ms',
    'RFC 7077 §7',
    'LMA',
    'MIN_DELAY_BETWEEN_UPDATE_NOTIFICATION_REPLAY (suggested 500ms to 5000ms).',
  ),
} as const satisfies Record<string, ConfigVariable>;

export type ConfigName = keyof typeof CONFIG_VARIABLES;
export const CONFIG_NAMES = Object.keys(CONFIG_VARIABLES) as ConfigName[];

type ValueOf<K extends ConfigKind> = K extends 'boolean' ? boolean : K extends 'integer' ? number : string;

/** The protocol configuration of a loaded scenario: every variable present, durations as text. */
export type ProtocolConfig = { readonly [K in ConfigName]: ValueOf<(typeof CONFIG_VARIABLES)[K]['kind']> };

export function defaultConfig(): ProtocolConfig {
  const out: Record<string, string | number | boolean> = {};
  for (const name of CONFIG_NAMES) out[name] = CONFIG_VARIABLES[name].default;
  return out as ProtocolConfig;
}
