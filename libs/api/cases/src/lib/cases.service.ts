import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, conflict, forbidden, invalid, isUuid, notFound, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { AccountEntity, AgencyEntity, CaseEntity, CaseEventEntity, CaseIntakeEntity, CaseMemberEntity, MessageEntity, PlaceEntity } from '@vigil/api-database';
import {
  canRead,
  CASES_PAGE_DEFAULT,
  clearanceOf,
  EVENTS_PAGE_DEFAULT,
  readableTiers,
  type Case,
  type CaseEvent,
  type CaseMember,
  type CaseStatus,
  type CaseSummary,
  type EventsPage,
  INTAKE_TIER,
  type Intake,
  type Page,
  type Tier,
  type VerifyResult,
} from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CaseAccess, caseClearance } from './case-access';
import { CaseEventsBus } from './case-events.bus';
import { toCaseEventView, toCaseView, visitOverdue } from './case-view';
import type { CreateCaseBody, EventsQuery, ListCasesQuery, PostMessageBody } from './cases.dto';
import { CASE_HEAD_COLUMN, CASE_UPDATED_COLUMN, headSeqFor } from './clearance-columns';
import { EventLog, type Actor, type NewEvent } from './event-log';
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

/**
 * Cases and their rooms' content. Every change is a transaction that locks the case row, changes
 * current state and appends to the log; events reach live connections after commit, in seq order.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger('Cases');
  /** Per-case chain of writes in this process: publication after commit keeps seq order. */
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly log: EventLog,
    private readonly bus: CaseEventsBus,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, body: CreateCaseBody): Promise<Case> {
    const clearance = this.access.clearance(caller);
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : this.clock.now();
    const { kase, events } = await this.db.transaction(async (manager) => {
      const place = body.placeId ? await manager.findOne(PlaceEntity, { where: { id: body.placeId } }) : null;
      if (body.placeId && !place) throw invalid('placeId', 'does not name a place of the register');
      const implicated = body.intake?.implicated;
      if (implicated?.agencyId && !(await manager.exists(AgencyEntity, { where: { id: implicated.agencyId } }))) {
        throw invalid('intake.implicated.agencyId', 'does not name an agency');
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
          implicatedUnit: implicated?.unit?.trim() || null,
          createdBy: caller.id,
        }),
      );
      // Every report reaches a prosecutor at once: those on duty join with the creator.
      const onDuty = await manager.find(AccountEntity, {
        where: { role: 'prosecutor', onDuty: true, disabled: false },
        relations: { agency: true },
      });
      const creator = await manager.findOneOrFail(AccountEntity, { where: { id: caller.id }, relations: { agency: true } });
      const members = [creator, ...onDuty.filter((p) => p.id !== caller.id && !p.agency.disabled && !implicatedOfficer(kase, p))];
      const events = [
        await this.log.append(manager, kase, caller, {
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
          await this.log.append(manager, kase, caller, {
            type: 'intake.recorded',
            tier: INTAKE_TIER,
            data: { allegationMethods: intake.allegation?.methods ?? [], reprisalRisk: intake.reprisalRisk ?? false },
          }),
        );
      }
      for (const member of members) {
        await manager.insert(CaseMemberEntity, { caseId: kase.id, accountId: member.id });
        events.push(await this.log.append(manager, kase, caller, { type: 'member.added', tier: 'room', data: memberData(member) }));
      }
      return { kase, events };
    });
    this.bus.emit('appended', kase.id, events);
    this.logger.log({ event: 'case.created', caseId: kase.id }, 'case registered');
    return toCaseView(kase, await this.members(kase.id), caseClearance(clearance, caller.agency.id, kase), this.clock.now());
  }

  /** The intake record (`oversight`): below it, the record does not exist for the caller. */
  async intake(caller: Caller, caseId: string): Promise<Intake> {
    const { kase, clearance } = await this.access.open(caller, caseId);
    if (!canRead(clearance, INTAKE_TIER)) throw notFound('Intake');
    const intake = await this.db.getRepository(CaseIntakeEntity).findOne({ where: { caseId: kase.id } });
    const agency = kase.implicatedAgencyId ? await this.db.getRepository(AgencyEntity).findOne({ where: { id: kase.implicatedAgencyId } }) : null;
    return {
      allegation: { methods: intake?.allegationMethods ?? [], injuries: intake?.injuries ?? null, witnesses: intake?.witnesses ?? null },
      custody: { circumstances: intake?.custodyCircumstances ?? null, detainedAt: intake?.detainedAt?.toISOString() ?? null },
      sourceDetails: intake?.sourceDetails ?? null,
      implicated: { agency: agency ? { id: agency.id, name: agency.name, kind: agency.kind } : null, unit: kase.implicatedUnit },
      reprisalRisk: intake?.reprisalRisk ?? false,
      protectionMeasures: intake?.protectionMeasures ?? null,
    };
  }

  async list(caller: Caller, query: ListCasesQuery): Promise<Page<CaseSummary>> {
    const clearance = this.access.clearance(caller);
    const limit = query.limit ?? CASES_PAGE_DEFAULT;
    const cursor = decodeCursor(query.cursor);
    const updated = `c.${CASE_UPDATED_COLUMN[clearance]}`;
    const params: unknown[] = [caller.id, readableTiers(caller.role), limit + 1];
    // Members are found from their memberships (an index on account_id); chief prosecutors walk all cases.
    const from = this.access.supervisesAll(caller) ? 'cases c' : 'case_members m JOIN cases c ON c.id = m.case_id';
    const where: string[] = this.access.supervisesAll(caller) ? [] : ['m.account_id = $1'];
    if (query.status) where.push(`c.status = $${params.push(query.status)}`);
    if (query.placeId) where.push(`c.place_id = $${params.push(query.placeId)}::uuid`);
    if (cursor) where.push(`(${updated}, c.id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    // The page is chosen first; only its rows count their unread events.
    const rows: (CaseRow & { unread: number })[] = await this.db.query(
      `SELECT p.*,
              (SELECT count(*) FROM case_events e
                WHERE e.case_id = p.id AND e.seq > coalesce(r.seq, 0) AND e.tier = ANY($2))::int AS unread
         FROM (SELECT c.id, c.reference, c.summary, c.status, c.facility_name, c.facility_kind, c.visit_due_at, c.visited_at,
                      c.${CASE_HEAD_COLUMN[clearance]} AS head_seq, ${updated} AS updated_at
                 FROM ${from}
                ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                ORDER BY ${updated} DESC, c.id DESC
                LIMIT $3) p
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
    const { kase, clearance } = await this.access.open(caller, caseId);
    return toCaseView(kase, await this.members(kase.id), clearance, this.clock.now());
  }

  async addMember(caller: Caller, caseId: string, userId: string): Promise<{ member: CaseMember; created: boolean }> {
    await this.access.open(caller, caseId);
    this.access.assertManagesMembers(caller);
    const account = await this.db.getRepository(AccountEntity).findOne({ where: { id: userId }, relations: { agency: true } });
    if (!account) throw notFound('User');
    if (clearanceOf(account.role) === null) throw invalid('userId', 'an administrator cannot be a case member');
    if (account.disabled || account.agency.disabled) throw invalid('userId', 'the account is disabled');
    const event = await this.write(caseId, async (manager) => {
      const { kase } = await this.access.open(caller, caseId, manager, true);
      if (implicatedOfficer(kase, account)) {
        throw conflict('An officer of the implicated unit cannot be a member of the case', [
          { field: 'userId', message: 'is an officer of the implicated unit' },
        ]);
      }
      if (await manager.exists(CaseMemberEntity, { where: { caseId, accountId: userId } })) return null;
      await manager.insert(CaseMemberEntity, { caseId, accountId: userId });
      return [await this.log.append(manager, kase, caller, { type: 'member.added', tier: 'room', data: memberData(account) })];
    });
    return { member: toMember(account), created: event !== null };
  }

  async removeMember(caller: Caller, caseId: string, userId: string): Promise<void> {
    await this.access.open(caller, caseId);
    this.access.assertManagesMembers(caller);
    if (!isUuid(userId)) throw notFound('Member');
    let stillSupervises = false;
    await this.write(
      caseId,
      async (manager) => {
        const { kase } = await this.access.open(caller, caseId, manager, true);
        const account = await manager.findOne(AccountEntity, { where: { id: userId }, relations: { agency: true } });
        const removed = await manager.delete(CaseMemberEntity, { caseId, accountId: userId });
        if (!account || !removed.affected) throw notFound('Member');
        stillSupervises = account.role === 'chief_prosecutor';
        return [await this.log.append(manager, kase, caller, { type: 'member.removed', tier: 'room', data: memberData(account) })];
      },
      // The removed member's connections leave before anyone hears of the removal.
      () => stillSupervises || this.bus.emit('accessLost', caseId, [userId]),
    );
  }

  async events(caller: Caller, caseId: string, query: EventsQuery): Promise<EventsPage> {
    if (query.afterSeq !== undefined && query.beforeSeq !== undefined) {
      throw invalid('beforeSeq', 'cannot be combined with afterSeq');
    }
    const { kase, clearance } = await this.access.open(caller, caseId);
    const limit = query.limit ?? EVENTS_PAGE_DEFAULT;
    const backwards = query.beforeSeq !== undefined;
    const tiers = readableTiers(caller.role);
    // One statement for the page: the events and the current state of the messages they name.
    const rows: EventWithMessageRow[] = await this.db.query(
      `SELECT ${EVENT_WITH_MESSAGE_COLUMNS}
         FROM case_events e
         ${EVENT_MESSAGE_JOIN}
        WHERE e.case_id = $1 AND e.tier = ANY($2) AND e.seq ${backwards ? '<' : '>'} $3
        ORDER BY e.seq ${backwards ? 'DESC' : 'ASC'}
        LIMIT $4`,
      [kase.id, tiers, backwards ? query.beforeSeq : (query.afterSeq ?? 0), limit + 1],
    );
    const page = rows.slice(0, limit).map(toEventWithMessage);
    const messages = new Map(page.flatMap(({ message }) => (message ? [[message.id, message] as const] : [])));
    return {
      items: page.map(({ event }) => toCaseEventView(event, clearance, messages)),
      headSeq: headSeqFor(kase, clearance),
      hasMore: rows.length > limit,
    };
  }

  /** Idempotent on (case, author, clientId): a retry returns the original event and writes nothing. */
  async postMessage(caller: Caller, caseId: string, body: PostMessageBody): Promise<{ event: CaseEvent; created: boolean }> {
    return this.change(caller, caseId, async ({ manager, kase, clearance, append }) => {
      const original = await manager.findOne(CaseEventEntity, { where: { caseId: kase.id, actorId: caller.id, clientId: body.clientId } });
      if (original) return { event: (await this.view([original], clearance))[0], created: false };
      this.access.assertCanWriteAt(clearance, body.tier);
      const message: MessageEntity = { id: randomUUID(), caseId: kase.id, authorId: caller.id, tier: body.tier, body: body.body, editedAt: null, redactedAt: null };
      await manager.insert(MessageEntity, message);
      const event = await append({
        type: 'message.posted',
        tier: body.tier,
        data: { messageId: message.id, clientId: body.clientId, body: body.body },
        clientId: body.clientId,
      });
      await this.advanceRead(manager, kase.id, caller.id, event.seq);
      return { event: toCaseEventView(event, clearance, new Map([[message.id, message]])), created: true };
    });
  }

  async editMessage(caller: Caller, caseId: string, messageId: string, body: string): Promise<CaseEvent> {
    return this.change(caller, caseId, async ({ manager, clearance, append }) => {
      const message = await this.message(manager, caseId, messageId, clearance);
      if (message.authorId !== caller.id) throw forbidden('Only the author edits a message');
      if (message.redactedAt) throw conflict('A redacted message cannot be edited');
      await manager.update(MessageEntity, { id: messageId }, { body, editedAt: new Date() });
      const event = await append({ type: 'message.edited', tier: message.tier, data: { messageId, body } });
      return toCaseEventView(event, clearance, new Map([[messageId, { ...message, body, editedAt: new Date() }]]));
    });
  }

  async redactMessage(caller: Caller, caseId: string, messageId: string, reason: string): Promise<CaseEvent> {
    return this.change(caller, caseId, async ({ manager, clearance, append }) => {
      const message = await this.message(manager, caseId, messageId, clearance);
      const prosecutor = caller.role === 'prosecutor' || caller.role === 'chief_prosecutor';
      if (message.authorId !== caller.id && !prosecutor) throw forbidden('Only the author or a prosecutor redacts a message');
      if (message.redactedAt) throw conflict('The message is already redacted');
      await manager.update(MessageEntity, { id: messageId }, { redactedAt: new Date() });
      return toCaseEventView(await append({ type: 'message.redacted', tier: message.tier, data: { messageId, reason } }), clearance, new Map());
    });
  }

  /** Sets a case's status with no transition rules: for the demo data; users go through the workflow's endpoints. */
  async changeStatus(caller: Caller, caseId: string, to: CaseStatus, reason?: string): Promise<CaseEvent> {
    return this.change(caller, caseId, async (context) => toCaseEventView(await recordStatus(context, to, reason), context.clearance, new Map()));
  }

  /**
   * The one way for a feature to change a case: checks the caller may see it, locks the row,
   * and lets `change` write its tables and append events, all in one transaction; the events
   * reach live connections after commit. Throwing inside rolls everything back.
   */
  async change<T>(caller: Caller, caseId: string, change: (context: CaseChange) => Promise<T>): Promise<T> {
    let result!: T;
    await this.write(caseId, async (manager) => {
      const { kase, clearance } = await this.access.open(caller, caseId, manager, true);
      const appended: CaseEventEntity[] = [];
      result = await change({
        manager,
        kase,
        clearance,
        append: async (event) => {
          const saved = await this.log.append(manager, kase, caller, event);
          appended.push(saved);
          return saved;
        },
      });
      return appended;
    });
    return result;
  }

  /** Moves the caller's read marker (never backwards, never past what they may see). */
  async markRead(caller: Caller, caseId: string, seq: number): Promise<number> {
    const { kase, clearance } = await this.access.open(caller, caseId);
    const marker = await this.advanceRead(this.db.manager, caseId, caller.id, Math.min(seq, headSeqFor(kase, clearance)));
    this.bus.emit('read', caseId, caller.id, marker);
    return marker;
  }

  async verify(caller: Caller, caseId: string): Promise<VerifyResult> {
    const { kase, clearance } = await this.access.open(caller, caseId);
    if (!['prosecutor', 'chief_prosecutor', 'ombudsman'].includes(caller.role)) throw forbidden('Only prosecutors and the ombudsman verify the log');
    const result = await this.log.verify(kase.id);
    return { ok: result.ok, headSeq: headSeqFor(kase, clearance), firstBrokenSeq: result.firstBrokenSeq };
  }

  /** The case, if the caller may know of it (the access policy's answer, for the socket side). */
  open(caller: Caller, caseId: string) {
    return this.access.open(caller, caseId);
  }

  /** Catch-up for a socket that joined: the events after `afterSeq` it may see. */
  catchUp(caller: Caller, caseId: string, afterSeq: number): Promise<EventsPage> {
    return this.events(caller, caseId, { afterSeq, limit: 500 });
  }

  /** Members and their clearances, for live fan-out of a case's activity. */
  async audience(caseId: string): Promise<{ accountId: string; clearance: Tier }[]> {
    const rows: { account_id: string; role: CaseMember['role']; agency_id: string; implicated_agency_id: string | null }[] = await this.db.query(
      `SELECT m.account_id, a.role, a.agency_id, c.implicated_agency_id
         FROM case_members m JOIN accounts a ON a.id = m.account_id JOIN cases c ON c.id = m.case_id
        WHERE m.case_id = $1`,
      [caseId],
    );
    return rows.flatMap((row) => {
      const clearance = clearanceOf(row.role);
      if (!clearance) return [];
      return [{ accountId: row.account_id, clearance: caseClearance(clearance, row.agency_id, { implicatedAgencyId: row.implicated_agency_id }) }];
    });
  }

  /** Serialises one case's events for a viewer, with message edits and redactions applied. */
  async view(events: CaseEventEntity[], clearance: Tier): Promise<CaseEvent[]> {
    const messages = await this.messageStates(events);
    return events.map((event) => toCaseEventView(event, clearance, messages));
  }

  /** The current state of the messages these events refer to, for `toCaseEventView`. */
  async messageStates(events: CaseEventEntity[]): Promise<Map<string, MessageEntity>> {
    const ids = events.map((e) => e.data['messageId']).filter((id): id is string => typeof id === 'string');
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

  private async advanceRead(manager: EntityManager, caseId: string, accountId: string, seq: number): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO case_reads (case_id, account_id, seq) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, account_id) DO UPDATE SET seq = GREATEST(case_reads.seq, EXCLUDED.seq)
       RETURNING seq`,
      [caseId, accountId, Math.max(0, seq)],
    );
    return row.seq;
  }

  /**
   * Runs one write transaction for a case and publishes its events after commit. Writes to one
   * case run one after another in this process, so that publication follows seq order.
   * `beforePublish` runs after commit, before the events go out.
   */
  private async write(
    caseId: string,
    work: (manager: EntityManager) => Promise<CaseEventEntity[] | null>,
    beforePublish?: () => void,
  ): Promise<CaseEventEntity[] | null> {
    const previous = this.writes.get(caseId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const events = await this.db.transaction(work);
        if (events?.length) {
          beforePublish?.();
          this.bus.emit('appended', caseId, events);
        }
        return events;
      });
    this.writes.set(caseId, run);
    try {
      return await run;
    } finally {
      if (this.writes.get(caseId) === run) this.writes.delete(caseId);
    }
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
  await manager.update(CaseEntity, { id: kase.id }, { status: to });
  kase.status = to;
  return append({ type: 'case.status_changed', tier: 'room', data: { from, to, ...(reason ? { reason } : {}) } });
}

/** Officers of the implicated unit are kept out of the case: a conflict of interest. */
export function implicatedOfficer(kase: CaseEntity, account: AccountEntity): boolean {
  return (
    kase.implicatedAgencyId !== null &&
    kase.implicatedAgencyId === account.agencyId &&
    kase.implicatedUnit !== null &&
    (account.unit ?? '').trim().toLowerCase() === kase.implicatedUnit.toLowerCase()
  );
}

export function memberData(account: AccountEntity) {
  return { userId: account.id, displayName: account.displayName, role: account.role, agencyKind: account.agency.kind };
}

function toMember(account: AccountEntity): CaseMember {
  return {
    userId: account.id,
    displayName: account.displayName,
    role: account.role,
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
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && isUuid(id)) return { at, id };
  } catch {
    // fall through
  }
  throw invalid('cursor', 'is not a cursor this server issued');
}
