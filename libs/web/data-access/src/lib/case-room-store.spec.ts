import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AnyCaseEvent, Case, CaseEventActor, CaseEventData, CaseEventOf, CaseEventType, EventsPage, JoinAck, Me, Tier } from '@vigil/contracts';
import { of, Subject, throwError } from 'rxjs';
import { CaseRoomStore, READ_DEBOUNCE_MS } from './case-room-store';
import {
  CaseSocket,
  SocketRequestError,
  type CaseRemoved,
  type ConnectionState,
  type PresenceUpdate,
  type ReadMarker,
  type TypingSignal,
} from './case-socket';
import type { TimelineMessage } from './case-timeline';
import { CasesApi } from './cases-api';
import { Session } from './session';

const CASE_ID = '5b0c9e1a-7d4f-4c2b-8e6a-3f1d2c4b5a60';

const observer: Me = {
  id: 'a0000000-0000-4000-8000-000000000001',
  email: 'observer@example.test',
  displayName: 'Test Observer',
  role: 'observer',
  agency: { id: 'a0000000-0000-4000-8000-0000000000a1', name: 'Test Watch Group', kind: 'civil_society' },
};
const prosecutorActor: CaseEventActor = {
  id: 'a0000000-0000-4000-8000-000000000002',
  displayName: 'Test Prosecutor',
  role: 'prosecutor',
  agencyKind: 'prosecutor',
};
const observerActor: CaseEventActor = {
  id: observer.id,
  displayName: observer.displayName,
  role: 'observer',
  agencyKind: 'civil_society',
};

function message(seq: number, prevSeq: number, body: string, actor = prosecutorActor, clientId = `client-${seq}`): CaseEventOf<'message.posted'> {
  return {
    id: `event-${seq}`,
    caseId: CASE_ID,
    seq,
    prevSeq,
    type: 'message.posted',
    tier: 'room',
    at: new Date(Date.UTC(2026, 1, 1, 10, seq)).toISOString(),
    actor,
    data: { messageId: `message-${seq}`, clientId, body },
  };
}

/** An event after a message: a change of it, or any other type. */
function change<T extends CaseEventType>(seq: number, prevSeq: number, type: T, data: CaseEventData[T]): CaseEventOf<T> {
  return { ...message(seq, prevSeq, ''), id: `event-${seq}`, type, data };
}

const record = (headSeq: number): Case => ({
  id: CASE_ID,
  reference: 'TST-2026-000042',
  summary: 'Invented report for tests',
  status: 'registered',
  source: 'civil_society',
  facility: { name: 'Test Station No. 1', kind: 'police_station' },
  victim: { pseudonym: 'V-1', redacted: true },
  receivedAt: '2026-02-01T09:00:00.000Z',
  allegedAt: null,
  visitDueAt: '2026-02-02T09:00:00.000Z',
  visitedAt: null,
  visitOverdue: false,
  placeId: null,
  members: [
    { userId: observer.id, displayName: observer.displayName, role: 'observer', agency: observer.agency },
    {
      userId: prosecutorActor.id,
      displayName: prosecutorActor.displayName,
      role: 'prosecutor',
      agency: { id: 'a0000000-0000-4000-8000-0000000000a2', name: 'Test Prosecution Office', kind: 'prosecutor' },
    },
  ],
  headSeq,
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
});

class FakeCaseSocket {
  readonly state = signal<ConnectionState>('connected');
  readonly connected$ = new Subject<void>();
  readonly events$ = new Subject<AnyCaseEvent>();
  readonly typing$ = new Subject<TypingSignal>();
  readonly presence$ = new Subject<PresenceUpdate>();
  readonly reads$ = new Subject<ReadMarker>();
  readonly removed$ = new Subject<CaseRemoved>();
  readonly connect = jest.fn();
  readonly join = jest.fn<Promise<JoinAck>, [string, number]>();
  readonly leave = jest.fn().mockResolvedValue(undefined);
  readonly post = jest.fn<Promise<AnyCaseEvent>, [string, { clientId: string; body: string; tier: Tier }]>();
  readonly edit = jest.fn<Promise<AnyCaseEvent>, [string, string, string]>();
  readonly redact = jest.fn<Promise<AnyCaseEvent>, [string, string, string]>();
  readonly typing = jest.fn();
  readonly read = jest.fn();

  /** The socket drops and comes back. */
  reconnect(): void {
    this.state.set('reconnecting');
    this.state.set('connected');
    this.connected$.next();
  }
}

const ack = (events: AnyCaseEvent[], hasMore = false): JoinAck => ({
  caseId: CASE_ID,
  headSeq: events.length ? events[events.length - 1].seq : 0,
  events,
  hasMore,
  online: [prosecutorActor.id],
});

/** Lets awaited promises (acks, HTTP) resolve. */
const settle = async () => {
  for (let round = 0; round < 5; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
  }
};

describe('CaseRoomStore', () => {
  let socket: FakeCaseSocket;
  let api: { get: jest.Mock; eventsBefore: jest.Mock };
  let store: CaseRoomStore;

  /** Opens the room with `history` (ascending) already in the log. */
  async function open(history: AnyCaseEvent[], joinEvents: AnyCaseEvent[] = []): Promise<void> {
    const headSeq = history.length ? history[history.length - 1].seq : 0;
    api.get.mockReturnValue(of(record(headSeq)));
    api.eventsBefore.mockReturnValue(of({ items: [...history].reverse(), headSeq, hasMore: false } satisfies EventsPage));
    socket.join.mockResolvedValueOnce(ack(joinEvents));
    await store.open(CASE_ID);
    await settle();
  }

  const seqs = () => store.events().map((event) => event.seq);
  const shown = () => store.timeline().filter((entry): entry is TimelineMessage => entry.kind === 'message');

  beforeEach(() => {
    socket = new FakeCaseSocket();
    api = { get: jest.fn(), eventsBefore: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        CaseRoomStore,
        { provide: CaseSocket, useValue: socket },
        { provide: CasesApi, useValue: api },
        { provide: Session, useValue: { me: signal(observer) } },
      ],
    });
    store = TestBed.inject(CaseRoomStore);
  });

  it('loads the latest history, then joins after the last seq held', async () => {
    await open([message(1, 0, 'one'), message(2, 1, 'two')]);
    expect(api.eventsBefore).toHaveBeenCalledWith(CASE_ID, 3, 50);
    expect(socket.join).toHaveBeenCalledWith(CASE_ID, 2);
    expect(store.loadState()).toBe('ready');
    expect(store.online().has(prosecutorActor.id)).toBe(true);
  });

  it('merges the join ack and live events without duplicates, in seq order', async () => {
    await open([message(1, 0, 'one'), message(2, 1, 'two')], [message(2, 1, 'two'), message(3, 2, 'three')]);
    // The same events again, live and out of order: a live event may also have come in the ack.
    socket.events$.next(message(4, 3, 'four'));
    socket.events$.next(message(3, 2, 'three'));
    socket.events$.next(message(2, 1, 'two'));
    await settle();

    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(shown().map((entry) => entry.body)).toEqual(['one', 'two', 'three', 'four']);
    expect(socket.join).toHaveBeenCalledTimes(1);
  });

  it('ignores events of other cases', async () => {
    await open([message(1, 0, 'one')]);
    socket.events$.next({ ...message(2, 1, 'elsewhere'), caseId: 'another-case' });
    expect(seqs()).toEqual([1]);
  });

  it('follows prevSeq across seqs this viewer may not see, without a catch-up', async () => {
    await open([message(1, 0, 'one'), message(2, 1, 'two')]);
    // Seqs 3 and 4 were above this viewer's tier: the next visible event names 2 as its predecessor.
    socket.events$.next(message(5, 2, 'five'));
    await settle();
    expect(socket.join).toHaveBeenCalledTimes(1);
    expect(seqs()).toEqual([1, 2, 5]);
  });

  it('fills a prevSeq gap with a join after the last seq held', async () => {
    await open([message(1, 0, 'one'), message(2, 1, 'two')]);
    socket.join.mockResolvedValueOnce(ack([message(3, 2, 'three'), message(4, 3, 'four')]));

    socket.events$.next(message(5, 4, 'five'));
    await settle();

    expect(socket.join).toHaveBeenCalledTimes(2);
    expect(socket.join).toHaveBeenLastCalledWith(CASE_ID, 2);
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);

    // In sync again: the next event needs no catch-up.
    socket.events$.next(message(6, 5, 'six'));
    await settle();
    expect(socket.join).toHaveBeenCalledTimes(2);
  });

  it('keeps joining while the server says more follows', async () => {
    await open([message(1, 0, 'one')]);
    socket.join
      .mockResolvedValueOnce(ack([message(2, 1, 'two'), message(3, 2, 'three')], true))
      .mockResolvedValueOnce(ack([message(4, 3, 'four')]));
    socket.events$.next(message(5, 4, 'five'));
    await settle();

    expect(socket.join.mock.calls.slice(1)).toEqual([
      [CASE_ID, 1],
      [CASE_ID, 3],
    ]);
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('catches up silently after a reconnection: nothing lost, nothing twice', async () => {
    await open([message(1, 0, 'one'), message(2, 1, 'two')]);
    socket.join.mockResolvedValueOnce(ack([message(3, 2, 'missed while away')]));

    socket.reconnect();
    await settle();
    // The live copy of the same event arrives too.
    socket.events$.next(message(3, 2, 'missed while away'));
    await settle();

    expect(socket.join).toHaveBeenLastCalledWith(CASE_ID, 2);
    expect(shown().map((entry) => entry.body)).toEqual(['one', 'two', 'missed while away']);
    expect(store.loadState()).toBe('ready');
  });

  it('updates the shown message on a live edit and a live redaction', async () => {
    await open([message(1, 0, 'original words')]);

    socket.events$.next(change(2, 1, 'message.edited', { messageId: 'message-1', body: 'corrected words' }));
    await settle();
    expect(shown()[0]).toMatchObject({ body: 'corrected words', edited: true, redacted: false });

    socket.events$.next(change(3, 2, 'message.redacted', { messageId: 'message-1', reason: 'Names a witness' }));
    await settle();
    // An observer reads below prosecution: the body goes.
    expect(shown()[0]).toMatchObject({ redacted: true, redaction: { reason: 'Names a witness' } });
    expect(shown()[0].body).toBeUndefined();
    expect(shown()).toHaveLength(1);
  });

  it('edits and redacts through the socket and shows the ack at once', async () => {
    await open([message(1, 0, 'my words', observerActor)]);
    socket.edit.mockResolvedValueOnce(change(2, 1, 'message.edited', { messageId: 'message-1', body: 'my better words' }));
    await expect(store.edit('message-1', 'my better words')).resolves.toBe(true);
    expect(socket.edit).toHaveBeenCalledWith(CASE_ID, 'message-1', 'my better words');
    expect(shown()[0].body).toBe('my better words');

    socket.redact.mockRejectedValueOnce(new SocketRequestError('FORBIDDEN', 'Not yours to redact'));
    await expect(store.redact('message-1', 'because')).resolves.toBe(false);
    expect(store.problem()).toEqual({ action: 'redact', code: 'FORBIDDEN', message: 'Not yours to redact' });
  });

  it('sends a message, shows it once from the ack, and clears it from pending', async () => {
    await open([message(1, 0, 'one')]);
    socket.post.mockImplementation(async (_caseId, request) => message(2, 1, request.body, observerActor, request.clientId));

    store.send('hello room', 'room');
    expect(store.pending()).toHaveLength(1);
    await settle();
    const sent = socket.post.mock.calls[0][1];
    // The live copy arrives as well.
    socket.events$.next(message(2, 1, 'hello room', observerActor, sent.clientId));
    await settle();

    expect(sent).toMatchObject({ body: 'hello room', tier: 'room' });
    expect(store.pending()).toEqual([]);
    expect(shown().map((entry) => entry.body)).toEqual(['one', 'hello room']);
  });

  it('sends again with the same clientId after a reconnection when no ack came', async () => {
    await open([message(1, 0, 'one')]);
    socket.post.mockRejectedValueOnce(new SocketRequestError('DISCONNECTED', 'lost'));
    store.send('said while the line dropped', 'room');
    await settle();
    const firstClientId = socket.post.mock.calls[0][1].clientId;
    expect(store.pending()[0]).toMatchObject({ state: 'sending', clientId: firstClientId });

    socket.post.mockImplementation(async (_caseId, request) => message(2, 1, request.body, observerActor, request.clientId));
    socket.join.mockResolvedValueOnce(ack([]));
    socket.reconnect();
    await settle();

    expect(socket.post).toHaveBeenCalledTimes(2);
    expect(socket.post.mock.calls[1][1].clientId).toBe(firstClientId);
    expect(store.pending()).toEqual([]);
    expect(shown().map((entry) => entry.body)).toEqual(['one', 'said while the line dropped']);
  });

  it('does not send again what the catch-up shows was delivered', async () => {
    await open([message(1, 0, 'one')]);
    socket.post.mockRejectedValueOnce(new SocketRequestError('DISCONNECTED', 'lost'));
    store.send('it did arrive', 'room');
    await settle();
    const clientId = socket.post.mock.calls[0][1].clientId;

    socket.join.mockResolvedValueOnce(ack([message(2, 1, 'it did arrive', observerActor, clientId)]));
    socket.reconnect();
    await settle();

    expect(socket.post).toHaveBeenCalledTimes(1);
    expect(store.pending()).toEqual([]);
    expect(shown().map((entry) => entry.body)).toEqual(['one', 'it did arrive']);
  });

  it('holds a message written while offline and sends it once connected', async () => {
    await open([message(1, 0, 'one')]);
    socket.state.set('offline');
    store.send('written offline', 'room');
    await settle();
    expect(socket.post).not.toHaveBeenCalled();

    socket.post.mockImplementation(async (_caseId, request) => message(2, 1, request.body, observerActor, request.clientId));
    socket.join.mockResolvedValueOnce(ack([]));
    socket.reconnect();
    await settle();
    expect(socket.post).toHaveBeenCalledTimes(1);
    expect(store.pending()).toEqual([]);
  });

  it("marks a refused message as failed with the server's error", async () => {
    await open([message(1, 0, 'one')]);
    socket.post.mockRejectedValueOnce(new SocketRequestError('FORBIDDEN', 'You cannot post at this tier'));
    store.send('too narrow', 'prosecution');
    await settle();
    expect(store.pending()[0]).toMatchObject({
      state: 'failed',
      error: { code: 'FORBIDDEN', message: 'You cannot post at this tier' },
    });
  });

  it("keeps the rule of a refusal for the victim's identity, and sends the message again at another tier", async () => {
    await open([message(1, 0, 'one')]);
    const detail = { field: 'body', message: "would show the victim's identity to observers (tier room); raise the tier to oversight or remove it", rule: 'victim_identity' };
    socket.post.mockRejectedValueOnce(new SocketRequestError('VALIDATION', `body ${detail.message}`, [detail]));
    store.send('Testova says so', 'room');
    await settle();
    const [refused] = store.pending();
    expect(refused).toMatchObject({ state: 'failed', tier: 'room', error: { code: 'VALIDATION', rule: 'victim_identity' } });

    socket.post.mockResolvedValueOnce({ ...message(2, 1, 'Testova says so', observerActor, refused.clientId), tier: 'oversight' });
    store.retry(refused.clientId, 'oversight');
    await settle();
    expect(socket.post).toHaveBeenLastCalledWith(CASE_ID, { clientId: refused.clientId, body: 'Testova says so', tier: 'oversight' });
    expect(store.pending()).toEqual([]);
  });

  it("tracks others' typing, presence and read positions", async () => {
    await open([message(1, 0, 'one', observerActor), message(2, 1, 'two', observerActor)]);
    socket.typing$.next({ caseId: CASE_ID, userId: prosecutorActor.id, displayName: 'Test Prosecutor', typing: true });
    socket.typing$.next({ caseId: CASE_ID, userId: observer.id, displayName: observer.displayName, typing: true });
    expect(store.typists()).toEqual([{ userId: prosecutorActor.id, displayName: 'Test Prosecutor' }]);
    socket.typing$.next({ caseId: CASE_ID, userId: prosecutorActor.id, displayName: 'Test Prosecutor', typing: false });
    expect(store.typists()).toEqual([]);

    socket.presence$.next({ caseId: CASE_ID, online: [] });
    expect(store.online().size).toBe(0);

    socket.reads$.next({ caseId: CASE_ID, userId: prosecutorActor.id, seq: 1 });
    expect(store.seenBy().get(1)).toEqual(['Test Prosecutor']);
    socket.reads$.next({ caseId: CASE_ID, userId: prosecutorActor.id, seq: 2 });
    expect(store.seenBy().get(1)).toBeUndefined();
    expect(store.seenBy().get(2)).toEqual(['Test Prosecutor']);
  });

  it('never names a message\'s own author among those who have seen it', async () => {
    await open([message(1, 0, 'mine', observerActor), message(2, 1, 'theirs')]);
    socket.reads$.next({ caseId: CASE_ID, userId: prosecutorActor.id, seq: 1 });
    expect(store.seenBy().get(1)).toEqual(['Test Prosecutor']);
    // The prosecutor wrote message 2: reading up to it is no news to anyone.
    socket.reads$.next({ caseId: CASE_ID, userId: prosecutorActor.id, seq: 2 });
    expect(store.seenBy().get(1)).toBeUndefined();
    expect(store.seenBy().get(2)).toBeUndefined();
  });

  it('tells only the audience of the draft that one is typing, and stops the old audience when the tier changes', async () => {
    await open([message(1, 0, 'one')]);
    store.noteTyping('prosecution');
    expect(socket.typing).toHaveBeenLastCalledWith(CASE_ID, true, 'prosecution');
    store.noteTyping('room');
    expect(socket.typing.mock.calls.slice(-2)).toEqual([
      [CASE_ID, false, 'prosecution'],
      [CASE_ID, true, 'room'],
    ]);
    store.stopTyping();
    expect(socket.typing).toHaveBeenLastCalledWith(CASE_ID, false, 'room');
  });

  it('sends the read position once, after a pause', async () => {
    await open([message(1, 0, 'one'), message(2, 1, 'two')]);
    jest.useFakeTimers();
    try {
      store.markRead(1);
      store.markRead(2);
      expect(socket.read).not.toHaveBeenCalled();
      jest.advanceTimersByTime(READ_DEBOUNCE_MS);
      expect(socket.read).toHaveBeenCalledTimes(1);
      expect(socket.read).toHaveBeenCalledWith(CASE_ID, 2);
      store.markRead(2);
      jest.advanceTimersByTime(READ_DEBOUNCE_MS);
      expect(socket.read).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('loads earlier history before the oldest event held', async () => {
    const history = Array.from({ length: 3 }, (_, index) => message(index + 11, index + 10, `m${index + 11}`));
    await open(history);
    expect(store.hasEarlier()).toBe(true);

    api.eventsBefore.mockReturnValueOnce(of({ items: [message(10, 0, 'm10')], headSeq: 13, hasMore: false }));
    await store.loadEarlier();
    expect(api.eventsBefore).toHaveBeenLastCalledWith(CASE_ID, 11, 50);
    expect(seqs()).toEqual([10, 11, 12, 13]);
    expect(store.hasEarlier()).toBe(false);
  });

  it('rereads the record when members or the status change', async () => {
    await open([message(1, 0, 'one')]);
    api.get.mockClear();
    const joined = change(2, 1, 'member.added', { userId: 'a0000000-0000-4000-8000-000000000009', displayName: 'Test Newcomer', role: 'police', agencyKind: 'police' });
    const updated = record(2);
    api.get.mockReturnValue(of({ ...updated, members: [...updated.members, { ...updated.members[0], userId: 'new', displayName: 'Test Newcomer' }] }));
    socket.events$.next(joined);
    await settle();
    expect(api.get).toHaveBeenCalledTimes(1);
    expect(store.members().map((member) => member.displayName)).toContain('Test Newcomer');

    socket.events$.next(message(3, 2, 'just words'));
    await settle();
    expect(api.get).toHaveBeenCalledTimes(1);
  });

  it('marks each part of the case with the seq of its newest event, for views that read it again', async () => {
    await open([message(1, 0, 'one')]);
    const tasks = store.changeMark(['task.']);
    const visit = store.changeMark(['visit.', 'case.status_changed']);
    expect([tasks(), visit()]).toEqual([0, 0]);

    socket.events$.next(
      change(2, 1, 'task.created', { taskId: 'task-1', kind: 'seize_cctv', title: 'Seize the yard camera', assigneeAgencyId: 'agency-1', assigneeUserId: null, dueAt: '2026-02-02T09:00:00.000Z' }),
    );
    socket.events$.next(message(3, 2, ''));
    await settle();
    expect([tasks(), visit()]).toEqual([2, 0]);

    api.get.mockReturnValue(of(record(5)));
    socket.events$.next(change(4, 3, 'visit.dispatched', { prosecutorId: prosecutorActor.id, prosecutorName: 'Test Prosecutor', dispatchedAt: '2026-02-01T11:00:00.000Z' }));
    socket.events$.next(change(5, 4, 'case.status_changed', { from: 'registered', to: 'visit_dispatched' }));
    await settle();
    expect([tasks(), visit()]).toEqual([2, 5]);
    // The visit lives on the record too: it is read again.
    expect(api.get.mock.calls.length).toBeGreaterThan(1);
  });

  it('notes lost access', async () => {
    await open([message(1, 0, 'one')]);
    socket.removed$.next({ caseId: CASE_ID });
    expect(store.removed()).toBe(true);
  });

  it('says a case that cannot be seen is not found', async () => {
    api.get.mockReturnValue(
      throwError(
        () => new HttpErrorResponse({ status: 404, error: { statusCode: 404, code: 'NOT_FOUND', message: 'no' } }),
      ),
    );
    await store.open(CASE_ID);
    expect(store.loadState()).toBe('not-found');
    expect(socket.join).not.toHaveBeenCalled();
  });

  it('leaves the room when closed', async () => {
    await open([message(1, 0, 'one')]);
    TestBed.resetTestingModule();
    expect(socket.leave).toHaveBeenCalledWith(CASE_ID);
  });
});
