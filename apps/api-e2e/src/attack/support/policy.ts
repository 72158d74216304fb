import { canRead, clearanceOf, type Role, type Tier } from '@vigil/contracts';

/*
 * What each role may do, as CONTRACT.md and docs/contract-additions.md say: the matrix's
 * expectations come from here, never from the server's own answers. When the permission table
 * lands in `@vigil/contracts`, `mayDo` becomes a call of its `can(role, action)`: one edit.
 */

const CASE_WORKERS: readonly Role[] = ['prosecutor', 'chief_prosecutor', 'police', 'ombudsman', 'observer'];
const PROSECUTORS: readonly Role[] = ['prosecutor', 'chief_prosecutor'];
/** Whoever can read the `oversight` tier (evidence is there by default). */
const OVERSIGHT: readonly Role[] = ['prosecutor', 'chief_prosecutor', 'ombudsman'];

export interface Rule {
  /**
   * `public`: anyone, signed in or not; `account`: any live session of these roles, whatever the
   * id; `case`: these roles, and only within a case they may know (member, or the chief).
   */
  scope: 'public' | 'account' | 'case';
  who: readonly Role[];
  /**
   * The tier below which the thing the path names does not exist for the caller: 404 before any
   * role check, as a 403 would confirm that it exists.
   */
  hiddenBelow?: Tier;
}

const anyone: Rule = { scope: 'public', who: [] };
const account = (who: readonly Role[]): Rule => ({ scope: 'account', who });
const inCase = (who: readonly Role[], hiddenBelow?: Tier): Rule => ({ scope: 'case', who, hiddenBelow });

/** Every operation of the OpenAPI document, as `METHOD /path`. One the table lacks fails the matrix. */
export const RULES: Record<string, Rule> = {
  'POST /api/auth/login': anyone,
  'POST /api/auth/refresh': anyone,
  'GET /api/health': anyone,
  'POST /api/auth/logout': account([...CASE_WORKERS, 'admin']),
  'GET /api/me': account([...CASE_WORKERS, 'admin']),

  'GET /api/admin/agencies': account(['admin']),
  'POST /api/admin/agencies': account(['admin']),
  'PATCH /api/admin/agencies/{id}': account(['admin']),
  'GET /api/admin/accounts': account(['admin']),
  'POST /api/admin/accounts': account(['admin']),
  'PATCH /api/admin/accounts/{id}': account(['admin']),
  'GET /api/agencies': account(CASE_WORKERS),
  'GET /api/directory': account(PROSECUTORS),
  'GET /api/my-work': account(CASE_WORKERS),

  'GET /api/places': account(CASE_WORKERS),
  'GET /api/places/{id}': account(CASE_WORKERS),
  'POST /api/places': account(PROSECUTORS),
  'PATCH /api/places/{id}': account(PROSECUTORS),

  'POST /api/cases': account(CASE_WORKERS),
  'GET /api/cases': account(CASE_WORKERS),
  'GET /api/cases/{id}': inCase(CASE_WORKERS),
  'GET /api/cases/{id}/intake': inCase(CASE_WORKERS, 'oversight'),
  'POST /api/cases/{id}/members': inCase(PROSECUTORS),
  'DELETE /api/cases/{id}/members/{userId}': inCase(PROSECUTORS),
  'GET /api/cases/{id}/events': inCase(CASE_WORKERS),
  'POST /api/cases/{id}/messages': inCase(CASE_WORKERS),
  'GET /api/cases/{id}/verify': inCase(['prosecutor', 'chief_prosecutor', 'ombudsman']),

  'POST /api/cases/{id}/status': inCase(PROSECUTORS),
  'GET /api/cases/{id}/visit': inCase(CASE_WORKERS),
  'POST /api/cases/{id}/visit/dispatch': inCase(PROSECUTORS),
  'POST /api/cases/{id}/visit/arrival': inCase(PROSECUTORS),
  'POST /api/cases/{id}/visit/findings': inCase(PROSECUTORS),
  'GET /api/cases/{id}/tasks': inCase(CASE_WORKERS),
  'POST /api/cases/{id}/tasks': inCase(PROSECUTORS),
  // The fixture's task is assigned to the police agency, at the default tier `state`.
  'PATCH /api/cases/{id}/tasks/{taskId}': inCase([...PROSECUTORS, 'police'], 'state'),

  // Evidence is at `oversight` unless said otherwise; one may add it only at a tier one reads.
  'POST /api/cases/{id}/evidence': inCase(OVERSIGHT),
  'GET /api/cases/{id}/evidence': inCase(CASE_WORKERS),
  'GET /api/cases/{id}/evidence/{evidenceId}': inCase(CASE_WORKERS, 'oversight'),
  'GET /api/cases/{id}/evidence/{evidenceId}/content': inCase(CASE_WORKERS, 'oversight'),
  'POST /api/cases/{id}/evidence/{evidenceId}/custody': inCase(CASE_WORKERS, 'oversight'),
  'POST /api/cases/{id}/evidence/{evidenceId}/supersede': inCase(PROSECUTORS, 'oversight'),

  'POST /api/cases/{id}/examinations': inCase(PROSECUTORS),
  'GET /api/cases/{id}/examinations': inCase(CASE_WORKERS),
  'GET /api/cases/{id}/examinations/{examinationId}': inCase(CASE_WORKERS, 'oversight'),
  'PATCH /api/cases/{id}/examinations/{examinationId}': inCase(PROSECUTORS, 'oversight'),
  'POST /api/cases/{id}/responsible': inCase(PROSECUTORS),
  'GET /api/cases/{id}/responsible': inCase(CASE_WORKERS),
  'POST /api/cases/{id}/responsible/{responsibleId}/routes': inCase(PROSECUTORS, 'oversight'),
  'PATCH /api/cases/{id}/responsible/{responsibleId}/routes/{routeId}': inCase(PROSECUTORS, 'oversight'),
  // The fixture's measure is addressed to no agency: only prosecutors complete it.
  'POST /api/cases/{id}/measures': inCase(PROSECUTORS),
  'GET /api/cases/{id}/measures': inCase(CASE_WORKERS),
  'PATCH /api/cases/{id}/measures/{measureId}': inCase(PROSECUTORS, 'state'),
  'GET /api/cases/{id}/remedies': inCase(CASE_WORKERS, 'oversight'),
  'PUT /api/cases/{id}/remedies': inCase(PROSECUTORS, 'oversight'),
};

/** The one place that says whether a role may do what a rule governs: `can(role, action)` later. */
export const mayDo = (role: Role, rule: Rule): boolean => rule.who.includes(role);

/** The ids a matrix request puts in the path's first parameter. */
export type IdKind = 'own' | 'foreign' | 'random' | 'non-uuid' | 'none';

/** What the answer must be: one of these statuses, or `allowed` (past authorization: anything but 401, 403, 404 and 5xx). */
export type Expected = 'allowed' | readonly number[];

/**
 * What `role` (or nobody signed in) gets for a request of `rule` with this kind of id: 401
 * without a session; 403 for a role that may not do it whatever the id (the administrator has no
 * case at all); 404 for an id that is no UUID; 404, the same for every id, for a case one may not know and an unknown id; within a
 * case one may know, 404 for what lies above one's clearance and 403 for what one's role may not
 * do (either, when both: neither tells whether the thing exists).
 */
export function expectedAnswer(role: Role | 'anonymous', rule: Rule, id: IdKind): Expected {
  if (role === 'anonymous') return [401];
  const clearance = clearanceOf(role);
  // Refused whatever the id, a role may hear so before the id is looked at, or after.
  const refusedAnyway = rule.scope === 'account' ? !mayDo(role, rule) : clearance === null;
  if (id === 'non-uuid') return refusedAnyway ? [403, 404] : [404];
  if (refusedAnyway) return [403];
  if (rule.scope === 'account') return id === 'random' ? [404] : 'allowed';
  // The chief supervises every case: a case of others is theirs to know.
  if (id === 'random' || (id === 'foreign' && role !== 'chief_prosecutor')) return [404];
  const hidden = rule.hiddenBelow !== undefined && !canRead(clearance, rule.hiddenBelow);
  if (mayDo(role, rule)) return hidden ? [404] : 'allowed';
  return hidden ? [403, 404] : [403];
}
