import { CLEARANCE, canRead, tiersReadAt, type CaseMember, type Tier } from '@vigil/contracts';

/** Members of the implicated agency read no more than this, whatever their role (the server's cap). */
const IMPLICATED_AGENCY_CEILING: Tier = 'state';

/**
 * The tiers a member reads in this case, widest first: their role's clearance, lowered to the
 * implicated-agency cap when their agency is the one the case implicates (when that is known).
 */
export function memberTiers(member: Pick<CaseMember, 'role' | 'agency'>, implicatedAgencyId: string | null): Tier[] {
  const clearance = CLEARANCE[member.role];
  const capped =
    clearance !== null && member.agency.id === implicatedAgencyId && !canRead(IMPLICATED_AGENCY_CEILING, clearance)
      ? IMPLICATED_AGENCY_CEILING
      : clearance;
  return tiersReadAt(capped);
}
