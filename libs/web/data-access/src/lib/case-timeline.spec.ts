import type { CaseEventActor, CaseEventData, CaseEventOf, CaseEventType } from '@vigil/contracts';
import { buildTimeline, type TimelineMessage } from './case-timeline';

const author: CaseEventActor = {
  id: '0a8f5c2e-1111-4b6d-9c3e-000000000001',
  displayName: 'Test Author',
  role: 'observer',
  agencyKind: 'civil_society',
};
const prosecutor: CaseEventActor = {
  id: '0a8f5c2e-1111-4b6d-9c3e-000000000002',
  displayName: 'Test Prosecutor',
  role: 'prosecutor',
  agencyKind: 'prosecutor',
};

function event<T extends CaseEventType>(seq: number, type: T, data: CaseEventData[T], actor = author): CaseEventOf<T> {
  return {
    id: `e-${seq}`,
    caseId: 'case-1',
    seq,
    prevSeq: seq - 1,
    type,
    tier: 'room',
    at: `2026-02-01T10:0${seq}:00.000Z`,
    actor,
    data,
  };
}

const messages = (entries: ReturnType<typeof buildTimeline>) =>
  entries.filter((entry): entry is TimelineMessage => entry.kind === 'message');

describe('buildTimeline', () => {
  const created = event(1, 'case.created', {
    reference: 'TST-2026-000001',
    summary: 'Invented',
    source: 'relative',
    facility: { name: 'Station 4', kind: 'police_station' },
  });
  const posted = event(2, 'message.posted', { messageId: 'm-1', clientId: 'c-1', body: 'First words' });

  it('turns messages into message lines and everything else into notices, in seq order', () => {
    const entries = buildTimeline([created, posted, event(3, 'evidence.added', { evidenceId: 'ev-1', title: 'x', mediaType: 'image/jpeg', size: 10, sha256: 'ab' })], false);
    expect(entries.map((entry) => [entry.kind, entry.seq])).toEqual([
      ['notice', 1],
      ['message', 2],
      ['notice', 3],
    ]);
  });

  it('applies an edit to the message it names, without a line of its own', () => {
    const entries = buildTimeline([created, posted, event(3, 'message.edited', { messageId: 'm-1', body: 'Second words' })], false);
    expect(entries).toHaveLength(2);
    expect(messages(entries)[0]).toMatchObject({ body: 'Second words', edited: true, redacted: false });
  });

  it('hides a redacted body below prosecution, and keeps it for prosecution viewers', () => {
    const redacted = event(3, 'message.redacted', { messageId: 'm-1', reason: 'Names a witness' }, prosecutor);

    const observerView = messages(buildTimeline([created, posted, redacted], false))[0];
    expect(observerView.redacted).toBe(true);
    expect(observerView.body).toBeUndefined();
    expect(observerView.redaction).toMatchObject({ reason: 'Names a witness', by: prosecutor });

    const prosecutorView = messages(buildTimeline([created, posted, redacted], true))[0];
    expect(prosecutorView.redacted).toBe(true);
    expect(prosecutorView.body).toBe('First words');
  });

  it('reads a message already redacted when fetched', () => {
    const fetched = event(2, 'message.posted', { messageId: 'm-1', clientId: 'c-1', redacted: true });
    const shown = messages(buildTimeline([fetched], false))[0];
    expect(shown.redacted).toBe(true);
    expect(shown.body).toBeUndefined();
  });

  it('ignores changes to a message older than the history held', () => {
    const entries = buildTimeline([event(9, 'message.edited', { messageId: 'm-0', body: 'Elsewhere' })], false);
    expect(entries).toEqual([]);
  });
});
