import { can, canRead, clearanceOf, ROLES, type Action, type Role, type Tier } from '@vigil/contracts';

/*
 * What each role may do is the permission table of `@vigil/contracts` (`can(role, action)`): the
 * matrix checks that the server answers as the table says, on every operation. This file only
 * names each operation's action, and where a record's tier hides it.
 */

export interface Rule {
  /**
   * `public`: anyone, signed in or not; `account`: any live session whose role may do `action`,
   * whatever the id; `case`: the same, and only within a case they may know (member, or the chief).
   */
  scope: 'public' | 'account' | 'case';
  /** The action of the permission table; none: any signed-in role. */
  action?: Action;
  /** Roles that may do it besides, by a right the fixture's record gives them (the assignee agency). */
  also?: readonly Role[];
  /**
   * The tier below which the thing the path names does not exist for the caller: 404 before any
   * role check, as a 403 would confirm that it exists.
   */
  hiddenBelow?: Tier;
  /** What the fixture's request writes at: below it, the writer is refused (403). */
  writesAt?: Tier;
  /** Only these roles, whatever the table says: the fixture's meeting is chaired by its prosecutor. */
  only?: readonly Role[];
}

const anyone: Rule = { scope: 'public' };
const account = (action?: Action): Rule => ({ scope: 'account', action });
const inCase = (action: Action, hiddenBelow?: Tier, more: Partial<Rule> = {}): Rule => ({ scope: 'case', action, hiddenBelow, ...more });

const CHAIR: Partial<Rule> = { only: ['prosecutor'] };

/** Every operation of the OpenAPI document, as `METHOD /path`. One the table lacks fails the matrix. */
export const RULES: Record<string, Rule> = {
  'POST /api/auth/login': anyone,
  'POST /api/auth/refresh': anyone,
  'GET /api/health': anyone,
  'POST /api/auth/logout': account(),
  'GET /api/me': account(),

  'GET /api/admin/agencies': account('admin.manage'),
  'POST /api/admin/agencies': account('admin.manage'),
  'PATCH /api/admin/agencies/{id}': account('admin.manage'),
  'GET /api/admin/agencies/{id}/units': account('admin.manage'),
  'POST /api/admin/agencies/{id}/units': account('admin.manage'),
  'PATCH /api/admin/agencies/{id}/units/{unitId}': account('admin.manage'),
  'GET /api/admin/accounts': account('admin.manage'),
  'POST /api/admin/accounts': account('admin.manage'),
  'PATCH /api/admin/accounts/{id}': account('admin.manage'),
  'GET /api/admin/role-grants': account('admin.manage'),
  'GET /api/role-grants': account('role_grant.decide'),
  'POST /api/role-grants/{id}/approve': account('role_grant.decide'),
  'POST /api/role-grants/{id}/reject': account('role_grant.decide'),
  'GET /api/security-log': account('security_log.read'),
  'GET /api/security-log/verify': account('security_log.read'),
  'GET /api/agencies': account('directory.read'),
  'GET /api/agencies/{id}/units': account('directory.read'),
  'GET /api/directory': account('case.manage_members'),
  'GET /api/my-work': account('work.read'),

  'GET /api/places': account('directory.read'),
  'GET /api/places/{id}': account('directory.read'),
  'POST /api/places': account('place.manage'),
  'PATCH /api/places/{id}': account('place.manage'),

  'POST /api/cases': account('case.register'),
  'GET /api/cases': account('case.read'),
  'GET /api/cases/{id}': inCase('case.read'),
  'GET /api/cases/{id}/intake': inCase('case.read', 'oversight'),
  'POST /api/cases/{id}/members': inCase('case.manage_members'),
  'DELETE /api/cases/{id}/members/{userId}': inCase('case.manage_members'),
  'GET /api/cases/{id}/events': inCase('case.read'),
  'POST /api/cases/{id}/messages': inCase('case.read'),
  'GET /api/cases/{id}/verify': inCase('case.verify'),
  'GET /api/cases/{id}/access-log': inCase('case.read_access_log'),
  'GET /api/cases/{id}/access-log/verify': inCase('case.read_access_log'),

  'POST /api/cases/{id}/status': inCase('case.change_status'),
  'GET /api/cases/{id}/visit': inCase('case.read'),
  'POST /api/cases/{id}/visit/dispatch': inCase('visit.record'),
  'POST /api/cases/{id}/visit/arrival': inCase('visit.record'),
  'POST /api/cases/{id}/visit/findings': inCase('visit.record'),
  'GET /api/cases/{id}/tasks': inCase('case.read'),
  'POST /api/cases/{id}/tasks': inCase('task.assign'),
  // The fixture's task is assigned to the police agency, at the default tier `state`.
  'PATCH /api/cases/{id}/tasks/{taskId}': inCase('task.assign', 'state', { also: ['police'] }),

  // Evidence is at `oversight` unless said otherwise; one may add it only at a tier one reads.
  'POST /api/cases/{id}/evidence': inCase('evidence.add', undefined, { writesAt: 'oversight' }),
  'GET /api/cases/{id}/evidence': inCase('case.read'),
  'GET /api/cases/{id}/evidence/{evidenceId}': inCase('case.read', 'oversight'),
  'GET /api/cases/{id}/evidence/{evidenceId}/content': inCase('case.read', 'oversight'),
  // The fixture's item is held by the prosecutor's office that collected it.
  'POST /api/cases/{id}/evidence/{evidenceId}/custody': inCase('evidence.hand_over_any', 'oversight'),
  'POST /api/cases/{id}/evidence/{evidenceId}/supersede': inCase('evidence.supersede', 'oversight'),

  'POST /api/cases/{id}/examinations': inCase('proceedings.lead'),
  'GET /api/cases/{id}/examinations': inCase('case.read'),
  'GET /api/cases/{id}/examinations/{examinationId}': inCase('case.read', 'oversight'),
  'PATCH /api/cases/{id}/examinations/{examinationId}': inCase('proceedings.lead', 'oversight'),
  'POST /api/cases/{id}/responsible': inCase('proceedings.lead'),
  'GET /api/cases/{id}/responsible': inCase('case.read'),
  'POST /api/cases/{id}/responsible/{responsibleId}/routes': inCase('proceedings.lead', 'oversight'),
  'PATCH /api/cases/{id}/responsible/{responsibleId}/routes/{routeId}': inCase('proceedings.lead', 'oversight'),
  // The fixture's measure is addressed to no agency: only prosecutors complete it.
  'POST /api/cases/{id}/measures': inCase('proceedings.lead'),
  'GET /api/cases/{id}/measures': inCase('case.read'),
  'PATCH /api/cases/{id}/measures/{measureId}': inCase('proceedings.lead', 'state'),
  'GET /api/cases/{id}/remedies': inCase('case.read', 'oversight'),
  'PUT /api/cases/{id}/remedies': inCase('proceedings.lead', 'oversight'),

  // Meetings: participants (and the chief, who supervises) know a meeting, as members know a case;
  // the fixture's meeting is chaired by the prosecutor, who alone runs it.
  'POST /api/meetings': account('meeting.convene'),
  'GET /api/meetings': account('meeting.take_part'),
  'GET /api/meetings/suggestions': account('meeting.convene'),
  'GET /api/meetings/{id}': inCase('meeting.take_part'),
  'GET /api/meetings/{id}/events': inCase('meeting.take_part'),
  'GET /api/meetings/{id}/minutes': inCase('meeting.take_part'),
  'GET /api/meetings/{id}/minutes.pdf': inCase('meeting.take_part'),
  'GET /api/meetings/{id}/verify': inCase('meeting.verify'),
  'POST /api/meetings/{id}/agenda/{itemId}/notes': inCase('meeting.take_part'),
  'POST /api/meetings/{id}/agenda': inCase('meeting.convene', undefined, CHAIR),
  'PUT /api/meetings/{id}/agenda': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/open': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/close': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/agenda/{itemId}/current': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/attendance': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/agenda/{itemId}/decisions': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/minutes/approve': inCase('meeting.convene', undefined, CHAIR),
  'POST /api/meetings/{id}/speakers': inCase('meeting.take_part'),
  'POST /api/meetings/{id}/speakers/{speakerId}/give': inCase('meeting.convene', undefined, CHAIR),
  // The fixture's speaker is the chair: nobody else may end that turn.
  'POST /api/meetings/{id}/speakers/{speakerId}/end': inCase('meeting.convene', undefined, CHAIR),
  // The fixture's action item is the police agency's, at `state`: any other participant hears 409.
  'POST /api/action-items/{id}/acknowledge': inCase('meeting.take_part', 'state'),
  'GET /api/action-items': account('meeting.take_part'),
};

/** Whether a role may do what a rule governs: the permission table's answer, and the record's own rights. */
export const mayDo = (role: Role, rule: Rule): boolean => {
  if (rule.only) return rule.only.includes(role);
  if (rule.also?.includes(role)) return true;
  if (rule.action !== undefined && !can(role, rule.action)) return false;
  return rule.writesAt === undefined || canRead(clearanceOf(role), rule.writesAt);
};

/** The roles a rule lets in, for reports. */
export const whoMay = (rule: Rule): Role[] => ROLES.filter((role) => mayDo(role, rule));

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
