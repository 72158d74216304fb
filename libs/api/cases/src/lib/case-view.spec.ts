import type { CaseEventEntity, MessageEntity } from '@vigil/api-database';
import { isEvent, type Tier } from '@vigil/contracts';
import { eventViews } from './case-view';

const caseId = '0190f0a0-0000-7000-8000-000000000001';
const messageId = '0190f0a0-0000-7000-8000-0000000000e1';
const message: MessageEntity = { id: messageId, caseId, authorId: '0190f0a0-0000-7000-8000-0000000000a1', tier: 'room', body: 'seen at the gate', editedAt: null, redactedAt: null };

/** A post numbered `seq[clearance]` by each clearance that reads it (`null`: cannot). */
function posted(tier: Tier, seq: Record<Tier, number | null>): CaseEventEntity {
  return {
    id: '0190f0a0-0000-7000-8000-000000000010',
    caseId,
    seq: seq.prosecution as number,
    seqRoom: seq.room,
    seqState: seq.state,
    seqOversight: seq.oversight,
    type: 'message.posted',
    tier,
    at: new Date(Date.UTC(2026, 0, 1)),
    actorId: message.authorId,
    actorName: 'Aigerim Observer',
    actorRole: 'observer',
    actorAgencyKind: 'civil_society',
    data: { messageId, clientId: 'c1', body: message.body },
    clientId: 'c1',
    prevSeqRoom: (seq.room ?? 1) - 1,
    prevSeqState: (seq.state ?? 1) - 1,
    prevSeqOversight: (seq.oversight ?? 1) - 1,
    prevSeqProsecution: (seq.prosecution ?? 1) - 1,
    hash: 'h',
  };
}

const groups = (views: ReturnType<typeof eventViews>) => views.map(({ view, clearances }) => ({ clearances, seq: view.seq, prevSeq: view.prevSeq, body: isEvent(view, 'message.posted') ? view.data.body : undefined }));

describe('eventViews', () => {
  it('gives every clearance one shared payload when they see the same', () => {
    const views = eventViews(posted('room', { room: 10, state: 10, oversight: 10, prosecution: 10 }), new Map([[messageId, message]]));
    expect(groups(views)).toEqual([{ clearances: ['room', 'state', 'oversight', 'prosecution'], seq: 10, prevSeq: 9, body: 'seen at the gate' }]);
  });

  it('separates clearances whose numbering differs', () => {
    const views = eventViews(posted('room', { room: 8, state: 8, oversight: 10, prosecution: 10 }), new Map([[messageId, message]]));
    expect(groups(views)).toEqual([
      { clearances: ['room', 'state'], seq: 8, prevSeq: 7, body: 'seen at the gate' },
      { clearances: ['oversight', 'prosecution'], seq: 10, prevSeq: 9, body: 'seen at the gate' },
    ]);
  });

  it('keeps a redacted text for the prosecution alone', () => {
    const redacted = { ...message, redactedAt: new Date(Date.UTC(2026, 0, 2)) };
    const views = eventViews(posted('room', { room: 10, state: 10, oversight: 10, prosecution: 10 }), new Map([[messageId, redacted]]));
    expect(groups(views)).toEqual([
      { clearances: ['room', 'state', 'oversight'], seq: 10, prevSeq: 9, body: undefined },
      { clearances: ['prosecution'], seq: 10, prevSeq: 9, body: 'seen at the gate' },
    ]);
  });

  it('never gives a clearance below the event its view', () => {
    const views = eventViews(posted('oversight', { room: null, state: null, oversight: 10, prosecution: 10 }), new Map([[messageId, message]]));
    expect(views.flatMap(({ clearances }) => clearances)).toEqual(['oversight', 'prosecution']);
  });
});
