import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ArrivalRequest,
  CreateTaskRequest,
  FindingsRequest,
  MyWork,
  Task,
  UpdateTaskRequest,
  Visit,
} from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';
import { caseUrl } from './cases-api';

/** The immediate visit, urgent actions (tasks) and "my work". */
@Injectable({ providedIn: 'root' })
export class WorkflowApi {
  private readonly http = inject(HttpClient);

  visit(caseId: string): Observable<Visit> {
    return this.http.get<Visit>(`${caseUrl(caseId)}/visit`);
  }

  dispatch(caseId: string, prosecutorId: string): Observable<Visit> {
    return this.http.post<Visit>(`${caseUrl(caseId)}/visit/dispatch`, { prosecutorId });
  }

  arrive(caseId: string, request: ArrivalRequest): Observable<Visit> {
    return this.http.post<Visit>(`${caseUrl(caseId)}/visit/arrival`, request);
  }

  recordFindings(caseId: string, request: FindingsRequest): Observable<Visit> {
    return this.http.post<Visit>(`${caseUrl(caseId)}/visit/findings`, request);
  }

  tasks(caseId: string): Observable<Task[]> {
    return this.http.get<Task[]>(`${caseUrl(caseId)}/tasks`);
  }

  createTask(caseId: string, request: CreateTaskRequest): Observable<Task> {
    return this.http.post<Task>(`${caseUrl(caseId)}/tasks`, request);
  }

  updateTask(caseId: string, taskId: string, request: UpdateTaskRequest): Observable<Task> {
    return this.http.patch<Task>(`${caseUrl(caseId)}/tasks/${encodeURIComponent(taskId)}`, request);
  }

  myWork(): Observable<MyWork> {
    return this.http.get<MyWork>(API_URLS.myWork);
  }
}
