import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEntity, CaseEventEntity, MeetingEntity, MeetingEventEntity, queryPrepared } from '@vigil/api-database';
import { canRead, TIERS, type AgencyKind, type NewCaseEvent, type NewMeetingEvent, type Principal, type SystemRole, type Tier, type VerifyResult } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import { canonicalJson, sha256 } from './canonical';
import { CASE_EVENTS_CHANNEL, CaseEventsRelay } from './case-events.relay';
import type { StreamHead } from './clearance-columns';
import { advanceHeads, headSeqFor, seqFor, type CaseHead } from './clearance-columns';
import { earliest, LogReplays } from './log-replays';

/** Who appends: a person, or Vigil itself (`SYSTEM_PRINCIPAL`). */
export interface Actor {
  id: string;
  displayName: string;
  role: Principal;
  agency: { id: string; kind: AgencyKind | SystemRole };
}

/** An event to append: a type of the catalogue and its data, as written. */
export type NewEvent = NewCaseEvent;

/**
 * A log of the one machinery: a case's or a meeting's. Its events live in `events`, keyed by
 * `key` (`key_column`), and its head (counters, head hash) in the `heads` row of that id.
 */
export interface Stream<Row extends StreamEvent = StreamEvent> {
  kind: 'case' | 'meeting';
  events: 'case_events' | 'meeting_events';
  heads: 'cases' | 'meetings';
  key: 'caseId' | 'meetingId';
  keyColumn: 'case_id' | 'meeting_id';
  eventEntity: EntityTarget<Row>;
  headEntity: EntityTarget<StreamHead>;
}

/** An event row of either stream. */
export type StreamEvent = CaseEventEntity | MeetingEventEntity;

export const CASE_STREAM: Stream<CaseEventEntity> = {
  kind: 'case',
  events: 'case_events',
  heads: 'cases',
  key: 'caseId',
  keyColumn: 'case_id',
  eventEntity: CaseEventEntity,
  headEntity: CaseEntity,
};

export const MEETING_STREAM: Stream<MeetingEventEntity> = {
  kind: 'meeting',
  events: 'meeting_events',
  heads: 'meetings',
  key: 'meetingId',
  keyColumn: 'meeting_id',
  eventEntity: MeetingEventEntity,
  headEntity: MeetingEntity,
};

/** The id of the stream an event belongs to. */
export const streamIdOf = (event: StreamEvent): string => ('caseId' in event ? event.caseId : event.meetingId);

/** What the hash covers: every stored field of the event but the hash itself (the stream's key first). */
function hashedContent(event: StreamEvent) {
  return {
    ...('caseId' in event ? { caseId: event.caseId } : { meetingId: event.meetingId }),
    seq: event.seq,
    type: event.type,
    tier: event.tier,
    at: event.at.toISOString(),
    actor: { id: event.actorId, displayName: event.actorName, role: event.actorRole, agencyKind: event.actorAgencyKind },
    data: event.data,
    clientId: event.clientId,
    prevSeq: { room: event.prevSeqRoom, state: event.prevSeqState, oversight: event.prevSeqOversight, prosecution: event.prevSeqProsecution },
  };
}

export const eventHash = (prevHash: string, event: StreamEvent) => sha256(prevHash + canonicalJson(hashedContent(event)));

/** Counts the event in `counted` for every clearance that reads it; says whether its numbers are those counts. */
function countedRight(event: StreamEvent, counted: Record<Tier, number>): boolean {
  return TIERS.every((clearance) => {
    const readable = canRead(clearance, event.tier);
    if (readable) counted[clearance] += 1;
    return seqFor(event, clearance) === (readable ? counted[clearance] : null);
  });
}

/**
 * The one append path of every log: a case's, a meeting's (`Stream`). Callers lock the case row in their transaction,
 * change current state, take the next events (`next`) and write them (`write`): seq is gap-free
 * because it is taken under that lock, and commit order is seq order. Events are written together
 * with the case counters they move and announced to every instance at commit, in one statement.
 */
@Injectable()
export class EventLog {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: CaseEventsRelay,
    private readonly replays: LogReplays,
  ) {}

  /**
   * The next event of a locked case, built in memory: its seq in the global order and in each
   * clearance's numbering, the clearances' previous heads (which the hash covers), the hash.
   * Moves `kase`'s counters; `write` stores both.
   */
  next(kase: CaseHead, actor: Actor, event: NewEvent): CaseEventEntity {
    return this.nextIn(CASE_STREAM, kase, actor, event);
  }

  /** `next` for any stream: the same numbering, the same chain, keyed by the stream's id. */
  nextIn<Row extends StreamEvent>(stream: Stream<Row>, head: StreamHead, actor: Actor, event: NewEvent | NewMeetingEvent): Row {
    // Never earlier than the stream's last event: time order follows seq order.
    const at = new Date(Math.max(Date.now(), head.updatedAtProsecution?.getTime() ?? 0));
    const { seq, prev } = advanceHeads(head, event.tier, at);
    const row = {
      id: randomUUID(),
      [stream.key]: head.id,
      seq: head.lastSeq,
      seqRoom: seq.room,
      seqState: seq.state,
      seqOversight: seq.oversight,
      type: event.type,
      tier: event.tier,
      at,
      actorId: actor.id,
      actorName: actor.displayName,
      actorRole: actor.role,
      actorAgencyKind: actor.agency.kind,
      data: event.data,
      clientId: event.clientId ?? null,
      prevSeqRoom: prev.room,
      prevSeqState: prev.state,
      prevSeqOversight: prev.oversight,
      prevSeqProsecution: prev.prosecution,
      hash: '',
    } as unknown as Row;
    row.hash = eventHash(head.headHash, row);
    head.headHash = row.hash;
    return row;
  }

  /**
   * Stores events made by `next` and the counters of their cases, in one round trip. The events go
   * as one JSON parameter, read back by their property names: node-postgres writes an array
   * parameter element by element (escaping each, formatting each date), which cost Node more per
   * batch than the statement costs PostgreSQL; `JSON.stringify` is one native pass.
   */
  async write(manager: EntityManager, events: CaseEventEntity[], cases: CaseHead[]): Promise<void> {
    return this.writeTo(CASE_STREAM, manager, events, cases);
  }

  /** `write` for any stream: its events table, its heads table, its key. */
  async writeTo<Row extends StreamEvent>(stream: Stream<Row>, manager: EntityManager, events: Row[], heads: StreamHead[]): Promise<void> {
    if (!events.length) return;
    const head = <T>(pick: (kase: StreamHead) => T) => heads.map(pick);
    await queryPrepared(
      manager,
      `WITH appended AS (
         INSERT INTO ${stream.events} (id, ${stream.keyColumn}, seq, seq_room, seq_state, seq_oversight, type, tier, at, actor_id, actor_name, actor_role, actor_agency_kind, data, client_id,
                                  prev_seq_room, prev_seq_state, prev_seq_oversight, prev_seq_prosecution, hash)
         SELECT * FROM json_to_recordset($1::json)
             AS e(id uuid, "${stream.key}" uuid, seq int, "seqRoom" int, "seqState" int, "seqOversight" int, type text, tier text, at timestamptz, "actorId" uuid, "actorName" text, "actorRole" text,
                  "actorAgencyKind" text, data jsonb, "clientId" uuid, "prevSeqRoom" int, "prevSeqState" int, "prevSeqOversight" int,
                  "prevSeqProsecution" int, hash text)
       ), moved AS (
         UPDATE ${stream.heads} c
            SET last_seq = h.last_seq, last_seq_room = h.room, last_seq_state = h.state, last_seq_oversight = h.oversight,
                last_seq_prosecution = h.prosecution, updated_at_room = h.at_room, updated_at_state = h.at_state,
                updated_at_oversight = h.at_oversight, updated_at_prosecution = h.at_prosecution, head_hash = h.head_hash
           FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::timestamptz[], $9::timestamptz[],
                       $10::timestamptz[], $11::timestamptz[], $12::text[])
             AS h(id, last_seq, room, state, oversight, prosecution, at_room, at_state, at_oversight, at_prosecution, head_hash)
          WHERE c.id = h.id
       )
       SELECT pg_notify($13, announcement) FROM unnest($14::text[]) AS announcement`,
      [
        JSON.stringify(events),
        head((k) => k.id),
        head((k) => k.lastSeq),
        head((k) => k.lastSeqRoom),
        head((k) => k.lastSeqState),
        head((k) => k.lastSeqOversight),
        head((k) => k.lastSeqProsecution),
        head((k) => k.updatedAtRoom),
        head((k) => k.updatedAtState),
        head((k) => k.updatedAtOversight),
        head((k) => k.updatedAtProsecution),
        head((k) => k.headHash),
        CASE_EVENTS_CHANNEL,
        this.relay.announcements(stream.kind, events),
      ],
    );
  }

  /**
   * Recomputes the chain from the first event; names the first seq whose row does not match, or
   * whose tables kept beside the log (messages, custody, …) contradict it. The numbers of the lower
   * clearances, which the hash does not cover, are counted again too.
   */
  async verify(caseId: string): Promise<Omit<VerifyResult, 'headSeq'> & { lastSeq: number }> {
    return this.verifyStream(CASE_STREAM, caseId);
  }

  /** `verify` for any stream; only a case has tables kept beside its log to replay. */
  async verifyStream<Row extends StreamEvent>(stream: Stream<Row>, id: string): Promise<Omit<VerifyResult, 'headSeq'> & { lastSeq: number }> {
    const batch = 1000;
    const replays = stream.kind === 'case' ? this.replays.for(id) : [];
    let prevHash = '';
    let expectedSeq = 1;
    const counted: Record<Tier, number> = { room: 0, state: 0, oversight: 0, prosecution: 0 };
    for (;;) {
      const rows = (await this.db.getRepository(stream.eventEntity as EntityTarget<StreamEvent>).find({
        where: { [stream.key]: id, seq: MoreThan(expectedSeq - 1) },
        order: { seq: 'ASC' },
        take: batch,
      })) as StreamEvent[];
      for (const row of rows) {
        if (row.seq !== expectedSeq || eventHash(prevHash, row) !== row.hash || !countedRight(row, counted)) {
          return { ok: false, firstBrokenSeq: expectedSeq, lastSeq: rows[rows.length - 1].seq };
        }
        for (const replay of replays) replay.see(row as CaseEventEntity);
        prevHash = row.hash;
        expectedSeq++;
      }
      if (rows.length < batch) break;
    }
    const kase = await this.db.getRepository(stream.headEntity).findOne({ where: { id } });
    // Events removed from the end leave the case's counter ahead of the log.
    if (kase && (kase.lastSeq !== expectedSeq - 1 || kase.headHash !== prevHash || TIERS.some((clearance) => headSeqFor(kase, clearance) !== counted[clearance]))) {
      return { ok: false, firstBrokenSeq: expectedSeq, lastSeq: kase.lastSeq };
    }
    const mismatch = earliest(await Promise.all(replays.map((replay) => replay.firstMismatch(this.db))));
    if (mismatch !== null) return { ok: false, firstBrokenSeq: mismatch, lastSeq: expectedSeq - 1 };
    return { ok: true, firstBrokenSeq: null, lastSeq: expectedSeq - 1 };
  }
}
