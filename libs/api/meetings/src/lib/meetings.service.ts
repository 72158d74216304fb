import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalJson, Clock, conflict, forbidden, invalid, isUuid, notFound, refusal, sha256 } from '@vigil/api-core';
import {
  AccountEntity,
  ActionItemEntity,
  AgencyEntity,
  AgendaItemEntity,
  CaseEntity,
  CaseTaskEntity,
  MeetingDecisionEntity,
  MeetingEntity,
  MeetingEventEntity,
  MeetingNoteEntity,
  MeetingParticipantEntity,
  MeetingSpeakerEntity,
} from '@vigil/api-database';
import {
  assertNoDisclosure,
  CaseAccess,
  CaseEventsBus,
  CasesService,
  CaseWriteOrder,
  EVENT_SEQ_COLUMN,
  EventLog,
  headSeqFor,
  MEETING_STREAM,
  seqFor,
  victimOf,
  type Actor,
} from '@vigil/api-cases';
import {
  can,
  canRead,
  clearanceOf,
  TIERS,
  type Acknowledgement,
  type ActionItem,
  type AgendaItem,
  type AgendaSuggestion,
  type Decision,
  type ErrorDetail,
  type ErrorRule,
  type Meeting,
  type MeetingEvent,
  type MeetingEventsPage,
  type MeetingPerson,
  type MeetingStatus,
  type MeetingSummary,
  type Minutes,
  type NewMeetingEvent,
  type Page,
  type Speaker,
  type Tier,
  type VerifyResult,
} from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { MeetingClock } from './meeting-clock';
import type { ActionItemsQuery, AddAgendaItemBody, CreateMeetingBody, DecisionBody, ListMeetingsQuery, NoteBody } from './meetings.dto';

type Caller = Actor;

/** A transition the meeting's state forbids. */
// The rule says which state was needed; the meeting's status is no case status, so it is not a param.
const wrongState = (message: string, rule: ErrorRule, status: MeetingStatus) => conflict(message, [{ field: 'status', message: `is ${status}`, rule }]);

/** A meeting opened for a caller: the row, the clearance they read it at, whether they chair it. */
interface OpenedMeeting {
  meeting: MeetingEntity;
  clearance: Tier;
  chairs: boolean;
}

interface MeetingChange extends OpenedMeeting {
  manager: EntityManager;
  append(event: NewMeetingEvent): MeetingEventEntity;
  /** Changes a case in the same transaction (only for the case ids the change was started with). */
  inCase: Parameters<Parameters<CasesService['changeTogether']>[2]>[1];
}

const PAGE = 50;
const EVENTS_PAGE = 100;
export const MEETING_CATCH_UP_PAGE = 500;

/**
 * Meetings: their state in their tables, their record in a stream of the cases' log machinery. Every
 * write locks the meeting row, appends through `EventLog`, and publishes after commit, in seq order.
 */
@Injectable()
export class MeetingsService {
  private readonly order = new CaseWriteOrder();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: EventLog,
    private readonly cases: CasesService,
    private readonly caseAccess: CaseAccess,
    private readonly bus: CaseEventsBus,
    private readonly clock: Clock,
    private readonly alarms: MeetingClock,
  ) {}

  // ---------- access ----------

  /** The meeting if the caller may know of it: participants, and supervisors. Anything else is 404. */
  async open(caller: Caller, meetingId: unknown, manager: EntityManager = this.db.manager, lock = false): Promise<OpenedMeeting> {
    const clearance = clearanceOf(caller.role);
    if (!isUuid(meetingId) || !clearance || !(can(caller.role, 'meeting.take_part') || can(caller.role, 'meeting.supervise'))) throw notFound('Meeting');
    const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!meeting) throw notFound('Meeting');
    const takesPart = await manager.exists(MeetingParticipantEntity, { where: { meetingId, accountId: caller.id } });
    if (!takesPart && !can(caller.role, 'meeting.supervise')) throw notFound('Meeting');
    return { meeting, clearance, chairs: meeting.chairId === caller.id };
  }

  private static chair(opened: OpenedMeeting): void {
    if (!opened.chairs) throw forbidden('Only the chair may do this');
  }

  /**
   * The one write path of a meeting: locks it, lets `work` change tables and append events (never
   * above the caller's clearance), writes the events with the head, publishes after commit. With
   * `caseIds`, the cases are changed in the same transaction (`inCase`).
   */
  private async change<T>(caller: Caller, meetingId: string, work: (change: MeetingChange) => Promise<T>, caseIds: string[] = [], opener?: (manager: EntityManager) => Promise<OpenedMeeting>): Promise<T> {
    if (!isUuid(meetingId)) throw notFound('Meeting');
    return this.order.run([meetingId], async () => {
      const events: MeetingEventEntity[] = [];
      const result = await this.cases.changeTogether(caller, caseIds, async (manager, inCase) => {
        const opened = opener ? await opener(manager) : await this.open(caller, meetingId, manager, true);
        const answer = await work({
          ...opened,
          manager,
          inCase,
          append: (event) => {
            if (!canRead(opened.clearance, event.tier)) throw forbidden(`You cannot write at tier ${event.tier}`, 'tier_above_clearance', 'tier', { tier: event.tier });
            const row = this.log.nextIn(MEETING_STREAM, opened.meeting, caller, event);
            events.push(row);
            return row;
          },
        });
        await this.log.writeTo(MEETING_STREAM, manager, events, [opened.meeting]);
        return answer;
      });
      if (events.length) this.bus.emit('meetingAppended', meetingId, events);
      return result;
    });
  }

  // ---------- convene ----------

  async create(caller: Caller, body: CreateMeetingBody): Promise<Meeting> {
    if (!can(caller.role, 'meeting.convene')) throw forbidden('Only prosecutors convene meetings');
    const invited = [...new Set(body.participantIds.filter((id) => id !== caller.id))];
    const accounts = invited.length ? await this.db.getRepository(AccountEntity).find({ where: { id: In(invited) }, relations: { agency: true } }) : [];
    const usable = new Map(accounts.filter((a) => !a.disabled && a.role !== null && can(a.role, 'meeting.take_part')).map((a) => [a.id, a]));
    const unknown = invited.findIndex((id) => !usable.has(id));
    if (unknown >= 0) throw invalid(`participantIds.${unknown}`, 'unknown_participant', 'must name an active account that may take part in meetings');
    const chair = await this.db.getRepository(AccountEntity).findOneOrFail({ where: { id: caller.id }, relations: { agency: true } });
    const id = randomUUID();
    // The meeting, its participants and the first events of its log: one transaction.
    await this.change(
      caller,
      id,
      async ({ meeting, append }) => {
        append({ type: 'meeting.created', tier: 'room', data: { reference: meeting.reference, title: meeting.title, scheduledAt: meeting.scheduledAt.toISOString(), place: meeting.place } });
        for (const a of [chair, ...usable.values()]) {
          append({ type: 'participant.added', tier: 'room', data: { userId: a.id, displayName: a.displayName, role: a.role as NonNullable<typeof a.role>, agencyKind: a.agency.kind } });
        }
      },
      [],
      async (manager) => {
        const [{ n }]: { n: string }[] = await manager.query(`SELECT count(*) + 1 AS n FROM meetings`);
        const meeting = manager.create(MeetingEntity, {
          id,
          reference: `MTG-${new Date(body.scheduledAt).getUTCFullYear()}-${String(n).padStart(5, '0')}-${randomSuffix()}`,
          title: body.title.trim(),
          scheduledAt: new Date(body.scheduledAt),
          place: body.place?.trim() || null,
          status: 'planned',
          chairId: caller.id,
        });
        await manager.save(meeting);
        await manager.insert(MeetingParticipantEntity, [chair, ...usable.values()].map((a) => ({ meetingId: id, accountId: a.id, attendedAt: null })));
        return { meeting: await manager.findOneOrFail(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }), clearance: clearanceOf(caller.role) as Tier, chairs: true };
      },
    );
    return this.get(caller, id);
  }

  async list(caller: Caller, query: ListMeetingsQuery): Promise<Page<MeetingSummary>> {
    if (!can(caller.role, 'meeting.take_part') && !can(caller.role, 'meeting.supervise')) throw forbidden('Your role takes no part in meetings');
    const clearance = clearanceOf(caller.role) as Tier;
    const cursor = decodeCursor(query.cursor);
    const qb = this.db
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.chair', 'chair')
      .leftJoinAndSelect('chair.agency', 'agency')
      .orderBy('m.scheduled_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(PAGE + 1);
    if (!can(caller.role, 'meeting.supervise')) qb.andWhere('EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id AND p.account_id = :me)', { me: caller.id });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.from) qb.andWhere('m.scheduled_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('m.scheduled_at < :to', { to: new Date(query.to) });
    if (cursor) qb.andWhere('(m.scheduled_at, m.id) < (:at, :id)', cursor);
    const rows = await qb.getMany();
    const page = rows.slice(0, PAGE);
    const last = page[page.length - 1];
    return {
      items: page.map((m) => ({
        id: m.id,
        reference: m.reference,
        title: m.title,
        scheduledAt: m.scheduledAt.toISOString(),
        place: m.place,
        status: m.status,
        chair: person(m.chair as AccountEntity),
        headSeq: headSeqFor(m, clearance),
      })),
      nextCursor: rows.length > PAGE && last ? encodeCursor(last.scheduledAt.toISOString(), last.id) : null,
    };
  }

  async get(caller: Caller, meetingId: string): Promise<Meeting> {
    const opened = await this.open(caller, meetingId);
    return this.view(opened);
  }

  private async view({ meeting, clearance }: OpenedMeeting, manager: EntityManager = this.db.manager): Promise<Meeting> {
    const participants = await manager.find(MeetingParticipantEntity, { where: { meetingId: meeting.id }, relations: { account: { agency: true } } });
    const chair = participants.find((p) => p.accountId === meeting.chairId)?.account ?? (await manager.findOneOrFail(AccountEntity, { where: { id: meeting.chairId }, relations: { agency: true } }));
    return {
      id: meeting.id,
      reference: meeting.reference,
      title: meeting.title,
      scheduledAt: meeting.scheduledAt.toISOString(),
      place: meeting.place,
      status: meeting.status,
      chair: person(chair),
      participants: participants
        .map((p) => ({ ...person(p.account as AccountEntity), attended: p.attendedAt !== null, ...(p.attendedAt && { attendedAt: p.attendedAt.toISOString() }) }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      agenda: await this.agenda(meeting.id, clearance, manager),
      headSeq: headSeqFor(meeting, clearance),
    };
  }

  /** The agenda as `clearance` reads it: items, decisions and action items above it are left out altogether. */
  private async agenda(meetingId: string, clearance: Tier, manager: EntityManager = this.db.manager): Promise<AgendaItem[]> {
    const readable = TIERS.filter((tier) => canRead(clearance, tier));
    const items = await manager.find(AgendaItemEntity, { where: { meetingId, tier: In(readable) }, relations: { case: true }, order: { position: 'ASC' } });
    const decisions = items.length ? await manager.find(MeetingDecisionEntity, { where: { itemId: In(items.map((i) => i.id)), tier: In(readable) }, order: { at: 'ASC' } }) : [];
    const actionItems = decisions.length ? await this.actionItemsOf(manager, { decisionId: In(decisions.map((d) => d.id)) }) : [];
    return items.map((item) => ({
      id: item.id,
      position: item.position,
      ...(item.caseId && { caseId: item.caseId, caseReference: item.case?.reference }),
      ...(item.topic && { topic: item.topic }),
      tier: item.tier,
      state: item.state,
      decisions: decisions
        .filter((d) => d.itemId === item.id)
        .map((d) => ({ id: d.id, itemId: d.itemId, text: d.text, tier: d.tier, at: d.at.toISOString(), actionItems: actionItems.filter((a) => a.decisionId === d.id) })),
    }));
  }

  private async actionItemsOf(manager: EntityManager, where: Record<string, unknown>): Promise<ActionItem[]> {
    const rows = await manager.find(ActionItemEntity, { where, relations: { assigneeAgency: true, assigneeUser: true }, order: { createdAt: 'ASC' } });
    return rows.map((row) => toActionItem(row));
  }

  async addAgendaItem(caller: Caller, meetingId: string, body: AddAgendaItemBody): Promise<AgendaItem> {
    // Who may not know the meeting, or does not chair it, hears so before anything about the body.
    MeetingsService.chair(await this.open(caller, meetingId));
    if (!body.caseId === !body.topic) throw invalid(body.caseId ? 'topic' : 'caseId', 'case_or_topic', 'give a case or a topic, one of them');
    // The chair must be able to open the case: one they cannot is unknown to them, as anywhere.
    const kase = body.caseId ? await this.caseAccess.authorize(caller, body.caseId, 'case.read').catch(() => null) : null;
    if (body.caseId && !kase) throw invalid('caseId', 'unknown_case', 'must name a case you can open');
    if (kase && !canRead(kase.clearance, body.tier)) throw invalid('tier', 'tier_above_clearance', 'must be a tier you may read in that case', { tier: body.tier });
    if (kase && body.topic) assertNoDisclosure(victimOf(kase.kase as CaseEntity), body.tier, { topic: body.topic });
    return this.change(caller, meetingId, async (change) => {
      MeetingsService.chair(change);
      if (change.meeting.status !== 'planned' && change.meeting.status !== 'in_session') throw wrongState('The agenda is closed', 'agenda_closed', change.meeting.status);
      const [{ next }]: { next: number }[] = await change.manager.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1`, [meetingId]);
      const item = await change.manager.save(
        change.manager.create(AgendaItemEntity, { meetingId, position: next, caseId: body.caseId ?? null, topic: body.topic?.trim() ?? null, tier: body.tier, state: 'pending' }),
      );
      const reference = (kase?.kase as CaseEntity | undefined)?.reference;
      change.append({
        type: 'agenda.item_added',
        tier: body.tier,
        data: { itemId: item.id, position: item.position, ...(item.topic && { topic: item.topic }), ...(item.caseId && { caseId: item.caseId, caseReference: reference }) },
      });
      return { id: item.id, position: item.position, ...(item.caseId && { caseId: item.caseId, caseReference: reference }), ...(item.topic && { topic: item.topic }), tier: item.tier, state: item.state, decisions: [] };
    });
  }

  /** Reorders the items the chair names (all of the agenda); each tier hears only of its own items' new places. */
  async reorder(caller: Caller, meetingId: string, itemIds: string[]): Promise<AgendaItem[]> {
    return this.change(caller, meetingId, async (change) => {
      MeetingsService.chair(change);
      if (change.meeting.status !== 'planned' && change.meeting.status !== 'in_session') throw wrongState('The agenda is closed', 'agenda_closed', change.meeting.status);
      const items = await change.manager.find(AgendaItemEntity, { where: { meetingId } });
      const known = new Map(items.map((i) => [i.id, i]));
      if (new Set(itemIds).size !== itemIds.length || itemIds.length !== items.length || itemIds.some((id) => !known.has(id))) {
        throw invalid('itemIds', 'agenda_incomplete', 'must name every agenda item of the meeting once', { count: items.length });
      }
      for (const [index, id] of itemIds.entries()) await change.manager.update(AgendaItemEntity, { id }, { position: index + 1 });
      for (const tier of TIERS) {
        const moved = itemIds.flatMap((id, index) => ((known.get(id) as AgendaItemEntity).tier === tier ? [{ itemId: id, position: index + 1 }] : []));
        if (moved.length) change.append({ type: 'agenda.reordered', tier, data: { items: moved } });
      }
      return this.agenda(meetingId, change.clearance, change.manager);
    });
  }

  // ---------- in session ----------

  async openSession(caller: Caller, meetingId: string): Promise<Meeting> {
    return this.transition(caller, meetingId, 'planned', 'in_session', 'meeting.opened');
  }

  async close(caller: Caller, meetingId: string): Promise<Meeting> {
    return this.transition(caller, meetingId, 'in_session', 'adjourned', 'meeting.closed');
  }

  private transition(caller: Caller, meetingId: string, from: MeetingStatus, to: MeetingStatus, type: 'meeting.opened' | 'meeting.closed'): Promise<Meeting> {
    return this.change(caller, meetingId, async (change) => {
      MeetingsService.chair(change);
      if (change.meeting.status !== from) throw wrongState(`The meeting is ${change.meeting.status}`, from === 'planned' ? 'meeting_not_planned' : 'meeting_not_in_session', change.meeting.status);
      await change.manager.update(MeetingEntity, { id: meetingId }, { status: to });
      change.meeting.status = to;
      if (to === 'adjourned') await change.manager.update(AgendaItemEntity, { meetingId, state: 'current' }, { state: 'done' });
      change.append({ type, tier: 'room', data: {} });
      return this.view(change, change.manager);
    });
  }

  async setCurrent(caller: Caller, meetingId: string, itemId: string): Promise<AgendaItem> {
    return this.change(caller, meetingId, async (change) => {
      MeetingsService.chair(change);
      const item = await this.item(change, itemId);
      if (change.meeting.status !== 'in_session') throw wrongState('The meeting is not in session', 'meeting_not_in_session', change.meeting.status);
      await change.manager.update(AgendaItemEntity, { meetingId, state: 'current' }, { state: 'done' });
      await change.manager.update(AgendaItemEntity, { id: item.id }, { state: 'current' });
      change.append({ type: 'agenda.current', tier: item.tier, data: { itemId: item.id } });
      return (await this.agenda(meetingId, change.clearance, change.manager)).find((i) => i.id === item.id) as AgendaItem;
    });
  }

  /** An item of the meeting the caller may read; any other is unknown. */
  private async item(change: MeetingChange, itemId: string): Promise<AgendaItemEntity> {
    const item = isUuid(itemId) ? await change.manager.findOne(AgendaItemEntity, { where: { id: itemId, meetingId: change.meeting.id }, relations: { case: true } }) : null;
    if (!item || !canRead(change.clearance, item.tier)) throw notFound('Agenda item');
    return item;
  }

  /** The chair marks an in-person attendee present (joining the meeting's socket room marks the others). */
  async markAttended(caller: Caller, meetingId: string, userId: string, by: 'joined' | 'chair' = 'chair'): Promise<Meeting | null> {
    return this.change(caller, meetingId, async (change) => {
      if (by === 'chair') MeetingsService.chair(change);
      if (change.meeting.status !== 'in_session') {
        if (by === 'joined') return null;
        throw wrongState('The meeting is not in session', 'meeting_not_in_session', change.meeting.status);
      }
      const row = isUuid(userId) ? await change.manager.findOne(MeetingParticipantEntity, { where: { meetingId, accountId: userId }, relations: { account: true } }) : null;
      if (!row) throw invalid('userId', 'unknown_participant', 'must name a participant of the meeting');
      if (row.attendedAt === null) {
        await change.manager.update(MeetingParticipantEntity, { meetingId, accountId: userId }, { attendedAt: this.clock.now() });
        change.append({ type: 'attendance.marked', tier: 'room', data: { userId, displayName: (row.account as AccountEntity).displayName, by } });
      }
      return by === 'chair' ? this.view(change, change.manager) : null;
    });
  }

  async addNote(caller: Caller, meetingId: string, itemId: string, body: NoteBody): Promise<{ id: string; itemId: string; tier: Tier; body: string; at: string; by: string }> {
    return this.change(caller, meetingId, async (change) => {
      const item = await this.item(change, itemId);
      if (change.meeting.status !== 'in_session') throw wrongState('The meeting is not in session', 'meeting_not_in_session', change.meeting.status);
      if (!canRead(body.tier, item.tier)) throw invalid('tier', 'tier_below_item', 'must be at least the agenda item’s tier', { tier: item.tier });
      if (item.case) assertNoDisclosure(victimOf(item.case), body.tier, { body: body.body });
      const note = await change.manager.save(change.manager.create(MeetingNoteEntity, { itemId: item.id, tier: body.tier, body: body.body, authorId: caller.id, authorName: caller.displayName, at: this.clock.now() }));
      change.append({ type: 'note.added', tier: body.tier, data: { noteId: note.id, itemId: item.id, body: note.body } });
      return { id: note.id, itemId: item.id, tier: note.tier, body: note.body, at: note.at.toISOString(), by: note.authorName };
    });
  }

  // ---------- the list of speakers ----------

  /** A participant asks for the floor (once at a time). */
  async askFloor(caller: Caller, meetingId: string): Promise<Speaker> {
    return this.change(caller, meetingId, async (change) => {
      if (change.meeting.status !== 'in_session') throw wrongState('The meeting is not in session', 'meeting_not_in_session', change.meeting.status);
      const waiting = await change.manager.findOne(MeetingSpeakerEntity, { where: { meetingId, accountId: caller.id, endedAt: IsNull() } });
      if (waiting) throw conflict('You are already on the list of speakers', [{ field: 'speakerId', message: 'is already on the list', rule: 'speaker_already_listed' }]);
      const current = await change.manager.findOne(AgendaItemEntity, { where: { meetingId, state: 'current' } });
      // A current item above the room tier is not named in the room-tier list.
      const itemId = current && current.tier === 'room' ? current.id : null;
      const row = await change.manager.save(
        change.manager.create(MeetingSpeakerEntity, { meetingId, itemId, accountId: caller.id, displayName: caller.displayName, requestedAt: this.clock.now(), startedAt: null, endedAt: null }),
      );
      change.append({ type: 'speaker.requested', tier: 'room', data: { speakerId: row.id, userId: caller.id, displayName: caller.displayName, itemId } });
      return toSpeaker(row);
    });
  }

  /** The chair gives the floor (whoever held it finishes), or ends a turn; a speaker may end their own. */
  async speaker(caller: Caller, meetingId: string, speakerId: string, step: 'give' | 'end'): Promise<Speaker> {
    return this.change(caller, meetingId, async (change) => {
      const row = isUuid(speakerId) ? await change.manager.findOne(MeetingSpeakerEntity, { where: { id: speakerId, meetingId } }) : null;
      if (!row) throw notFound('Speaker');
      if (step === 'give' || row.accountId !== caller.id) MeetingsService.chair(change);
      if (change.meeting.status !== 'in_session') throw wrongState('The meeting is not in session', 'meeting_not_in_session', change.meeting.status);
      const now = this.clock.now();
      const end = async (turn: MeetingSpeakerEntity) => {
        await change.manager.update(MeetingSpeakerEntity, { id: turn.id }, { endedAt: now });
        turn.endedAt = now;
        change.append({ type: 'speaker.ended', tier: 'room', data: { speakerId: turn.id, userId: turn.accountId, displayName: turn.displayName } });
      };
      if (row.endedAt) throw conflict('The turn is over', [{ field: 'speakerId', message: 'has ended', rule: 'speaker_ended' }]);
      if (step === 'give') {
        if (row.startedAt) throw conflict('The speaker has the floor', [{ field: 'speakerId', message: 'has the floor already', rule: 'speaker_started' }]);
        const speaking = await change.manager.find(MeetingSpeakerEntity, { where: { meetingId, startedAt: Not(IsNull()), endedAt: IsNull() } });
        for (const turn of speaking) await end(turn);
        await change.manager.update(MeetingSpeakerEntity, { id: row.id }, { startedAt: now });
        row.startedAt = now;
        change.append({ type: 'speaker.started', tier: 'room', data: { speakerId: row.id, userId: row.accountId, displayName: row.displayName } });
      } else {
        await end(row);
      }
      return toSpeaker(row);
    });
  }

  // ---------- decide ----------

  async decide(caller: Caller, meetingId: string, itemId: string, body: DecisionBody): Promise<Decision> {
    MeetingsService.chair(await this.open(caller, meetingId));
    const details: ErrorDetail[] = [];
    const agencies = new Map((await this.db.getRepository(AgencyEntity).findBy({ id: In([...new Set(body.actionItems.map((a) => a.assigneeAgencyId))]) })).map((a) => [a.id, a]));
    const userIds = body.actionItems.flatMap((a) => a.assigneeUserId ?? []);
    const users = new Map((userIds.length ? await this.db.getRepository(AccountEntity).findBy({ id: In(userIds) }) : []).map((u) => [u.id, u]));
    body.actionItems.forEach((a, index) => {
      const agency = agencies.get(a.assigneeAgencyId);
      if (!agency || agency.disabled) details.push({ field: `actionItems.${index}.assigneeAgencyId`, message: 'must name an active agency', rule: 'unknown_agency' });
      if (a.assigneeUserId) {
        const user = users.get(a.assigneeUserId);
        if (!user || user.disabled || user.agencyId !== a.assigneeAgencyId) details.push({ field: `actionItems.${index}.assigneeUserId`, message: 'must name an active account of the assignee agency', rule: 'assignee_not_of_agency' });
        else if (user.role === null || !canRead(clearanceOf(user.role) as Tier, body.tier)) details.push({ field: `actionItems.${index}.assigneeUserId`, message: 'the assignee cannot read this tier', rule: 'assignee_below_tier', params: { tier: body.tier } });
      }
    });
    if (details.length) throw refusal(details);
    const caseIds = [...new Set(body.actionItems.flatMap((a) => a.caseId ?? []))];
    for (const caseId of caseIds) {
      const opened = await this.caseAccess.authorize(caller, caseId, 'task.assign').catch(() => null);
      const index = body.actionItems.findIndex((a) => a.caseId === caseId);
      if (!opened) throw invalid(`actionItems.${index}.caseId`, 'unknown_case', 'must name a case in which you may assign tasks');
    }
    return this.change(
      caller,
      meetingId,
      async (change) => {
        MeetingsService.chair(change);
        const item = await this.item(change, itemId);
        if (change.meeting.status !== 'in_session') throw wrongState('Decisions are recorded in session', 'meeting_not_in_session', change.meeting.status);
        if (!canRead(body.tier, item.tier)) throw invalid('tier', 'tier_below_item', 'must be at least the agenda item’s tier', { tier: item.tier });
        if (item.case) assertNoDisclosure(victimOf(item.case), body.tier, { text: body.text });
        const { manager } = change;
        const decision = await manager.save(manager.create(MeetingDecisionEntity, { itemId: item.id, text: body.text.trim(), tier: body.tier, at: this.clock.now() }));
        const rows: ActionItemEntity[] = [];
        for (const a of body.actionItems) {
          rows.push(
            await manager.save(
              manager.create(ActionItemEntity, {
                meetingId,
                decisionId: decision.id,
                title: a.title.trim(),
                tier: body.tier,
                assigneeAgencyId: a.assigneeAgencyId,
                assigneeUserId: a.assigneeUserId ?? null,
                dueAt: new Date(a.dueAt),
                caseId: a.caseId ?? null,
                taskId: null,
                status: 'open',
              }),
            ),
          );
        }
        // Each case the items name: its tasks and the decision, in its own log, in this transaction.
        for (const caseId of caseIds) {
          await change.inCase(caseId, 'task.assign', async ({ manager: m, kase, append }) => {
            assertNoDisclosure(victimOf(kase as CaseEntity), body.tier, { text: body.text, ...Object.fromEntries(rows.map((r, i) => [`actionItems.${i}.title`, r.title])) });
            const taskIds: string[] = [];
            for (const row of rows.filter((r) => r.caseId === caseId)) {
              const task = await m.save(
                m.create(CaseTaskEntity, {
                  caseId,
                  kind: 'other',
                  title: row.title,
                  details: null,
                  tier: body.tier,
                  assigneeAgencyId: row.assigneeAgencyId,
                  assigneeAccountId: row.assigneeUserId,
                  dueAt: row.dueAt,
                  status: 'open',
                  result: null,
                  createdBy: caller.id,
                  createdByName: caller.displayName,
                }),
              );
              await m.update(ActionItemEntity, { id: row.id }, { taskId: task.id });
              row.taskId = task.id;
              taskIds.push(task.id);
              await append({
                type: 'task.created',
                tier: body.tier,
                data: { taskId: task.id, kind: 'other', title: task.title, assigneeAgencyId: row.assigneeAgencyId, assigneeUserId: row.assigneeUserId, dueAt: row.dueAt.toISOString() },
              });
            }
            await append({
              type: 'meeting.decision_recorded',
              tier: body.tier,
              data: { meetingId, meetingReference: change.meeting.reference, decisionId: decision.id, text: decision.text, taskIds },
            });
          });
        }
        change.append({
          type: 'decision.recorded',
          tier: body.tier,
          data: {
            decisionId: decision.id,
            itemId: item.id,
            text: decision.text,
            actionItems: rows.map((r) => ({ id: r.id, title: r.title, assigneeAgencyId: r.assigneeAgencyId, assigneeUserId: r.assigneeUserId, dueAt: r.dueAt.toISOString(), caseId: r.caseId })),
          },
        });
        const actionItems = await this.actionItemsOf(manager, { decisionId: decision.id });
        return { id: decision.id, itemId: item.id, text: decision.text, tier: decision.tier, at: decision.at.toISOString(), actionItems };
      },
      caseIds,
    );
  }

  // ---------- acknowledge ----------

  /**
   * A member of the assignee agency acknowledges an action item: the receipt is the hash of the item
   * as acknowledged chained onto the meeting's head, and the acknowledgement is an event of its log.
   */
  async acknowledge(caller: Caller, actionItemId: string): Promise<Acknowledgement> {
    const clearance = clearanceOf(caller.role);
    const found = isUuid(actionItemId) ? await this.db.getRepository(ActionItemEntity).findOneBy({ id: actionItemId }) : null;
    if (!found || !clearance || !canRead(clearance, found.tier) || !(await this.mayKnow(caller, found))) throw notFound('Action item');
    return this.change(
      caller,
      found.meetingId,
      async ({ manager, meeting, append }) => {
        const item = await manager.findOneOrFail(ActionItemEntity, { where: { id: actionItemId }, lock: { mode: 'pessimistic_write' } });
        if (item.assigneeAgencyId !== caller.agency.id) {
          throw conflict('Only a member of the assignee agency acknowledges', [{ field: 'assigneeAgencyId', message: 'is another agency', rule: 'ack_other_agency' }]);
        }
        if (item.acknowledgedAt) throw conflict('Already acknowledged', [{ field: 'acknowledgedAt', message: 'is already set', rule: 'ack_twice' }]);
        const at = this.clock.now();
        const receipt = sha256(
          meeting.headHash +
            canonicalJson({
              actionItemId: item.id,
              meetingId: item.meetingId,
              decisionId: item.decisionId,
              title: item.title,
              assigneeAgencyId: item.assigneeAgencyId,
              assigneeUserId: item.assigneeUserId,
              dueAt: item.dueAt.toISOString(),
              caseId: item.caseId,
              acknowledgedAt: at.toISOString(),
              acknowledgedBy: caller.id,
            }),
        );
        await manager.update(ActionItemEntity, { id: item.id }, { acknowledgedAt: at, acknowledgedBy: caller.id, acknowledgedByName: caller.displayName, receipt, status: item.status === 'overdue' ? 'overdue' : 'acknowledged' });
        append({ type: 'action_item.acknowledged', tier: item.tier, data: { actionItemId: item.id, agencyId: caller.agency.id, userId: caller.id, displayName: caller.displayName, acknowledgedAt: at.toISOString(), receipt } });
        return { acknowledgedAt: at.toISOString(), acknowledgedBy: { id: caller.id, displayName: caller.displayName }, receipt };
      },
      [],
      // An assignee need not have taken part in the meeting: knowing the item is enough to answer it.
      async (manager) => {
        const meeting = await manager.findOneOrFail(MeetingEntity, { where: { id: found.meetingId }, lock: { mode: 'pessimistic_write' } });
        return { meeting, clearance, chairs: meeting.chairId === caller.id };
      },
    );
  }

  /** Whoever takes part in its meeting, and the members of the assignee agency, know of an action item. */
  private async mayKnow(caller: Caller, item: ActionItemEntity): Promise<boolean> {
    if (item.assigneeAgencyId === caller.agency.id) return true;
    if (can(caller.role, 'meeting.supervise')) return true;
    return this.db.getRepository(MeetingParticipantEntity).exists({ where: { meetingId: item.meetingId, accountId: caller.id } });
  }

  async actionItems(caller: Caller, query: ActionItemsQuery): Promise<{ items: ActionItem[] }> {
    const clearance = clearanceOf(caller.role);
    if (!clearance || !can(caller.role, 'meeting.take_part')) throw forbidden('Your role has no action items');
    await this.alarms.sweep();
    const readable = TIERS.filter((tier) => canRead(clearance, tier));
    const where = {
      tier: In(readable),
      ...(query.assignedTo === 'me' ? { assigneeUserId: caller.id } : { assigneeAgencyId: caller.agency.id }),
      ...(query.status && { status: query.status }),
    };
    return { items: await this.actionItemsOf(this.db.manager, where) };
  }

  // ---------- suggestions ----------

  /** What is worth a meeting: visits and tasks overdue in cases the caller can open, and open action items of earlier meetings. */
  async suggestions(caller: Caller): Promise<{ items: AgendaSuggestion[] }> {
    if (!can(caller.role, 'meeting.convene')) throw forbidden('Only prosecutors convene meetings');
    await this.alarms.sweep();
    const clearance = clearanceOf(caller.role) as Tier;
    const now = this.clock.now();
    const readable = TIERS.filter((tier) => canRead(clearance, tier));
    const everyCase = can(caller.role, 'case.supervise');
    const visits: { id: string; reference: string; visit_due_at: Date }[] = await this.db.query(
      `SELECT c.id, c.reference, c.visit_due_at FROM cases c
        WHERE c.visited_at IS NULL AND c.visit_due_at < $1 AND c.status IN ('registered', 'visit_dispatched')
          AND ($2 OR EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.account_id = $3))
        ORDER BY c.visit_due_at LIMIT 100`,
      [now, everyCase, caller.id],
    );
    const tasks: { id: string; case_id: string; reference: string; title: string; due_at: Date; tier: Tier }[] = await this.db.query(
      `SELECT t.id, t.case_id, c.reference, t.title, t.due_at, t.tier FROM case_tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.status IN ('open', 'in_progress') AND t.due_at < $1 AND t.tier = ANY($4)
          AND ($2 OR EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.account_id = $3))
        ORDER BY t.due_at LIMIT 100`,
      [now, everyCase, caller.id, readable],
    );
    const open: (ActionItemEntity & { reference: string | null })[] = await this.db
      .getRepository(ActionItemEntity)
      .createQueryBuilder('a')
      .where(`a.status IN ('open', 'acknowledged', 'overdue') AND a.tier IN (:...readable)`, { readable })
      .andWhere(`(:every OR EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = a.meeting_id AND p.account_id = :me))`, { every: can(caller.role, 'meeting.supervise'), me: caller.id })
      .orderBy('a.due_at', 'ASC')
      .take(200)
      .getMany() as never;
    return {
      items: [
        ...visits.map((v): AgendaSuggestion => ({ kind: 'visit_overdue', caseId: v.id, caseReference: v.reference, title: v.reference, dueAt: new Date(v.visit_due_at).toISOString(), tier: 'room' })),
        ...tasks.map((t): AgendaSuggestion => ({ kind: 'task_overdue', caseId: t.case_id, caseReference: t.reference, title: t.title, dueAt: new Date(t.due_at).toISOString(), tier: t.tier })),
        ...open.map((a): AgendaSuggestion => ({ kind: 'action_item_open', actionItemId: a.id, meetingId: a.meetingId, ...(a.caseId && { caseId: a.caseId }), title: a.title, dueAt: a.dueAt.toISOString(), tier: a.tier })),
      ],
    };
  }

  // ---------- the log ----------

  async events(caller: Caller, meetingId: string, afterSeq = 0, limit = EVENTS_PAGE): Promise<MeetingEventsPage> {
    return this.page(await this.open(caller, meetingId), afterSeq, limit);
  }

  /** A page of a meeting's events after `afterSeq`, in the caller's numbering. */
  async page({ meeting, clearance }: OpenedMeeting, afterSeq: number, limit: number): Promise<MeetingEventsPage> {
    const column = EVENT_SEQ_COLUMN[clearance];
    const rows = await this.db
      .getRepository(MeetingEventEntity)
      .createQueryBuilder('e')
      .where(`e.meeting_id = :id AND e.${column} > :after`, { id: meeting.id, after: afterSeq })
      .orderBy(`e.${column}`, 'ASC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toMeetingEventView(row, clearance)),
      headSeq: Math.max(headSeqFor(meeting, clearance), last ? (seqFor(last, clearance) ?? 0) : 0),
      hasMore: rows.length > limit,
    };
  }

  async verify(caller: Caller, meetingId: string): Promise<VerifyResult> {
    const opened = await this.open(caller, meetingId);
    if (!can(caller.role, 'meeting.verify')) throw forbidden('Your role does not verify meeting logs');
    const result = await this.log.verifyStream(MEETING_STREAM, opened.meeting.id);
    return { ok: result.ok, headSeq: headSeqFor(opened.meeting, opened.clearance), firstBrokenSeq: result.firstBrokenSeq };
  }

  // ---------- minutes ----------

  async minutes(caller: Caller, meetingId: string): Promise<Minutes> {
    const opened = await this.open(caller, meetingId);
    const frozen = opened.meeting.approvedMinutes?.[opened.clearance] as Minutes | undefined;
    if (frozen) return frozen;
    return this.writeMinutes(opened, this.db.manager);
  }

  /** The minutes at `clearance`, written from what happened: attendance, items in order, notes, decisions, action items and receipts. */
  private async writeMinutes({ meeting, clearance }: OpenedMeeting, manager: EntityManager): Promise<Minutes> {
    const view = await this.view({ meeting, clearance, chairs: false }, manager);
    const readable = TIERS.filter((tier) => canRead(clearance, tier));
    const notes = view.agenda.length ? await manager.find(MeetingNoteEntity, { where: { itemId: In(view.agenda.map((i) => i.id)), tier: In(readable) }, order: { at: 'ASC' } }) : [];
    return {
      meetingId: meeting.id,
      reference: meeting.reference,
      title: meeting.title,
      scheduledAt: view.scheduledAt,
      place: meeting.place,
      status: meeting.status,
      chair: view.chair,
      clearance,
      attendance: view.participants,
      speakers: (await manager.find(MeetingSpeakerEntity, { where: { meetingId: meeting.id }, order: { requestedAt: 'ASC' } })).map(toSpeaker),
      items: view.agenda.map((item) => ({
        ...item,
        notes: notes.filter((n) => n.itemId === item.id).map((n) => ({ tier: n.tier, body: n.body, at: n.at.toISOString(), by: n.authorName })),
      })),
      ...(meeting.minutesApprovedAt && { approvedAt: meeting.minutesApprovedAt.toISOString() }),
      ...(meeting.minutesHash && { approvedHash: meeting.minutesHash }),
      headSeq: headSeqFor(meeting, clearance),
      chainHead: meeting.headHash,
    };
  }

  /** The chair approves the minutes once the meeting is adjourned: each clearance's copy is frozen, their hash chained. */
  async approveMinutes(caller: Caller, meetingId: string): Promise<Minutes> {
    return this.change(caller, meetingId, async (change) => {
      MeetingsService.chair(change);
      if (change.meeting.status !== 'adjourned') throw wrongState(`The meeting is ${change.meeting.status}`, change.meeting.status === 'minutes_approved' ? 'minutes_already_approved' : 'meeting_not_adjourned', change.meeting.status);
      const at = this.clock.now();
      change.meeting.status = 'minutes_approved';
      change.meeting.minutesApprovedAt = at;
      const copies = {} as Record<Tier, Minutes>;
      for (const tier of TIERS) copies[tier] = await this.writeMinutes({ ...change, clearance: tier }, change.manager);
      const hash = sha256(change.meeting.headHash + canonicalJson(copies));
      for (const tier of TIERS) copies[tier] = { ...copies[tier], approvedHash: hash };
      await change.manager.update(MeetingEntity, { id: meetingId }, { status: 'minutes_approved', minutesApprovedAt: at, minutesHash: hash, approvedMinutes: copies });
      change.meeting.minutesHash = hash;
      change.append({ type: 'minutes.approved', tier: 'room', data: { hash } });
      return copies[change.clearance];
    });
  }

  /** The participants and their clearances, for live delivery of a meeting's events. */
  async audience(meetingId: string): Promise<{ accountId: string; clearance: Tier }[]> {
    const rows: { accountId: string; role: AccountEntity['role'] }[] = await this.db.query(
      `SELECT p.account_id AS "accountId", a.role FROM meeting_participants p JOIN accounts a ON a.id = p.account_id WHERE p.meeting_id = $1`,
      [meetingId],
    );
    return rows.flatMap((r) => {
      const clearance = r.role ? clearanceOf(r.role) : null;
      return clearance ? [{ accountId: r.accountId, clearance }] : [];
    });
  }
}

export function toMeetingEventView(row: MeetingEventEntity, clearance: Tier): MeetingEvent {
  const seq = seqFor(row, clearance);
  if (seq === null) throw new Error(`A ${row.tier} event cannot be shown at ${clearance} clearance`);
  return {
    id: row.id,
    meetingId: row.meetingId,
    seq,
    prevSeq: seq - 1,
    type: row.type,
    tier: row.tier,
    at: row.at.toISOString(),
    actor: { id: row.actorId, displayName: row.actorName, role: row.actorRole, agencyKind: row.actorAgencyKind },
    data: row.data,
  } as MeetingEvent;
}

function toSpeaker(row: MeetingSpeakerEntity): Speaker {
  return {
    id: row.id,
    userId: row.accountId,
    displayName: row.displayName,
    itemId: row.itemId,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

function person(account: AccountEntity): MeetingPerson {
  return {
    id: account.id,
    displayName: account.displayName,
    role: account.role as MeetingPerson['role'],
    agency: { id: account.agency?.id ?? account.agencyId, name: account.agency?.name ?? '', kind: account.agency?.kind as MeetingPerson['agency']['kind'] },
  };
}

function toActionItem(row: ActionItemEntity): ActionItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    decisionId: row.decisionId,
    title: row.title,
    assigneeAgency: { id: row.assigneeAgencyId, name: row.assigneeAgency?.name ?? '', kind: row.assigneeAgency?.kind } as ActionItem['assigneeAgency'],
    ...(row.assigneeUser && { assigneeUser: { id: row.assigneeUser.id, displayName: row.assigneeUser.displayName } }),
    dueAt: row.dueAt.toISOString(),
    ...(row.caseId && { caseId: row.caseId }),
    ...(row.taskId && { taskId: row.taskId }),
    tier: row.tier,
    status: row.status,
    ...(row.acknowledgedAt && { acknowledgedAt: row.acknowledgedAt.toISOString() }),
    ...(row.acknowledgedBy && { acknowledgedBy: { id: row.acknowledgedBy, displayName: row.acknowledgedByName ?? '' } }),
    ...(row.receipt && { receipt: row.receipt }),
  };
}

/** Four letters or digits that keep two meetings numbered at once apart. */
function randomSuffix(): string {
  return randomUUID().slice(0, 4).toUpperCase();
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
  throw invalid('cursor', 'cursor', 'is not a cursor this server issued');
}
