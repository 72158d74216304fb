import { type AgencyKind, type Role, ROLES, roleFitsAgency } from '@vigil/contracts';

/** The roles an account may hold in an agency of this kind, in the contract's order. */
export function rolesForAgencyKind(kind: AgencyKind | null | undefined): Role[] {
  return kind ? ROLES.filter((role) => roleFitsAgency(role, kind)) : [];
}
