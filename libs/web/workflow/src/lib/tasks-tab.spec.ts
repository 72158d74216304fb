import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AnyCaseEvent, Case, CaseEventOf, JoinAck, Me, Task } from '@vigil/contracts';
import {
  CaseRoomStore,
  CaseSocket,
  CasesApi,
  DirectoryApi,
  Session,
  WorkflowApi,
  type ConnectionState,
} from '@vigil/web-data-access';
import { of, Subject } from 'rxjs';
import { TasksTab } from './tasks-tab';

const CASE_ID = 'f0000000-0000-4000-8000-000000000c01';
const police: Me = {
  id: 'f0000000-0000-4000-8000-000000000001',
  email: 'officer@example.test',
  displayName: 'Test Officer',
  role: 'police',
  agency: { id: 'f0000000-0000-4000-8000-0000000000a1', name: 'Test City Police', kind: 'police' },
};
const prosecutor = {
  id: 'f0000000-0000-4000-8000-000000000002',
  displayName: 'Test Prosecutor',
  role: 'prosecutor',
  agencyKind: 'prosecutor',
} as const;

const record: Case = {
  id: CASE_ID,
  reference: 'TST-2026-000099',
  summary: 'Invented report for the tasks tab',
  status: 'site_visited',
  source: 'civil_society',
  facility: { name: 'Test Station No. 9', kind: 'police_station' },
  victim: { pseudonym: 'V-1', redacted: true },
  receivedAt: '2026-02-01T09:00:00.000Z',
  allegedAt: null,
  visitDueAt: '2026-02-02T09:00:00.000Z',
  visitedAt: '2026-02-01T12:00:00.000Z',
  visitOverdue: false,
  placeId: null,
  members: [],
  headSeq: 1,
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T12:00:00.000Z',
};

const created: CaseEventOf<'case.created'> = {
  id: 'event-1',
  caseId: CASE_ID,
  seq: 1,
  prevSeq: 0,
  type: 'case.created',
  tier: 'room',
  at: '2026-02-01T09:00:00.000Z',
  actor: prosecutor,
  data: { reference: record.reference, summary: record.summary, source: record.source, facility: record.facility },
};

const task: Task = {
  id: 'f0000000-0000-4000-8000-0000000000t1',
  caseId: CASE_ID,
  caseReference: record.reference,
  kind: 'seize_cctv',
  title: 'Seize the CCTV of the night of 1 February',
  details: null,
  tier: 'state',
  assignee: { agency: police.agency, user: { userId: police.id, displayName: police.displayName } },
  dueAt: '2999-01-01T00:00:00.000Z',
  overdue: false,
  status: 'open',
  result: null,
  createdBy: { userId: prosecutor.id, displayName: prosecutor.displayName },
  createdAt: '2026-02-01T12:05:00.000Z',
  updatedAt: '2026-02-01T12:05:00.000Z',
};

const settle = async () => {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
  }
};

describe('TasksTab', () => {
  async function render() {
    localStorage.clear();
    const events$ = new Subject<AnyCaseEvent>();
    const tasks = jest.fn().mockReturnValue(of([]));
    const updateTask = jest.fn().mockReturnValue(of({ ...task, status: 'in_progress' }));
    TestBed.configureTestingModule({
      imports: [TasksTab],
      providers: [
        CaseRoomStore,
        {
          provide: CaseSocket,
          useValue: {
            state: signal<ConnectionState>('connected'),
            connected$: new Subject(),
            events$,
            typing$: new Subject(),
            presence$: new Subject(),
            reads$: new Subject(),
            removed$: new Subject(),
            connect: jest.fn(),
            join: jest
              .fn()
              .mockResolvedValue({ caseId: CASE_ID, headSeq: 1, events: [], hasMore: false, online: [] } satisfies JoinAck),
            leave: jest.fn().mockResolvedValue(undefined),
            typing: jest.fn(),
            read: jest.fn(),
          },
        },
        {
          provide: CasesApi,
          useValue: { get: () => of(record), eventsBefore: () => of({ items: [created], headSeq: 1, hasMore: false }) },
        },
        { provide: Session, useValue: { me: signal(police) } },
        { provide: WorkflowApi, useValue: { tasks, updateTask } },
        { provide: DirectoryApi, useValue: { agencies: () => of([]), people: () => of([]) } },
      ],
    });
    await TestBed.inject(CaseRoomStore).open(CASE_ID);
    const fixture = TestBed.createComponent(TasksTab);
    fixture.componentRef.setInput('caseId', CASE_ID);
    await settle();
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    return { fixture, host, events$, tasks, updateTask };
  }

  it('reads the tasks again when a task.created event arrives live, and shows the new task', async () => {
    const { fixture, host, events$, tasks } = await render();
    expect(tasks).toHaveBeenCalledTimes(1);
    expect(host.textContent).toContain('No tasks yet.');

    tasks.mockReturnValue(of([task]));
    events$.next({
      ...created,
      id: 'event-2',
      seq: 2,
      prevSeq: 1,
      type: 'task.created',
      tier: 'state',
      data: {
        taskId: task.id,
        kind: task.kind,
        title: task.title,
        assigneeAgencyId: police.agency.id,
        assigneeUserId: police.id,
        dueAt: task.dueAt,
      },
    });
    await settle();
    await fixture.whenStable();

    expect(tasks).toHaveBeenCalledTimes(2);
    const rows = host.querySelectorAll('[data-testid="task"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].querySelector('[data-testid="task-title"]')?.textContent).toBe(task.title);
    // The officer named is the assignee: they may start and complete it; cancelling is for prosecutors.
    expect(rows[0].querySelector('[data-testid="start-task"]')).not.toBeNull();
    expect(rows[0].querySelector('[data-testid="complete-task"]')).not.toBeNull();
    expect(rows[0].querySelector('[data-testid="cancel-task"]')).toBeNull();
    // Nor does an officer assign tasks.
    expect(host.querySelector('vigil-task-form')).toBeNull();
  });

  it('does not read the tasks again for events of other kinds', async () => {
    const { fixture, events$, tasks } = await render();
    events$.next({
      ...created,
      id: 'event-2',
      seq: 2,
      prevSeq: 1,
      type: 'message.posted',
      data: { messageId: 'm', clientId: 'c', body: 'hello' },
    });
    await settle();
    await fixture.whenStable();
    expect(tasks).toHaveBeenCalledTimes(1);
  });

  it('completes a task only with a result', async () => {
    const { fixture, host, events$, tasks, updateTask } = await render();
    tasks.mockReturnValue(of([task]));
    events$.next({
      ...created,
      id: 'event-2',
      seq: 2,
      prevSeq: 1,
      type: 'task.created',
      tier: 'state',
      data: {
        taskId: task.id,
        kind: task.kind,
        title: task.title,
        assigneeAgencyId: police.agency.id,
        assigneeUserId: police.id,
        dueAt: task.dueAt,
      },
    });
    await settle();
    await fixture.whenStable();

    (host.querySelector('[data-testid="complete-task"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    (host.querySelector('[data-testid="submit-result"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(updateTask).not.toHaveBeenCalled();
    expect(host.querySelector('[data-testid="task-problem"]')?.textContent?.trim()).toBe(
      'Describe the result to complete the task',
    );

    const input = host.querySelector('[data-testid="task-result-input"]') as HTMLTextAreaElement;
    input.value = 'Recordings of cameras 1–4 seized and sealed';
    input.dispatchEvent(new Event('input'));
    (host.querySelector('[data-testid="submit-result"]') as HTMLButtonElement).click();
    await settle();
    expect(updateTask).toHaveBeenCalledWith(CASE_ID, task.id, {
      status: 'done',
      result: 'Recordings of cameras 1–4 seized and sealed',
    });
  });
});
