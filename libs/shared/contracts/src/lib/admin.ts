import { ROLES, type AgencyKind, type Role } from './access';
import { rolesThatCan } from './permissions';
import type { AgencyRef, LocalizedNames } from './auth';
import type { CaseMember } from './cases';

/** Administration of agencies and accounts (`/api/admin/...`, role `admin` only). */

export interface Agency {
  id: string;
  /** `names.en`. */
  name: string;
  /** The name in each UI language; always sent by the server. */
  names?: LocalizedNames;
  kind: AgencyKind;
  disabled: boolean;
  createdAt: string;
}

/** `names` in all three languages; `name` alone (older clients) is taken for all three. One of them is required. */
export interface CreateAgencyRequest {
  name?: string;
  names?: LocalizedNames;
  kind: AgencyKind;
}

/** An agency's kind never changes: its accounts' roles depend on it. */
export interface UpdateAgencyRequest {
  name?: string;
  names?: LocalizedNames;
  disabled?: boolean;
}

/** A unit of an agency, as accounts and cases name it. */
export interface UnitRef {
  id: string;
  /** `names.en`. */
  name: string;
  /** The name in each UI language; always sent by the server. */
  names?: LocalizedNames;
}

export interface Unit extends UnitRef {
  agencyId: string;
  createdAt: string;
}

/**
 * Names are trimmed and their spaces collapsed; two English names that differ only in case are one
 * unit. `names` in all three languages, or `name` alone (taken for all three).
 */
export interface CreateUnitRequest {
  name?: string;
  names?: LocalizedNames;
}

export type UpdateUnitRequest = CreateUnitRequest;

/** Roles whose grant needs a chief prosecutor's approval: every role with case access. */
export const ROLES_NEEDING_APPROVAL: readonly Role[] = rolesThatCan('case.read', ROLES);

export const ROLE_GRANT_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type RoleGrantStatus = (typeof ROLE_GRANT_STATUSES)[number];

/** Who proposed a grant: an admin, the demo seed, or the `--grant-chief` command. */
export const ROLE_GRANT_SOURCES = ['admin', 'seed', 'cli'] as const;
export type RoleGrantSource = (typeof ROLE_GRANT_SOURCES)[number];

/** A role with case access proposed for an account; it takes effect when a chief prosecutor approves it. */
export interface RoleGrant {
  id: string;
  account: { id: string; email: string; displayName: string; agency: AgencyRef };
  role: Role;
  /** The role in effect when it was proposed (null: none yet). */
  previousRole: Role | null;
  status: RoleGrantStatus;
  source: RoleGrantSource;
  proposedBy: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  /** The role in effect: null until a chief prosecutor approves the account's first role. */
  role: Role | null;
  /** A proposed role awaiting a chief prosecutor's approval. */
  pendingGrant: RoleGrant | null;
  agency: AgencyRef;
  /** The unit of the agency: officers of a case's implicated unit are kept out of it. */
  unit: UnitRef | null;
  disabled: boolean;
  /** Prosecutors on duty become members of every new case. */
  onDuty: boolean;
  createdAt: string;
}

export interface CreateAccountRequest {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: string;
  /** A unit of the account's agency. */
  unitId?: string;
  onDuty?: boolean;
}

export interface UpdateAccountRequest {
  displayName?: string;
  role?: Role;
  agencyId?: string;
  password?: string;
  /** null leaves the account in no unit; a new agency without a unit also leaves it in none. */
  unitId?: string | null;
  disabled?: boolean;
  onDuty?: boolean;
}

export const PASSWORD_MIN_LENGTH = 8;

/** An entry of the security log (`GET /api/security-log`): never a password or a token. */
/** What the security log records: every change of who may do what, and every refused sign-in. */
export const SECURITY_EVENT_TYPES = [
  'agency.created',
  'agency.changed',
  'agency.disabled',
  'agency.enabled',
  'unit.created',
  'unit.renamed',
  'account.created',
  'account.changed',
  'account.disabled',
  'account.enabled',
  'role.proposed',
  'role.superseded',
  'role.approved',
  'role.rejected',
  'role.granted',
  'signin.failed',
  'signin.locked_out',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityLogEntry {
  seq: number;
  at: string;
  type: SecurityEventType;
  actorId: string | null;
  accountId: string | null;
  data: Record<string, unknown>;
  hash: string;
}

export const SECURITY_LOG_PAGE_DEFAULT = 50;
export const SECURITY_LOG_PAGE_MAX = 200;

/** An entry of the directory (`GET /api/directory`): a case worker and their unit. */
export interface DirectoryEntry extends CaseMember {
  unit: UnitRef | null;
}
