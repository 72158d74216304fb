/**
 * Who may do what: the one permission table. The server's policy (`CaseAccess.authorize` and the
 * REST guard's `@Can`) and the web's show/hide both read it; no other place lists roles.
 *
 * An action says what a role may do at all. Where it happens inside a case, the policy first
 * opens the case (not a member → NOT_FOUND) and then, whatever the action, refuses to write
 * anything at a tier above the caller's effective clearance in that case (the role's, lowered
 * by the implicated-agency cap).
 */
import type { Role } from './access';

export const ACTIONS = [
  /** Register a report: opens a case with the caller as its first member. */
  'case.register',
  /** Open the cases one is a member of, at one's clearance, and work in their room. */
  'case.read',
  /** Open, join and post in every case, member or not (supervision). */
  'case.supervise',
  /** Name the implicated agency and unit of a case. */
  'case.set_implicated',
  /** Add and remove a case's members. */
  'case.manage_members',
  /** Move a case through its status machine. */
  'case.change_status',
  /** Recompute a case's hash chain. */
  'case.verify',
  /** Read who accessed a case's sensitive data, and when. */
  'case.read_access_log',
  /** Be put on duty: every new report reaches the prosecutors on duty at once. */
  'case.receive_reports',
  /** Redact a message someone else wrote (one's own: every author). */
  'message.redact_any',
  /** Dispatch the visit, record the arrival and the findings on site. */
  'visit.record',
  /** Assign urgent actions, move their due dates, cancel them (assignees report on their own). */
  'task.assign',
  /** Add evidence to a case. */
  'evidence.add',
  /** Hand over an item that one's own agency holds. */
  'evidence.hand_over',
  /** Hand over an item whoever holds it (the prosecutor leads the case). */
  'evidence.hand_over_any',
  /** Mark evidence superseded. */
  'evidence.supersede',
  /** Examinations, those responsible and their routes, remedial measures, the victim's remedies. */
  'proceedings.lead',
  /** The register of places of detention: add and change places. */
  'place.manage',
  /** The agencies and people one may bring into a case. */
  'directory.read',
  /** One's open tasks and visits. */
  'work.read',
  /** Agencies, units and accounts (no case content); roles with case access are only proposed. */
  'admin.manage',
  /** Approve or reject a proposed role with case access (the second pair of eyes). */
  'role_grant.decide',
  /** Read the security log: grants, account changes, failed sign-ins, lockouts. */
  'security_log.read',
  /** Convene and chair an interdepartmental meeting. */
  'meeting.convene',
  /** Take part in the meetings one is invited to. */
  'meeting.take_part',
  /** Read every meeting, invited or not (supervision). */
  'meeting.supervise',
  /** Check a meeting's hash chain. */
  'meeting.verify',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Vigil itself, as it acts on its own (deadline clocks): an explicit principal, not a person. */
export const SYSTEM_ROLE = 'system';
export type SystemRole = typeof SYSTEM_ROLE;
/** Whoever acts: a person's role, or Vigil itself. */
export type Principal = Role | SystemRole;

/** What every role with case access does in the cases it is a member of. */
const CASE_WORK: readonly Action[] = ['case.register', 'case.read', 'evidence.add', 'evidence.hand_over', 'directory.read', 'work.read', 'meeting.take_part'];
/** What prosecutors do besides: they lead the case. */
const LEAD: readonly Action[] = [
  ...CASE_WORK,
  'case.set_implicated',
  'case.manage_members',
  'case.change_status',
  'case.verify',
  'message.redact_any',
  'visit.record',
  'task.assign',
  'evidence.hand_over_any',
  'evidence.supersede',
  'proceedings.lead',
  'place.manage',
  'meeting.convene',
  'meeting.verify',
];

export const PERMISSIONS: Readonly<Record<Principal, readonly Action[]>> = {
  prosecutor: [...LEAD, 'case.receive_reports'],
  chief_prosecutor: [...LEAD, 'case.supervise', 'case.read_access_log', 'role_grant.decide', 'security_log.read', 'meeting.supervise'],
  police: CASE_WORK,
  ombudsman: [...CASE_WORK, 'case.verify', 'case.read_access_log', 'security_log.read', 'meeting.verify'],
  observer: CASE_WORK,
  admin: ['admin.manage'],
  // Vigil records its clocks' alerts and takes officers of an implicated unit out of cases.
  system: ['case.read', 'case.supervise', 'case.manage_members'],
};

const GRANTED: ReadonlyMap<Principal, ReadonlySet<Action>> = new Map(Object.entries(PERMISSIONS).map(([role, actions]) => [role as Principal, new Set(actions)]));

/** Whether `role` may do `action` at all (inside a case, the case's policy adds membership and tiers). */
export function can(role: Principal, action: Action): boolean {
  return GRANTED.get(role)?.has(action) ?? false;
}

/** The roles that may do `action`, in the order of `ROLES`: for queries and screens that list people. */
export function rolesThatCan(action: Action, roles: readonly Role[]): Role[] {
  return roles.filter((role) => can(role, action));
}
