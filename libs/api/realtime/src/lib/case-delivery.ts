import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SessionsService } from '@vigil/api-auth';
import { ACTIVITY_INTERVAL_MS, type AppendedContext, type AudienceMember, CaseEventsBus, CaseQueries, eventViews, seqFor } from '@vigil/api-cases';
import type { CaseEventEntity } from '@vigil/api-database';
import { can, canRead, isEvent, TIERS, type Tier, type VisitAlert } from '@vigil/contracts';
import { accountRoom, caseRoom, SUPERVISORS, sessionRoom, tierRoom, type Activity, type VigilServer } from './rooms';

/** Joins and leaves within this long of each other make one presence announcement. */
const PRESENCE_DELAY_MS = 100;

/**
 * Live delivery: committed events to the rooms of the clearances that may read them, in seq order
 * per case; members' lists hear of activity; removals evict; presence, read markers and alerts
 * reach exactly those who may hear them. The gateway only authenticates, validates and answers.
 */
@Injectable()
export class CaseDelivery implements OnModuleInit {
  private server!: VigilServer;
  private readonly logger = new Logger('Delivery');
  /** Per case, the publication under way: the next waits for it, so delivery keeps seq order. */
  private readonly publishing = new Map<string, Promise<void>>();
  /** Cases whose presence announcement is due. */
  private readonly presenceDue = new Set<string>();
  /** Per case in its activity interval: the heads still to announce by clearance, and to whom. */
  private readonly heldActivity = new Map<string, { heads: Map<Tier, Activity>; audience: AudienceMember[] }>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly queries: CaseQueries,
    private readonly bus: CaseEventsBus,
  ) {}

  /** The socket.io server to deliver through, once the gateway has it. */
  attach(server: VigilServer): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.bus.on('appended', (caseId, events, context) => this.inOrder(caseId, () => this.publish(caseId, events, context)));
    this.bus.on('alert', (alert) => void this.alert(alert).catch((error) => this.fail('alert', error)));
    this.bus.on('read', (caseId, accountId, markers) => this.readMoved(caseId, accountId, markers));
    this.sessions.revocations.on('revoked', (sessionIds: string[]) => {
      for (const id of sessionIds) this.server.in(sessionRoom(id)).disconnectSockets(true);
    });
  }

  private inOrder(caseId: string, publish: () => Promise<void>): void {
    const run = (this.publishing.get(caseId) ?? Promise.resolve())
      .then(publish)
      .catch((error) => this.fail('publish', error))
      .finally(() => {
        if (this.publishing.get(caseId) === run) this.publishing.delete(caseId);
      });
    this.publishing.set(caseId, run);
  }

  /**
   * Committed events go to each clearance's room as that clearance sees them; members' lists hear
   * of it. Every instance publishes to its own sockets only: events reach the other instances
   * through the log (`CaseEventsRelay`), not through the socket.io adapter. Clearances that would
   * get the same payload share one broadcast, encoded once.
   */
  private async publish(caseId: string, events: CaseEventEntity[], context?: AppendedContext): Promise<void> {
    const messages = context?.messages ?? (await this.queries.messageStates(events));
    const local = this.server.local;
    for (const event of events) {
      const removed = isEvent(event, 'member.removed') ? event.data : null;
      // The removed member's connections leave before anyone hears of the removal (a chief prosecutor still supervises).
      if (removed && !can(removed.role, 'case.supervise')) this.evict(caseId, [removed.userId]);
      // A removal's own event never reaches the removed.
      const except = removed ? [accountRoom(removed.userId)] : [];
      for (const { view, clearances } of eventViews(event, messages)) {
        local.to(clearances.map((clearance) => tierRoom(caseId, clearance))).except(except).emit('case:event', view);
      }
    }
    const heads = new Map<Tier, Activity>();
    for (const clearance of TIERS) {
      const seen = events.filter((event) => canRead(clearance, event.tier));
      const last = seen[seen.length - 1];
      if (last) heads.set(clearance, { caseId, headSeq: seqFor(last, clearance) ?? 0, updatedAt: last.at.toISOString(), newEvents: seen.length });
    }
    // The members are read when an announcement may go out now, or when they changed.
    const held = this.heldActivity.get(caseId);
    const membership = events.some((event) => event.type === 'member.added' || event.type === 'member.removed');
    const audience = context?.audience ?? (held && !membership ? undefined : await this.queries.audience(caseId));
    this.announceActivity(caseId, heads, audience);
  }

  /**
   * Members' lists hear of a case at once, then at most once per interval while it stays busy;
   * held heads go to the members last read.
   */
  private announceActivity(caseId: string, heads: Map<Tier, Activity>, audience: AudienceMember[] | undefined): void {
    const held = this.heldActivity.get(caseId);
    if (held) {
      for (const [clearance, head] of heads) held.heads.set(clearance, { ...head, newEvents: head.newEvents + (held.heads.get(clearance)?.newEvents ?? 0) });
      if (audience) held.audience = audience;
      return;
    }
    // Not held, so the publisher read the members (`audience` is only absent while held).
    const members = audience ?? [];
    this.sendActivity(caseId, heads, members);
    this.heldActivity.set(caseId, { heads: new Map(), audience: members });
    setTimeout(() => {
      const due = this.heldActivity.get(caseId);
      this.heldActivity.delete(caseId);
      if (due?.heads.size) this.announceActivity(caseId, due.heads, due.audience);
    }, ACTIVITY_INTERVAL_MS).unref();
  }

  /**
   * Each member's list hears the head at the clearance they read the case at, chief prosecutors
   * the prosecution head: one broadcast per distinct payload. Sockets joined to the case are left
   * out: they hold its events already (in busy rooms of ten, a quarter of all frames).
   */
  private sendActivity(caseId: string, heads: Map<Tier, Activity>, audience: AudienceMember[]): void {
    const byPayload = new Map<string, { head: Activity; rooms: string[] }>();
    const send = (head: Activity | undefined, room: string) => {
      if (!head) return;
      const key = `${head.headSeq}|${head.newEvents}`;
      const group = byPayload.get(key) ?? byPayload.set(key, { head, rooms: [] }).get(key);
      group?.rooms.push(room);
    };
    for (const member of audience) send(heads.get(member.clearance), accountRoom(member.accountId));
    send(heads.get('prosecution'), SUPERVISORS);
    for (const { head, rooms } of byPayload.values()) this.server.local.to(rooms).except(caseRoom(caseId)).emit('case:activity', head);
  }

  /** A read marker moved: each clearance's room hears it in its own numbering (rooms that hear the same, together). */
  private readMoved(caseId: string, accountId: string, markers: Record<Tier, number>): void {
    const roomsBySeq = new Map<number, string[]>();
    for (const clearance of TIERS) {
      const seq = markers[clearance];
      roomsBySeq.set(seq, [...(roomsBySeq.get(seq) ?? []), tierRoom(caseId, clearance)]);
    }
    for (const [seq, rooms] of roomsBySeq) this.server.to(rooms).emit('read', { caseId, userId: accountId, seq });
  }

  /**
   * A visit deadline nears or was missed: those who may open the case hear of it, its members and
   * the chief prosecutors who supervise every case, nobody else (a case is not found by the others).
   */
  private async alert(alert: VisitAlert): Promise<void> {
    const members = await this.queries.audience(alert.caseId);
    this.server.to([SUPERVISORS, ...members.map((member) => accountRoom(member.accountId))]).emit('alert', alert);
  }

  /** Takes accounts' sockets on this instance out of a case's rooms at once and tells them. */
  private evict(caseId: string, accountIds: string[]): void {
    const rooms = accountIds.map(accountRoom);
    const held = this.heldActivity.get(caseId);
    if (held) held.audience = held.audience.filter((member) => !accountIds.includes(member.accountId));
    this.server.local.in(rooms).socketsLeave([caseRoom(caseId), ...TIERS.map((tier) => tierRoom(caseId, tier))]);
    this.server.local.to(rooms).emit('case:removed', { caseId });
    this.presenceChanged(caseId);
  }

  /**
   * Tells a case's room who is online, shortly after a change: the joins and leaves of one
   * moment (a room's members reconnecting after an outage) make one announcement.
   */
  presenceChanged(caseId: string): void {
    if (this.presenceDue.has(caseId)) return;
    this.presenceDue.add(caseId);
    setTimeout(() => {
      this.presenceDue.delete(caseId);
      this.online(caseId)
        .then((online) => this.server.to(caseRoom(caseId)).emit('presence', { caseId, online }))
        .catch((error) => this.fail('presence', error));
    }, PRESENCE_DELAY_MS).unref();
  }

  /** The accounts with a socket in the case's room, on any instance. */
  async online(caseId: string): Promise<string[]> {
    const sockets = await this.server.in(caseRoom(caseId)).fetchSockets();
    return [...new Set(sockets.map((socket) => socket.data.user.id))];
  }

  private fail(what: string, error: unknown): void {
    this.logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, `${what} failed`);
  }
}
