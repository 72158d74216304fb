import type { CaseEventEntity } from '@vigil/api-database';
import type { DataSource } from 'typeorm';
import { earliest, MessagesReplay } from './log-replays';

const CASE = '00000000-0000-4000-8000-00000000000c';
const AUTHOR = '00000000-0000-4000-8000-0000000000a1';
const MESSAGE = '00000000-0000-4000-8000-0000000000e1';

function event(seq: number, type: string, data: Record<string, unknown>): CaseEventEntity {
  return { seq, type, tier: 'room', actorId: AUTHOR, caseId: CASE, data } as unknown as CaseEventEntity;
}

/** A database that answers the replay's look-up with these rows. */
const rows = (found: Record<string, unknown>[]) => ({ query: async () => found }) as unknown as DataSource;
const row = (overrides: Record<string, unknown> = {}) => ({
  id: MESSAGE,
  case_id: CASE,
  author_id: AUTHOR,
  tier: 'room',
  body: 'second wording',
  edited: true,
  redacted: true,
  ...overrides,
});

function replayed(): MessagesReplay {
  const replay = new MessagesReplay(CASE);
  replay.see(event(4, 'message.posted', { messageId: MESSAGE, body: 'first wording' }));
  replay.see(event(5, 'case.status_changed', { from: 'registered', to: 'investigating' }));
  replay.see(event(6, 'message.edited', { messageId: MESSAGE, body: 'second wording' }));
  replay.see(event(7, 'message.redacted', { messageId: MESSAGE, reason: 'names a witness' }));
  return replay;
}

describe('MessagesReplay', () => {
  it('agrees with a row its events made', async () => {
    expect(await replayed().firstMismatch(rows([row()]))).toBeNull();
  });

  it('names the event each contradiction goes back to', async () => {
    expect(await replayed().firstMismatch(rows([row({ body: 'forged' })]))).toBe(6);
    expect(await replayed().firstMismatch(rows([row({ redacted: false })]))).toBe(7);
    expect(await replayed().firstMismatch(rows([row({ tier: 'oversight' })]))).toBe(4);
    expect(await replayed().firstMismatch(rows([]))).toBe(4);
  });
});

describe('earliest', () => {
  it('is the smallest seq, ignoring nulls', () => {
    expect(earliest([null, 7, 3, null])).toBe(3);
    expect(earliest([null])).toBeNull();
  });
});
