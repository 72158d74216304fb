import type { AgencyKind, Role, Tier } from './access';
import type { Principal, SystemRole } from './permissions';
import type { CaseEvent, CaseSource, CaseStatus, Facility } from './cases';
import type { CustodyTransferredData, EvidenceAddedData, EvidenceSupersededData } from './evidence';
import type {
  ExaminationAppointedData,
  ExaminationCancelledData,
  ExaminationCompletedData,
  ExaminationUpdatedData,
  MeasureAdoptedData,
  MeasureCompletedData,
  RemediesUpdatedData,
  ResponsibleAddedData,
  RouteDecidedData,
  RouteOpenedData,
} from './proceedings';
import type { AllegedMethod, TaskKind, TaskStatus } from './workflow';

/**
 * The catalogue of a case's log: every event `type` and the `data` it carries. The server appends
 * only what this allows (`NewCaseEvent`) and readers switch on `type` to read `data` (`AnyCaseEvent`).
 */

/** Who may act in a log: a person's role, or Vigil itself (`system`) for what its clocks record. */
export type ActorRole = Principal;
/** The agency kind of an actor; Vigil itself has none but its own. */
export type ActorAgencyKind = AgencyKind | SystemRole;

export interface CaseCreatedData {
  reference: string;
  summary: string;
  source: CaseSource;
  facility: Facility;
}

export interface StatusChangedData {
  from: CaseStatus;
  to: CaseStatus;
  /** Given for the statuses that require one (`STATUSES_WITH_REASON`). */
  reason?: string;
}

/** `data` of `member.added` and `member.removed`: the member as they were then. */
export interface MemberChangedData {
  userId: string;
  displayName: string;
  role: Role;
  agencyKind: AgencyKind;
}

/** `data` of `member.removed`: the member, and why Vigil itself took them out, when it did. */
export interface MemberRemovedData extends MemberChangedData {
  /** `implicated_unit`: the officer moved into the unit the case implicates (conflict of interest). */
  reason?: 'implicated_unit';
}

/** `data` of `message.posted` as written: the text as first posted. */
export interface MessagePostedRecord {
  messageId: string;
  clientId: string;
  body: string;
}

/** `data` of `message.posted`, as read: edits applied; below `prosecution` a redacted body is absent. */
export interface MessagePostedData {
  messageId: string;
  clientId: string;
  body?: string;
  edited?: boolean;
  redacted?: boolean;
}

/** `data` of `message.edited` as written: the new text. */
export interface MessageEditedRecord {
  messageId: string;
  body: string;
}

/** `data` of `message.edited`, as read: below `prosecution` the text of a since redacted message is absent. */
export interface MessageEditedData {
  messageId: string;
  body?: string;
  redacted?: boolean;
}

export interface MessageRedactedData {
  messageId: string;
  reason: string;
}

/** The intake's facts that a timeline may name; the record itself is read at `oversight`. */
export interface IntakeRecordedData {
  allegationMethods: AllegedMethod[];
  reprisalRisk: boolean;
}

export interface VisitDispatchedData {
  prosecutorId: string;
  prosecutorName: string;
  dispatchedAt: string;
}

export interface VisitArrivedData {
  arrivedAt: string;
  /** Arrived no later than the visit deadline. */
  onTime: boolean;
}

export interface VisitFindingsRecordedData {
  findings: string;
}

/** `data` of `visit.deadline_near` and `visit.deadline_missed`. */
export interface VisitDeadlineData {
  visitDueAt: string;
}

export interface TaskCreatedData {
  taskId: string;
  kind: TaskKind;
  title: string;
  assigneeAgencyId: string;
  assigneeUserId: string | null;
  dueAt: string;
}

/** The status always; the result and the due date when the change set them. */
export interface TaskUpdatedData {
  taskId: string;
  status: TaskStatus;
  result?: string | null;
  dueAt?: string;
}

/** `data` of `meeting.decision_recorded`: a meeting decided about this case (at the decision's tier). */
export interface MeetingDecisionRecordedData {
  meetingId: string;
  meetingReference: string;
  decisionId: string;
  text: string;
  /** The case tasks its action items became. */
  taskIds: string[];
}

/** Every event type with its `data` as a viewer reads it. */
export interface CaseEventData {
  'case.created': CaseCreatedData;
  'case.status_changed': StatusChangedData;
  'member.added': MemberChangedData;
  'member.removed': MemberRemovedData;
  'message.posted': MessagePostedData;
  'message.edited': MessageEditedData;
  'message.redacted': MessageRedactedData;
  'intake.recorded': IntakeRecordedData;
  'visit.dispatched': VisitDispatchedData;
  'visit.arrived': VisitArrivedData;
  'visit.findings_recorded': VisitFindingsRecordedData;
  'visit.deadline_near': VisitDeadlineData;
  'visit.deadline_missed': VisitDeadlineData;
  'task.created': TaskCreatedData;
  'task.updated': TaskUpdatedData;
  'evidence.added': EvidenceAddedData;
  'evidence.custody_transferred': CustodyTransferredData;
  'evidence.superseded': EvidenceSupersededData;
  'examination.appointed': ExaminationAppointedData;
  'examination.updated': ExaminationUpdatedData;
  'examination.completed': ExaminationCompletedData;
  'examination.cancelled': ExaminationCancelledData;
  'responsible.added': ResponsibleAddedData;
  'route.opened': RouteOpenedData;
  'route.decided': RouteDecidedData;
  'measure.adopted': MeasureAdoptedData;
  'measure.completed': MeasureCompletedData;
  'remedies.updated': RemediesUpdatedData;
  'meeting.decision_recorded': MeetingDecisionRecordedData;
}

export type CaseEventType = keyof CaseEventData;

/** Every event type, in the catalogue's order; the record makes a missing or unknown one a compile error. */
const EVENT_TYPE_SET: Record<CaseEventType, true> = {
  'case.created': true,
  'case.status_changed': true,
  'member.added': true,
  'member.removed': true,
  'message.posted': true,
  'message.edited': true,
  'message.redacted': true,
  'intake.recorded': true,
  'visit.dispatched': true,
  'visit.arrived': true,
  'visit.findings_recorded': true,
  'visit.deadline_near': true,
  'visit.deadline_missed': true,
  'task.created': true,
  'task.updated': true,
  'evidence.added': true,
  'evidence.custody_transferred': true,
  'evidence.superseded': true,
  'examination.appointed': true,
  'examination.updated': true,
  'examination.completed': true,
  'examination.cancelled': true,
  'responsible.added': true,
  'route.opened': true,
  'route.decided': true,
  'measure.adopted': true,
  'measure.completed': true,
  'remedies.updated': true,
  'meeting.decision_recorded': true,
};

export const CASE_EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as readonly CaseEventType[];

/** `data` as the server writes it: a message's text is always there; reading applies edits and redactions. */
export interface CaseEventRecordedData extends Omit<CaseEventData, 'message.posted' | 'message.edited'> {
  'message.posted': MessagePostedRecord;
  'message.edited': MessageEditedRecord;
}

/** One event of the type `T`, as read. */
export type CaseEventOf<T extends CaseEventType> = CaseEvent<T>;

/** Any event, as read: switching on `type` narrows `data`. */
export type AnyCaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];

/** What the append path takes: a type and its data as written, never one without the other. */
export type NewCaseEvent = {
  [T in CaseEventType]: { type: T; tier: Tier; data: CaseEventRecordedData[T]; clientId?: string | null };
}[CaseEventType];

/**
 * An event of a type this build does not know: one a newer server added. The catalogue says it
 * cannot happen, so a switch over `AnyCaseEvent` ends in `never`; the wire may still bring one,
 * and this is what a reader can rely on then.
 */
export type UnknownCaseEvent = Omit<CaseEvent, 'type' | 'data'> & { type: string; data: unknown };

/** The event that reached a switch's `default`: typed `never` there, still a line to show. */
export function unknownEvent(event: never): UnknownCaseEvent {
  return event;
}

/** Narrows an event (as read, or as stored) to one type, and its `data` with it. */
export function isEvent<E extends { type: string; data: unknown }, T extends CaseEventType>(
  event: E,
  type: T,
): event is E & { type: T; data: CaseEventData[T] } {
  return event.type === type;
}
