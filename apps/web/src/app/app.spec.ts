import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Me } from '@vigil/contracts';
import { API_URLS, authInterceptor, Session, SOCKET_CONNECTOR, type VigilSocket } from '@vigil/web-data-access';
import { App } from './app';
import { appRoutes } from './app.routes';

// Routes load whole feature areas (the case page with every tab): on a busy machine the first render takes a while.
jest.setTimeout(30_000);

const agency = { id: '3c1e9a52-7f0b-4d2e-9a61-1f2e3d4c5b6a', name: 'Test Office', kind: 'prosecutor' } as const;
const person = (role: Me['role']): Me => ({
  id: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  email: 'person@example.test',
  displayName: 'Test Person',
  role,
  agency,
});

const settle = () => new Promise((resolve) => setTimeout(resolve));

/** A socket that never connects: these tests are about routes. */
const quietSocket = {
  connected: false,
  active: true,
  on: () => quietSocket,
  off: () => quietSocket,
  emit: () => quietSocket,
  connect: () => quietSocket,
  disconnect: () => quietSocket,
} as unknown as VigilSocket;

describe('App routes', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: SOCKET_CONNECTOR, useValue: () => quietSocket },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function signInAs(role: Me['role']): Promise<void> {
    const signedIn = TestBed.inject(Session).signIn('person@example.test', 'secret-password');
    backend.expectOne(API_URLS.login).flush({ accessToken: 'token', expiresIn: 900, user: person(role) });
    await settle();
    backend.expectOne(API_URLS.me).flush(person(role));
    await signedIn;
  }

  it('sends the signed out to sign-in', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(harness.routeNativeElement?.querySelector('button[type="submit"]')?.textContent).toContain('Sign in');
  });

  it('lands a case worker on their cases and keeps them out of the admin area', async () => {
    await signInAs('ombudsman');
    const harness = await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/cases');
    backend.expectOne((request) => request.url === API_URLS.cases).flush({ items: [], nextCursor: null });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain('Welcome, Test Person');
    expect(harness.routeNativeElement?.textContent).toContain('No cases yet.');

    await harness.navigateByUrl('/admin');
    expect(TestBed.inject(Router).url).toBe('/cases');
    backend.match((request) => request.url === API_URLS.cases).forEach((request) => request.flush({ items: [], nextCursor: null }));
  });

  it('gives case workers their work and the register of places, each in the navigation', async () => {
    await signInAs('police');
    const harness = await RouterTestingHarness.create('/my-work');
    expect(TestBed.inject(Router).url).toBe('/my-work');
    backend.expectOne(API_URLS.myWork).flush({ tasks: [], visits: [] });
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.textContent).toContain('No open tasks.');
    const nav = (testId: string) => page.ownerDocument.querySelector(`[data-testid="${testId}"]`)?.getAttribute('href');
    expect([nav('nav-cases'), nav('nav-my-work'), nav('nav-places')]).toEqual(['/cases', '/my-work', '/places']);

    await harness.navigateByUrl('/places');
    backend.expectOne(API_URLS.places).flush([]);
    await settle();
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain('The register has no places yet.');
  });

  it('keeps an admin out of "My work"', async () => {
    await signInAs('admin');
    await RouterTestingHarness.create('/my-work');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/agencies');
    backend.expectNone(API_URLS.myWork);
    backend.match(() => true).forEach((request) => request.flush([]));
  });

  it('keeps an admin out of case work', async () => {
    await signInAs('admin');
    await RouterTestingHarness.create('/cases');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/agencies');
    backend.expectNone((request) => request.url === API_URLS.cases);
    backend.match(() => true).forEach((request) => request.flush([]));
  });

  it('lands an admin on the admin area', async () => {
    await signInAs('admin');
    await RouterTestingHarness.create('/');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/agencies');
    backend.match(() => true).forEach((request) => request.flush([]));
  });
});
