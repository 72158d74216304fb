import type { Route } from '@angular/router';
import { adminGuard, caseWorkerGuard, signedInGuard, signedOutGuard } from '@vigil/web-shell';

export const appRoutes: Route[] = [
  { path: 'sign-in', loadComponent: () => import('./sign-in.page').then((m) => m.SignIn), canMatch: [signedOutGuard], title: 'Vigil' },
  {
    path: '',
    loadComponent: () => import('./shell.page').then((m) => m.Shell),
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
