import type { CaseStatus } from '@vigil/contracts';

/** Statuses in which nobody has gone to the place yet. */
const AWAITING_VISIT: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['registered', 'visit_dispatched']);

/**
 * The visit deadline has passed and nobody has been to the place yet: as the server said when
 * the item was read, or since then by this clock (a list may stay open past a deadline).
 */
export function visitOverdue(
  item: { status: CaseStatus; visitDueAt: string; visitOverdue?: boolean },
  now: number,
): boolean {
  return item.visitOverdue === true || (AWAITING_VISIT.has(item.status) && Date.parse(item.visitDueAt) < now);
}
