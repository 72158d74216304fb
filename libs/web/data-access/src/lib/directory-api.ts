import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgencyRef, DirectoryEntry, UnitRef } from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';

/** Who works on cases: the active agencies (any case worker) and accounts (prosecutors only). */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  agencies(): Observable<AgencyRef[]> {
    return this.http.get<AgencyRef[]>(API_URLS.caseAgencies);
  }

  units(agencyId: string): Observable<UnitRef[]> {
    return this.http.get<UnitRef[]>(API_URLS.agencyUnits(agencyId));
  }

  people(): Observable<DirectoryEntry[]> {
    return this.http.get<DirectoryEntry[]>(API_URLS.directory);
  }
}
