import type { Params, ParamMap } from '@angular/router';
import { CASE_STATUSES, FACILITY_KINDS, type CaseStatus, type FacilityKind } from '@vigil/contracts';
import type { CaseFilter } from '@vigil/web-data-access';

/** The longest search the server takes. */
export const CASE_SEARCH_MAX_LENGTH = 200;

/**
 * The case list's filter as the URL keeps it (`?q=…&status=registered,investigating&overdue=true`),
 * so that a reload or the back button brings the same list. Unknown values are dropped.
 */
export function filterFromParams(params: ParamMap): CaseFilter {
  const filter: CaseFilter = {};
  const q = params.get('q')?.trim().slice(0, CASE_SEARCH_MAX_LENGTH);
  if (q) {
    filter.q = q;
  }
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((value): value is CaseStatus => (CASE_STATUSES as readonly string[]).includes(value));
  if (status.length > 0) {
    filter.status = status;
  }
  const facilityKind = params.get('facilityKind');
  if (facilityKind && (FACILITY_KINDS as readonly string[]).includes(facilityKind)) {
    filter.facilityKind = facilityKind as FacilityKind;
  }
  for (const key of ['placeId', 'agencyId'] as const) {
    const value = params.get(key);
    if (value) {
      filter[key] = value;
    }
  }
  if (params.get('overdue') === 'true') {
    filter.overdue = true;
  }
  if (params.get('assignedToMe') === 'true') {
    filter.assignedToMe = true;
  }
  if (params.get('sort') === 'urgency') {
    filter.sort = 'urgency';
  }
  return filter;
}

/** The query of a filter: every key is named, so that a cleared filter leaves the URL. */
export function paramsFromFilter(filter: CaseFilter): Params {
  return {
    q: filter.q?.trim() || null,
    status: filter.status?.length ? filter.status.join(',') : null,
    placeId: filter.placeId || null,
    facilityKind: filter.facilityKind || null,
    overdue: filter.overdue ? 'true' : null,
    assignedToMe: filter.assignedToMe ? 'true' : null,
    agencyId: filter.agencyId || null,
    sort: filter.sort === 'urgency' ? 'urgency' : null,
  };
}

/** Whether the filter narrows the list at all (the sort alone does not). */
export function narrows(filter: CaseFilter): boolean {
  return Boolean(
    filter.q || filter.status?.length || filter.placeId || filter.facilityKind || filter.overdue || filter.assignedToMe || filter.agencyId,
  );
}

/** Two filters ask for the same list. */
export function sameFilter(a: CaseFilter, b: CaseFilter): boolean {
  return JSON.stringify(paramsFromFilter(a)) === JSON.stringify(paramsFromFilter(b));
}
