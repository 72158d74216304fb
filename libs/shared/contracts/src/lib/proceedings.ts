/** Forensic examinations and the outcome of a case: those responsible, remedial measures, the victim's remedies. */
import type { Tier } from './access';
import type { AgencyRef } from './auth';

/** The official who did something, as the record names them. */
export interface OfficialRef {
  userId: string;
  displayName: string;
}

/* Forensic examinations */

export const EXAMINATION_TYPES = ['forensic_medical', 'psychological'] as const;
export type ExaminationType = (typeof EXAMINATION_TYPES)[number];

/** The Istanbul Protocol scale, weakest to strongest. */
export const ISTANBUL_CONCLUSIONS = ['not_consistent', 'consistent', 'highly_consistent', 'typical_of', 'diagnostic_of'] as const;
export type IstanbulConclusion = (typeof ISTANBUL_CONCLUSIONS)[number];

export const EXAMINATION_STATUSES = ['appointed', 'completed', 'cancelled'] as const;
export type ExaminationStatus = (typeof EXAMINATION_STATUSES)[number];

/** Examination content is `oversight` data at least: never the police, never observers. */
export const EXAMINATION_TIERS = ['oversight', 'prosecution'] as const satisfies readonly Tier[];
export type ExaminationTier = (typeof EXAMINATION_TIERS)[number];
export const EXAMINATION_DEFAULT_TIER: ExaminationTier = 'oversight';

export interface ExaminationConsent {
  given: boolean;
  recordedAt: string;
  note: string | null;
}

export interface Examination {
  id: string;
  caseId: string;
  type: ExaminationType;
  institution: string;
  dueAt: string;
  tier: ExaminationTier;
  status: ExaminationStatus;
  consent: ExaminationConsent;
  /** Confirmed that no officer of the implicated agency was present; `null` until stated. */
  noImplicatedOfficerPresent: boolean | null;
  conclusion: IstanbulConclusion | null;
  conclusionNotes: string | null;
  appointedBy: OfficialRef;
  appointedAt: string;
  completedAt: string | null;
}

export interface ConsentRequest {
  given: boolean;
  recordedAt: string;
  note?: string;
}

export interface AppointExaminationRequest {
  type: ExaminationType;
  institution: string;
  dueAt: string;
  tier?: ExaminationTier;
  consent: ConsentRequest;
}

export interface UpdateExaminationRequest {
  institution?: string;
  dueAt?: string;
  consent?: ConsentRequest;
  noImplicatedOfficerPresent?: boolean;
  conclusion?: IstanbulConclusion;
  conclusionNotes?: string;
  status?: Exclude<ExaminationStatus, 'appointed'>;
}

/* Those responsible and the routes of their responsibility */

/** Names of suspected officers never reach the police (often the implicated agency) nor observers. */
export const RESPONSIBILITY_TIER: Tier = 'oversight';

export const RESPONSIBLE_KINDS = ['person', 'unit'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

export const RESPONSIBILITY_ROUTES = ['criminal', 'disciplinary', 'suspension'] as const;
export type ResponsibilityRouteKind = (typeof RESPONSIBILITY_ROUTES)[number];

export interface ResponsibilityRoute {
  id: string;
  responsibleId: string;
  route: ResponsibilityRouteKind;
  /** The criminal code article of a criminal case; `null` for the other routes unless given. */
  article: string | null;
  openedAt: string;
  result: string | null;
  decidedAt: string | null;
}

export interface Responsible {
  id: string;
  caseId: string;
  kind: ResponsibleKind;
  name: string;
  rank: string | null;
  agency: AgencyRef | null;
  position: string | null;
  routes: ResponsibilityRoute[];
  addedBy: OfficialRef;
  addedAt: string;
}

export interface AddResponsibleRequest {
  kind: ResponsibleKind;
  name: string;
  rank?: string;
  agencyId?: string;
  position?: string;
}

export interface OpenRouteRequest {
  route: ResponsibilityRouteKind;
  article?: string;
  openedAt?: string;
}

export interface DecideRouteRequest {
  result: string;
  decidedAt?: string;
}

/* Causes and conditions, and the remedial measures adopted against them */

/** The police carry the measures out, so they read them; observers do not. */
export const MEASURES_TIER: Tier = 'state';

/** Acts of prosecutorial response. */
export const PROSECUTORIAL_ACTS = ['representation', 'protest', 'order', 'warning', 'other'] as const;
export type ProsecutorialAct = (typeof PROSECUTORIAL_ACTS)[number];

export const MEASURE_STATUSES = ['open', 'done'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export interface RemedialMeasure {
  id: string;
  caseId: string;
  cause: string;
  act: ProsecutorialAct;
  description: string;
  addressedTo: AgencyRef | null;
  dueAt: string;
  status: MeasureStatus;
  /** Open and past its due time. */
  overdue: boolean;
  adoptedBy: OfficialRef;
  adoptedAt: string;
  completionNote: string | null;
  completedBy: OfficialRef | null;
  completedAt: string | null;
}

export interface AdoptMeasureRequest {
  cause: string;
  act: ProsecutorialAct;
  description: string;
  addressedToAgencyId?: string;
  dueAt: string;
}

export interface CompleteMeasureRequest {
  status: 'done';
  completionNote: string;
}

/* The victim's remedies */

/** They touch the victim: `oversight`. */
export const REMEDIES_TIER: Tier = 'oversight';

export const COMPENSATION_STATUSES = ['none', 'claimed', 'awarded', 'paid'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

export const COMPENSATION_CURRENCIES = ['KZT'] as const;
export type CompensationCurrency = (typeof COMPENSATION_CURRENCIES)[number];

/** The largest amount stored (numeric(14,2)). */
export const COMPENSATION_MAX_AMOUNT = 999_999_999_999.99;

export interface Compensation {
  amount: number;
  currency: CompensationCurrency;
  status: CompensationStatus;
}

export interface Remedies {
  caseId: string;
  rightsRestored: string | null;
  compensation: Compensation | null;
  /** `null` until first recorded. */
  updatedBy: OfficialRef | null;
  updatedAt: string | null;
}

/** The whole record: a field left out is cleared. */
export interface PutRemediesRequest {
  rightsRestored?: string;
  compensation?: Compensation;
}

/* Events: the `data` of each type (the catalogue is `CaseEventData`) */

export interface ExaminationAppointedData {
  examinationId: string;
  type: ExaminationType;
  institution: string;
  dueAt: string;
}

/** The fields that changed, with their new values; free-text notes are named but not copied into the log. */
export interface ExaminationUpdatedData {
  examinationId: string;
  changed: string[];
  institution?: string;
  dueAt?: string;
  consentGiven?: boolean;
  noImplicatedOfficerPresent?: boolean;
  conclusion?: IstanbulConclusion;
}

export interface ExaminationCompletedData {
  examinationId: string;
  type: ExaminationType;
  conclusion: IstanbulConclusion;
}

export interface ExaminationCancelledData {
  examinationId: string;
}

export interface ResponsibleAddedData {
  responsibleId: string;
  kind: ResponsibleKind;
  name: string;
  rank: string | null;
  agencyId: string | null;
  position: string | null;
}

export interface RouteOpenedData {
  responsibleId: string;
  routeId: string;
  route: ResponsibilityRouteKind;
  article: string | null;
  openedAt: string;
}

export interface RouteDecidedData {
  responsibleId: string;
  routeId: string;
  route: ResponsibilityRouteKind;
  result: string;
  decidedAt: string;
}

export interface MeasureAdoptedData {
  measureId: string;
  cause: string;
  act: ProsecutorialAct;
  description: string;
  addressedToAgencyId: string | null;
  dueAt: string;
}

export interface MeasureCompletedData {
  measureId: string;
  completionNote: string;
}

/** Never the victim's identity, nor the free text about the restored rights. */
export interface RemediesUpdatedData {
  rightsRestored: boolean;
  compensation: Compensation | null;
}
