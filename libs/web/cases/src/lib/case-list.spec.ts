import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CaseSummary, Me } from '@vigil/contracts';
import { CaseSocket, Session } from '@vigil/web-data-access';
import { Subject } from 'rxjs';
import { CaseList, SEARCH_DEBOUNCE_MS } from './case-list';

const me: Me = {
  id: 'c0000000-0000-4000-8000-000000000001',
  email: 'police@example.test',
  displayName: 'Test Officer',
  role: 'police',
  agency: { id: 'c0000000-0000-4000-8000-0000000000a1', name: 'Test Police Unit', kind: 'police' },
};

const summary = (id: string, reference: string, updatedAt: string, extra: Partial<CaseSummary> = {}): CaseSummary => ({
  id,
  reference,
  summary: `Invented case ${reference}`,
  status: 'investigating',
  facility: { name: 'Test Detention Centre', kind: 'temporary_detention' },
  visitDueAt: '2999-01-01T00:00:00.000Z',
  visitOverdue: false,
  headSeq: 4,
  unread: 0,
  updatedAt,
  ...extra,
});

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
/** An answer resolves its promise first, then the signals it sets render. */
async function rendered(harness: RouterTestingHarness): Promise<void> {
  await settle();
  await harness.fixture.whenStable();
}

describe('CaseList', () => {
  let activity$: Subject<{ caseId: string; headSeq: number; updatedAt: string; newEvents: number }>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    activity$ = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'cases', component: CaseList }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { me: signal(me) } },
        {
          provide: CaseSocket,
          useValue: { connect: jest.fn(), activity$, removed$: new Subject(), connected$: new Subject(), state: signal('connected') },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  /** Opens the list at `url`, answering the places and agencies the filters offer. */
  async function open(url: string): Promise<{ harness: RouterTestingHarness; host: HTMLElement }> {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url);
    await settle();
    http.expectOne('/api/places').flush([]);
    http.expectOne('/api/agencies').flush([{ id: 'agency-1', name: 'Test Police Unit', kind: 'police' }]);
    await navigation;
    return { harness, host: harness.routeNativeElement as HTMLElement };
  }

  function casesRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/cases');
  }

  const rows = (host: HTMLElement) => Array.from(host.querySelectorAll('[data-testid="case-row"]'));
  const field = (row: Element, testId: string) => row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  it('lists cases with status, facility and unread count, reordering on activity', async () => {
    const { harness, host } = await open('/cases');
    const request = casesRequest();
    expect(request.request.params.toString()).toBe('limit=50');
    request.flush({
      items: [
        summary('1', 'TST-2026-000001', '2026-03-01T12:00:00.000Z'),
        summary('2', 'TST-2026-000002', '2026-03-01T11:00:00.000Z', { status: 'registered', visitDueAt: '2026-01-01T00:00:00.000Z', unread: 2 }),
      ],
      nextCursor: null,
    });
    await rendered(harness);
    /** What the badge shows, and what a screen reader hears instead. */
    const unread = (row: Element) => Array.from(row.querySelectorAll('[data-testid="unread"] > span')).map((part) => part.textContent?.trim());

    expect(host.querySelector('[data-testid="welcome"]')?.textContent).toBe('Welcome, Test Officer');
    expect(rows(host).map((row) => field(row, 'case-reference'))).toEqual(['TST-2026-000001', 'TST-2026-000002']);
    const [first, second] = rows(host);
    expect(field(first, 'case-status')).toBe('Investigating');
    expect(first.textContent).toContain('Test Detention Centre · Temporary detention facility');
    expect(field(first, 'unread')).toBeUndefined();
    expect(field(first, 'visit-overdue')).toBeUndefined();
    expect(unread(second)).toEqual(['2 new', '2 unread events']);
    expect(field(second, 'visit-overdue')).toBe('Visit overdue');
    expect(second.getAttribute('data-overdue')).toBe('true');
    expect(host.querySelector('[data-testid="register-report"]')?.getAttribute('href')).toBe('/cases/new');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/cases/1');

    activity$.next({ caseId: '2', headSeq: 5, updatedAt: '2026-03-01T12:30:00.000Z', newEvents: 1 });
    await rendered(harness);
    expect(rows(host).map((row) => field(row, 'case-reference'))).toEqual(['TST-2026-000002', 'TST-2026-000001']);
    expect(unread(rows(host)[0])).toEqual(['3 new', '3 unread events']);
  });

  it('lists what the URL asks for, so that a reload keeps the search and the filters', async () => {
    const { harness, host } = await open('/cases?q=TST-2026&status=registered,investigating,bogus&overdue=true&sort=urgency');
    const request = casesRequest();
    expect(request.request.params.toString()).toBe('q=TST-2026&status=registered,investigating&overdue=true&sort=urgency&limit=50');
    request.flush({ items: [], nextCursor: null });
    await rendered(harness);
    expect((host.querySelector('[data-testid="case-search"]') as HTMLInputElement).value).toBe('TST-2026');
    expect(host.querySelector('[data-testid="cases-empty"]')?.textContent?.trim()).toBe('No cases match this search.');
  });

  it('searches once typing pauses, puts it in the URL, and keeps it for "show more"', async () => {
    const { harness, host } = await open('/cases');
    casesRequest().flush({ items: [summary('1', 'TST-2026-000001', '2026-03-01T12:00:00.000Z')], nextCursor: null });
    await rendered(harness);

    const input = host.querySelector('[data-testid="case-search"]') as HTMLInputElement;
    for (const typed of ['c', 'ce', 'cell']) {
      input.value = typed;
      input.dispatchEvent(new Event('input'));
    }
    http.expectNone((request) => request.url === '/api/cases');
    await settle(SEARCH_DEBOUNCE_MS + 50);
    await rendered(harness);
    expect(TestBed.inject(Router).url).toBe('/cases?q=cell');
    const search = casesRequest();
    expect(search.request.params.toString()).toBe('q=cell&limit=50');
    search.flush({ items: [summary('3', 'TST-2026-000003', '2026-03-01T10:00:00.000Z')], nextCursor: 'next-1' });
    await rendered(harness);
    expect(rows(host).map((row) => field(row, 'case-reference'))).toEqual(['TST-2026-000003']);
    expect(input.value).toBe('cell');

    (host.querySelector('.more') as HTMLButtonElement).click();
    const more = casesRequest();
    expect(more.request.params.toString()).toBe('q=cell&limit=50&cursor=next-1');
    more.flush({ items: [summary('4', 'TST-2026-000004', '2026-03-01T09:00:00.000Z')], nextCursor: null });
    await rendered(harness);
    expect(rows(host)).toHaveLength(2);

    (host.querySelector('[data-testid="filters-clear"]') as HTMLButtonElement).click();
    await rendered(harness);
    expect(TestBed.inject(Router).url).toBe('/cases');
    expect(casesRequest().request.params.toString()).toBe('limit=50');
  });
});
