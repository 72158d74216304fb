import type { AgencyKind, Role } from '@vigil/contracts';
import type { TranslationKey } from './en';

/** Dictionary keys of the contract's enums; the types fail to compile if one is missing. */
export function roleKey(role: Role): TranslationKey {
  return `role.${role}`;
}

export function agencyKindKey(kind: AgencyKind): TranslationKey {
  return `agencyKind.${kind}`;
}
