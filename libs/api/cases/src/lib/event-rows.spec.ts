import type { CaseEventEntity, MessageEntity } from '@vigil/api-database';
import { canRead, type CaseEventRecordedData, type CaseEventType, type Tier } from '@vigil/contracts';
import { toCaseEventView } from './case-view';
import { toEventWithMessage, type EventWithMessageRow } from './event-rows';

const caseId = '0190f0a0-0000-7000-8000-000000000001';
const actor = { actor_id: '0190f0a0-0000-7000-8000-0000000000a1', actor_name: 'Aigerim Observer', actor_role: 'observer', actor_agency_kind: 'civil_society' } as const;
const noMessage = { message_id: null, message_case_id: null, message_author_id: null, message_tier: null, message_body: null, message_edited_at: null, message_redacted_at: null };

/** A row as `pg` returns it for the events statement. */
function row<T extends CaseEventType>(seq: number, type: T, tier: Tier, data: CaseEventRecordedData[T], message: Partial<EventWithMessageRow> = {}): EventWithMessageRow {
  return {
    id: `0190f0a0-0000-7000-8000-00000000${String(seq).padStart(4, '0')}`,
    case_id: caseId,
    seq,
    // Numbered per clearance below (`numbered`).
    seq_room: null,
    seq_state: null,
    seq_oversight: seq,
    type,
    tier,
    at: new Date(Date.UTC(2026, 0, 1, 10, seq)),
    ...actor,
    data,
    client_id: null,
    prev_seq_room: seq - 1,
    prev_seq_state: seq - 1,
    prev_seq_oversight: seq - 1,
    prev_seq_prosecution: seq - 1,
    hash: `hash-${seq}`,
    ...noMessage,
    ...message,
  };
}

const editedId = '0190f0a0-0000-7000-8000-0000000000e1';
const redactedId = '0190f0a0-0000-7000-8000-0000000000e2';
const edited: MessageEntity = { id: editedId, caseId, authorId: actor.actor_id, tier: 'room', body: 'second wording', editedAt: new Date(Date.UTC(2026, 0, 2)), redactedAt: null };
const redacted: MessageEntity = { id: redactedId, caseId, authorId: actor.actor_id, tier: 'state', body: 'names a witness', editedAt: null, redactedAt: new Date(Date.UTC(2026, 0, 3)) };
const joined = (m: MessageEntity): Partial<EventWithMessageRow> => ({
  message_id: m.id,
  message_case_id: m.caseId,
  message_author_id: m.authorId,
  message_tier: m.tier,
  message_body: m.body,
  message_edited_at: m.editedAt,
  message_redacted_at: m.redactedAt,
});

/** Each clearance counts the events it may read. */
function numbered(all: EventWithMessageRow[]): EventWithMessageRow[] {
  let room = 0;
  let state = 0;
  return all.map((r) => ({ ...r, seq_room: r.tier === 'room' ? ++room : null, seq_state: r.tier === 'room' || r.tier === 'state' ? ++state : null }));
}

const rows = numbered([
  row(1, 'case.created', 'room', { reference: 'SHY-2026-000001', summary: 'Beaten on arrest', source: 'relative', facility: { name: 'Station 4', kind: 'police_station' } }),
  row(2, 'message.posted', 'room', { messageId: editedId, clientId: 'c1', body: 'first wording' }, joined(edited)),
  row(3, 'message.posted', 'state', { messageId: redactedId, clientId: 'c2', body: 'names a witness' }, joined(redacted)),
  row(4, 'message.edited', 'room', { messageId: editedId, body: 'second wording' }, joined(edited)),
  row(5, 'message.redacted', 'state', { messageId: redactedId, reason: 'a witness' }, joined(redacted)),
]);

/** What TypeORM's hydration produced from the same rows, and the messages' look-up beside it. */
function hydrated(r: EventWithMessageRow): CaseEventEntity {
  return {
    id: r.id,
    caseId: r.case_id,
    seq: r.seq,
    seqRoom: r.seq_room,
    seqState: r.seq_state,
    seqOversight: r.seq_oversight,
    type: r.type,
    tier: r.tier,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    actorAgencyKind: r.actor_agency_kind,
    data: r.data,
    clientId: r.client_id,
    prevSeqRoom: r.prev_seq_room,
    prevSeqState: r.prev_seq_state,
    prevSeqOversight: r.prev_seq_oversight,
    prevSeqProsecution: r.prev_seq_prosecution,
    hash: r.hash,
  };
}
const lookedUp = new Map([edited, redacted].map((m) => [m.id, m]));

describe('toEventWithMessage', () => {
  it('maps a row to the entity and the message it names, or none', () => {
    expect(toEventWithMessage(rows[0])).toEqual({ event: hydrated(rows[0]), message: null });
    expect(toEventWithMessage(rows[1])).toEqual({ event: hydrated(rows[1]), message: edited });
    expect(toEventWithMessage(rows[1]).event.at).toBeInstanceOf(Date);
  });

  it.each<Tier>(['room', 'state', 'prosecution'])('serialises a page with an edited and a redacted message as before, at %s', (clearance) => {
    const visible = rows.filter((r) => canRead(clearance, r.tier));
    const mapped = visible.map(toEventWithMessage);
    const messages = new Map(mapped.flatMap(({ message }) => (message ? [[message.id, message] as const] : [])));
    const now = JSON.stringify(mapped.map(({ event }) => toCaseEventView(event, clearance, messages)));
    const before = JSON.stringify(visible.map((r) => toCaseEventView(hydrated(r), clearance, lookedUp)));
    expect(now).toBe(before);
  });

  it('numbers the events each clearance may read 1, 2, 3… with prevSeq one below', () => {
    const seqs = (clearance: Tier) =>
      rows.filter((r) => canRead(clearance, r.tier)).map((r) => toCaseEventView(toEventWithMessage(r).event, clearance, new Map())).map((e) => [e.seq, e.prevSeq]);
    expect(seqs('room')).toEqual([[1, 0], [2, 1], [3, 2]]);
    expect(seqs('prosecution')).toEqual([[1, 0], [2, 1], [3, 2], [4, 3], [5, 4]]);
  });

  it('refuses to show an event to a clearance below its tier', () => {
    expect(() => toCaseEventView(toEventWithMessage(rows[2]).event, 'room', new Map())).toThrow();
  });

  it('shows a redacted text to prosecution viewers only, and marks the edit', () => {
    const mapped = rows.map(toEventWithMessage);
    const messages = new Map(mapped.flatMap(({ message }) => (message ? [[message.id, message] as const] : [])));
    const view = (clearance: Tier) => mapped.map(({ event }) => toCaseEventView(event, clearance, messages).data);
    expect(view('state')[1]).toEqual({ messageId: editedId, clientId: 'c1', body: 'second wording', edited: true });
    expect(view('state')[2]).toEqual({ messageId: redactedId, clientId: 'c2', redacted: true });
    expect(view('prosecution')[2]).toEqual({ messageId: redactedId, clientId: 'c2', body: 'names a witness', redacted: true });
  });
});
