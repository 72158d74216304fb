import { agencyRef } from '@vigil/api-database';
import type { AccountEntity, CaseEntity, CaseEventEntity, MessageEntity } from '@vigil/api-database';
import {
  canRead,
  isEvent,
  VICTIM_IDENTITY_TIER,
  type AnyCaseEvent,
  type Case,
  type CaseEventData,
  type CaseEventType,
  type CaseMember,
  type Role,
  type Tier,
} from '@vigil/contracts';
import { clearancesReading, headSeqFor, seqFor, updatedAtFor } from './clearance-columns';

/**
 * What a viewer of one clearance sees of a case and of its events. Every answer, REST or socket,
 * goes through here: this is where the victim's identity and redacted text are left out.
 */
/** Statuses in which the immediate visit is still awaited. */
export const AWAITING_VISIT = ['registered', 'visit_dispatched'];
/** Every case has one victim, known below `oversight` by this pseudonym. */
export const VICTIM_PSEUDONYM = 'V-1';

/** The visit is late: no arrival recorded, still awaited, and the deadline passed. */
export function visitOverdue(kase: Pick<CaseEntity, 'visitedAt' | 'visitDueAt' | 'status'>, now: Date): boolean {
  return kase.visitedAt === null && AWAITING_VISIT.includes(kase.status) && kase.visitDueAt.getTime() < now.getTime();
}

export function toCaseView(kase: CaseEntity, members: CaseMember[], clearance: Tier, now: Date): Case {
  const identified = canRead(clearance, VICTIM_IDENTITY_TIER);
  return {
    id: kase.id,
    reference: kase.reference,
    summary: kase.summary,
    status: kase.status,
    source: kase.source,
    facility: { name: kase.facilityName, kind: kase.facilityKind },
    victim: identified
      ? { pseudonym: VICTIM_PSEUDONYM, fullName: kase.victimFullName, birthYear: kase.victimBirthYear, contact: kase.victimContact, redacted: false }
      : { pseudonym: VICTIM_PSEUDONYM, redacted: true },
    receivedAt: kase.receivedAt.toISOString(),
    allegedAt: kase.allegedAt?.toISOString() ?? null,
    visitDueAt: kase.visitDueAt.toISOString(),
    visitedAt: kase.visitedAt?.toISOString() ?? null,
    visitOverdue: visitOverdue(kase, now),
    placeId: kase.placeId,
    members,
    headSeq: headSeqFor(kase, clearance),
    createdAt: kase.createdAt.toISOString(),
    updatedAt: updatedAtFor(kase, clearance).toISOString(),
  };
}

/** Only the prosecution reads a redacted message's text (the stored log keeps it). */
const readsRedactedText = (clearance: Tier) => clearance === 'prosecution';

/**
 * Edits and redactions are applied here, on reading; the stored log never changes. `seq` and
 * `prevSeq` are in the viewer's numbering, where the previous event is always `seq − 1`.
 */
export function toCaseEventView(event: CaseEventEntity, clearance: Tier, messages: ReadonlyMap<string, MessageEntity>): AnyCaseEvent {
  const seq = seqFor(event, clearance);
  // Nothing above a viewer's tier may reach them: a caller that gets here with one is wrong.
  if (seq === null) throw new Error(`A ${event.tier} event cannot be shown at ${clearance} clearance`);
  let data: CaseEventData[CaseEventType] = event.data;
  const message = postedOrEdited(event, messages);
  if (message && (isEvent(event, 'message.posted') || isEvent(event, 'message.edited'))) {
    const redacted = message.redactedAt !== null;
    const hidden = redacted && !readsRedactedText(clearance);
    const { body: storedBody, ...rest } = event.data;
    const body = event.type === 'message.posted' ? message.body : storedBody;
    data = {
      ...rest,
      ...(hidden ? {} : { body }),
      ...(event.type === 'message.posted' && message.editedAt ? { edited: true } : {}),
      ...(redacted ? { redacted: true } : {}),
    };
  }
  // Type and data agree: the log takes only `NewCaseEvent`s, and reading keeps each type's shape.
  return {
    id: event.id,
    caseId: event.caseId,
    seq,
    prevSeq: seq - 1,
    type: event.type,
    tier: event.tier,
    at: event.at.toISOString(),
    actor: { id: event.actorId, displayName: event.actorName, role: event.actorRole, agencyKind: event.actorAgencyKind },
    data,
  } as AnyCaseEvent;
}

/** The message whose text an event carries, if it is a post or an edit. */
function postedOrEdited(event: CaseEventEntity, messages: ReadonlyMap<string, MessageEntity>): MessageEntity | undefined {
  return isEvent(event, 'message.posted') || isEvent(event, 'message.edited') ? messages.get(event.data.messageId) : undefined;
}

/**
 * An event as every clearance that may read it sees it, clearances that see the same payload
 * together (live fan-out sends one payload per group, encoded once). Views differ only in
 * their numbering and in whether a redacted text is shown, so that is what groups them.
 */
export function eventViews(event: CaseEventEntity, messages: ReadonlyMap<string, MessageEntity>): { view: AnyCaseEvent; clearances: Tier[] }[] {
  const redacted = postedOrEdited(event, messages)?.redactedAt != null;
  const groups = new Map<string, { view: AnyCaseEvent; clearances: Tier[] }>();
  for (const clearance of clearancesReading(event.tier)) {
    const key = `${seqFor(event, clearance)}|${redacted && readsRedactedText(clearance)}`;
    const group = groups.get(key);
    if (group) group.clearances.push(clearance);
    else groups.set(key, { view: toCaseEventView(event, clearance, messages), clearances: [clearance] });
  }
  return [...groups.values()];
}

/** An account as a member of a case. */
export function toMember(account: AccountEntity): CaseMember {
  return {
    userId: account.id,
    displayName: account.displayName,
    // Members always hold a role: an account without one cannot be added (see addMember).
    role: account.role as Role,
    agency: agencyRef(account.agency),
  };
}
