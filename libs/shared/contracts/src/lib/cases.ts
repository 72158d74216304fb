import type { Role, Tier } from './access';
import type { AgencyRef } from './auth';
import type { ActorAgencyKind, ActorRole, AnyCaseEvent, CaseEventData, CaseEventType } from './events';

export const CASE_SOURCES = ['victim', 'relative', 'lawyer', 'ombudsman', 'civil_society', 'police', 'medical', 'media', 'other'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const FACILITY_KINDS = ['police_station', 'temporary_detention', 'pretrial_detention', 'penitentiary', 'other'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const CASE_STATUSES = [
  'registered',
  'visit_dispatched',
  'site_visited',
  'investigating',
  'proceedings',
  'remedies',
  'closed',
  'referred',
  'dismissed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface Facility {
  name: string;
  kind: FacilityKind;
}

export interface CreateCaseRequest {
  summary: string;
  source: CaseSource;
  facility: Facility;
  victim: { fullName: string; birthYear?: number; contact?: string };
  allegedAt?: string;
  receivedAt?: string;
  /** A place from the register; its name and kind then stand for `facility`. */
  placeId?: string;
  /** The Istanbul Protocol's non-medical record (tier `oversight`). */
  intake?: import('./workflow').IntakeRequest;
}

/** The victim as a viewer sees them: identity only at clearance `oversight` or narrower. */
export interface VictimView {
  pseudonym: string;
  fullName?: string;
  birthYear?: number | null;
  contact?: string | null;
  redacted: boolean;
}

export interface CaseMember {
  userId: string;
  displayName: string;
  role: Role;
  agency: AgencyRef;
}

export interface Case {
  id: string;
  reference: string;
  summary: string;
  status: CaseStatus;
  source: CaseSource;
  facility: Facility;
  victim: VictimView;
  receivedAt: string;
  allegedAt: string | null;
  visitDueAt: string;
  visitedAt: string | null;
  /** The visit is late: no arrival recorded and the deadline passed. */
  visitOverdue: boolean;
  /** Register entry of the place, when the report named one. */
  placeId: string | null;
  members: CaseMember[];
  headSeq: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseSummary {
  id: string;
  reference: string;
  summary: string;
  status: CaseStatus;
  facility: Facility;
  visitDueAt: string;
  visitOverdue: boolean;
  headSeq: number;
  unread: number;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AddMemberRequest {
  userId: string;
}

/** Who wrote an event: a person, or Vigil itself (role and agency kind `system`). */
export interface CaseEventActor {
  id: string;
  displayName: string;
  role: ActorRole;
  agencyKind: ActorAgencyKind;
}

/** One event of a case's log; `T` narrows it to one type of the catalogue (`AnyCaseEvent` is their union). */
export interface CaseEvent<T extends CaseEventType = CaseEventType> {
  id: string;
  caseId: string;
  seq: number;
  /** The previous seq visible to this viewer (0 if none): a different value than the last seq held means a gap. */
  prevSeq: number;
  type: T;
  tier: Tier;
  at: string;
  actor: CaseEventActor;
  data: CaseEventData[T];
}

export interface EventsPage {
  items: AnyCaseEvent[];
  headSeq: number;
  hasMore: boolean;
}

export interface PostMessageRequest {
  clientId: string;
  body: string;
  tier: Tier;
}

export interface VerifyResult {
  ok: boolean;
  headSeq: number;
  firstBrokenSeq: number | null;
}

export const MESSAGE_MAX_LENGTH = 10_000;
export const REDACTION_REASON_MAX_LENGTH = 1000;
export const EVENTS_PAGE_MAX = 500;
/** The largest seq a case's log can reach (PostgreSQL's integer): a seq asked for above it names no event and is refused. */
export const SEQ_MAX = 2_147_483_647;
export const EVENTS_PAGE_DEFAULT = 100;
export const CASES_PAGE_MAX = 100;
export const CASES_PAGE_DEFAULT = 50;

/** The orders of the case list: the latest activity the viewer may see first, or the most urgent first. */
export const CASE_SORTS = ['activity', 'urgency'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
/** The longest search text `q` of the case list. */
export const CASE_SEARCH_MAX_LENGTH = 200;

/**
 * The query of `GET /api/cases`. Every filter narrows the list (AND); `status` is one status or
 * several, comma-separated. A `cursor` goes only with the sort and filters it was issued for.
 */
export interface ListCasesParams {
  /** Reference, summary, facility or place name, the victim's pseudonym; the victim's name only where the viewer reads it. */
  q?: string;
  status?: string;
  placeId?: string;
  facilityKind?: FacilityKind;
  /** `true`: only cases whose visit is overdue; `false`: only the others. */
  overdue?: 'true' | 'false';
  /** `true`: only cases where the viewer has an open task (theirs, or their agency's unassigned). */
  assignedToMe?: 'true' | 'false';
  /** Only cases with a member of this agency. */
  agencyId?: string;
  sort?: CaseSort;
  limit?: number;
  cursor?: string;
}
