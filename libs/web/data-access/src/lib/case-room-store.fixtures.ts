import type { AnyCaseEvent, CaseEventActor, JoinAck } from '@vigil/contracts';

/** Invented events of one case, for the specs of the room's parts. */
export const CASE_ID = '6c1d0e2b-8e5f-4d3c-9f7b-4a2e3d5c6b71';
export const me: CaseEventActor = { id: 'c0000000-0000-4000-8000-000000000001', displayName: 'Test Officer', role: 'police', agencyKind: 'police' };
export const other: CaseEventActor = { ...me, id: 'c0000000-0000-4000-8000-000000000002', displayName: 'Test Prosecutor' };

export function posted(seq: number, prevSeq: number, actor = other, clientId = `client-${seq}`): AnyCaseEvent {
  return {
    id: `event-${seq}`,
    caseId: CASE_ID,
    seq,
    prevSeq,
    type: 'message.posted',
    tier: 'room',
    at: '2026-02-01T10:00:00.000Z',
    actor,
    data: { messageId: `message-${seq}`, clientId, body: `Invented message ${seq}` },
  } as AnyCaseEvent;
}

export const ack = (events: AnyCaseEvent[], hasMore = false): JoinAck => ({ caseId: CASE_ID, headSeq: 0, events, hasMore, online: [] });
