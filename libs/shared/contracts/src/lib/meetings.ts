import type { AgencyKind, Role, Tier } from './access';
import type { AgencyRef } from './auth';
import type { CaseEventActor } from './cases';

/**
 * Interdepartmental operational meetings (CONTRACT.md "Meetings"): a chair convenes participants
 * from the agencies, works through an agenda, records decisions whose action items each assignee
 * agency acknowledges with a receipt chained into the meeting's log.
 */

export const MEETING_STATUSES = ['planned', 'in_session', 'adjourned', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const AGENDA_ITEM_STATES = ['pending', 'current', 'done', 'deferred'] as const;
export type AgendaItemState = (typeof AGENDA_ITEM_STATES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'acknowledged', 'done', 'overdue'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const MEETING_TITLE_MAX = 200;
export const MEETING_TEXT_MAX = 10_000;
export const MEETING_PARTICIPANTS_MAX = 500;

export interface MeetingPerson {
  id: string;
  displayName: string;
  role: Role;
  agency: { id: string; name: string; kind: AgencyKind };
}

export interface MeetingParticipant extends MeetingPerson {
  attended: boolean;
  /** When they were first present (joined, or marked present by the chair). */
  attendedAt?: string;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  decisionId: string;
  title: string;
  assigneeAgency: AgencyRef;
  assigneeUser?: { id: string; displayName: string };
  dueAt: string;
  caseId?: string;
  /** The case task the item also is, when it has a case. */
  taskId?: string;
  tier: Tier;
  status: ActionItemStatus;
  acknowledgedAt?: string;
  acknowledgedBy?: { id: string; displayName: string };
  receipt?: string;
}

export interface Decision {
  id: string;
  itemId: string;
  /** Decisions above the reader's tier are left out altogether. */
  text?: string;
  tier: Tier;
  at: string;
  actionItems: ActionItem[];
}

export interface AgendaItem {
  id: string;
  position: number;
  caseId?: string;
  caseReference?: string;
  topic?: string;
  tier: Tier;
  state: AgendaItemState;
  decisions: Decision[];
}

export interface Meeting {
  id: string;
  reference: string;
  title: string;
  scheduledAt: string;
  place: string | null;
  status: MeetingStatus;
  chair: MeetingPerson;
  participants: MeetingParticipant[];
  agenda: AgendaItem[];
  headSeq: number;
}

export interface MeetingSummary {
  id: string;
  reference: string;
  title: string;
  scheduledAt: string;
  place: string | null;
  status: MeetingStatus;
  chair: MeetingPerson;
  headSeq: number;
}

export interface Acknowledgement {
  acknowledgedAt: string;
  acknowledgedBy: { id: string; displayName: string };
  receipt: string;
}

/** A suggested agenda item: why it is worth discussing, and what it points at. */
export interface AgendaSuggestion {
  kind: 'visit_overdue' | 'task_overdue' | 'action_item_open';
  caseId?: string;
  caseReference?: string;
  actionItemId?: string;
  meetingId?: string;
  title: string;
  dueAt: string;
  tier: Tier;
}

/** One turn of the list of speakers. */
export interface Speaker {
  id: string;
  userId: string;
  displayName: string;
  itemId: string | null;
  requestedAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

/** The minutes at one reader's clearance, written from what happened. */
export interface Minutes {
  meetingId: string;
  reference: string;
  title: string;
  scheduledAt: string;
  place: string | null;
  status: MeetingStatus;
  chair: MeetingPerson;
  /** The clearance these minutes are read at. */
  clearance: Tier;
  attendance: MeetingParticipant[];
  /** Who spoke, in the order they asked for the floor (the speakers list is `room`). */
  speakers: Speaker[];
  items: (Omit<AgendaItem, 'decisions'> & { notes: { tier: Tier; body: string; at: string; by: string }[]; decisions: Decision[] })[];
  approvedAt?: string;
  /** The hash of the frozen minutes, chained in the meeting's log by `minutes.approved`. */
  approvedHash?: string;
  /** The meeting log's head in this clearance's numbering. */
  headSeq: number;
  /** The hash at the head of the meeting's chain when these minutes were written. */
  chainHead: string;
}

/** A meeting's event: a case event's shape, with `meetingId` where a case's carries `caseId`. */
export interface MeetingEvent<T extends MeetingEventType = MeetingEventType> {
  id: string;
  meetingId: string;
  seq: number;
  prevSeq: number;
  type: T;
  tier: Tier;
  at: string;
  actor: CaseEventActor;
  data: MeetingEventData[T];
}

export interface MeetingEventsPage {
  items: MeetingEvent[];
  headSeq: number;
  hasMore: boolean;
}

/** The catalogue of a meeting's log. */
export interface MeetingEventData {
  'meeting.created': { reference: string; title: string; scheduledAt: string; place: string | null };
  'participant.added': { userId: string; displayName: string; role: Role; agencyKind: AgencyKind };
  'agenda.item_added': { itemId: string; position: number; topic?: string; caseId?: string; caseReference?: string };
  /** One per tier that has items: the new positions of that tier's items only. */
  'agenda.reordered': { items: { itemId: string; position: number }[] };
  'agenda.current': { itemId: string };
  'meeting.opened': Record<string, never>;
  'meeting.closed': Record<string, never>;
  'attendance.marked': { userId: string; displayName: string; by: 'joined' | 'chair' };
  'note.added': { noteId: string; itemId: string; body: string };
  'decision.recorded': { decisionId: string; itemId: string; text: string; actionItems: { id: string; title: string; assigneeAgencyId: string; assigneeUserId: string | null; dueAt: string; caseId: string | null }[] };
  'action_item.acknowledged': { actionItemId: string; agencyId: string; userId: string; displayName: string; acknowledgedAt: string; receipt: string };
  'minutes.approved': { hash: string };
  'speaker.requested': { speakerId: string; userId: string; displayName: string; itemId: string | null };
  'speaker.started': { speakerId: string; userId: string; displayName: string };
  'speaker.ended': { speakerId: string; userId: string; displayName: string };
}
export type MeetingEventType = keyof MeetingEventData;

/** Every meeting event type; the record makes a missing or unknown one a compile error. */
const MEETING_EVENT_TYPE_SET: Record<MeetingEventType, true> = {
  'meeting.created': true,
  'participant.added': true,
  'agenda.item_added': true,
  'agenda.reordered': true,
  'agenda.current': true,
  'meeting.opened': true,
  'meeting.closed': true,
  'attendance.marked': true,
  'note.added': true,
  'decision.recorded': true,
  'action_item.acknowledged': true,
  'minutes.approved': true,
  'speaker.requested': true,
  'speaker.started': true,
  'speaker.ended': true,
};
export const MEETING_EVENT_TYPES = Object.keys(MEETING_EVENT_TYPE_SET) as readonly MeetingEventType[];

/** What the append path takes for a meeting. */
export type NewMeetingEvent = { [T in MeetingEventType]: { type: T; tier: Tier; data: MeetingEventData[T]; clientId?: string | null } }[MeetingEventType];

/** Socket `meeting:alert` to the chair: an action item not acknowledged in time, or past its due date. */
export interface ActionItemAlert {
  kind: 'action_item_unacknowledged' | 'action_item_overdue';
  meetingId: string;
  actionItemId: string;
  title: string;
  assigneeAgencyId: string;
  dueAt: string;
}

/** The ack of `meeting:join`. */
export interface MeetingJoinAck {
  meetingId: string;
  headSeq: number;
  events: MeetingEvent[];
  hasMore: boolean;
  online: string[];
}
