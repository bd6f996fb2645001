/**
 * Display names of Mobility Header numbers, for the packet inspector and agent notes. Values are the IANA
 * "mobility-parameters" registries as summarised in the project digest §2 (names there take precedence
 * over Wireshark's strings, some of which are wrong: digest §0 item 4).
 */
type Names = Readonly<Record<number, string>>;

/** MH Type registry — RFC 6275 §6.1.1 and later RFCs (digest §2.2). */
export const MH_TYPE_NAMES: Names = {
  0: 'Binding Refresh Request',
  1: 'Home Test Init',
  2: 'Care-of Test Init',
  3: 'Home Test',
  4: 'Care-of Test',
  5: 'Binding Update',
  6: 'Binding Acknowledgement',
  7: 'Binding Error',
  8: 'Fast Binding Update',
  9: 'Fast Binding Acknowledgment',
  10: 'Fast Neighbor Advertisement',
  11: 'Experimental Mobility Header',
  12: 'Home Agent Switch',
  13: 'Heartbeat',
  14: 'Handover Initiate',
  15: 'Handover Acknowledge',
  16: 'Binding Revocation',
  17: 'Localized Routing Initiation',
  18: 'Localized Routing Acknowledgment',
  19: 'Update Notification',
  20: 'Update Notification Acknowledgement',
  21: 'Flow Binding',
  22: 'Subscription Query',
  23: 'Subscription Response',
};

/** Mobility option types (digest §2.6 and its list of other IANA numbers). */
export const OPTION_TYPE_NAMES: Names = {
  0: 'Pad1',
  1: 'PadN',
  2: 'Binding Refresh Advice',
  3: 'Alternate Care-of Address',
  4: 'Nonce Indices',
  5: 'Binding Authorization Data',
  6: 'Mobile Network Prefix',
  7: 'Mobility Header Link-Layer Address',
  8: 'Mobile Node Identifier',
  9: 'AUTH',
  10: 'MESG-ID',
  11: 'CGA Parameters Request',
  12: 'CGA Parameters',
  13: 'Signature',
  14: 'Permanent Home Keygen Token',
  15: 'Care-of Test Init',
  16: 'Care-of Test',
  17: 'DNS-UPDATE',
  18: 'Experimental',
  19: 'Vendor-Specific',
  20: 'Service Selection',
  21: 'Binding Authorization Data for FMIPv6',
  22: 'Home Network Prefix',
  23: 'Handoff Indicator',
  24: 'Access Technology Type',
  25: 'Mobile Node Link-layer Identifier',
  26: 'Link-local Address',
  27: 'Timestamp',
  28: 'Restart Counter',
  29: 'IPv4 Home Address',
  30: 'IPv4 Address Acknowledgement',
  31: 'NAT Detection',
  32: 'IPv4 Care-of Address',
  33: 'GRE Key',
  34: 'Mobility Header IPv6 Address/Prefix',
  35: 'Binding Identifier',
  36: 'IPv4 Home Address Request',
  37: 'IPv4 Home Address Reply',
  38: 'IPv4 Default-Router Address',
  39: 'IPv4 DHCP Support Mode',
  40: 'Context Request',
  41: 'Local Mobility Anchor Address',
  42: 'Mobile Node Link-local Address Interface Identifier',
  43: 'Transient Binding',
  44: 'Flow Summary',
  45: 'Flow Identification',
  46: 'Redirect-Capability',
  47: 'Redirect',
  48: 'Load Information',
  49: 'Alternate IPv4 Care-of Address',
  50: 'Mobile Node Group Identifier',
  51: 'MAG IPv6 Address',
  52: 'Access Network Identifier',
  53: 'IPv4 Traffic Offload Selector',
  54: 'Dynamic IP Multicast Selector',
  55: 'Delegated Mobile Network Prefix',
  56: 'Active Multicast Subscription IPv4',
  57: 'Active Multicast Subscription IPv6',
  58: 'Quality-of-Service',
  59: 'LMA User-Plane Address',
  60: 'Multicast Mobility Option',
  61: 'Multicast Acknowledgement Option',
  62: 'LMA-Controlled MAG Parameters',
  63: 'MAG Multipath-Binding',
  64: 'MAG Identifier',
};

/** Binding Acknowledgement Status (digest §2.4): < 128 accepted, ≥ 128 rejected (RFC 6275 §6.1.8). */
export const BA_STATUS_NAMES: Names = {
  0: 'Binding Update accepted',
  1: 'Accepted but prefix discovery necessary',
  2: 'GRE_KEY_OPTION_NOT_REQUIRED',
  3: 'GRE_TUNNELING_BUT_TLV_HEADER_NOT_SUPPORTED',
  4: 'MCOA NOTCOMPLETE',
  5: 'MCOA RETURNHOME WO/NDP',
  6: 'PBU_ACCEPTED_TB_IGNORED_SETTINGSMISMATCH',
  128: 'Reason unspecified',
  129: 'Administratively prohibited',
  130: 'Insufficient resources',
  131: 'Home registration not supported',
  132: 'Not home subnet',
  133: 'Not home agent for this mobile node',
  134: 'Duplicate Address Detection failed',
  135: 'Sequence number out of window',
  136: 'Expired home nonce index',
  137: 'Expired care-of nonce index',
  138: 'Expired nonces',
  139: 'Registration type change disallowed',
  140: 'Mobile Router Operation not permitted',
  141: 'Invalid Prefix',
  142: 'Not Authorized for Prefix',
  143: 'Forwarding Setup failed',
  144: 'MIPV6-ID-MISMATCH',
  145: 'MIPV6-MESG-ID-REQD',
  146: 'MIPV6-AUTH-FAIL',
  147: 'Permanent home keygen token unavailable',
  148: 'CGA and signature verification failed',
  149: 'Permanent home keygen token exists',
  150: 'Non-null home nonce index expected',
  151: 'SERVICE_AUTHORIZATION_FAILED',
  152: 'PROXY_REG_NOT_ENABLED',
  153: 'NOT_LMA_FOR_THIS_MOBILE_NODE',
  154: 'MAG_NOT_AUTHORIZED_FOR_PROXY_REG',
  155: 'NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX',
  156: 'TIMESTAMP_MISMATCH',
  157: 'TIMESTAMP_LOWER_THAN_PREV_ACCEPTED',
  158: 'MISSING_HOME_NETWORK_PREFIX_OPTION',
  159: 'BCE_PBU_PREFIX_SET_DO_NOT_MATCH',
  160: 'MISSING_MN_IDENTIFIER_OPTION',
  161: 'MISSING_HANDOFF_INDICATOR_OPTION',
  162: 'MISSING_ACCESS_TECH_TYPE_OPTION',
  163: 'GRE_KEY_OPTION_REQUIRED',
  164: 'MCOA MALFORMED',
  165: 'MCOA NON-MCOA BINDING EXISTS',
  166: 'MCOA PROHIBITED',
  167: 'MCOA UNKNOWN COA',
  168: 'MCOA BULK REGISTRATION PROHIBITED',
  169: 'MCOA SIMULTANEOUS HOME AND FOREIGN PROHIBITED',
  170: 'NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE',
  171: 'NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS',
  172: 'NOT_AUTHORIZED_FOR_IPV6_MOBILITY_SERVICE',
  173: 'MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED',
  174: 'Invalid Care-of Address',
  175: 'INVALID_MOBILE_NODE_GROUP_IDENTIFIER',
  176: 'REINIT_SA_WITH_HAC',
  177: 'NOT_AUTHORIZED_FOR_DELEGATED_MNP',
  178: 'REQUESTED_DMNP_IN_USE',
  179: 'CANNOT_MEET_QOS_SERVICE_REQUEST',
  180: 'CANNOT_SUPPORT_MULTIPATH_BINDING',
};

/** Binding Error Status — RFC 6275 §6.1.9. */
export const BINDING_ERROR_STATUS_NAMES: Names = {
  1: 'Unknown binding for Home Address destination option',
  2: 'Unrecognized MH Type value',
};

/** Handoff Indicator values — RFC 5213 §8.4, RFC 7864 (digest §2.6). */
export const HANDOFF_INDICATOR_NAMES: Names = {
  0: 'Reserved',
  1: 'Attachment over a new interface',
  2: 'Handoff between two different interfaces of the mobile node',
  3: 'Handoff between mobile access gateways for the same interface',
  4: 'Handoff state unknown',
  5: 'Handoff state not changed (re-registration)',
  6: 'Attachment over a new interface sharing prefixes',
};

/** Access Technology Type values — RFC 5213 §8.5 and IANA (digest §2.6). */
export const ACCESS_TECHNOLOGY_TYPE_NAMES: Names = {
  0: 'Reserved',
  1: 'Virtual',
  2: 'PPP',
  3: 'IEEE 802.3',
  4: 'IEEE 802.11a/b/g',
  5: 'IEEE 802.16e',
  6: '3GPP GERAN',
  7: '3GPP UTRAN',
  8: '3GPP E-UTRAN',
  9: '3GPP2 eHRPD',
  10: '3GPP2 HRPD',
  11: '3GPP2 1xRTT',
  12: '3GPP2 UMB',
  13: '3GPP NB-IOT',
};

/** Mobile Node Identifier subtypes — RFC 4283, RFC 8371 (digest §2.6). */
export const MN_ID_SUBTYPE_NAMES: Names = {
  1: 'NAI',
  2: 'IPv6 address',
  3: 'IMSI',
  4: 'P-TMSI',
  5: 'EUI-48',
  6: 'EUI-64',
  7: 'GUTI',
  8: 'DUID',
};

/** IPv4 Home Address Reply status — RFC 5844 §3.3.2. */
export const IPV4_HOA_REPLY_STATUS_NAMES: Names = {
  0: 'Success',
  128: 'Failure, reason unspecified',
  129: 'Administratively prohibited',
  130: 'Incorrect IPv4 home address',
  131: 'Invalid IPv4 address',
  132: 'Dynamic IPv4 home address assignment not available',
};

/** Binding Revocation Type (the first octet of an MH type 16 message) — RFC 5846 §5. */
export const BR_TYPE_NAMES: Names = {
  0: 'Reserved',
  1: 'Binding Revocation Indication',
  2: 'Binding Revocation Acknowledgement',
};

/** Revocation Trigger values of a BRI — RFC 5846 §5.1 and IANA (digest §2.7). */
export const REVOCATION_TRIGGER_NAMES: Names = {
  0: 'Unspecified',
  1: 'Administrative Reason',
  2: 'Inter-MAG Handover - same Access Type',
  3: 'Inter-MAG Handover - different Access Type',
  4: 'Inter-MAG Handover - Unknown',
  5: 'User-Initiated Session(s) Termination',
  6: 'Access Network Session(s) Termination',
  7: 'Possible Out-of-Sync BCE State',
  128: 'Global: Per-Peer Policy',
  129: 'Global: Revoking Mobility Node Local Policy',
  250: 'Reserved for Testing Purposes',
  251: 'Reserved for Testing Purposes',
  252: 'Reserved for Testing Purposes',
  253: 'Reserved for Testing Purposes',
  254: 'Reserved for Testing Purposes',
  255: 'Reserved for Testing Purposes',
};

/** Binding Revocation Acknowledgement status — RFC 5846 §5.2 (digest §2.7). */
export const BRA_STATUS_NAMES: Names = {
  0: 'Success',
  1: 'Partial success',
  128: 'Binding Does NOT Exist',
  129: 'IPv4 Home Address Option Required',
  130: 'Global Revocation NOT Authorized',
  131: 'Revoked Mobile Nodes Identity Required',
  132: 'Revocation Failed - MN is Attached',
  133: 'Revocation Trigger NOT Supported',
  134: 'Revocation Function NOT Supported',
  135: 'Proxy Binding Revocation NOT Supported',
};

/** Handover Initiate codes — RFC 5568 §6.2.1, RFC 5949 §6.1 (digest §2.7). */
export const HI_CODE_NAMES: Names = {
  0: 'FBU with the PCoA as source IP address',
  1: 'FBU whose source IP address is not the PCoA',
  2: 'Indicate the completion of forwarding',
  3: 'All available context transferred',
};

/** Handover Acknowledge codes — RFC 5568 §6.2.2, RFC 5949 §6.1 (digest §2.7; PMIPv6 meanings for 0, 5, 6, 128–132). */
export const HACK_CODE_NAMES: Names = {
  0: 'Handover accepted or successful',
  1: 'Handover accepted, NCoA not valid',
  2: 'Handover accepted, NCoA assigned',
  3: 'Handover accepted, use PCoA',
  4: 'Message sent unsolicited',
  5: 'Context transfer accepted or successful',
  6: 'All available context transferred',
  128: 'Handover not accepted, reason unspecified',
  129: 'Administratively prohibited',
  130: 'Insufficient resources',
  131: 'Requested context not available',
  132: 'Forwarding not available',
};

/** Localized Routing Acknowledgement status — RFC 6705 (digest §2.7, formats from Wireshark/Pcap.Net). */
export const LRA_STATUS_NAMES: Names = {
  0: 'Success',
  128: 'Localized routing not allowed',
  129: 'MN not attached',
};

/** Update Notification reasons — RFC 7077 §4.1 and IANA (digest §2.7). */
export const UPN_REASON_NAMES: Names = {
  0: 'Reserved',
  1: 'FORCE-REREGISTRATION',
  2: 'UPDATE-SESSION-PARAMETERS',
  3: 'VENDOR-SPECIFIC-REASON',
  4: 'ANI-PARAMS-REQUESTED',
  5: 'QOS_SERVICE_REQUEST',
  6: 'PGW-triggered P-CSCF restoration',
  7: 'PGW-triggered P-CSCF restoration',
  8: 'FLOW-MOBILITY',
  255: 'Reserved',
};

/** Update Notification Acknowledgement status — RFC 7077 §4.2, RFC 7222, RFC 7864 (digest §2.7). */
export const UPA_STATUS_NAMES: Names = {
  0: 'SUCCESS',
  128: 'FAILED-TO-UPDATE-SESSION-PARAMETERS',
  129: 'MISSING-VENDOR-SPECIFIC-OPTION',
  130: 'CANNOT_MEET_QOS_SERVICE_REQUEST',
  131: 'Reason unspecified',
  132: 'MN not attached',
};

/** Option-Code of the LMA Address option (41) — RFC 5949 §6.2.2. */
export const LMA_ADDRESS_CODE_NAMES: Names = { 1: 'IPv6 LMA address', 2: 'IPv4 LMA address' };

/** Mobile Node Group Identifier sub-types — RFC 6602 §4.3. */
export const MN_GROUP_ID_SUBTYPE_NAMES: Names = { 1: 'Bulk Binding Update Group' };
