import type { Route } from '@angular/router';
import { adminGuard, caseWorkerGuard, Shell, SignIn, signedInGuard, signedOutGuard } from '@vigil/web-shell';

export const appRoutes: Route[] = [
  { path: 'sign-in', component: SignIn, canMatch: [signedOutGuard], title: 'Vigil' },
  {
    path: '',
    component: Shell,
    canMatch: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'cases' },
      {
        path: 'cases',
        canActivate: [caseWorkerGuard],
        loadChildren: () => import('@vigil/web-cases').then((m) => m.caseRoutes),
        title: 'Vigil',
      },
      {
        path: 'my-work',
        canActivate: [caseWorkerGuard],
        loadChildren: () => import('@vigil/web-workflow').then((m) => m.myWorkRoutes),
        title: 'Vigil',
      },
      {
        path: 'places',
        canActivate: [caseWorkerGuard],
        loadChildren: () => import('@vigil/web-workflow').then((m) => m.placeRoutes),
        title: 'Vigil',
      },
      {
        path: 'admin',
        canMatch: [adminGuard],
        loadChildren: () => import('@vigil/web-admin').then((m) => m.adminRoutes),
        title: 'Vigil',
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
