import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, MyWork, Task } from '@vigil/contracts';
import { CaseSocket, Session } from '@vigil/web-data-access';
import { Subject } from 'rxjs';
import { MyWorkPage } from './my-work';

const prosecutor: Me = {
  id: 'u-p',
  email: 'prosecutor@example.test',
  displayName: 'Test Prosecutor',
  role: 'prosecutor',
  agency: { id: 'agency-p', name: 'Test Prosecutor Office', kind: 'prosecutor' },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function task(id: string, caseId: string, dueAt: number): Task {
  return {
    id,
    caseId,
    caseReference: `TST-2026-00000${caseId}`,
    kind: 'seize_cctv',
    title: `Invented task ${id}`,
    details: null,
    tier: 'state',
    assignee: { agency: prosecutor.agency, user: { userId: prosecutor.id, displayName: prosecutor.displayName } },
    dueAt: new Date(dueAt).toISOString(),
    overdue: false,
    status: 'open',
    result: null,
    createdBy: { userId: prosecutor.id, displayName: prosecutor.displayName },
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

describe('MyWorkPage', () => {
  it('shows time left or how late, the most urgent first, grouped by case', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { me: signal(prosecutor) } },
        { provide: CaseSocket, useValue: { connect: jest.fn(), activity$: new Subject(), alerts$: new Subject(), connected$: new Subject() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyWorkPage);
    const now = Date.now();
    // Half a minute of slack either way: shown to the minute, the words stay the same while the test runs.
    const work: MyWork = {
      tasks: [task('later', '1', now + 3 * HOUR + 20 * MINUTE - 30_000), task('late', '2', now - 2 * HOUR + 30_000)],
      visits: [
        {
          caseId: '1',
          reference: 'TST-2026-000001',
          summary: 'Invented summary one',
          status: 'registered',
          visitDueAt: new Date(now + 45 * MINUTE - 30_000).toISOString(),
          overdue: false,
        },
      ],
    };
    http.expectOne('/api/my-work').flush(work);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    const groups = Array.from(host.querySelectorAll('[data-testid="my-work-case"]')).map((group) => ({
      heading: group.querySelector('h2')?.textContent?.trim(),
      link: group.querySelector('[data-testid="my-work-case-link"]')?.getAttribute('href'),
      summary: group.querySelector('[data-testid="my-work-case-summary"]')?.textContent?.trim(),
      items: Array.from(group.querySelectorAll('li')).map((item) => [
        item.getAttribute('data-testid'),
        item.querySelector('[data-testid="time-left"]')?.textContent?.trim(),
      ]),
    }));
    expect(groups).toEqual([
      { heading: 'TST-2026-000002', link: '/cases/2', summary: undefined, items: [['my-task', 'overdue by 2 h 0 min']] },
      {
        heading: 'TST-2026-000001',
        link: '/cases/1',
        summary: 'Invented summary one',
        items: [
          ['my-visit', 'due in 45 min'],
          ['my-task', 'due in 3 h 20 min'],
        ],
      },
    ]);
    expect(host.querySelector('[data-testid="my-work-overdue"]')?.textContent?.trim()).toBe('1 overdue');
    http.verify();
  });
});
