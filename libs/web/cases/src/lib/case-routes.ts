import type { Route, UrlMatchResult, UrlSegment } from '@angular/router';
import { isCaseTab, RegisterCase } from '@vigil/web-workflow';
import { CaseList } from './case-list';
import { CaseRoomPage } from './case-room-page';

/**
 * `:id` and `:id/:tab` as one route, so that switching tabs keeps the case page (and its live
 * room) instead of building it again.
 */
export function casePageMatcher(segments: UrlSegment[]): UrlMatchResult | null {
  const [id, tab] = segments;
  if (!id || segments.length > 2 || (tab && !isCaseTab(tab.path))) {
    return null;
  }
  return { consumed: segments, posParams: tab ? { id, tab } : { id } };
}

export const caseRoutes: Route[] = [
  { path: '', component: CaseList },
  { path: 'new', component: RegisterCase },
  { matcher: casePageMatcher, component: CaseRoomPage },
];
