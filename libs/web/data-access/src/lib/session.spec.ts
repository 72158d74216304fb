import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me } from '@vigil/contracts';
import { API_URLS } from './api-urls';
import { authInterceptor } from './auth-interceptor';
import { Session, SIGNED_IN_MARKER_KEY } from './session';

const admin: Me = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  email: 'admin@example.test',
  displayName: 'Test Admin',
  role: 'admin',
  agency: { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Test Office', kind: 'prosecutor' },
};

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('Session', () => {
  let backend: HttpTestingController;
  let session: Session;

  beforeEach(() => {
    localStorage.setItem(SIGNED_IN_MARKER_KEY, '1');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
  });

  afterEach(() => backend.verify());

  it('restores a session from the refresh cookie on start', async () => {
    const restored = session.restore();
    backend.expectOne(API_URLS.refresh).flush({ accessToken: 'token-r', expiresIn: 900 });
    await settle();
    const me = backend.expectOne(API_URLS.me);
    expect(me.request.headers.get('Authorization')).toBe('Bearer token-r');
    me.flush(admin);

    await expect(restored).resolves.toBe(true);
    expect(session.signedIn()).toBe(true);
    expect(session.isAdmin()).toBe(true);
  });

  it('stays signed out when there is no valid refresh cookie', async () => {
    const restored = session.restore();
    backend
      .expectOne(API_URLS.refresh)
      .flush({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBe(false);
    expect(session.signedIn()).toBe(false);
  });

  it('does not ask the server when this browser holds no sign-in, and remembers one once signed in', async () => {
    localStorage.removeItem(SIGNED_IN_MARKER_KEY);
    await expect(session.restore()).resolves.toBe(false);
    backend.expectNone(API_URLS.refresh);

    const signedIn = session.signIn(admin.email, 'secret-password');
    backend.expectOne(API_URLS.login).flush({ accessToken: 'token-1', expiresIn: 900, user: admin });
    await settle();
    backend.expectOne(API_URLS.me).flush(admin);
    await signedIn;
    expect(localStorage.getItem(SIGNED_IN_MARKER_KEY)).toBe('1');
  });

  it('forgets the sign-in when the refresh cookie no longer works', async () => {
    const restored = session.restore();
    backend.expectOne(API_URLS.refresh).flush({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await restored;
    expect(localStorage.getItem(SIGNED_IN_MARKER_KEY)).toBeNull();
  });

  it('signs out on the server with the bearer token and forgets the session', async () => {
    const signedIn = session.signIn(admin.email, 'secret-password');
    backend.expectOne(API_URLS.login).flush({ accessToken: 'token-1', expiresIn: 900, user: admin });
    await settle();
    backend.expectOne(API_URLS.me).flush(admin);
    await signedIn;

    const signedOut = session.signOut();
    const logout = backend.expectOne(API_URLS.logout);
    expect(logout.request.method).toBe('POST');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer token-1');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;

    expect(session.accessToken()).toBeNull();
    expect(session.me()).toBeNull();
  });
});
