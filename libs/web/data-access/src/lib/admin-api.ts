import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Account,
  Agency,
  CreateAccountRequest,
  CreateAgencyRequest,
  CreateUnitRequest,
  Unit,
  UpdateAccountRequest,
  UpdateAgencyRequest,
  UpdateUnitRequest,
} from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';

/** Agencies, their units and accounts, for the admin role only. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  agencies(): Observable<Agency[]> {
    return this.http.get<Agency[]>(API_URLS.agencies);
  }

  createAgency(request: CreateAgencyRequest): Observable<Agency> {
    return this.http.post<Agency>(API_URLS.agencies, request);
  }

  updateAgency(id: string, request: UpdateAgencyRequest): Observable<Agency> {
    return this.http.patch<Agency>(`${API_URLS.agencies}/${encodeURIComponent(id)}`, request);
  }

  units(agencyId: string): Observable<Unit[]> {
    return this.http.get<Unit[]>(this.unitsUrl(agencyId));
  }

  createUnit(agencyId: string, request: CreateUnitRequest): Observable<Unit> {
    return this.http.post<Unit>(this.unitsUrl(agencyId), request);
  }

  renameUnit(agencyId: string, unitId: string, request: UpdateUnitRequest): Observable<Unit> {
    return this.http.patch<Unit>(`${this.unitsUrl(agencyId)}/${encodeURIComponent(unitId)}`, request);
  }

  accounts(): Observable<Account[]> {
    return this.http.get<Account[]>(API_URLS.accounts);
  }

  createAccount(request: CreateAccountRequest): Observable<Account> {
    return this.http.post<Account>(API_URLS.accounts, request);
  }

  updateAccount(id: string, request: UpdateAccountRequest): Observable<Account> {
    return this.http.patch<Account>(`${API_URLS.accounts}/${encodeURIComponent(id)}`, request);
  }

  private unitsUrl(agencyId: string): string {
    return `${API_URLS.agencies}/${encodeURIComponent(agencyId)}/units`;
  }
}
