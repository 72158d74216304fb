import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, conflict, forbidden, GroupCommit, invalid, isIssuedTime, isUuid, notFound, VIGIL_CONFIG, type Settled, type VigilConfig } from '@vigil/api-core';
import { AccountEntity, AgencyEntity, CaseEntity, CaseEventEntity, CaseIntakeEntity, CaseMemberEntity, MessageEntity, originalPosts, PlaceEntity, queryPrepared, UnitEntity } from '@vigil/api-database';
import {
  type Action,
  canRead,
  CASES_PAGE_DEFAULT,
  ROLES,
  rolesThatCan,
  clearanceOf,
  EVENTS_PAGE_DEFAULT,
  isEvent,
  TIERS,
  tiersReadAt,
  type AnyCaseEvent,
  type Case,
  type CaseEvent,
  type CaseMember,
  type CaseStatus,
  type CaseSummary,
  type EventsPage,
  INTAKE_TIER,
  type Intake,
  type Page,
  type Role,
  type Tier,
  type VerifyResult,
  type MemberChangedData,
} from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { audienceOf, CaseAccess, caseClearance, cappedClearance, SYSTEM_PRINCIPAL, type LockedRoom, type MemberGrant } from './case-access';
import { ACTIVITY_INTERVAL_MS, CaseEventsBus, type AudienceMember } from './case-events.bus';
import { CaseWriteOrder } from './case-write-order';
import { RecentPages } from './recent-pages';
import { toCaseEventView, toCaseView, visitOverdue } from './case-view';
import type { CreateCaseBody, EventsQuery, ListCasesQuery, PostMessageBody } from './cases.dto';
import { CASE_HEAD_COLUMN, CASE_UPDATED_COLUMN, EVENT_SEQ_COLUMN, headSeqFor, seqFor } from './clearance-columns';
import { AccessAudit } from './access-audit';
import { assertNoDisclosure, belowIdentityTier, victimOf } from './disclosure-guard';
import { EventLog, type Actor, type NewEvent } from './event-log';
import { VictimIdentities } from './victim-identities';
import { EVENT_MESSAGE_JOIN, EVENT_WITH_MESSAGE_COLUMNS, toEventWithMessage, type EventWithMessageRow } from './event-rows';

/** The signed-in caller, as the services need them. */
export type Caller = Actor;

/** What a feature gets to change a case inside its transaction. */
export interface CaseChange {
  manager: EntityManager;
  /** The case row, locked for this transaction. */
  kase: CaseEntity;
  /** The caller's clearance in this case. */
  clearance: Tier;
  append(event: NewEvent): Promise<CaseEventEntity>;
}

const CITY_CODE = 'SHY';
/** Events per catch-up page (the client follows `hasMore`). */
const CATCH_UP_PAGE = 500;

/** A message waiting for the next group commit of posts. */
interface Post {
  caller: Caller;
  caseId: string;
  body: PostMessageBody;
}
type Posted = { event: CaseEvent; created: boolean };
/** A post and its retries share a key: the case, the author and the clientId the client chose. */
const retryKey = (caseId: string, authorId: string, clientId: string) => `${caseId}|${authorId}|${clientId.toLowerCase()}`;

/**
 * Cases and their rooms' content. Every change is a transaction that locks the case row, changes
 * current state and appends to the log; events reach live connections after commit, in seq order.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger('Cases');
  private readonly order = new CaseWriteOrder();
  /** Rejoining members of a room share one read of the same catch-up page. */
  private readonly recentPages = new RecentPages();
  /**
   * Messages are the rooms' busiest write: posts arriving together share one transaction, in
   * batches begun at most every 10 ms. A batch costs about as much of the core as twenty more posts
   * in it, so at 1,000 posts/s the server used 95 % of its core in batches of four and uses 70 % in
   * batches of ten, for 4 ms more latency; an idle room's post still goes at once.
   */
  private readonly posts = new GroupCommit<Post, Posted>((posts) => this.commitPosts(posts), { minIntervalMs: 10 });
  /**
   * When a post batch last brought each case's members (performance.now()). Only an activity
   * announcement needs them, at most once per interval; in a busy room of fifty, reading them with
   * every batch was fifty account look-ups a batch.
   */
  private readonly membersReadAt = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly log: EventLog,
    private readonly bus: CaseEventsBus,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    private readonly clock: Clock,
    private readonly victims: VictimIdentities,
    private readonly audit: AccessAudit,
  ) {
    this.bus.on('appended', (caseId) => this.recentPages.appended(caseId));
  }

  async create(caller: Caller, body: CreateCaseBody): Promise<Case> {
    const clearance = this.access.clearance(caller);
    this.access.permit(caller, 'case.register');
    if (body.intake?.implicated && (body.intake.implicated.agencyId || body.intake.implicated.unitId)) this.access.permit(caller, 'case.set_implicated');
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : this.clock.now();
    // The summary is read at `room`: it must not name whom it is about.
    assertNoDisclosure(body.victim, 'room', { summary: body.summary }, false);
    const { kase, events } = await this.db.transaction(async (manager) => {
      const place = body.placeId ? await manager.findOne(PlaceEntity, { where: { id: body.placeId } }) : null;
      if (body.placeId && !place) throw invalid('placeId', 'does not name a place of the register');
      const implicated = body.intake?.implicated;
      if (implicated?.agencyId && !(await manager.exists(AgencyEntity, { where: { id: implicated.agencyId } }))) {
        throw invalid('intake.implicated.agencyId', 'does not name an agency');
      }
      // The implicated unit is a record of the implicated agency: officers are compared by its id.
      if (implicated?.unitId) {
        if (!implicated.agencyId) throw invalid('intake.implicated.unitId', 'needs the implicated agency');
        if (!(await manager.exists(UnitEntity, { where: { id: implicated.unitId, agencyId: implicated.agencyId } }))) {
          throw invalid('intake.implicated.unitId', 'does not name a unit of the implicated agency');
        }
      }
      const [{ n }] = await manager.query(`SELECT nextval('case_reference_seq') AS n`);
      const reference = `${CITY_CODE}-${receivedAt.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
      const kase = await manager.save(
        manager.create(CaseEntity, {
          reference,
          summary: body.summary.trim(),
          status: 'registered',
          source: body.source,
          facilityName: place?.name ?? body.facility.name.trim(),
          facilityKind: place?.kind ?? body.facility.kind,
          placeId: place?.id ?? null,
          victimFullName: body.victim.fullName.trim(),
          victimBirthYear: body.victim.birthYear ?? null,
          victimContact: body.victim.contact?.trim() || null,
          receivedAt,
          allegedAt: body.allegedAt ? new Date(body.allegedAt) : null,
          visitDueAt: new Date(receivedAt.getTime() + this.config.visitDeadlineHours * 3_600_000),
          implicatedAgencyId: implicated?.agencyId ?? null,
          implicatedUnitId: implicated?.unitId ?? null,
          createdBy: caller.id,
        }),
      );
      // Every report reaches a prosecutor at once: those on duty join with the creator.
      const onDuty = await manager.find(AccountEntity, {
        where: { role: In(rolesThatCan('case.receive_reports', ROLES)), onDuty: true, disabled: false },
        relations: { agency: true },
      });
      const creator = await manager.findOneOrFail(AccountEntity, { where: { id: caller.id }, relations: { agency: true } });
      const members = [creator, ...onDuty.filter((p) => p.id !== caller.id && !p.agency.disabled && !implicatedOfficer(kase, p))];
      const events = [
        this.log.next(kase, caller, {
          type: 'case.created',
          tier: 'room',
          data: { reference, summary: kase.summary, source: kase.source, facility: { name: kase.facilityName, kind: kase.facilityKind } },
        }),
      ];
      if (body.intake) {
        const intake = body.intake;
        await manager.insert(CaseIntakeEntity, {
          caseId: kase.id,
          allegationMethods: intake.allegation?.methods ?? [],
          injuries: intake.allegation?.injuries?.trim() || null,
          witnesses: intake.allegation?.witnesses?.trim() || null,
          custodyCircumstances: intake.custody?.circumstances?.trim() || null,
          detainedAt: intake.custody?.detainedAt ? new Date(intake.custody.detainedAt) : null,
          sourceDetails: intake.sourceDetails?.trim() || null,
          reprisalRisk: intake.reprisalRisk ?? false,
          protectionMeasures: intake.protectionMeasures?.trim() || null,
        });
        events.push(
          this.log.next(kase, caller, {
            type: 'intake.recorded',
            tier: INTAKE_TIER,
            data: { allegationMethods: intake.allegation?.methods ?? [], reprisalRisk: intake.reprisalRisk ?? false },
          }),
        );
      }
      for (const member of members) {
        await manager.insert(CaseMemberEntity, { caseId: kase.id, accountId: member.id });
        events.push(this.log.next(kase, caller, { type: 'member.added', tier: 'room', data: memberData(member) }));
      }
      await this.log.write(manager, events, [kase]);
      return { kase, events };
    });
    this.bus.emit('appended', kase.id, events);
    this.logger.log({ event: 'case.created', caseId: kase.id }, 'case registered');
    return this.identityRead(caller, toCaseView(kase, await this.members(kase.id), caseClearance(clearance, caller.agency.id, kase), this.clock.now()));
  }

  /** The intake record (`oversight`): below it, the record does not exist for the caller. */
  async intake(caller: Caller, caseId: string): Promise<Intake> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    if (!canRead(clearance, INTAKE_TIER)) throw notFound('Intake');
    const intake = await this.db.getRepository(CaseIntakeEntity).findOne({ where: { caseId: kase.id } });
    const agency = kase.implicatedAgencyId ? await this.db.getRepository(AgencyEntity).findOne({ where: { id: kase.implicatedAgencyId } }) : null;
    await this.audit.record(caller, kase.id, [{ kind: 'intake', recordId: kase.id }]);
    const unit = kase.implicatedUnitId ? await this.db.getRepository(UnitEntity).findOne({ where: { id: kase.implicatedUnitId } }) : null;
    return {
      allegation: { methods: intake?.allegationMethods ?? [], injuries: intake?.injuries ?? null, witnesses: intake?.witnesses ?? null },
      custody: { circumstances: intake?.custodyCircumstances ?? null, detainedAt: intake?.detainedAt?.toISOString() ?? null },
      sourceDetails: intake?.sourceDetails ?? null,
      implicated: { agency: agency ? { id: agency.id, name: agency.name, kind: agency.kind } : null, unit: unit ? { id: unit.id, name: unit.name } : null },
      reprisalRisk: intake?.reprisalRisk ?? false,
      protectionMeasures: intake?.protectionMeasures ?? null,
    };
  }

  async list(caller: Caller, query: ListCasesQuery): Promise<Page<CaseSummary>> {
    const clearance = this.access.clearance(caller);
    this.access.permit(caller, 'case.read');
    const limit = query.limit ?? CASES_PAGE_DEFAULT;
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = [caller.id, tiersReadAt(clearance), limit + 1];
    // Members are found from their memberships (an index on account_id); chief prosecutors walk all cases.
    const from = this.access.supervisesAll(caller) ? 'cases c' : 'case_members m JOIN cases c ON c.id = m.case_id';
    const filters: string[] = this.access.supervisesAll(caller) ? [] : ['m.account_id = $1'];
    if (query.status) filters.push(`c.status = $${params.push(query.status)}`);
    if (query.placeId) filters.push(`c.place_id = $${params.push(query.placeId)}::uuid`);
    const after = cursor ? [`$${params.push(cursor.at)}::timestamptz`, `$${params.push(cursor.id)}::uuid`] : null;
    // Cases that implicate the reader's agency are read at the capped clearance: their head, time
    // and unread count too. Each kind of row is chosen in its own index order, then merged.
    const capped = cappedClearance(clearance);
    const agency = capped ? `$${params.push(caller.agency.id)}::uuid` : null;
    const cappedTiers = capped ? `$${params.push(tiersReadAt(capped))}::text[]` : null;
    const rowsReadAt = (readAt: Tier, implicated: boolean | null) => {
      const updated = `c.${CASE_UPDATED_COLUMN[readAt]}`;
      const where = [...filters];
      if (implicated !== null) where.push(implicated ? `c.implicated_agency_id = ${agency}` : `c.implicated_agency_id IS DISTINCT FROM ${agency}`);
      if (after) where.push(`(${updated}, c.id) < (${after[0]}, ${after[1]})`);
      return `SELECT c.id, c.reference, c.summary, c.status, c.facility_name, c.facility_kind, c.visit_due_at, c.visited_at,
                     c.${CASE_HEAD_COLUMN[readAt]} AS head_seq, ${updated} AS updated_at, ${implicated === true} AS capped
                FROM ${from}
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY ${updated} DESC, c.id DESC
               LIMIT $3`;
    };
    const page = capped
      ? `SELECT * FROM ((${rowsReadAt(clearance, false)}) UNION ALL (${rowsReadAt(capped, true)})) b ORDER BY updated_at DESC, id DESC LIMIT $3`
      : rowsReadAt(clearance, null);
    // The page is chosen first; only its rows count their unread events.
    const rows: (CaseRow & { unread: number })[] = await this.db.query(
      `SELECT p.*,
              (SELECT count(*) FROM case_events e
                WHERE e.case_id = p.id AND e.seq > coalesce(r.seq, 0)
                  AND e.tier = ANY(${cappedTiers ? `CASE WHEN p.capped THEN ${cappedTiers} ELSE $2::text[] END` : '$2::text[]'}))::int AS unread
         FROM (${page}) p
         LEFT JOIN case_reads r ON r.case_id = p.id AND r.account_id = $1
        ORDER BY p.updated_at DESC, p.id DESC`,
      params,
    );
    const now = this.clock.now();
    const items = rows.slice(0, limit).map(
      (row): CaseSummary => ({
        id: row.id,
        reference: row.reference,
        summary: row.summary,
        status: row.status,
        facility: { name: row.facility_name, kind: row.facility_kind },
        visitDueAt: new Date(row.visit_due_at).toISOString(),
        visitOverdue: visitOverdue({ status: row.status, visitDueAt: new Date(row.visit_due_at), visitedAt: row.visited_at ? new Date(row.visited_at) : null }, now),
        headSeq: row.head_seq,
        unread: row.unread,
        updatedAt: new Date(row.updated_at).toISOString(),
      }),
    );
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null };
  }

  async get(caller: Caller, caseId: string): Promise<Case> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    return this.identityRead(caller, toCaseView(kase, await this.members(kase.id), clearance, this.clock.now()));
  }

  /** A case answered with the victim's identity leaves a trace in its access log first. */
  private async identityRead(caller: Caller, view: Case): Promise<Case> {
    if (!view.victim.redacted) await this.audit.record(caller, view.id, [{ kind: 'victim_identity', recordId: view.id }]);
    return view;
  }

  async addMember(caller: Caller, caseId: string, userId: string): Promise<{ member: CaseMember; created: boolean }> {
    await this.access.authorize(caller, caseId, 'case.manage_members');
    const account = await this.db.getRepository(AccountEntity).findOne({ where: { id: userId }, relations: { agency: true } });
    if (!account) throw notFound('User');
    if (account.role === null) throw invalid('userId', 'the account has no role yet');
    if (clearanceOf(account.role) === null) throw invalid('userId', 'an administrator cannot be a case member');
    if (account.disabled || account.agency.disabled) throw invalid('userId', 'the account is disabled');
    const created = await this.change(caller, caseId, 'case.manage_members', async ({ manager, kase, append }) => {
      if (implicatedOfficer(kase, account)) {
        throw conflict('An officer of the implicated unit cannot be a member of the case', [
          { field: 'userId', message: 'is an officer of the implicated unit' },
        ]);
      }
      if (await manager.exists(CaseMemberEntity, { where: { caseId, accountId: userId } })) return false;
      await manager.insert(CaseMemberEntity, { caseId, accountId: userId });
      await append({ type: 'member.added', tier: 'room', data: memberData(account) });
      return true;
    });
    return { member: toMember(account), created };
  }

  async removeMember(caller: Caller, caseId: string, userId: string): Promise<void> {
    await this.access.authorize(caller, caseId, 'case.manage_members');
    if (!isUuid(userId)) throw notFound('Member');
    // Live delivery takes the removed member's connections out of the case on this event.
    await this.change(caller, caseId, 'case.manage_members', async ({ manager, append }) => {
      const account = await manager.findOne(AccountEntity, { where: { id: userId }, relations: { agency: true } });
      const removed = await manager.delete(CaseMemberEntity, { caseId, accountId: userId });
      if (!account || !removed.affected) throw notFound('Member');
      await append({ type: 'member.removed', tier: 'room', data: memberData(account) });
    });
  }

  /**
   * Takes an officer out of every case whose implicated unit is now theirs (an administrator moved
   * them into it), as removing a member does: `member.removed` in the room, `case:removed` to their
   * sockets. Vigil itself is the actor. Answers the cases they left.
   */
  async excludeImplicatedOfficer(accountId: string): Promise<string[]> {
    const conflicted: { id: string }[] = await this.db.query(
      `SELECT m.case_id AS id FROM case_members m
         JOIN accounts a ON a.id = m.account_id
         JOIN cases c ON c.id = m.case_id
        WHERE m.account_id = $1 AND c.implicated_unit_id = a.unit_id`,
      [accountId],
    );
    const left: string[] = [];
    for (const { id } of conflicted) {
      const removed = await this.change(SYSTEM_PRINCIPAL, id, 'case.manage_members', async ({ manager, kase, append }) => {
        // Checked again under the case's lock: the account may have moved on meanwhile.
        const account = await manager.findOne(AccountEntity, { where: { id: accountId }, relations: { agency: true } });
        if (!account || !implicatedOfficer(kase, account)) return false;
        if (!(await manager.delete(CaseMemberEntity, { caseId: id, accountId })).affected) return false;
        await append({ type: 'member.removed', tier: 'room', data: { ...memberData(account), reason: 'implicated_unit' } });
        return true;
      });
      if (removed) left.push(id);
    }
    if (left.length) this.logger.log({ event: 'member.excluded', accountId, cases: left.length }, 'officer of an implicated unit taken out of cases');
    return left;
  }

  async events(caller: Caller, caseId: string, query: EventsQuery): Promise<EventsPage> {
    if (query.afterSeq !== undefined && query.beforeSeq !== undefined) {
      throw invalid('beforeSeq', 'cannot be combined with afterSeq');
    }
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    return this.page(kase, clearance, query);
  }

  /** A page of the events of a case the caller opened, as their clearance sees them. */
  private async page(kase: CaseEntity, clearance: Tier, query: EventsQuery): Promise<EventsPage> {
    const limit = query.limit ?? EVENTS_PAGE_DEFAULT;
    const backwards = query.beforeSeq !== undefined;
    // In the caller's own numbering: only the events of their tiers have one (a null never compares).
    const seq = `e.${EVENT_SEQ_COLUMN[clearance]}`;
    // One statement for the page: the events and the current state of the messages they name.
    const rows: EventWithMessageRow[] = await this.db.query(
      `SELECT ${EVENT_WITH_MESSAGE_COLUMNS}
         FROM case_events e
         ${EVENT_MESSAGE_JOIN}
        WHERE e.case_id = $1 AND ${seq} ${backwards ? '<' : '>'} $2
        ORDER BY ${seq} ${backwards ? 'DESC' : 'ASC'}
        LIMIT $3`,
      [kase.id, backwards ? query.beforeSeq : (query.afterSeq ?? 0), limit + 1],
    );
    const page = rows.slice(0, limit).map(toEventWithMessage);
    const messages = new Map(page.flatMap(({ message }) => (message ? [[message.id, message] as const] : [])));
    // The case was read just before the page: events committed in between raise the head.
    const last = page[page.length - 1];
    const newest = backwards || !last ? 0 : (seqFor(last.event, clearance) ?? 0);
    return {
      items: page.map(({ event }) => toCaseEventView(event, clearance, messages)),
      headSeq: Math.max(headSeqFor(kase, clearance), newest),
      hasMore: rows.length > limit,
    };
  }

  /**
   * Idempotent on (case, author, clientId): a retry returns the original event and writes nothing.
   * Posts go through a group commit: each is checked and appended as through `change`, but the
   * posts that arrive while the previous batch commits share one transaction.
   */
  async postMessage(caller: Caller, caseId: string, body: PostMessageBody): Promise<Posted> {
    this.access.clearance(caller);
    this.access.permit(caller, 'case.read');
    if (!isUuid(caseId)) throw notFound('Case');
    return this.posts.submit({ caller, caseId: caseId.toLowerCase(), body });
  }

  /**
   * One transaction for a batch of posts: the rooms locked (with their members when due) in one
   * query, the retried clientIds looked up in one, then every event, message, counter and read
   * marker written set-wise. A post refused by the policy fails alone; if the transaction itself fails,
   * each post is tried again on its own, so that one bad post cannot sink the others.
   */
  private async commitPosts(posts: Post[]): Promise<Settled<Posted>[]> {
    const caseIds = [...new Set(posts.map((post) => post.caseId))];
    try {
      return await this.order.run(caseIds, () => this.commitPostBatch(caseIds, posts));
    } catch (error) {
      if (posts.length === 1) return [{ ok: false, error }];
      return Promise.all(posts.map(async (post) => (await this.commitPosts([post]))[0]));
    }
  }

  private async commitPostBatch(caseIds: string[], posts: Post[]): Promise<Settled<Posted>[]> {
    // Each post's answer, by its place in the batch; retries are answered after commit.
    const results = new Array<Settled<Posted>>(posts.length);
    const appended = new Map<string, CaseEventEntity[]>();
    const messages = new Map<string, MessageEntity>();
    const retried: { index: number; id: string; clearance: Tier }[] = [];
    let rooms = new Map<string, LockedRoom>();
    const startedAt = performance.now();
    const membersOf = caseIds.filter((id) => startedAt - (this.membersReadAt.get(id) ?? -Infinity) >= ACTIVITY_INTERVAL_MS);
    await this.db.transaction(async (manager) => {
      rooms = await this.access.lockRooms(
        manager,
        caseIds,
        posts.map((post) => post.caller.id),
        membersOf,
      );
      const originals = await this.postedBefore(manager, posts);
      // Text below `oversight` is checked against its case's victim (kept in memory: it never changes).
      const victims = await this.victims.matchersOf(manager, posts.filter((post) => belowIdentityTier(post.body.tier)).map((post) => post.caseId));
      const reads = new Map<string, { caseId: string; accountId: string; seq: number }>();
      posts.forEach((post, index) => {
        try {
          const room = rooms.get(post.caseId);
          const clearance = this.access.clearanceIn(post.caller, room);
          const key = retryKey(post.caseId, post.caller.id, post.body.clientId);
          const original = originals.get(key);
          if (original) {
            retried.push({ index, id: original, clearance });
            return;
          }
          this.access.assertCanWriteAt(clearance, post.body.tier);
          const victim = victims.get(post.caseId);
          if (victim) assertNoDisclosure(victim, post.body.tier, { body: post.body.body });
          const message: MessageEntity = { id: randomUUID(), caseId: post.caseId, authorId: post.caller.id, tier: post.body.tier, body: post.body.body, editedAt: null, redactedAt: null };
          const event = this.log.next((room as LockedRoom).kase, post.caller, {
            type: 'message.posted',
            tier: post.body.tier,
            data: { messageId: message.id, clientId: post.body.clientId, body: post.body.body },
            clientId: post.body.clientId,
          });
          // A second copy in the same batch is a retry of this one.
          originals.set(key, event.id);
          messages.set(message.id, message);
          (appended.get(post.caseId) ?? appended.set(post.caseId, []).get(post.caseId))?.push(event);
          reads.set(`${post.caseId}|${post.caller.id}`, { caseId: post.caseId, accountId: post.caller.id, seq: event.seq });
          results[index] = { ok: true, value: { event: toCaseEventView(event, clearance, messages), created: true } };
        } catch (error) {
          results[index] = { ok: false, error };
        }
      });
      const events = [...appended.values()].flat();
      if (!events.length) return;
      await this.log.write(manager, events, [...appended.keys()].map((caseId) => (rooms.get(caseId) as LockedRoom).kase));
      // As the events: one JSON parameter each, read back by property name.
      await queryPrepared(
        manager,
        `WITH posted AS (
           INSERT INTO messages (id, case_id, author_id, tier, body)
           SELECT * FROM json_to_recordset($1::json) AS m(id uuid, "caseId" uuid, "authorId" uuid, tier text, body text)
         )
         INSERT INTO case_reads (case_id, account_id, seq)
         SELECT * FROM json_to_recordset($2::json) AS r("caseId" uuid, "accountId" uuid, seq int)
             ON CONFLICT (case_id, account_id) DO UPDATE SET seq = GREATEST(case_reads.seq, EXCLUDED.seq)`,
        [JSON.stringify([...messages.values()]), JSON.stringify([...reads.values()])],
      );
    });
    for (const caseId of membersOf) this.membersReadAt.set(caseId, startedAt);
    if (this.membersReadAt.size > 10_000) {
      for (const [caseId, at] of this.membersReadAt) if (startedAt - at >= ACTIVITY_INTERVAL_MS) this.membersReadAt.delete(caseId);
    }
    for (const [caseId, events] of appended) {
      const { members, kase } = rooms.get(caseId) as LockedRoom;
      this.bus.emit('appended', caseId, events, { messages, ...(members && { audience: audienceOf(members, kase) }) });
    }
    // Retries answer with the original event as it reads now (rare: after commit, outside the batch).
    for (const { index, id, clearance } of retried) {
      const original = await this.db.getRepository(CaseEventEntity).findOneByOrFail({ id });
      results[index] = { ok: true, value: { event: (await this.view([original], clearance))[0], created: false } };
    }
    return results;
  }

  /** The events already posted with these posts' clientIds, by case, author and clientId. */
  private async postedBefore(manager: EntityManager, posts: Post[]): Promise<Map<string, string>> {
    const found = await originalPosts(
      manager,
      posts.map((post) => ({ caseId: post.caseId, authorId: post.caller.id, clientId: post.body.clientId })),
    );
    return new Map(found.map((post) => [retryKey(post.caseId, post.authorId, post.clientId), post.eventId]));
  }

  async editMessage(caller: Caller, caseId: string, messageId: string, body: string): Promise<CaseEvent> {
    return this.change(caller, caseId, 'case.read', async ({ manager, kase, clearance, append }) => {
      const message = await this.message(manager, caseId, messageId, clearance);
      if (message.authorId !== caller.id) throw forbidden('Only the author edits a message');
      if (message.redactedAt) throw conflict('A redacted message cannot be edited');
      assertNoDisclosure(victimOf(kase), message.tier, { body });
      await manager.update(MessageEntity, { id: messageId }, { body, editedAt: new Date() });
      const event = await append({ type: 'message.edited', tier: message.tier, data: { messageId, body } });
      return toCaseEventView(event, clearance, new Map([[messageId, { ...message, body, editedAt: new Date() }]]));
    });
  }

  async redactMessage(caller: Caller, caseId: string, messageId: string, reason: string): Promise<CaseEvent> {
    return this.change(caller, caseId, 'case.read', async ({ manager, kase, clearance, append }) => {
      const message = await this.message(manager, caseId, messageId, clearance);
      assertNoDisclosure(victimOf(kase), message.tier, { reason });
      if (message.authorId !== caller.id) this.access.permit(caller, 'message.redact_any');
      if (message.redactedAt) throw conflict('The message is already redacted');
      await manager.update(MessageEntity, { id: messageId }, { redactedAt: new Date() });
      return toCaseEventView(await append({ type: 'message.redacted', tier: message.tier, data: { messageId, reason } }), clearance, new Map());
    });
  }

  /** Sets a case's status with no transition rules: for the demo data; users go through the workflow's endpoints. */
  async changeStatus(caller: Caller, caseId: string, to: CaseStatus, reason?: string): Promise<CaseEvent> {
    return this.change(caller, caseId, 'case.change_status', async (context) => toCaseEventView(await recordStatus(context, to, reason), context.clearance, new Map()));
  }

  /**
   * The one way for a feature to change a case: authorizes `action` (the policy's one call),
   * locks the row, and lets `change` write its tables and append events, all in one transaction;
   * the events reach live connections after commit. No event may be appended at a tier above the
   * caller's clearance in the case (the implicated-agency cap included). Throwing inside rolls
   * everything back.
   */
  async change<T>(caller: Caller, caseId: string, action: Action, change: (context: CaseChange) => Promise<T>): Promise<T> {
    // Writes to one case run one after another in this process: publication follows seq order.
    return this.order.run([caseId], async () => {
      const appended: CaseEventEntity[] = [];
      const result = await this.db.transaction(async (manager) => {
        const { kase, clearance } = await this.access.authorize(caller, caseId, action, manager, true);
        const answer = await change({
          manager,
          kase,
          clearance,
          // Built at once, written together when the change is done.
          append: async (event) => {
            this.access.assertCanWriteAt(clearance, event.tier);
            const next = this.log.next(kase, caller, event);
            appended.push(next);
            return next;
          },
        });
        await this.log.write(manager, appended, [kase]);
        return answer;
      });
      if (appended.length) this.bus.emit('appended', caseId, appended);
      return result;
    });
  }

  /**
   * Moves the caller's read marker (never backwards, never past what they may see). `seq` and the
   * answer are in the caller's numbering. The marker is kept in the global order, which does not
   * depend on the reader's clearance, and the others hear it in their own numbering.
   */
  async markRead(caller: Caller, caseId: string, seq: number): Promise<number> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const own = Math.max(0, Math.min(seq, headSeqFor(kase, clearance)));
    const [row]: { seq: number }[] = await this.db.query(
      `INSERT INTO case_reads (case_id, account_id, seq)
       VALUES ($1, $2, coalesce((SELECT seq FROM case_events WHERE case_id = $1 AND ${EVENT_SEQ_COLUMN[clearance]} = $3), 0))
       ON CONFLICT (case_id, account_id) DO UPDATE SET seq = GREATEST(case_reads.seq, EXCLUDED.seq)
       RETURNING seq`,
      [kase.id, caller.id, own],
    );
    const markers = await this.markersAt(kase.id, row.seq);
    this.bus.emit('read', kase.id, caller.id, markers);
    return markers[clearance];
  }

  /** A read marker of the global order in each clearance's numbering: that clearance's last event at or before it. */
  private async markersAt(caseId: string, seq: number): Promise<Record<Tier, number>> {
    const lower = TIERS.filter((clearance) => clearance !== 'prosecution');
    const [row]: Record<Tier, number>[] = await this.db.query(
      `SELECT ${lower
        .map((clearance) => {
          const column = EVENT_SEQ_COLUMN[clearance];
          return `coalesce((SELECT ${column} FROM case_events WHERE case_id = $1 AND ${column} IS NOT NULL AND seq <= $2 ORDER BY ${column} DESC LIMIT 1), 0) AS ${clearance}`;
        })
        .join(', ')}`,
      [caseId, seq],
    );
    return { ...row, prosecution: seq };
  }

  async verify(caller: Caller, caseId: string): Promise<VerifyResult> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.verify');
    const result = await this.log.verify(kase.id);
    return { ok: result.ok, headSeq: headSeqFor(kase, clearance), firstBrokenSeq: result.firstBrokenSeq };
  }

  /** The case, if the caller may know of it (the access policy's answer, for the socket side). */
  open(caller: Caller, caseId: string) {
    return this.access.authorize(caller, caseId, 'case.read');
  }

  /** Catch-up for a socket that joined a case it opened: the events after `afterSeq` it may see. */
  catchUp(opened: { kase: CaseEntity; clearance: Tier }, afterSeq: number): Promise<EventsPage> {
    const { kase, clearance } = opened;
    return this.recentPages.get(kase.id, `${clearance}|${afterSeq}`, () => this.page(kase, clearance, { afterSeq, limit: CATCH_UP_PAGE }));
  }

  /** Members and their clearances, for live fan-out of a case's activity. */
  async audience(caseId: string): Promise<AudienceMember[]> {
    const rows: (MemberGrant & { implicatedAgencyId: string | null })[] = await this.db.query(
      `SELECT m.account_id AS "accountId", a.role, a.agency_id AS "agencyId", c.implicated_agency_id AS "implicatedAgencyId"
         FROM case_members m JOIN cases c ON c.id = m.case_id
         -- A look-up by key per member (see \`CaseAccess.lockRooms\`).
         CROSS JOIN LATERAL (SELECT role, agency_id FROM accounts WHERE id = m.account_id OFFSET 0) a
        WHERE m.case_id = $1`,
      [caseId],
    );
    return audienceOf(rows, { implicatedAgencyId: rows[0]?.implicatedAgencyId ?? null });
  }

  /** Serialises one case's events for a viewer, with message edits and redactions applied. */
  async view(events: CaseEventEntity[], clearance: Tier): Promise<AnyCaseEvent[]> {
    const messages = await this.messageStates(events);
    return events.map((event) => toCaseEventView(event, clearance, messages));
  }

  /** The current state of the messages these events refer to, for `toCaseEventView`. */
  async messageStates(events: CaseEventEntity[]): Promise<Map<string, MessageEntity>> {
    const ids = events.flatMap((e) => (isEvent(e, 'message.posted') || isEvent(e, 'message.edited') || isEvent(e, 'message.redacted') ? [e.data.messageId] : []));
    const messages = ids.length ? await this.db.getRepository(MessageEntity).findBy({ id: In([...new Set(ids)]) }) : [];
    return new Map(messages.map((m) => [m.id, m]));
  }

  private async members(caseId: string): Promise<CaseMember[]> {
    const rows = await this.db.getRepository(CaseMemberEntity).find({
      where: { caseId },
      relations: { account: { agency: true } },
      order: { addedAt: 'ASC' },
    });
    return rows.map((row) => toMember(row.account as AccountEntity));
  }

  private async message(manager: EntityManager, caseId: string, messageId: string, clearance: Tier): Promise<MessageEntity> {
    const message = isUuid(messageId) ? await manager.findOne(MessageEntity, { where: { id: messageId, caseId } }) : null;
    // A message above the caller's tier does not exist for them.
    if (!message || !canRead(clearance, message.tier)) throw notFound('Message');
    return message;
  }

}

interface CaseRow {
  id: string;
  reference: string;
  summary: string;
  status: CaseSummary['status'];
  facility_name: string;
  facility_kind: CaseSummary['facility']['kind'];
  visit_due_at: string;
  visited_at: string | null;
  head_seq: number;
  updated_at: string;
}

/** Sets a case's status and records the change: the one place a status is written. */
export async function recordStatus({ manager, kase, append }: CaseChange, to: CaseStatus, reason?: string): Promise<CaseEventEntity> {
  const from = kase.status;
  // The reason is read at `room`, like the status.
  assertNoDisclosure(victimOf(kase), 'room', { reason }, false);
  await manager.update(CaseEntity, { id: kase.id }, { status: to });
  kase.status = to;
  return append({ type: 'case.status_changed', tier: 'room', data: { from, to, ...(reason ? { reason } : {}) } });
}

/** Officers of the implicated unit are kept out of the case: a conflict of interest (units compare by id). */
export function implicatedOfficer(kase: Pick<CaseEntity, 'implicatedUnitId'>, account: Pick<AccountEntity, 'unitId'>): boolean {
  return kase.implicatedUnitId !== null && account.unitId === kase.implicatedUnitId;
}

/** An account as the log records its joining or leaving a case: only accounts with a role are members. */
export function memberData(account: AccountEntity): MemberChangedData {
  if (account.role === null) throw invalid('userId', 'the account has no role yet');
  return { userId: account.id, displayName: account.displayName, role: account.role, agencyKind: account.agency.kind };
}

function toMember(account: AccountEntity): CaseMember {
  return {
    userId: account.id,
    displayName: account.displayName,
    // Members always hold a role: an account without one cannot be added (see addMember).
    role: account.role as Role,
    agency: { id: account.agency.id, name: account.agency.name, kind: account.agency.kind },
  };
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only a time as the server writes it: PostgreSQL refuses much that `Date.parse` takes (31 February, year 275760).
    if (isIssuedTime(at) && isUuid(id)) return { at, id };
  } catch {
    // fall through
  }
  throw invalid('cursor', 'is not a cursor this server issued');
}
