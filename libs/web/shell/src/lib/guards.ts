import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router, type UrlTree } from '@angular/router';
import { can, type Me } from '@vigil/contracts';
import { Session } from '@vigil/web-data-access';

export const SIGN_IN_PATH = '/sign-in';
export const ADMIN_PATH = '/admin';
/** Case workers' home: their case list. */
export const CASES_PATH = '/cases';
export const MY_WORK_PATH = '/my-work';
export const PLACES_PATH = '/places';

/** Admins land on the admin area (they see no case content); everyone else on their cases. */
export function landingPath(me: Pick<Me, 'role'>): string {
  return can(me.role, 'admin.manage') ? ADMIN_PATH : CASES_PATH;
}

function redirect(path: string): UrlTree {
  return inject(Router).parseUrl(path);
}

export const signedInGuard: CanMatchFn = () => inject(Session).signedIn() || redirect(SIGN_IN_PATH);

/** The sign-in page is only for the signed out; the signed in go where they belong. */
export const signedOutGuard: CanMatchFn = () => {
  const me = inject(Session).me();
  return me === null || redirect(landingPath(me));
};

export const adminGuard: CanMatchFn = () => inject(Session).isAdmin() || redirect(CASES_PATH);

/** Cases are case work, which an admin never sees. */
export const caseWorkerGuard: CanActivateFn = () => !inject(Session).isAdmin() || redirect(ADMIN_PATH);
