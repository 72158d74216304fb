import type { Account, CreateAccountRequest, RoleGrant } from '@vigil/contracts';
import { call, login, type Answer } from './api';

let chief: Promise<string> | null = null;
/** The demo chief prosecutor's token, signed in once per suite. */
export const chiefToken = () => (chief ??= login('chief@demo.vigil').then((session) => session.accessToken));

/** A chief prosecutor's decision on a grant. */
export const decideGrant = async (grantId: string, decision: 'approve' | 'reject', token?: string): Promise<Answer<RoleGrant & { code?: string }>> =>
  call('POST', `/api/role-grants/${grantId}/${decision}`, { token: token ?? (await chiefToken()) });

/**
 * Creates an account as the admin and, when its role needs four eyes, approves the grant as the demo
 * chief prosecutor: the account answers as it stands after approval (or the refusal, unchanged).
 */
export async function createAccount(adminToken: string, body: CreateAccountRequest): Promise<Answer<Account>> {
  const created = await call<Account>('POST', '/api/admin/accounts', { token: adminToken, body });
  if (created.status !== 201 || !created.body.pendingGrant) return created;
  const approved = await decideGrant(created.body.pendingGrant.id, 'approve');
  if (approved.status !== 200) throw new Error(`approving ${body.email} answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  return { ...created, body: { ...created.body, role: approved.body.role, pendingGrant: null } };
}

/** Changes an account as the admin; a proposed role is approved as the demo chief prosecutor. */
export async function updateAccount(adminToken: string, id: string, body: object): Promise<Answer<Account>> {
  const changed = await call<Account>('PATCH', `/api/admin/accounts/${id}`, { token: adminToken, body });
  if (changed.status !== 200 || !changed.body.pendingGrant) return changed;
  const approved = await decideGrant(changed.body.pendingGrant.id, 'approve');
  if (approved.status !== 200) throw new Error(`approving ${id} answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  return { ...changed, body: { ...changed.body, role: approved.body.role, pendingGrant: null } };
}
