import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CaseSummary, Page } from '@vigil/contracts';
import { of, Subject } from 'rxjs';
import { applyActivity, CaseListStore } from './case-list-store';
import { CaseSocket, type CaseActivity, type CaseRemoved } from './case-socket';
import { CasesApi } from './cases-api';

const summary = (id: string, updatedAt: string, headSeq = 3, unread = 0): CaseSummary => ({
  id,
  reference: `TST-2026-${id.padStart(6, '0')}`,
  summary: `Invented case ${id}`,
  status: 'registered',
  facility: { name: 'Test Station', kind: 'police_station' },
  visitDueAt: '2026-03-02T09:00:00.000Z',
  visitOverdue: false,
  headSeq,
  unread,
  updatedAt,
});

const page = (items: CaseSummary[], nextCursor: string | null = null): Page<CaseSummary> => ({ items, nextCursor });
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('applyActivity', () => {
  it('moves the active case to the top with one more unread event', () => {
    const cases = [summary('1', '2026-03-01T12:00:00.000Z'), summary('2', '2026-03-01T11:00:00.000Z', 5, 2)];
    const next = applyActivity(cases, { caseId: '2', headSeq: 6, updatedAt: '2026-03-01T12:30:00.000Z', newEvents: 1 });
    expect(next.map((item) => item.id)).toEqual(['2', '1']);
    expect(next[0]).toMatchObject({ headSeq: 6, unread: 3, updatedAt: '2026-03-01T12:30:00.000Z' });
  });

  it('counts every event a held activity stands for as unread', () => {
    const cases = [summary('1', '2026-03-01T12:00:00.000Z', 5, 0)];
    expect(applyActivity(cases, { caseId: '1', headSeq: 12, updatedAt: '2026-03-01T12:30:00.000Z', newEvents: 4 })[0]).toMatchObject({ headSeq: 12, unread: 4 });
  });

  it('ignores activity it already holds', () => {
    const cases = [summary('1', '2026-03-01T12:00:00.000Z', 6, 1)];
    expect(applyActivity(cases, { caseId: '1', headSeq: 6, updatedAt: '2026-03-01T12:00:00.000Z', newEvents: 1 })).toEqual(cases);
  });
});

describe('CaseListStore', () => {
  let api: { list: jest.Mock };
  let socket: {
    connect: jest.Mock;
    activity$: Subject<CaseActivity>;
    removed$: Subject<CaseRemoved>;
    connected$: Subject<void>;
    state: ReturnType<typeof signal>;
  };
  let store: CaseListStore;

  beforeEach(() => {
    api = { list: jest.fn() };
    socket = {
      connect: jest.fn(),
      activity$: new Subject(),
      removed$: new Subject(),
      connected$: new Subject(),
      state: signal('connected'),
    };
    TestBed.configureTestingModule({
      providers: [CaseListStore, { provide: CasesApi, useValue: api }, { provide: CaseSocket, useValue: socket }],
    });
    store = TestBed.inject(CaseListStore);
  });

  const ids = () => store.cases().map((item) => item.id);

  async function load(): Promise<void> {
    api.list.mockReturnValueOnce(
      of(
        page([
          summary('a', '2026-03-01T12:00:00.000Z'),
          summary('b', '2026-03-01T11:00:00.000Z'),
          summary('c', '2026-03-01T10:00:00.000Z', 4, 1),
        ]),
      ),
    );
    await store.load();
  }

  it('asks for the list once when the socket connects after it was read, and again on a reconnection', async () => {
    socket.state.set('connecting');
    await load();
    socket.state.set('connected');
    socket.connected$.next();
    expect(api.list).toHaveBeenCalledTimes(1);

    api.list.mockReturnValueOnce(of(page([summary('d', '2026-03-01T13:00:00.000Z')])));
    socket.connected$.next();
    await Promise.resolve();
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('loads the first page and opens the socket', async () => {
    await load();
    expect(socket.connect).toHaveBeenCalled();
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('reorders live on activity and bumps the unread count', async () => {
    await load();
    socket.activity$.next({ caseId: 'c', headSeq: 5, updatedAt: '2026-03-01T12:05:00.000Z', newEvents: 1 });
    expect(ids()).toEqual(['c', 'a', 'b']);
    expect(store.cases()[0].unread).toBe(2);

    socket.activity$.next({ caseId: 'b', headSeq: 4, updatedAt: '2026-03-01T12:06:00.000Z', newEvents: 1 });
    expect(ids()).toEqual(['b', 'c', 'a']);
    expect(api.list).toHaveBeenCalledTimes(1);
  });

  it('reads the list again when a case it does not hold becomes active', async () => {
    await load();
    api.list.mockReturnValueOnce(
      of(page([summary('new', '2026-03-01T13:00:00.000Z', 1, 1), summary('a', '2026-03-01T12:00:00.000Z')])),
    );
    socket.activity$.next({ caseId: 'new', headSeq: 1, updatedAt: '2026-03-01T13:00:00.000Z', newEvents: 1 });
    await settle();
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(ids()).toEqual(['new', 'a']);
  });

  it('drops a case the user lost access to', async () => {
    await load();
    socket.removed$.next({ caseId: 'b' });
    expect(ids()).toEqual(['a', 'c']);
  });

  it('appends the next page', async () => {
    api.list.mockReturnValueOnce(of(page([summary('a', '2026-03-01T12:00:00.000Z')], 'cursor-1')));
    await store.load();
    api.list.mockReturnValueOnce(of(page([summary('z', '2026-02-01T12:00:00.000Z')])));
    await store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith({ limit: 50, cursor: 'cursor-1' });
    expect(ids()).toEqual(['a', 'z']);
    expect(store.nextCursor()).toBeNull();
  });

  it('keeps the filter when it shows more, and starts over when the filter changes', async () => {
    api.list.mockReturnValueOnce(of(page([summary('a', '2026-03-01T12:00:00.000Z')], 'cursor-1')));
    await store.load({ q: 'TST', status: ['registered'] });
    api.list.mockReturnValueOnce(of(page([summary('z', '2026-02-01T12:00:00.000Z')], 'cursor-2')));
    await store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith({ q: 'TST', status: ['registered'], limit: 50, cursor: 'cursor-1' });
    expect(ids()).toEqual(['a', 'z']);

    api.list.mockReturnValueOnce(of(page([summary('b', '2026-03-01T11:00:00.000Z')])));
    await store.load({ overdue: true });
    expect(api.list).toHaveBeenLastCalledWith({ overdue: true, limit: 50 });
    expect(ids()).toEqual(['b']);
    expect(store.nextCursor()).toBeNull();
  });

  it('drops the answer to a filter that was changed before it came', async () => {
    const late = new Subject<Page<CaseSummary>>();
    api.list.mockReturnValueOnce(late);
    const first = store.load({ q: 'old' });
    api.list.mockReturnValueOnce(of(page([summary('new', '2026-03-01T12:00:00.000Z')])));
    await store.load({ q: 'new' });
    late.next(page([summary('old', '2026-03-01T13:00:00.000Z')]));
    late.complete();
    await first;
    expect(ids()).toEqual(['new']);
    expect(store.loading()).toBe(false);
  });

  it('keeps the server order when sorted by urgency, even as activity arrives', async () => {
    api.list.mockReturnValueOnce(of(page([summary('late', '2026-03-01T09:00:00.000Z'), summary('busy', '2026-03-01T12:00:00.000Z')])));
    await store.load({ sort: 'urgency' });
    expect(ids()).toEqual(['late', 'busy']);
    socket.activity$.next({ caseId: 'busy', headSeq: 4, updatedAt: '2026-03-01T12:10:00.000Z', newEvents: 1 });
    expect(ids()).toEqual(['late', 'busy']);
    expect(store.cases()[1].unread).toBe(1);
  });
});
