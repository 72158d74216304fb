import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgencyRef, CaseMember } from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';

/** Who works on cases: the active agencies (any case worker) and accounts (prosecutors only). */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  agencies(): Observable<AgencyRef[]> {
    return this.http.get<AgencyRef[]>(API_URLS.caseAgencies);
  }

  people(): Observable<CaseMember[]> {
    return this.http.get<CaseMember[]>(API_URLS.directory);
  }
}
