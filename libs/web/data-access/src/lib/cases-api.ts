import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Case,
  CaseStatus,
  CaseSummary,
  ChangeStatusRequest,
  CreateCaseRequest,
  EventsPage,
  Intake,
  Page,
} from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';

export interface CaseListQuery {
  status?: CaseStatus;
  limit?: number;
  cursor?: string | null;
}

/** The case endpoints over REST; live traffic goes through `CaseSocket`. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** Cases the caller may see, newest activity first. */
  list(query: CaseListQuery = {}): Observable<Page<CaseSummary>> {
    let params = new HttpParams();
    if (query.status) {
      params = params.set('status', query.status);
    }
    if (query.limit !== undefined) {
      params = params.set('limit', query.limit);
    }
    if (query.cursor) {
      params = params.set('cursor', query.cursor);
    }
    return this.http.get<Page<CaseSummary>>(API_URLS.cases, { params });
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
