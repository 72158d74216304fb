import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AddEvidenceFields,
  CustodyEntry,
  Evidence,
  SupersedeEvidenceRequest,
  TransferCustodyRequest,
} from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { caseUrl } from './cases-api';

/** The multipart field of the file, as the server reads it. */
export const EVIDENCE_FILE_FIELD = 'file';

/** Evidence files of a case, their chain of custody and the superseded mark. */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  private readonly http = inject(HttpClient);

  list(caseId: string): Observable<Evidence[]> {
    return this.http.get<Evidence[]>(evidenceUrl(caseId));
  }

  /** Uploads one file with its fields (multipart); 413 when too large, 400 naming `file` for a refused type. */
  add(caseId: string, file: File, fields: AddEvidenceFields): Observable<Evidence> {
    const body = new FormData();
    body.set('title', fields.title);
    if (fields.description) {
      body.set('description', fields.description);
    }
    if (fields.tier) {
      body.set('tier', fields.tier);
    }
    if (fields.collectedAt) {
      body.set('collectedAt', fields.collectedAt);
    }
    // Last, so that the text fields are read before the file streams in.
    body.set(EVIDENCE_FILE_FIELD, file, file.name);
    return this.http.post<Evidence>(evidenceUrl(caseId), body);
  }

  /** The stored file; 409 when it failed its integrity check (the error body then comes as a Blob). */
  content(caseId: string, evidenceId: string): Observable<Blob> {
    return this.http.get(`${evidenceUrl(caseId, evidenceId)}/content`, { responseType: 'blob' });
  }

  transferCustody(caseId: string, evidenceId: string, request: TransferCustodyRequest): Observable<CustodyEntry> {
    return this.http.post<CustodyEntry>(`${evidenceUrl(caseId, evidenceId)}/custody`, request);
  }

  supersede(caseId: string, evidenceId: string, request: SupersedeEvidenceRequest): Observable<Evidence> {
    return this.http.post<Evidence>(`${evidenceUrl(caseId, evidenceId)}/supersede`, request);
  }
}

function evidenceUrl(caseId: string, evidenceId?: string): string {
  const base = `${caseUrl(caseId)}/evidence`;
  return evidenceId ? `${base}/${encodeURIComponent(evidenceId)}` : base;
}
