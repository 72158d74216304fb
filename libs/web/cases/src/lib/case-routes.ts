import type { Route } from '@angular/router';
import { CaseList } from './case-list';
import { CaseRoomPage } from './case-room-page';

export const caseRoutes: Route[] = [
  { path: '', component: CaseList },
  { path: ':id', component: CaseRoomPage },
];
