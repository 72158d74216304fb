import type { AgencyKind, Role } from './access';
import type { AgencyRef } from './auth';

/** Administration of agencies and accounts (`/api/admin/...`, role `admin` only). */

export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  disabled: boolean;
  createdAt: string;
}

export interface CreateAgencyRequest {
  name: string;
  kind: AgencyKind;
}

/** An agency's kind never changes: its accounts' roles depend on it. */
export interface UpdateAgencyRequest {
  name?: string;
  disabled?: boolean;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agency: AgencyRef;
  /** The unit within the agency: officers of a case's implicated unit are kept out of it. */
  unit: string | null;
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
  unit?: string;
  onDuty?: boolean;
}

export interface UpdateAccountRequest {
  displayName?: string;
  role?: Role;
  agencyId?: string;
  password?: string;
  unit?: string | null;
  disabled?: boolean;
  onDuty?: boolean;
}

export const PASSWORD_MIN_LENGTH = 8;
