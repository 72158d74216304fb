import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AddResponsibleRequest,
  AdoptMeasureRequest,
  AppointExaminationRequest,
  CompleteMeasureRequest,
  DecideRouteRequest,
  Examination,
  OpenRouteRequest,
  PutRemediesRequest,
  RemedialMeasure,
  Remedies,
  Responsible,
  ResponsibilityRoute,
  UpdateExaminationRequest,
} from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { caseUrl } from './cases-api';

/** Forensic examinations and the outcome of a case: those responsible, remedial measures, remedies. */
@Injectable({ providedIn: 'root' })
export class ProceedingsApi {
  private readonly http = inject(HttpClient);

  examinations(caseId: string): Observable<Examination[]> {
    return this.http.get<Examination[]>(`${caseUrl(caseId)}/examinations`);
  }

  appointExamination(caseId: string, request: AppointExaminationRequest): Observable<Examination> {
    return this.http.post<Examination>(`${caseUrl(caseId)}/examinations`, request);
  }

  /** Completing needs consent, `noImplicatedOfficerPresent` and a conclusion, else 409 naming what is missing. */
  updateExamination(caseId: string, examinationId: string, request: UpdateExaminationRequest): Observable<Examination> {
    return this.http.patch<Examination>(`${caseUrl(caseId)}/examinations/${encodeURIComponent(examinationId)}`, request);
  }

  responsible(caseId: string): Observable<Responsible[]> {
    return this.http.get<Responsible[]>(`${caseUrl(caseId)}/responsible`);
  }

  addResponsible(caseId: string, request: AddResponsibleRequest): Observable<Responsible> {
    return this.http.post<Responsible>(`${caseUrl(caseId)}/responsible`, request);
  }

  openRoute(caseId: string, responsibleId: string, request: OpenRouteRequest): Observable<ResponsibilityRoute> {
    return this.http.post<ResponsibilityRoute>(`${responsibleUrl(caseId, responsibleId)}/routes`, request);
  }

  decideRoute(
    caseId: string,
    responsibleId: string,
    routeId: string,
    request: DecideRouteRequest,
  ): Observable<ResponsibilityRoute> {
    return this.http.patch<ResponsibilityRoute>(
      `${responsibleUrl(caseId, responsibleId)}/routes/${encodeURIComponent(routeId)}`,
      request,
    );
  }

  measures(caseId: string): Observable<RemedialMeasure[]> {
    return this.http.get<RemedialMeasure[]>(`${caseUrl(caseId)}/measures`);
  }

  adoptMeasure(caseId: string, request: AdoptMeasureRequest): Observable<RemedialMeasure> {
    return this.http.post<RemedialMeasure>(`${caseUrl(caseId)}/measures`, request);
  }

  completeMeasure(caseId: string, measureId: string, request: CompleteMeasureRequest): Observable<RemedialMeasure> {
    return this.http.patch<RemedialMeasure>(`${caseUrl(caseId)}/measures/${encodeURIComponent(measureId)}`, request);
  }

  /** 404 below the `oversight` clearance. */
  remedies(caseId: string): Observable<Remedies> {
    return this.http.get<Remedies>(`${caseUrl(caseId)}/remedies`);
  }

  /** The whole record: a field left out is cleared. */
  putRemedies(caseId: string, request: PutRemediesRequest): Observable<Remedies> {
    return this.http.put<Remedies>(`${caseUrl(caseId)}/remedies`, request);
  }
}

function responsibleUrl(caseId: string, responsibleId: string): string {
  return `${caseUrl(caseId)}/responsible/${encodeURIComponent(responsibleId)}`;
}
