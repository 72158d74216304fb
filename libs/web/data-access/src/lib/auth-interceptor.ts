import { HttpContextToken, HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject, InjectionToken } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { isApiUrl, isTokenExchange } from './api-urls';
import { Session } from './session';

/** Where the app goes when the session cannot be renewed. */
export const SIGN_IN_URL = new InjectionToken<string>('SIGN_IN_URL', { factory: () => '/sign-in' });

const RETRIED_AFTER_REFRESH = new HttpContextToken<boolean>(() => false);

/**
 * Adds `Authorization: Bearer` to API requests. On a 401 it refreshes the token once and
 * retries the request once; if the refresh fails the session ends and the app signs in again.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url) || isTokenExchange(request.url)) {
    return next(request);
  }
  const session = inject(Session);
  const router = inject(Router);
  const signInUrl = inject(SIGN_IN_URL);
  const sentToken = session.accessToken();

  return next(withBearer(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || request.context.get(RETRIED_AFTER_REFRESH)) {
        return throwError(() => error);
      }
      // Another request may already have renewed the token while this one was in flight.
      const current = session.accessToken();
      const renewed = current !== null && current !== sentToken ? Promise.resolve(current) : session.refresh();
      return from(renewed).pipe(
        catchError(() => {
          session.clear();
          void router.navigateByUrl(signInUrl);
          return throwError(() => error);
        }),
        switchMap((token) => {
          const retry = request.clone({ context: request.context.set(RETRIED_AFTER_REFRESH, true) });
          return next(withBearer(retry, token));
        }),
      );
    }),
  );
};

function withBearer<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}
