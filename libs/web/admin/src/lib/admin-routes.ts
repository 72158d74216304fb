import type { Route } from '@angular/router';
import { AccountList } from './account-list';
import { AdminArea } from './admin-area';
import { AgencyList } from './agency-list';

export const adminRoutes: Route[] = [
  {
    path: '',
    component: AdminArea,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'agencies' },
      { path: 'agencies', component: AgencyList },
      { path: 'accounts', component: AccountList },
    ],
  },
];
