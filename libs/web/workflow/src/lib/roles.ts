import { can, type Action, type Me, type Role } from '@vigil/contracts';

/** Whether the signed-in role may do `action`: the server's permission table, mirrored to show or hide controls. */
export function may(role: Role | null | undefined, action: Action): boolean {
  return role !== null && role !== undefined && can(role, action);
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
