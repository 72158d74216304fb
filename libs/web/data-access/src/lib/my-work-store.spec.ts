import { TestBed } from '@angular/core/testing';
import type { MyWork, Task, VisitAlert } from '@vigil/contracts';
import { of, Subject } from 'rxjs';
import { CaseSocket, type CaseActivity } from './case-socket';
import { MY_WORK_REFRESH_DELAY_MS, MyWorkStore, workByCase } from './my-work-store';
import { WorkflowApi } from './workflow-api';

const empty: MyWork = { tasks: [], visits: [] };

describe('MyWorkStore', () => {
  let activity$: Subject<CaseActivity>;
  let alerts$: Subject<VisitAlert>;
  let connected$: Subject<void>;
  let myWork: jest.Mock;
  let store: MyWorkStore;

  beforeEach(() => {
    jest.useFakeTimers();
    activity$ = new Subject();
    alerts$ = new Subject();
    connected$ = new Subject();
    myWork = jest.fn().mockReturnValue(of(empty));
    TestBed.configureTestingModule({
      providers: [
        MyWorkStore,
        { provide: WorkflowApi, useValue: { myWork } },
        { provide: CaseSocket, useValue: { connect: jest.fn(), activity$, alerts$, connected$ } },
      ],
    });
    store = TestBed.inject(MyWorkStore);
  });

  afterEach(() => jest.useRealTimers());

  it('reads my work again once after a burst of activity in my cases', async () => {
    await store.load();
    expect(myWork).toHaveBeenCalledTimes(1);

    activity$.next({ caseId: 'a', headSeq: 3, updatedAt: '2026-03-01T10:00:00.000Z', newEvents: 1 });
    activity$.next({ caseId: 'b', headSeq: 7, updatedAt: '2026-03-01T10:00:01.000Z', newEvents: 1 });
    alerts$.next({ kind: 'visit_deadline_missed', caseId: 'a', reference: 'TST-1', visitDueAt: '2026-03-01T09:00:00.000Z' });
    expect(myWork).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(MY_WORK_REFRESH_DELAY_MS);
    expect(myWork).toHaveBeenCalledTimes(2);
  });

  it('waits for the first load before following activity', async () => {
    activity$.next({ caseId: 'a', headSeq: 3, updatedAt: '2026-03-01T10:00:00.000Z', newEvents: 1 });
    connected$.next();
    await jest.advanceTimersByTimeAsync(MY_WORK_REFRESH_DELAY_MS);
    expect(myWork).not.toHaveBeenCalled();
  });

  it("learns how far the server's clock is from the device's", async () => {
    jest.setSystemTime(Date.parse('2026-03-01T12:00:00.000Z'));
    myWork.mockReturnValue(of({ ...empty, now: '2026-03-01T12:05:00.000Z' }));
    await store.load();
    expect(store.clockSkewMs()).toBe(5 * 60_000);
  });
});

describe('workByCase', () => {
  const now = Date.parse('2026-03-01T12:00:00.000Z');
  const task = (id: string, caseId: string, dueAt: string, overdue = false): Task => ({
    id,
    caseId,
    caseReference: `TST-${caseId}`,
    kind: 'other',
    title: `Task ${id}`,
    details: null,
    tier: 'room',
    assignee: { agency: { id: 'agency-1', name: 'Test Police Unit', kind: 'police' }, user: null },
    dueAt,
    overdue,
    status: 'open',
    result: null,
    createdBy: { userId: 'user-1', displayName: 'Test Prosecutor' },
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });

  it('groups by case, overdue first, then the nearest deadline, within and across cases', () => {
    const groups = workByCase(
      {
        tasks: [
          task('far', 'a', '2026-03-03T12:00:00.000Z'),
          task('soon', 'b', '2026-03-01T13:00:00.000Z'),
          task('passed', 'a', '2026-03-01T11:00:00.000Z'),
          task('flagged', 'c', '2026-03-01T12:30:00.000Z', true),
        ],
        visits: [
          { caseId: 'b', reference: 'TST-b', summary: 'Invented summary b', status: 'registered', visitDueAt: '2026-03-01T14:00:00.000Z', overdue: false },
        ],
      },
      now,
    );
    expect(groups.map((group) => group.caseId)).toEqual(['a', 'c', 'b']);
    expect(groups[0].items.map((item) => (item.kind === 'task' ? item.task.id : 'visit'))).toEqual(['passed', 'far']);
    expect(groups[0].items.map((item) => item.overdue)).toEqual([true, false]);
    expect(groups[1].items[0].overdue).toBe(true);
    expect(groups[2]).toMatchObject({ reference: 'TST-b', summary: 'Invented summary b' });
    expect(groups[2].items.map((item) => item.kind)).toEqual(['task', 'visit']);
    expect(groups[0].summary).toBeNull();
  });

  it('heads every case with its summary from the list of cases the server sends', () => {
    const groups = workByCase(
      {
        tasks: [task('one', 'a', '2026-03-02T12:00:00.000Z')],
        visits: [],
        cases: [{ id: 'a', reference: 'TST-a', summary: 'Invented summary a', status: 'investigating' }],
        now: '2026-03-01T12:00:00.000Z',
      },
      now,
    );
    expect(groups).toEqual([expect.objectContaining({ caseId: 'a', summary: 'Invented summary a' })]);
  });
});
