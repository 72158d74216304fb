import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CaseSummary, CreatePlaceRequest, Place, UpdatePlaceRequest } from '@vigil/contracts';
import type { Observable } from 'rxjs';
import { API_URLS } from './api-urls';

export interface PlaceWithCases {
  place: Place;
  /** The cases of the place that the caller may see. */
  cases: CaseSummary[];
}

/** The register of places of detention; prosecutors add and edit entries. */
@Injectable({ providedIn: 'root' })
export class PlacesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Place[]> {
    return this.http.get<Place[]>(API_URLS.places);
  }

  get(placeId: string): Observable<PlaceWithCases> {
    return this.http.get<PlaceWithCases>(placeUrl(placeId));
  }

  create(request: CreatePlaceRequest): Observable<Place> {
    return this.http.post<Place>(API_URLS.places, request);
  }

  update(placeId: string, request: UpdatePlaceRequest): Observable<Place> {
    return this.http.patch<Place>(placeUrl(placeId), request);
  }
}

function placeUrl(placeId: string): string {
  return `${API_URLS.places}/${encodeURIComponent(placeId)}`;
}
