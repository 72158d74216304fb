import type { Tier } from './access';
import type { AgencyRef } from './auth';
import type { UnitRef } from './admin';
import type { CaseStatus, FacilityKind } from './cases';

/** The case's status machine: who may move it where. Visits move it by their own endpoints. */
export const STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  registered: ['visit_dispatched', 'site_visited', 'referred', 'dismissed'],
  visit_dispatched: ['site_visited', 'referred', 'dismissed'],
  site_visited: ['investigating', 'referred', 'dismissed'],
  investigating: ['proceedings', 'referred', 'dismissed'],
  proceedings: ['remedies', 'dismissed'],
  remedies: ['closed'],
  closed: [],
  referred: [],
  dismissed: [],
};
export const STATUS_REASON_MAX_LENGTH = 2000;
/** Statuses that need a reason to enter. */
export const STATUSES_WITH_REASON: readonly CaseStatus[] = ['referred', 'dismissed'];

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export interface ChangeStatusRequest {
  to: CaseStatus;
  reason?: string;
}

/* The register of places of detention. */

export interface Place {
  id: string;
  name: string;
  kind: FacilityKind;
  address: string;
  /** The agency in charge of the place. */
  agency: AgencyRef | null;
  cctv: boolean;
  createdAt: string;
}

export interface CreatePlaceRequest {
  name: string;
  kind: FacilityKind;
  address: string;
  agencyId?: string;
  cctv: boolean;
}

export type UpdatePlaceRequest = Partial<CreatePlaceRequest>;

/* Intake: the Istanbul Protocol's non-medical record of the allegation (tier `oversight`). */

export const ALLEGED_METHODS = [
  'beating',
  'positional_torture',
  'suffocation',
  'electric_shock',
  'sexual_violence',
  'threats',
  'sleep_deprivation',
  'denial_of_medical_care',
  'humiliation',
  'other',
] as const;
export type AllegedMethod = (typeof ALLEGED_METHODS)[number];

export interface Intake {
  allegation: { methods: AllegedMethod[]; injuries: string | null; witnesses: string | null };
  custody: { circumstances: string | null; detainedAt: string | null };
  sourceDetails: string | null;
  implicated: { agency: AgencyRef | null; unit: UnitRef | null };
  reprisalRisk: boolean;
  protectionMeasures: string | null;
}

export interface IntakeRequest {
  allegation?: { methods?: AllegedMethod[]; injuries?: string; witnesses?: string };
  custody?: { circumstances?: string; detainedAt?: string };
  sourceDetails?: string;
  /** `unitId` names a unit of the implicated agency (`GET /api/agencies/:id/units`). */
  implicated?: { agencyId?: string; unitId?: string };
  reprisalRisk?: boolean;
  protectionMeasures?: string;
}

export const INTAKE_TIER: Tier = 'oversight';

/* The immediate visit. */

/** The tier of the dispatch (who goes, when): a field derived from it is absent below it. */
export const VISIT_DISPATCH_TIER: Tier = 'state';
/** The tier of the on-site findings, and of when they were recorded. */
export const VISIT_FINDINGS_TIER: Tier = 'oversight';

export interface Visit {
  dueAt: string;
  overdue: boolean;
  /** `state` content (`VISIT_DISPATCH_TIER`): absent below it. */
  dispatchedAt?: string | null;
  prosecutor?: { userId: string; displayName: string } | null;
  arrivedAt: string | null;
  /** `oversight` content (`VISIT_FINDINGS_TIER`): absent below it. */
  findings?: string | null;
  findingsAt?: string | null;
}

export interface DispatchVisitRequest {
  prosecutorId: string;
}

export interface ArrivalRequest {
  arrivedAt?: string;
}

export interface FindingsRequest {
  findings: string;
}

/* Urgent investigative actions. */

export const TASK_KINDS = ['inspect_premises', 'seize_cctv', 'seize_duty_logs', 'interview_witness', 'request_documents', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task {
  id: string;
  caseId: string;
  caseReference: string;
  kind: TaskKind;
  title: string;
  details: string | null;
  tier: Tier;
  assignee: { agency: AgencyRef; user: { userId: string; displayName: string } | null };
  dueAt: string;
  overdue: boolean;
  status: TaskStatus;
  result: string | null;
  createdBy: { userId: string; displayName: string };
  createdAt: string;
  updatedAt: string;
}

export interface CreateTaskRequest {
  kind: TaskKind;
  title: string;
  details?: string;
  tier?: Tier;
  assigneeAgencyId: string;
  assigneeUserId?: string;
  dueAt: string;
}

export interface UpdateTaskRequest {
  status?: TaskStatus;
  result?: string;
  dueAt?: string;
}

/** "My work": my tasks, and the visits I must make or supervise, due and overdue. */
/** A case that work of "my work" belongs to: to group tasks and visits by case. */
export interface MyWorkCase {
  id: string;
  reference: string;
  summary: string;
  status: CaseStatus;
}

/**
 * `tasks` soonest due first, `visits` soonest due first. Each has its due time and `overdue`;
 * time left (or overdue by) counts from `now`, the server's time of the answer, which a client's
 * clock may differ from. Always sent: `cases` (every case a task or visit belongs to) and `now`.
 */
export interface MyWork {
  tasks: Task[];
  visits: { caseId: string; reference: string; summary: string; status: CaseStatus; visitDueAt: string; overdue: boolean }[];
  cases?: MyWorkCase[];
  now?: string;
}

/** Live alert to those who may open the case: its members and the chief prosecutors (socket `alert`). */
export interface VisitAlert {
  kind: 'visit_deadline_near' | 'visit_deadline_missed';
  caseId: string;
  reference: string;
  visitDueAt: string;
}
