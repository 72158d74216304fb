import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AnyCaseEvent, Case, CaseEventActor, CaseEventData, CaseEventOf, CaseEventType, JoinAck, Me } from '@vigil/contracts';
import { CaseSocket, CasesApi, Session, type ConnectionState } from '@vigil/web-data-access';
import { of, Subject } from 'rxjs';
import { CASE_TABS } from '@vigil/web-workflow';
import { CaseRoom } from './case-room';

// The first render compiles the whole case page (the room and every tab): on a busy machine it takes a while.
jest.setTimeout(30_000);

const CASE_ID = '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';

const observer: Me = {
  id: 'b0000000-0000-4000-8000-000000000001',
  email: 'observer@example.test',
  displayName: 'Test Observer',
  role: 'observer',
  agency: { id: 'b0000000-0000-4000-8000-0000000000a1', name: 'Test Watch Group', kind: 'civil_society' },
};
const prosecutor: CaseEventActor = {
  id: 'b0000000-0000-4000-8000-000000000002',
  displayName: 'Test Prosecutor',
  role: 'prosecutor',
  agencyKind: 'prosecutor',
};
const me: CaseEventActor = { id: observer.id, displayName: observer.displayName, role: 'observer', agencyKind: 'civil_society' };

const caseRecord: Case = {
  id: CASE_ID,
  reference: 'TST-2026-000007',
  summary: 'Invented report: bruises after a night in a test station',
  status: 'registered',
  source: 'civil_society',
  facility: { name: 'Test Station No. 7', kind: 'police_station' },
  victim: { pseudonym: 'V-1', redacted: true },
  receivedAt: '2026-02-01T09:00:00.000Z',
  allegedAt: null,
  visitDueAt: '2999-01-01T00:00:00.000Z',
  visitedAt: null,
  visitOverdue: false,
  placeId: null,
  members: [
    { userId: observer.id, displayName: observer.displayName, role: 'observer', agency: observer.agency },
    {
      userId: prosecutor.id,
      displayName: prosecutor.displayName,
      role: 'prosecutor',
      agency: { id: 'b0000000-0000-4000-8000-0000000000a2', name: 'Test Prosecution Office', kind: 'prosecutor' },
    },
  ],
  headSeq: 3,
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
};

function event<T extends CaseEventType>(seq: number, type: T, actor: CaseEventActor, data: CaseEventData[T]): CaseEventOf<T> {
  return { id: `event-${seq}`, caseId: CASE_ID, seq, prevSeq: seq - 1, type, tier: 'room', at: '2026-02-01T10:00:00.000Z', actor, data };
}

const history = [
  event(1, 'case.created', me, { reference: caseRecord.reference, summary: caseRecord.summary, source: caseRecord.source, facility: caseRecord.facility }),
  event(2, 'message.posted', prosecutor, { messageId: 'message-2', clientId: 'client-2', body: 'We are on our way.' }),
  event(3, 'message.posted', me, { messageId: 'message-3', clientId: 'client-3', body: 'Thank you.' }),
];

const settle = async () => {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
  }
};

describe('CaseRoom', () => {
  let socket: {
    state: ReturnType<typeof signal<ConnectionState>>;
    connected$: Subject<void>;
    events$: Subject<AnyCaseEvent>;
    typing$: Subject<{ caseId: string; userId: string; displayName: string; typing: boolean }>;
    presence$: Subject<{ caseId: string; online: string[] }>;
    reads$: Subject<{ caseId: string; userId: string; seq: number }>;
    removed$: Subject<{ caseId: string }>;
    connect: jest.Mock;
    join: jest.Mock;
    leave: jest.Mock;
    typing: jest.Mock;
    read: jest.Mock;
  };

  async function render(viewer: Me = observer) {
    localStorage.clear();
    socket = {
      state: signal<ConnectionState>('connected'),
      connected$: new Subject(),
      events$: new Subject(),
      typing$: new Subject(),
      presence$: new Subject(),
      reads$: new Subject(),
      removed$: new Subject(),
      connect: jest.fn(),
      join: jest.fn().mockResolvedValue({
        caseId: CASE_ID,
        headSeq: 3,
        events: [],
        hasMore: false,
        online: [prosecutor.id],
      } satisfies JoinAck),
      leave: jest.fn().mockResolvedValue(undefined),
      typing: jest.fn(),
      read: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [CaseRoom],
      providers: [
        provideRouter([]),
        { provide: CaseSocket, useValue: socket },
        {
          provide: CasesApi,
          useValue: {
            get: () => of(caseRecord),
            eventsBefore: () => of({ items: [...history].reverse(), headSeq: 3, hasMore: false }),
          },
        },
        { provide: Session, useValue: { me: signal(viewer) } },
      ],
    });
    const fixture = TestBed.createComponent(CaseRoom);
    fixture.componentRef.setInput('caseId', CASE_ID);
    await settle();
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const text = (testId: string) => host.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    const all = (testId: string) => Array.from(host.querySelectorAll(`[data-testid="${testId}"]`));
    return { fixture, host, text, all };
  }

  it('shows the pseudonym, never a name, when the identity is protected', async () => {
    const { text } = await render();
    expect(text('room-reference')).toBe('TST-2026-000007');
    expect(text('room-status')).toMatch(/^Registered Visit due .*2999/);
    expect(text('room-victim')).toBe('V-1 Identity protected');
    expect(text('room-facility')).toBe('Test Station No. 7 · Police station');
  });

  it('draws the timeline as a polite live log, with own messages editable and others not', async () => {
    const { host, all } = await render();
    const log = host.querySelector('[role="log"]');
    expect(log?.getAttribute('aria-live')).toBe('polite');
    expect(log?.getAttribute('aria-label')).toBe('Case timeline');

    expect(all('notice').map((line) => line.textContent?.trim())).toEqual([
      expect.stringContaining('Test Observer registered the case TST-2026-000007'),
    ]);
    const messages = all('message');
    expect(messages.map((line) => line.querySelector('[data-testid="message-body"]')?.textContent)).toEqual([
      'We are on our way.',
      'Thank you.',
    ]);
    // An observer edits and redacts only their own messages.
    expect(messages[0].querySelector('[data-testid="edit-message"]')).toBeNull();
    expect(messages[0].querySelector('[data-testid="redact-message"]')).toBeNull();
    expect(messages[1].querySelector('[data-testid="edit-message"]')).not.toBeNull();
    expect(messages[1].querySelector('[data-testid="redact-message"]')).not.toBeNull();
  });

  it('adds live events, shows who types and who is online, and the connection state', async () => {
    const { fixture, all, text, host } = await render();
    socket.events$.next(event(4, 'message.posted', prosecutor, { messageId: 'message-4', clientId: 'client-4', body: 'Arrived.' }));
    socket.typing$.next({ caseId: CASE_ID, userId: prosecutor.id, displayName: 'Test Prosecutor', typing: true });
    await fixture.whenStable();

    expect(all('message-body').map((body) => body.textContent)).toEqual(['We are on our way.', 'Thank you.', 'Arrived.']);
    expect(text('typing')).toBe('Test Prosecutor is typing…');
    const online = all('member').map((member) => member.getAttribute('data-online'));
    expect(online).toEqual(['false', 'true']);
    expect(text('connection')).toBe('Connection: Connected');

    socket.state.set('reconnecting');
    await fixture.whenStable();
    expect(text('connection')).toBe('Connection: Reconnecting…');
    expect(host.querySelector('[data-testid="connection"]')?.getAttribute('role')).toBe('status');
  });

  it('gives the workflow events readable lines in the UI language', async () => {
    const { fixture, all } = await render();
    socket.events$.next(
      event(4, 'task.created', prosecutor, {
        taskId: 't',
        kind: 'seize_cctv',
        title: 'Seize the CCTV',
        assigneeAgencyId: 'agency-police',
        assigneeUserId: null,
        dueAt: '2026-02-02T10:00:00.000Z',
      }),
    );
    socket.events$.next(event(5, 'examination.completed', prosecutor, { examinationId: 'x', type: 'forensic_medical', conclusion: 'highly_consistent' }));
    socket.events$.next(
      event(6, 'route.opened', prosecutor, { responsibleId: 'r', routeId: 'o', route: 'disciplinary', article: null, openedAt: '2026-02-02T10:00:00.000Z' }),
    );
    socket.events$.next(event(7, 'visit.deadline_missed', prosecutor, { visitDueAt: '2026-02-02T09:00:00.000Z' }));
    await fixture.whenStable();
    const lines = all('notice').map((line) => line.textContent?.replace(/\s+/g, ' ').trim());
    expect(lines[1]).toMatch(/^Test Prosecutor assigned a task: “Seize the CCTV”, due /);
    expect(lines[2]).toMatch(/^Test Prosecutor completed an examination \(Forensic medical\): Highly consistent/);
    expect(lines[3]).toMatch(/^Test Prosecutor opened proceedings: Disciplinary proceedings/);
    expect(lines[4]).toMatch(/^The visit deadline was missed \(due /);
  });

  it('gives an event of a type from a newer server a generic line', async () => {
    const { fixture, all } = await render();
    // Not in this build's catalogue: only the wire can bring it.
    const archived = { ...event(4, 'case.status_changed', prosecutor, { from: 'closed', to: 'closed' }), type: 'case.archived', data: { by: 'someone' } };
    socket.events$.next(archived as unknown as AnyCaseEvent);
    await fixture.whenStable();
    const lines = all('notice').map((line) => line.textContent?.replace(/\s+/g, ' ').trim());
    expect(lines[1]).toMatch(/^Test Prosecutor: case\.archived/);
  });

  it('shows the case sections as tabs, the timeline first and current', async () => {
    const { all } = await render({ ...observer, role: 'prosecutor' });
    const tabs = all('case-tab');
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual([
      'Timeline',
      'Intake',
      'Visit',
      'Tasks',
      'Evidence',
      'Examinations',
      'Outcome',
    ]);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(tabs[3].getAttribute('href')).toBe(`/cases/${CASE_ID}/tasks`);
  });

  it('offers only the sections the viewer may use, none that would say "not available"', async () => {
    const tabsOf = async (viewer: Me) => (await render(viewer)).all('case-tab').map((tab) => tab.getAttribute('data-tab'));
    expect(await tabsOf(observer)).toEqual(['timeline', 'visit', 'tasks', 'evidence']);
    TestBed.resetTestingModule();
    expect(await tabsOf({ ...observer, role: 'police' })).toEqual(['timeline', 'visit', 'tasks', 'evidence', 'outcome']);
    TestBed.resetTestingModule();
    expect(await tabsOf({ ...observer, role: 'ombudsman' })).toEqual(CASE_TABS);
  });

  it('offers the observer only the room tier', async () => {
    const { host } = await render();
    expect(host.querySelector('[data-testid="tier-audience"]')?.textContent).toContain('Everyone in the case');
  });

  it('marks under a message who has read up to it', async () => {
    const { fixture, text } = await render();
    socket.reads$.next({ caseId: CASE_ID, userId: prosecutor.id, seq: 3 });
    await fixture.whenStable();
    expect(text('seen-by')).toBe('Seen by Test Prosecutor');
  });

  it('leaves for the case list with a notice when access is lost', async () => {
    const { fixture } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    socket.removed$.next({ caseId: CASE_ID });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/cases');
    expect(document.body.textContent).toContain('You no longer have access to this case.');
  });
});
