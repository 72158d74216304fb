import { TestBed } from '@angular/core/testing';
import type { MyWork, VisitAlert } from '@vigil/contracts';
import { of, Subject } from 'rxjs';
import { CaseSocket, type CaseActivity } from './case-socket';
import { MY_WORK_REFRESH_DELAY_MS, MyWorkStore } from './my-work-store';
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
});
