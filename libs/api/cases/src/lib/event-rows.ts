import type { CaseEventEntity, MessageEntity } from '@vigil/api-database';
import type { AgencyKind, CaseEventRecordedData, CaseEventType, Principal, SystemRole, Tier } from '@vigil/contracts';

/**
 * A page of a case's log read with plain SQL: each event with the current state of the message
 * it refers to (if any), in one statement. Types as `pg` returns them: int → number,
 * timestamptz → Date, jsonb → parsed object, uuid → string.
 */
export const EVENT_WITH_MESSAGE_COLUMNS = `e.id, e.case_id, e.seq, e.seq_room, e.seq_state, e.seq_oversight, e.type, e.tier, e.at, e.actor_id, e.actor_name, e.actor_role,
       e.actor_agency_kind, e.data, e.client_id, e.prev_seq_room, e.prev_seq_state, e.prev_seq_oversight,
       e.prev_seq_prosecution, e.hash,
       m.id AS message_id, m.case_id AS message_case_id, m.author_id AS message_author_id, m.tier AS message_tier,
       m.body AS message_body, m.edited_at AS message_edited_at, m.redacted_at AS message_redacted_at`;

/** Joins each event to the message it names in `data.messageId` (always a uuid where present). */
export const EVENT_MESSAGE_JOIN = `LEFT JOIN messages m ON m.id = (e.data->>'messageId')::uuid`;

export interface EventWithMessageRow {
  id: string;
  case_id: string;
  seq: number;
  seq_room: number | null;
  seq_state: number | null;
  seq_oversight: number | null;
  type: CaseEventType;
  tier: Tier;
  at: Date;
  actor_id: string;
  actor_name: string;
  actor_role: Principal;
  actor_agency_kind: AgencyKind | SystemRole;
  data: CaseEventRecordedData[CaseEventType];
  client_id: string | null;
  prev_seq_room: number;
  prev_seq_state: number;
  prev_seq_oversight: number;
  prev_seq_prosecution: number;
  hash: string;
  message_id: string | null;
  message_case_id: string | null;
  message_author_id: string | null;
  message_tier: Tier | null;
  message_body: string | null;
  message_edited_at: Date | null;
  message_redacted_at: Date | null;
}

/** A row as the log entry TypeORM would hydrate, and the message it refers to, if any. */
export function toEventWithMessage(row: EventWithMessageRow): { event: CaseEventEntity; message: MessageEntity | null } {
  const event: CaseEventEntity = {
    id: row.id,
    caseId: row.case_id,
    seq: row.seq,
    seqRoom: row.seq_room,
    seqState: row.seq_state,
    seqOversight: row.seq_oversight,
    type: row.type,
    tier: row.tier,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    actorAgencyKind: row.actor_agency_kind,
    data: row.data,
    clientId: row.client_id,
    prevSeqRoom: row.prev_seq_room,
    prevSeqState: row.prev_seq_state,
    prevSeqOversight: row.prev_seq_oversight,
    prevSeqProsecution: row.prev_seq_prosecution,
    hash: row.hash,
  };
  const message: MessageEntity | null =
    row.message_id === null
      ? null
      : {
          id: row.message_id,
          caseId: row.message_case_id as string,
          authorId: row.message_author_id as string,
          tier: row.message_tier as Tier,
          body: row.message_body as string,
          editedAt: row.message_edited_at,
          redactedAt: row.message_redacted_at,
        };
  return { event, message };
}
