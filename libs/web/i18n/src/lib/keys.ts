import type { AgencyKind, CaseStatus, FacilityKind, Role, Tier } from '@vigil/contracts';
import type { TranslationKey } from './en';

/** Dictionary keys of the contract's enums; the types fail to compile if one is missing. */
export function roleKey(role: Role): TranslationKey {
  return `role.${role}`;
}

export function agencyKindKey(kind: AgencyKind): TranslationKey {
  return `agencyKind.${kind}`;
}

export function caseStatusKey(status: CaseStatus): TranslationKey {
  return `caseStatus.${status}`;
}

export function facilityKindKey(kind: FacilityKind): TranslationKey {
  return `facilityKind.${kind}`;
}

export function tierKey(tier: Tier): TranslationKey {
  return `tier.${tier}`;
}

/** Who reads a tier, in words (the contract's `TIER_AUDIENCE`, translated). */
export function tierAudienceKey(tier: Tier): TranslationKey {
  return `tierAudience.${tier}`;
}
