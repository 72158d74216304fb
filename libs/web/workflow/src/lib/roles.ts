import { STATUS_ROLES, type Me, type Role } from '@vigil/contracts';

/** Prosecutors lead a case: they move it, send the visit, assign tasks, lead the proceedings. */
export function leadsCases(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && (STATUS_ROLES as readonly Role[]).includes(role);
}

/** A task is mine when it names me, or names no one and my agency. */
export function isAssignee(
  me: Pick<Me, 'id' | 'agency'> | null,
  assignee: { agency: { id: string }; user: { userId: string } | null },
): boolean {
  if (me === null) {
    return false;
  }
  return assignee.user ? assignee.user.userId === me.id : assignee.agency.id === me.agency.id;
}
