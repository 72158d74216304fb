import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Case,
  CaseStatus,
  CaseMember,
  CaseSummary,
  ChangeStatusRequest,
  CreateCaseRequest,
  EventsPage,
  Intake,
  FacilityKind,
  Page,
  VerifyResult,
} from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';

/** How the case list is ordered: by the last activity (the default), or the most urgent first. */
export type CaseSort = 'activity' | 'urgency';

/** What the case list is narrowed to: every field left out (or empty) narrows nothing. */
export interface CaseFilter {
  /** Reference, summary, place name, victim pseudonym (the victim's name for those cleared). */
  q?: string;
  status?: readonly CaseStatus[];
  placeId?: string;
  facilityKind?: FacilityKind;
  overdue?: boolean;
  assignedToMe?: boolean;
  agencyId?: string;
  sort?: CaseSort;
}

export interface CaseListQuery extends CaseFilter {
  limit?: number;
  cursor?: string | null;
}

/** The query parameters of `GET /api/cases` for a filter (and a page): only what narrows is sent. */
export function caseListParams(query: CaseListQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) {
    params = params.set('q', q);
  }
  if (query.status && query.status.length > 0) {
    params = params.set('status', query.status.join(','));
  }
  for (const key of ['placeId', 'facilityKind', 'agencyId'] as const) {
    const value = query[key];
    if (value) {
      params = params.set(key, value);
    }
  }
  if (query.overdue) {
    params = params.set('overdue', 'true');
  }
  if (query.assignedToMe) {
    params = params.set('assignedToMe', 'true');
  }
  if (query.sort && query.sort !== 'activity') {
    params = params.set('sort', query.sort);
  }
  if (query.limit !== undefined) {
    params = params.set('limit', query.limit);
  }
  if (query.cursor) {
    params = params.set('cursor', query.cursor);
  }
  return params;
}

/** The case endpoints over REST; live traffic goes through `CaseSocket`. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** Cases the caller may see that match the filter, newest activity (or most urgent) first. */
  list(query: CaseListQuery = {}): Observable<Page<CaseSummary>> {
    return this.http.get<Page<CaseSummary>>(API_URLS.cases, { params: caseListParams(query) });
  }

  get(caseId: string): Observable<Case> {
    return this.http.get<Case>(caseUrl(caseId));
  }

  /** Registers a report; the server makes the on-duty prosecutors members at once. */
  create(request: CreateCaseRequest): Observable<Case> {
    return this.http.post<Case>(API_URLS.cases, request);
  }

  /** The intake record: 404 below the `oversight` clearance. */
  intake(caseId: string): Observable<Intake> {
    return this.http.get<Intake>(`${caseUrl(caseId)}/intake`);
  }

  /** Moves the case along its status machine (prosecutors); 409 when the move is not allowed. */
  changeStatus(caseId: string, request: ChangeStatusRequest): Observable<{ status: CaseStatus }> {
    return this.http.post<{ status: CaseStatus }>(`${caseUrl(caseId)}/status`, request);
  }

  /** Brings a case worker into the case (prosecutors); 409 for an officer of the implicated unit. */
  addMember(caseId: string, userId: string): Observable<CaseMember> {
    return this.http.post<CaseMember>(`${caseUrl(caseId)}/members`, { userId });
  }

  /** Takes a member out of the case: their open screens leave it at once. */
  removeMember(caseId: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${caseUrl(caseId)}/members/${encodeURIComponent(userId)}`);
  }

  /** Recomputes the case's hash chain: whether the record is as it was written. */
  verify(caseId: string): Observable<VerifyResult> {
    return this.http.get<VerifyResult>(`${caseUrl(caseId)}/verify`);
  }

  /** Older history: events with `seq < beforeSeq`, newest first. */
  eventsBefore(caseId: string, beforeSeq: number, limit: number): Observable<EventsPage> {
    const params = new HttpParams().set('beforeSeq', beforeSeq).set('limit', limit);
    return this.http.get<EventsPage>(`${caseUrl(caseId)}/events`, { params });
  }
}

/** `/api/cases/:id`: the root of every per-case endpoint. */
export function caseUrl(caseId: string): string {
  return `${API_URLS.cases}/${encodeURIComponent(caseId)}`;
}
