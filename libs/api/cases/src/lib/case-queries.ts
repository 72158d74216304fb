import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, invalid, isIssuedTime, isUuid, notFound } from '@vigil/api-core';
import { AccountEntity, AgencyEntity, CaseEntity, CaseEventEntity, CaseIntakeEntity, CaseMemberEntity, MessageEntity, UnitEntity, agencyRef, unitRef } from '@vigil/api-database';
import {
  canRead,
  CASES_PAGE_DEFAULT,
  EVENTS_PAGE_DEFAULT,
  isEvent,
  tiersReadAt,
  type AnyCaseEvent,
  type Case,
  type CaseMember,
  type CaseSummary,
  type EventsPage,
  INTAKE_TIER,
  type Intake,
  type Page,
  type Tier,
  type VerifyResult,
  type CaseSort,
  VICTIM_IDENTITY_TIER,
} from '@vigil/contracts';
import { In, type DataSource } from 'typeorm';
import { AccessAudit } from './access-audit';
import { audienceOf, CaseAccess, cappedClearance, type MemberGrant } from './case-access';
import { CaseEventsBus, type AudienceMember } from './case-events.bus';
import { AWAITING_VISIT, toCaseEventView, toCaseView, toMember, VICTIM_PSEUDONYM, visitOverdue } from './case-view';
import type { EventsQuery, ListCasesQuery } from './cases.dto';
import { CASE_HEAD_COLUMN, CASE_UPDATED_COLUMN, EVENT_SEQ_COLUMN, headSeqFor, seqFor } from './clearance-columns';
import { EventLog, type Actor } from './event-log';
import { EVENT_MESSAGE_JOIN, EVENT_WITH_MESSAGE_COLUMNS, toEventWithMessage, type EventWithMessageRow } from './event-rows';
import { RecentPages } from './recent-pages';

type Caller = Actor;

/** Events per catch-up page (the client follows `hasMore`). */
const CATCH_UP_PAGE = 500;

/**
 * What may be read of cases, each through the one policy: lists, a case, its intake, pages of its
 * log, catch-up for sockets, its audience for live delivery, and the chain's verification.
 */
@Injectable()
export class CaseQueries {
  /** Rejoining members of a room share one read of the same catch-up page. */
  private readonly recentPages = new RecentPages();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly log: EventLog,
    private readonly clock: Clock,
    private readonly audit: AccessAudit,
    bus: CaseEventsBus,
  ) {
    bus.on('appended', (caseId) => this.recentPages.appended(caseId));
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
      implicated: { agency: agency ? agencyRef(agency) : null, unit: unit ? unitRef(unit) : null },
      reprisalRisk: intake?.reprisalRisk ?? false,
      protectionMeasures: intake?.protectionMeasures ?? null,
    };
  }

  /**
   * A page of the caller's cases (a chief prosecutor's: all), filtered and sorted as asked, in one
   * query. Whatever is searched or sorted by, each case is read at the caller's clearance in it:
   * the victim's name matches only where the caller reads it, deadlines count only the tasks the
   * caller may see, so that no filter answers a question about what the caller may not read.
   */
  async list(caller: Caller, query: ListCasesQuery): Promise<Page<CaseSummary>> {
    const clearance = this.access.clearance(caller);
    this.access.permit(caller, 'case.read');
    const limit = query.limit ?? CASES_PAGE_DEFAULT;
    const search = caseSearch(query);
    const cursor = decodeCursor(query.cursor, search);
    // An urgency order holds the moment of its first page: a visit falling overdue meanwhile does not reshuffle later pages.
    const now = cursor?.now ? new Date(cursor.now) : this.clock.now();
    const params: unknown[] = [caller.id, tiersReadAt(clearance), limit + 1];
    const at = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
    // Parameters a query names only when a filter or the sort needs them (PostgreSQL refuses one it cannot type).
    const once = (value: unknown, type: string) => {
      let placeholder: string | undefined;
      return () => (placeholder ??= at(value, type));
    };
    const nowParam = once(now.toISOString(), 'timestamptz');
    const awaitingParam = once(AWAITING_VISIT, 'text[]');
    const agencyParam = once(caller.agency.id, 'uuid');
    // Members are found from their memberships (an index on account_id); chief prosecutors walk all cases.
    const from = this.access.supervisesAll(caller) ? 'cases c' : 'case_members m JOIN cases c ON c.id = m.case_id';
    const overdueNow = () => `(c.visited_at IS NULL AND c.status = ANY(${awaitingParam()}) AND c.visit_due_at < ${nowParam()})`;
    const filters: string[] = this.access.supervisesAll(caller) ? [] : ['m.account_id = $1'];
    if (search.status) filters.push(`c.status = ANY(${at(search.status, 'text[]')})`);
    if (search.placeId) filters.push(`c.place_id = ${at(search.placeId, 'uuid')}`);
    if (search.facilityKind) filters.push(`c.facility_kind = ${at(search.facilityKind, 'text')}`);
    if (search.overdue !== undefined) filters.push(search.overdue ? overdueNow() : `NOT ${overdueNow()}`);
    if (search.agencyId) {
      filters.push(`EXISTS (SELECT 1 FROM case_members am JOIN accounts aa ON aa.id = am.account_id WHERE am.case_id = c.id AND aa.agency_id = ${at(search.agencyId, 'uuid')})`);
    }
    const pattern = search.q === undefined ? null : at(`%${search.q.replace(/[\\%_]/g, (special) => `\\${special}`)}%`, 'text');
    const pseudonymMatches = search.q !== undefined && search.q.toLowerCase() === VICTIM_PSEUDONYM.toLowerCase();
    // Cases that implicate the reader's agency are read at the capped clearance: their head, time,
    // unread count, search and deadlines too. Each kind of row is chosen in its own order, then merged.
    const capped = cappedClearance(clearance);
    const agency = capped ? agencyParam() : null;
    const cappedTiers = capped ? at(tiersReadAt(capped), 'text[]') : null;
    const tiersOf = (readAt: Tier) => (readAt === clearance ? '$2::text[]' : (cappedTiers as string));
    // My open tasks, as "my work" counts them: mine, or my agency's with no one named.
    const myOpenTask = (readAt: Tier) =>
      `t.case_id = c.id AND t.status IN ('open', 'in_progress') AND t.tier = ANY(${tiersOf(readAt)})
       AND (t.assignee_account_id = $1 OR (t.assignee_account_id IS NULL AND t.assignee_agency_id = ${agencyParam()}))`;
    const urgency = search.sort === 'urgency';
    const keys = cursor?.keys;
    const rowsReadAt = (readAt: Tier, implicated: boolean | null) => {
      const updated = `c.${CASE_UPDATED_COLUMN[readAt]}`;
      const where = [...filters];
      if (implicated !== null) where.push(implicated ? `c.implicated_agency_id = ${agency}` : `c.implicated_agency_id IS DISTINCT FROM ${agency}`);
      if (pattern) {
        const texts = ['c.reference', 'c.summary', 'c.facility_name', `(SELECT p.name FROM places p WHERE p.id = c.place_id)`];
        // The victim's name is searched only where this reader reads it: elsewhere it cannot be found by.
        if (canRead(readAt, VICTIM_IDENTITY_TIER)) texts.push('c.victim_full_name');
        where.push(`(${texts.map((text) => `${text} ILIKE ${pattern}`).join(' OR ')}${pseudonymMatches ? ' OR TRUE' : ''})`);
      }
      if (search.assignedToMe) where.push(`EXISTS (SELECT 1 FROM case_tasks t WHERE ${myOpenTask(readAt)})`);
      const columns = `c.id, c.reference, c.summary, c.status, c.facility_name, c.facility_kind, c.visit_due_at, c.visited_at,
                       c.${CASE_HEAD_COLUMN[readAt]} AS head_seq, ${updated} AS updated_at, ${implicated === true} AS capped`;
      if (!urgency) {
        if (keys) where.push(`(${updated}, c.id) < (${at(keys[0], 'timestamptz')}, ${at(keys[1], 'uuid')})`);
        return `SELECT ${columns} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY ${updated} DESC, c.id DESC LIMIT $3`;
      }
      // The nearest deadline: the visit while it is awaited, or the earliest open task the reader may see.
      const deadline = `LEAST(CASE WHEN c.visited_at IS NULL AND c.status = ANY(${awaitingParam()}) THEN c.visit_due_at END,
                              (SELECT min(t.due_at) FROM case_tasks t WHERE t.case_id = c.id AND t.status IN ('open', 'in_progress') AND t.tier = ANY(${tiersOf(readAt)})))`;
      const inner = `SELECT ${columns}, CASE WHEN ${overdueNow()} THEN 0 ELSE 1 END AS urgent_rank, coalesce(${deadline}, 'infinity') AS deadline_key
                       FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
      let after = '';
      if (keys) {
        const [rank, deadlineAt, updatedAt, id] = [at(keys[0], 'int'), at(keys[1] ?? 'infinity', 'timestamptz'), at(keys[2], 'timestamptz'), at(keys[3], 'uuid')];
        after = `WHERE (u.urgent_rank, u.deadline_key) > (${rank}, ${deadlineAt})
                    OR ((u.urgent_rank, u.deadline_key) = (${rank}, ${deadlineAt}) AND (u.updated_at, u.id) < (${updatedAt}, ${id}))`;
      }
      return `SELECT * FROM (${inner}) u ${after} ORDER BY ${URGENCY_ORDER} LIMIT $3`;
    };
    const order = urgency ? URGENCY_ORDER : 'updated_at DESC, id DESC';
    const page = capped ? `SELECT * FROM ((${rowsReadAt(clearance, false)}) UNION ALL (${rowsReadAt(capped, true)})) b ORDER BY ${order} LIMIT $3` : rowsReadAt(clearance, null);
    // The page is chosen first; only its rows count their unread events.
    const rows: (CaseRow & { unread: number; urgent_rank?: number; deadline_key?: Date | string })[] = await this.db.query(
      `SELECT p.*,
              (SELECT count(*) FROM case_events e
                WHERE e.case_id = p.id AND e.seq > coalesce(r.seq, 0)
                  AND e.tier = ANY(${cappedTiers ? `CASE WHEN p.capped THEN ${cappedTiers} ELSE $2::text[] END` : '$2::text[]'}))::int AS unread
         FROM (${page}) p
         LEFT JOIN case_reads r ON r.case_id = p.id AND r.account_id = $1
        ORDER BY ${order.replace(/(\w+) (ASC|DESC)/g, 'p.$1 $2')}`,
      params,
    );
    const items = rows.slice(0, limit).map(
      (row): CaseSummary => ({
        id: row.id,
        reference: row.reference,
        summary: row.summary,
        status: row.status,
        facility: { name: row.facility_name, kind: row.facility_kind },
        visitDueAt: new Date(row.visit_due_at).toISOString(),
        visitOverdue: visitOverdue({ status: row.status, visitDueAt: new Date(row.visit_due_at), visitedAt: row.visited_at ? new Date(row.visited_at) : null }, this.clock.now()),
        headSeq: row.head_seq,
        unread: row.unread,
        updatedAt: new Date(row.updated_at).toISOString(),
      }),
    );
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    if (!last) return { items, nextCursor: null };
    const updatedAt = new Date(last.updated_at).toISOString();
    const deadline = last.deadline_key instanceof Date && Number.isFinite(last.deadline_key.getTime()) ? last.deadline_key.toISOString() : null;
    return {
      items,
      nextCursor: encodeCursor(search, urgency ? { keys: [last.urgent_rank ?? 1, deadline, updatedAt, last.id], now: now.toISOString() } : { keys: [updatedAt, last.id] }),
    };
  }

  async get(caller: Caller, caseId: string): Promise<Case> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    return this.identityRead(caller, toCaseView(kase, await this.members(kase.id), clearance, this.clock.now()));
  }

  /** A case answered with the victim's identity leaves a trace in its access log first. */
  async identityRead(caller: Caller, view: Case): Promise<Case> {
    if (!view.victim.redacted) await this.audit.record(caller, view.id, [{ kind: 'victim_identity', recordId: view.id }]);
    return view;
  }

  async events(caller: Caller, caseId: string, query: EventsQuery): Promise<EventsPage> {
    if (query.afterSeq !== undefined && query.beforeSeq !== undefined) {
      throw invalid('beforeSeq', 'exclusive', 'cannot be combined with afterSeq', { other: 'afterSeq' });
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

  async members(caseId: string): Promise<CaseMember[]> {
    const rows = await this.db.getRepository(CaseMemberEntity).find({
      where: { caseId },
      relations: { account: { agency: true } },
      order: { addedAt: 'ASC' },
    });
    return rows.map((row) => toMember(row.account as AccountEntity));
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

/** Urgent first: overdue visits, then the nearest deadline (none last), then the latest activity. */
const URGENCY_ORDER = 'urgent_rank ASC, deadline_key ASC, updated_at DESC, id DESC';

/** A list's filters and sort as the query gave them, in one canonical form (a cursor is tied to it). */
interface CaseSearch {
  q?: string;
  status?: string[];
  placeId?: string;
  facilityKind?: string;
  overdue?: boolean;
  assignedToMe?: boolean;
  agencyId?: string;
  sort: CaseSort;
}

function caseSearch(query: ListCasesQuery): CaseSearch {
  const yes = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');
  return {
    q: query.q,
    status: query.status ? [...query.status].sort() : undefined,
    placeId: query.placeId?.toLowerCase(),
    facilityKind: query.facilityKind,
    overdue: yes(query.overdue),
    // `false` narrows nothing: every case is one where the caller may or may not have work.
    assignedToMe: yes(query.assignedToMe) || undefined,
    agencyId: query.agencyId?.toLowerCase(),
    sort: query.sort ?? 'activity',
  };
}

/** A short fingerprint of a search: a cursor carries it, and is refused by any other search. */
const fingerprint = (search: CaseSearch) => createHash('sha256').update(JSON.stringify(search)).digest('base64url').slice(0, 16);

interface CursorKeys {
  /** activity: `[updatedAt, id]`; urgency: `[urgentRank, deadline | null, updatedAt, id]`. */
  keys: (string | number | null)[];
  /** The moment an urgency order was taken. */
  now?: string;
}

function encodeCursor(search: CaseSearch, { keys, now }: CursorKeys): string {
  return Buffer.from(JSON.stringify([search.sort === 'urgency' ? 'u' : 'a', fingerprint(search), keys, ...(now ? [now] : [])])).toString('base64url');
}

function decodeCursor(cursor: string | undefined, search: CaseSearch): { keys: (string | number | null)[]; now?: string } | null {
  if (!cursor) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (Array.isArray(decoded) && Array.isArray(decoded[2])) {
    const [sort, print, keys, now] = decoded as [unknown, unknown, unknown[], unknown];
    if (sort !== (search.sort === 'urgency' ? 'u' : 'a') || print !== fingerprint(search)) {
      throw invalid('cursor', 'cursor', 'belongs to another sort or other filters: start again from the first page');
    }
    // Only times as the server writes them: PostgreSQL refuses much that `Date.parse` takes (31 February, year 275760).
    if (sort === 'a' && keys.length === 2 && isIssuedTime(keys[0]) && isUuid(keys[1])) return { keys: keys as string[] };
    if (
      sort === 'u' &&
      keys.length === 4 &&
      (keys[0] === 0 || keys[0] === 1) &&
      (keys[1] === null || isIssuedTime(keys[1])) &&
      isIssuedTime(keys[2]) &&
      isUuid(keys[3]) &&
      isIssuedTime(now)
    ) {
      return { keys: keys as (string | number | null)[], now };
    }
  }
  throw invalid('cursor', 'cursor', 'is not a cursor this server issued');
}
