import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { detail, Clock, conflict, forbidden, GroupCommit, invalid, isUuid, notFound, VIGIL_CONFIG, type Settled, type VigilConfig } from '@vigil/api-core';
import { AccountEntity, AgencyEntity, CaseEntity, CaseEventEntity, CaseIntakeEntity, CaseMemberEntity, MessageEntity, originalPosts, PlaceEntity, queryPrepared, UnitEntity } from '@vigil/api-database';
import {
  type Action,
  canRead,
  ROLES,
  rolesThatCan,
  clearanceOf,
  TIERS,
  type Case,
  type CaseEvent,
  type CaseMember,
  type CaseStatus,
  INTAKE_TIER,
  type Tier,
  type MemberChangedData,
} from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { audienceOf, CaseAccess, caseClearance, SYSTEM_PRINCIPAL, type LockedRoom } from './case-access';
import { ACTIVITY_INTERVAL_MS, CaseEventsBus } from './case-events.bus';
import { CaseWriteOrder } from './case-write-order';
import { CaseQueries } from './case-queries';
import { toCaseEventView, toCaseView, toMember } from './case-view';
import type { CreateCaseBody, PostMessageBody } from './cases.dto';
import { EVENT_SEQ_COLUMN, headSeqFor } from './clearance-columns';
import { assertNoDisclosure, belowIdentityTier, victimOf } from './disclosure-guard';
import { EventLog, type Actor, type NewEvent } from './event-log';
import { VictimIdentities } from './victim-identities';

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
 * Every change to a case: registration, members, messages, and `change`, the one write path of
 * the features. Each is a transaction that locks the case row, changes current state and appends
 * to the log; events reach live connections after commit, in seq order. Reads are `CaseQueries`'.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger('Cases');
  private readonly order = new CaseWriteOrder();
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
    private readonly queries: CaseQueries,
  ) {}

  async create(caller: Caller, body: CreateCaseBody): Promise<Case> {
    const clearance = this.access.clearance(caller);
    this.access.permit(caller, 'case.register');
    if (body.intake?.implicated && (body.intake.implicated.agencyId || body.intake.implicated.unitId)) this.access.permit(caller, 'case.set_implicated');
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : this.clock.now();
    // The summary is read at `room`: it must not name whom it is about.
    assertNoDisclosure(body.victim, 'room', { summary: body.summary }, false);
    const { kase, events } = await this.db.transaction(async (manager) => {
      const place = body.placeId ? await manager.findOne(PlaceEntity, { where: { id: body.placeId } }) : null;
      if (body.placeId && !place) throw invalid('placeId', 'unknown_place', 'does not name a place of the register');
      const implicated = body.intake?.implicated;
      if (implicated?.agencyId && !(await manager.exists(AgencyEntity, { where: { id: implicated.agencyId } }))) {
        throw invalid('intake.implicated.agencyId', 'unknown_agency', 'does not name an agency');
      }
      // The implicated unit is a record of the implicated agency: officers are compared by its id.
      if (implicated?.unitId) {
        if (!implicated.agencyId) throw invalid('intake.implicated.unitId', 'needs_agency', 'needs the implicated agency');
        if (!(await manager.exists(UnitEntity, { where: { id: implicated.unitId, agencyId: implicated.agencyId } }))) {
          throw invalid('intake.implicated.unitId', 'unknown_unit', 'does not name a unit of the implicated agency');
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
    return this.queries.identityRead(caller, toCaseView(kase, await this.queries.members(kase.id), caseClearance(clearance, caller.agency.id, kase), this.clock.now()));
  }





  async addMember(caller: Caller, caseId: string, userId: string): Promise<{ member: CaseMember; created: boolean }> {
    await this.access.authorize(caller, caseId, 'case.manage_members');
    const account = await this.db.getRepository(AccountEntity).findOne({ where: { id: userId }, relations: { agency: true } });
    if (!account) throw notFound('User');
    if (account.role === null) throw invalid('userId', 'no_role', 'the account has no role yet');
    if (clearanceOf(account.role) === null) throw invalid('userId', 'admin_not_member', 'an administrator cannot be a case member');
    if (account.disabled || account.agency.disabled) throw invalid('userId', 'account_disabled', 'the account is disabled');
    const created = await this.change(caller, caseId, 'case.manage_members', async ({ manager, kase, append }) => {
      if (implicatedOfficer(kase, account)) {
        throw conflict('An officer of the implicated unit cannot be a member of the case', [
          detail('userId', 'implicated_unit', 'is an officer of the implicated unit'),
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
      results[index] = { ok: true, value: { event: (await this.queries.view([original], clearance))[0], created: false } };
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
      if (message.authorId !== caller.id) throw forbidden('Only the author edits a message', 'author_only');
      if (message.redactedAt) throw conflict('A redacted message cannot be edited', [detail('messageId', 'redacted', 'is redacted')]);
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
      if (message.redactedAt) throw conflict('The message is already redacted', [detail('messageId', 'redacted', 'is redacted already')]);
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
    return this.changeTogether(caller, [caseId], (_manager, inCase) => inCase(caseId, action, change));
  }

  /**
   * `change` for a write that spans several cases and tables of its own (a meeting's decision that
   * is also a task of each case it names), in one transaction: `work` writes its tables with
   * `manager` and changes each case through `inCase`, under the same rules as `change`. Every
   * case's events reach live connections after commit.
   */
  async changeTogether<T>(
    caller: Caller,
    caseIds: string[],
    work: (manager: EntityManager, inCase: <U>(caseId: string, action: Action, change: (context: CaseChange) => Promise<U>) => Promise<U>) => Promise<T>,
  ): Promise<T> {
    // Writes to one case run one after another in this process: publication follows seq order.
    return this.order.run(caseIds, async () => {
      const appended = new Map<string, CaseEventEntity[]>();
      const result = await this.db.transaction(async (manager) =>
        work(manager, async (caseId, action, change) => {
          const { kase, clearance } = await this.access.authorize(caller, caseId, action, manager, true);
          const events: CaseEventEntity[] = [];
          const answer = await change({
            manager,
            kase,
            clearance,
            // Built at once, written together when the change is done.
            append: async (event) => {
              this.access.assertCanWriteAt(clearance, event.tier);
              const next = this.log.next(kase, caller, event);
              events.push(next);
              return next;
            },
          });
          await this.log.write(manager, events, [kase]);
          appended.set(kase.id, [...(appended.get(kase.id) ?? []), ...events]);
          return answer;
        }),
      );
      for (const [caseId, events] of appended) if (events.length) this.bus.emit('appended', caseId, events);
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








  private async message(manager: EntityManager, caseId: string, messageId: string, clearance: Tier): Promise<MessageEntity> {
    const message = isUuid(messageId) ? await manager.findOne(MessageEntity, { where: { id: messageId, caseId } }) : null;
    // A message above the caller's tier does not exist for them.
    if (!message || !canRead(clearance, message.tier)) throw notFound('Message');
    return message;
  }

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
  if (account.role === null) throw invalid('userId', 'no_role', 'the account has no role yet');
  return { userId: account.id, displayName: account.displayName, role: account.role, agencyKind: account.agency.kind };
}



