import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CaseSummary, Me } from '@vigil/contracts';
import { CaseSocket, CasesApi, Session } from '@vigil/web-data-access';
import { of, Subject } from 'rxjs';
import { CaseList } from './case-list';

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

describe('CaseList', () => {
  it('lists cases with status, facility and unread count, reordering on activity', async () => {
    localStorage.clear();
    const activity$ = new Subject<{ caseId: string; headSeq: number; updatedAt: string; newEvents: number }>();
    TestBed.configureTestingModule({
      imports: [CaseList],
      providers: [
        provideRouter([]),
        { provide: Session, useValue: { me: signal(me) } },
        {
          provide: CasesApi,
          useValue: {
            list: () =>
              of({
                items: [
                  summary('1', 'TST-2026-000001', '2026-03-01T12:00:00.000Z'),
                  summary('2', 'TST-2026-000002', '2026-03-01T11:00:00.000Z', {
                    status: 'registered',
                    visitDueAt: '2026-01-01T00:00:00.000Z',
                    unread: 2,
                  }),
                ],
                nextCursor: null,
              }),
          },
        },
        {
          provide: CaseSocket,
          useValue: { connect: jest.fn(), activity$, removed$: new Subject(), connected$: new Subject(), state: signal('connected') },
        },
      ],
    });
    const fixture = TestBed.createComponent(CaseList);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const rows = () => Array.from(host.querySelectorAll('[data-testid="case-row"]'));
    const field = (row: Element, testId: string) =>
      row.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    /** What the badge shows, and what a screen reader hears instead. */
    const unread = (row: Element) =>
      Array.from(row.querySelectorAll('[data-testid="unread"] > span')).map((part) => part.textContent?.trim());

    expect(host.querySelector('[data-testid="welcome"]')?.textContent).toBe('Welcome, Test Officer');
    expect(rows().map((row) => field(row, 'case-reference'))).toEqual(['TST-2026-000001', 'TST-2026-000002']);
    const [first, second] = rows();
    expect(field(first, 'case-status')).toBe('Investigating');
    expect(first.textContent).toContain('Test Detention Centre · Temporary detention facility');
    expect(field(first, 'unread')).toBeUndefined();
    expect(field(first, 'visit-overdue')).toBeUndefined();
    expect(unread(second)).toEqual(['2 new', '2 unread events']);
    expect(field(second, 'visit-overdue')).toBe('Visit overdue');
    expect(second.getAttribute('data-overdue')).toBe('true');
    expect(first.getAttribute('data-overdue')).toBe('false');
    expect(host.querySelector('[data-testid="register-report"]')?.getAttribute('href')).toBe('/cases/new');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/1');

    activity$.next({ caseId: '2', headSeq: 5, updatedAt: '2026-03-01T12:30:00.000Z', newEvents: 1 });
    await fixture.whenStable();
    expect(rows().map((row) => field(row, 'case-reference'))).toEqual(['TST-2026-000002', 'TST-2026-000001']);
    expect(unread(rows()[0])).toEqual(['3 new', '3 unread events']);
  });
});
