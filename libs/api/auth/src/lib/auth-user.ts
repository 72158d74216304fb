import type { Me } from '@vigil/contracts';
import { AccountEntity, agencyRef } from '@vigil/api-database';

/** The signed-in caller of a request or socket: an account and the session it signed in with. */
export interface AuthUser extends Me {
  sessionId: string;
}

/** The signed-in account (sign-in refuses an account with no role before this). */
export function toMe(account: AccountEntity & { role: Me['role'] }): Me {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    agency: agencyRef(account.agency),
  };
}
