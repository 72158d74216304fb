import { agencyRef } from '@vigil/api-database';
import type {
  AccountEntity,
  ExaminationEntity,
  RemedialMeasureEntity,
  ResponsibilityRouteEntity,
  ResponsiblePartyEntity,
  VictimRemediesEntity,
} from '@vigil/api-database';
import type { Examination, OfficialRef, RemedialMeasure, Remedies, Responsible, ResponsibilityRoute } from '@vigil/contracts';

/** Rows are read with the relations named here; a missing one is a programming error. */
function loaded<T>(value: T | null | undefined, relation: string): T {
  if (value === undefined || value === null) throw new Error(`relation ${relation} not loaded`);
  return value;
}

const official = (account: AccountEntity): OfficialRef => ({ userId: account.id, displayName: account.displayName });


/** Relations to load with an examination. */
export const EXAMINATION_RELATIONS = { appointedBy: true } as const;

export function toExamination(row: ExaminationEntity): Examination {
  return {
    id: row.id,
    caseId: row.caseId,
    type: row.type,
    institution: row.institution,
    dueAt: row.dueAt.toISOString(),
    tier: row.tier,
    status: row.status,
    consent: { given: row.consentGiven, recordedAt: row.consentRecordedAt.toISOString(), note: row.consentNote },
    noImplicatedOfficerPresent: row.noImplicatedOfficerPresent,
    conclusion: row.conclusion,
    conclusionNotes: row.conclusionNotes,
    appointedBy: official(loaded(row.appointedBy, 'appointedBy')),
    appointedAt: row.appointedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** Relations to load with one responsible. */
export const RESPONSIBLE_RELATIONS = { agency: true, addedBy: true, routes: true } as const;

export function toRoute(row: ResponsibilityRouteEntity): ResponsibilityRoute {
  return {
    id: row.id,
    responsibleId: row.responsibleId,
    route: row.route,
    article: row.article,
    openedAt: row.openedAt.toISOString(),
    result: row.result,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export function toResponsible(row: ResponsiblePartyEntity): Responsible {
  const routes = [...loaded(row.routes, 'routes')].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id));
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    name: row.name,
    rank: row.rank,
    agency: row.agencyId ? agencyRef(loaded(row.agency, 'agency')) : null,
    position: row.position,
    routes: routes.map(toRoute),
    addedBy: official(loaded(row.addedBy, 'addedBy')),
    addedAt: row.addedAt.toISOString(),
  };
}

/** Relations to load with a measure. */
export const MEASURE_RELATIONS = { addressedTo: true, adoptedBy: true, completedBy: true } as const;

export function toMeasure(row: RemedialMeasureEntity, now: Date): RemedialMeasure {
  return {
    id: row.id,
    caseId: row.caseId,
    cause: row.cause,
    act: row.act,
    description: row.description,
    addressedTo: row.addressedToAgencyId ? agencyRef(loaded(row.addressedTo, 'addressedTo')) : null,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    overdue: isOverdue(row, now),
    adoptedBy: official(loaded(row.adoptedBy, 'adoptedBy')),
    adoptedAt: row.adoptedAt.toISOString(),
    completionNote: row.completionNote,
    completedBy: row.completedById ? official(loaded(row.completedBy, 'completedBy')) : null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** A measure is overdue while it is open past its due time. */
export function isOverdue(measure: Pick<RemedialMeasureEntity, 'status' | 'dueAt'>, now: Date): boolean {
  return measure.status === 'open' && measure.dueAt.getTime() < now.getTime();
}

export function toRemedies(caseId: string, row: VictimRemediesEntity | null): Remedies {
  if (!row) return { caseId, rightsRestored: null, compensation: null, updatedBy: null, updatedAt: null };
  const { compensationAmount: amount, compensationCurrency: currency, compensationStatus: status } = row;
  return {
    caseId,
    rightsRestored: row.rightsRestored,
    compensation: amount !== null && currency !== null && status !== null ? { amount, currency, status } : null,
    updatedBy: official(loaded(row.updatedBy, 'updatedBy')),
    updatedAt: row.updatedAt.toISOString(),
  };
}
