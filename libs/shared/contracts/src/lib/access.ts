/** Roles, agency kinds, confidentiality tiers and the one policy that relates them. */
import { SYSTEM_ROLE, type Principal } from './permissions';

export const ROLES = ['prosecutor', 'chief_prosecutor', 'police', 'ombudsman', 'observer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = ['prosecutor', 'police', 'ombudsman', 'civil_society'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Audiences, widest first: each tier is read by a subset of the readers of the one before. */
export const TIERS = ['room', 'state', 'oversight', 'prosecution'] as const;
export type Tier = (typeof TIERS)[number];

/** The narrowest tier each role reads; `null` reads no case content at all. */
export const CLEARANCE: Readonly<Record<Role, Tier | null>> = {
  observer: 'room',
  police: 'state',
  ombudsman: 'oversight',
  prosecutor: 'prosecution',
  chief_prosecutor: 'prosecution',
  admin: null,
};

/** Which roles an account may hold in an agency of each kind (an admin may sit in any). */
export const ROLES_BY_AGENCY_KIND: Readonly<Record<AgencyKind, readonly Role[]>> = {
  prosecutor: ['prosecutor', 'chief_prosecutor', 'admin'],
  police: ['police', 'admin'],
  ombudsman: ['ombudsman', 'admin'],
  civil_society: ['observer', 'admin'],
};

/** The narrowest tier a principal reads: Vigil itself records what its clocks find in any case. */
export function clearanceOf(role: Principal): Tier | null {
  return role === SYSTEM_ROLE ? 'prosecution' : CLEARANCE[role];
}

/** Whether a viewer of `clearance` may read content of `tier`. */
export function canRead(clearance: Tier | null, tier: Tier): boolean {
  return clearance !== null && TIERS.indexOf(tier) <= TIERS.indexOf(clearance);
}

/** The tiers a clearance reads (and so posts at), widest first; none without a clearance. */
export function tiersReadAt(clearance: Tier | null): Tier[] {
  return TIERS.filter((tier) => canRead(clearance, tier));
}

/** The tiers a role may read (and so post at), widest first. */
export function readableTiers(role: Role): Tier[] {
  return tiersReadAt(clearanceOf(role));
}

export function roleFitsAgency(role: Role, kind: AgencyKind): boolean {
  return ROLES_BY_AGENCY_KIND[kind].includes(role);
}

/** The victim's identity is `oversight` data. */
export const VICTIM_IDENTITY_TIER: Tier = 'oversight';

/** Who reads each tier, in words, for the composer's tier selector. */
export const TIER_AUDIENCE: Readonly<Record<Tier, string>> = {
  room: 'Everyone in the case, civil-society observers included',
  state: 'Prosecutors, police and the ombudsman; not observers',
  oversight: 'Prosecutors and the ombudsman; not police, not observers',
  prosecution: 'Prosecutors only',
};
