import type { Route } from '@angular/router';
import { MyWorkPage } from './my-work';
import { PlaceDetail } from './place-detail';
import { PlaceList } from './place-list';

/** `/my-work`. */
export const myWorkRoutes: Route[] = [{ path: '', component: MyWorkPage }];

/** `/places` and `/places/:id`. */
export const placeRoutes: Route[] = [
  { path: '', component: PlaceList },
  { path: ':id', component: PlaceDetail },
];
