import type { CaseEventEntity, MessageEntity } from '@vigil/api-database';
import { isEvent, type Tier } from '@vigil/contracts';
import { eventViews } from './case-view';

const caseId = '0190f0a0-0000-7000-8000-000000000001';
const messageId = '0190f0a0-0000-7000-8000-0000000000e1';
const message: MessageEntity = { id: messageId, caseId, authorId: '0190f0a0-0000-7000-8000-0000000000a1', tier: 'room', body: 'seen at the gate', editedAt: null, redactedAt: null };

function posted(tier: Tier, prev: Record<Tier, number>): CaseEventEntity {
  return {
    id: '0190f0a0-0000-7000-8000-000000000010',
    caseId,
    seq: 10,
    type: 'message.posted',
    tier,
    at: new Date(Date.UTC(2026, 0, 1)),
    actorId: message.authorId,
    actorName: 'Aigerim Observer',
    actorRole: 'observer',
    actorAgencyKind: 'civil_society',
    data: { messageId, clientId: 'c1', body: message.body },
    clientId: 'c1',
    prevSeqRoom: prev.room,
    prevSeqState: prev.state,
    prevSeqOversight: prev.oversight,
    prevSeqProsecution: prev.prosecution,
    hash: 'h',
  };
}

const groups = (views: ReturnType<typeof eventViews>) => views.map(({ view, clearances }) => ({ clearances, prevSeq: view.prevSeq, body: isEvent(view, 'message.posted') ? view.data.body : undefined }));

describe('eventViews', () => {
  it('gives every clearance one shared payload when they see the same', () => {
    const views = eventViews(posted('room', { room: 9, state: 9, oversight: 9, prosecution: 9 }), new Map([[messageId, message]]));
    expect(groups(views)).toEqual([{ clearances: ['room', 'state', 'oversight', 'prosecution'], prevSeq: 9, body: 'seen at the gate' }]);
  });

  it('separates clearances whose previous event differs', () => {
    const views = eventViews(posted('room', { room: 7, state: 7, oversight: 9, prosecution: 9 }), new Map([[messageId, message]]));
    expect(groups(views)).toEqual([
      { clearances: ['room', 'state'], prevSeq: 7, body: 'seen at the gate' },
      { clearances: ['oversight', 'prosecution'], prevSeq: 9, body: 'seen at the gate' },
    ]);
  });

  it('keeps a redacted text for the prosecution alone', () => {
    const redacted = { ...message, redactedAt: new Date(Date.UTC(2026, 0, 2)) };
    const views = eventViews(posted('room', { room: 9, state: 9, oversight: 9, prosecution: 9 }), new Map([[messageId, redacted]]));
    expect(groups(views)).toEqual([
      { clearances: ['room', 'state', 'oversight'], prevSeq: 9, body: undefined },
      { clearances: ['prosecution'], prevSeq: 9, body: 'seen at the gate' },
    ]);
  });

  it('never gives a clearance below the event its view', () => {
    const views = eventViews(posted('oversight', { room: 3, state: 3, oversight: 9, prosecution: 9 }), new Map([[messageId, message]]));
    expect(views.flatMap(({ clearances }) => clearances)).toEqual(['oversight', 'prosecution']);
  });
});
