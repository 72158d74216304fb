import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginResponse, Me } from '@vigil/contracts';
import { firstValueFrom } from 'rxjs';
import { API_URLS } from './api-urls';
import { authInterceptor } from './auth-interceptor';
import { Session } from './session';

const me: Me = {
  id: '6f1c2f4e-2a8b-4c55-9d1e-0b7a3c9e1f01',
  email: 'someone@example.test',
  displayName: 'Test Person',
  role: 'police',
  agency: { id: '0d4c7f2a-11b3-4e8e-a2c5-5b6f7e8d9a10', name: 'Test Police Unit', kind: 'police' },
};

const unauthorized = { status: 401, statusText: 'Unauthorized' };
const unauthorizedBody = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired' };

/** Lets promise callbacks (the shared refresh) run before the next expectation. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: Session;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
  });

  afterEach(() => backend.verify());

  async function signIn(token: string): Promise<void> {
    const signedIn = session.signIn('someone@example.test', 'secret-password');
    const login = backend.expectOne(API_URLS.login);
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush({ accessToken: token, expiresIn: 900, user: me } satisfies LoginResponse);
    await settle();
    backend.expectOne(API_URLS.me).flush(me);
    await signedIn;
  }

  it('adds the bearer token to API requests, and only to them', async () => {
    await signIn('token-1');

    http.get('/api/admin/agencies').subscribe();
    expect(backend.expectOne('/api/admin/agencies').request.headers.get('Authorization')).toBe('Bearer token-1');

    http.get('/assets/something.json').subscribe();
    expect(backend.expectOne('/assets/something.json').request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    await signIn('token-1');
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/me'));

    backend.expectOne('/api/me').flush(unauthorizedBody, unauthorized);
    const refresh = backend.expectOne(API_URLS.refresh);
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush({ accessToken: 'token-2', expiresIn: 900 });
    await settle();

    const retry = backend.expectOne('/api/me');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
    expect(session.accessToken()).toBe('token-2');
  });

  it('shares one refresh between requests that fail together', async () => {
    await signIn('token-1');
    const first = firstValueFrom(http.get('/api/admin/agencies'));
    const second = firstValueFrom(http.get('/api/admin/accounts'));

    backend.expectOne('/api/admin/agencies').flush(unauthorizedBody, unauthorized);
    backend.expectOne('/api/admin/accounts').flush(unauthorizedBody, unauthorized);
    backend.expectOne(API_URLS.refresh).flush({ accessToken: 'token-2', expiresIn: 900 });
    await settle();

    for (const url of ['/api/admin/agencies', '/api/admin/accounts']) {
      const retry = backend.expectOne(url);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
      retry.flush([]);
    }
    await expect(Promise.all([first, second])).resolves.toEqual([[], []]);
  });

  it('does not refresh a second time when the retry is refused too', async () => {
    await signIn('token-1');
    const result = firstValueFrom(http.get('/api/me'));

    backend.expectOne('/api/me').flush(unauthorizedBody, unauthorized);
    backend.expectOne(API_URLS.refresh).flush({ accessToken: 'token-2', expiresIn: 900 });
    await settle();
    backend.expectOne('/api/me').flush(unauthorizedBody, unauthorized);

    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    backend.expectNone(API_URLS.refresh);
  });

  it('ends the session and goes to sign-in when the refresh fails', async () => {
    await signIn('token-1');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const failure = firstValueFrom(http.get('/api/me')).catch((error: unknown) => error);

    backend.expectOne('/api/me').flush(unauthorizedBody, unauthorized);
    backend.expectOne(API_URLS.refresh).flush(unauthorizedBody, unauthorized);
    await settle();

    expect(await failure).toMatchObject({ status: 401 });
    expect(session.accessToken()).toBeNull();
    expect(session.me()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/sign-in');
  });

  it('does not retry a failed sign-in', async () => {
    const attempt = session.signIn('someone@example.test', 'wrong-password');
    backend.expectOne(API_URLS.login).flush(unauthorizedBody, unauthorized);
    await expect(attempt).rejects.toMatchObject({ status: 401 });
    backend.expectNone(API_URLS.refresh);
  });
});
