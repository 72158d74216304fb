import { Logger, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { SessionsService, type AuthUser } from '@vigil/api-auth';
import { forbidden, rateLimited, toApiError, validatePayload } from '@vigil/api-core';
import {
  ACTIVITY_INTERVAL_MS,
  type AppendedContext,
  type AudienceMember,
  CaseEventsBus,
  CasesService,
  clearancesReading,
  eventViews,
  EditMessagePayload,
  JoinPayload,
  PostMessagePayload,
  ReadPayload,
  RedactMessagePayload,
  CaseRef,
  seqFor,
  TypingPayload,
} from '@vigil/api-cases';
import type { CaseEventEntity } from '@vigil/api-database';
import { canRead, SOCKET_LIMITS, TIERS, type Ack, type ClientToServerEvents, type ServerToClientEvents, type Tier, type VisitAlert } from '@vigil/contracts';
import type { Server, Socket } from 'socket.io';
import { TokenBucket } from './socket-rate-limit';
import { sentUnchanged } from './shared-json';

interface SocketData {
  user: AuthUser;
  bucket: TokenBucket;
}
type VigilSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Reply = (answer: Ack<object>) => void;
type Activity = Parameters<ServerToClientEvents['case:activity']>[0];
type VigilServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** socket.io rooms: one per case and clearance for events, one per case for presence and typing. */
const tierRoom = (caseId: string, clearance: Tier) => `case:${caseId}:${clearance}`;
const caseRoom = (caseId: string) => `case:${caseId}`;
const accountRoom = (accountId: string) => `account:${accountId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const roleRoom = (role: string) => `role:${role}`;
const SUPERVISORS = roleRoom('chief_prosecutor');
/** Joins and leaves within this long of each other make one presence announcement. */
const PRESENCE_DELAY_MS = 100;
/** The answer to an event the contract does not name (its name is not echoed: it may be anything). */
const UNKNOWN_EVENT: Ack<object> = { ok: false, error: { code: 'VALIDATION', message: 'unknown event', details: [{ field: 'event', message: 'is not an event of the contract' }] } };

/**
 * One listener for every socket: socket.io and the event emitter call a listener with its socket
 * as `this`, which this hands on as the first argument.
 */
function socketListener<A extends unknown[]>(listen: (socket: VigilSocket, ...args: A) => void) {
  return function (this: VigilSocket, ...args: A) {
    listen(this, ...args);
  };
}

/**
 * The case rooms' live side. It authenticates the handshake, validates each event, calls the
 * cases service (which applies the one access policy) and answers with an ack; committed events
 * fan out to the rooms of the clearances that may read them.
 */
@WebSocketGateway({ maxHttpBufferSize: SOCKET_LIMITS.maxFrameBytes, cors: false, serveClient: false })
export class CaseRoomGateway implements OnGatewayInit, OnGatewayConnection, OnModuleInit {
  @WebSocketServer()
  private server!: VigilServer;

  /** What each client event does; every handler validates its payload and answers through `handle`. */
  private readonly handlers: Record<keyof ClientToServerEvents, (socket: VigilSocket, payload: unknown, ack: Reply | undefined) => Promise<void>> = {
    'case:join': this.join,
    'case:leave': this.leave,
    'message:post': this.post,
    'message:edit': this.edit,
    'message:redact': this.redact,
    typing: this.typing,
    read: this.read,
  };

  private readonly logger = new Logger('Sockets');
  /** Per case, the publication under way: the next waits for it, so delivery keeps seq order. */
  private readonly publishing = new Map<string, Promise<void>>();
  /** Cases whose presence announcement is due. */
  private readonly presenceDue = new Set<string>();
  /** Per case in its activity interval: the heads still to announce by clearance, and to whom. */
  private readonly heldActivity = new Map<string, { heads: Map<Tier, Activity>; audience: AudienceMember[] }>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly cases: CasesService,
    private readonly bus: CaseEventsBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('appended', (caseId, events, context) => this.inOrder(caseId, () => this.publish(caseId, events, context)));
    this.bus.on('alert', (alert) => void this.alert(alert).catch((error) => this.fail('alert', error)));
    this.bus.on('read', (caseId, accountId, markers) => this.readMoved(caseId, accountId, markers));
    this.sessions.revocations.on('revoked', (sessionIds: string[]) => {
      for (const id of sessionIds) this.server.in(sessionRoom(id)).disconnectSockets(true);
    });
  }

  afterInit(server: VigilServer): void {
    // Guards do not run on connect: the handshake is checked here, before any event.
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.sessions
        .authenticate(typeof token === 'string' ? token : undefined)
        .then((user) => {
          socket.data.user = user;
          socket.data.bucket = new TokenBucket();
          next();
        })
        .catch(() => next(new Error('UNAUTHENTICATED')));
    });
  }

  handleConnection(socket: VigilSocket): void {
    const { user } = socket.data;
    if (!user) return void socket.disconnect(true);
    void socket.join([accountRoom(user.id), sessionRoom(user.sessionId), roleRoom(user.role)]);
    // Shared listeners, called with the socket as `this`: no closures kept per connection, which
    // at thousands of connections is heap the collector would walk on every major collection.
    socket.onAny(this.onEvent);
    socket.on('disconnecting', this.onDisconnecting);
  }

  /**
   * Every client event, straight to its handler: Nest's per-event pipeline (context, pipes, rxjs)
   * cost more than the work of a post. An event the contract does not name is refused like any
   * other malformed one.
   */
  private readonly onEvent = socketListener((socket, event: string, ...args: unknown[]) => {
    // An ack, when the client asks for one, comes last.
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Reply) : undefined;
    const handler = Object.prototype.hasOwnProperty.call(this.handlers, event) ? this.handlers[event as keyof ClientToServerEvents] : undefined;
    if (!handler) return ack?.(UNKNOWN_EVENT);
    void handler.call(this, socket, args.length === 1 ? args[0] : args.length ? args : undefined, ack);
  });

  /** Presence changes when a socket goes: tell the cases it was in. */
  private readonly onDisconnecting = socketListener((socket) => {
    const cases = [...socket.rooms].filter((room) => /^case:[^:]+$/.test(room)).map((room) => room.slice('case:'.length));
    setImmediate(() => cases.forEach((caseId) => this.presenceChanged(caseId)));
  });

  join(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, JoinPayload, payload, async (user, { caseId, afterSeq }) => {
      const opened = await this.cases.open(user, caseId);
      const { kase, clearance } = opened;
      // In the room before reading the catch-up: nothing committed in between is missed.
      await socket.join([tierRoom(kase.id, clearance), caseRoom(kase.id)]);
      const page = await this.cases.catchUp(opened, afterSeq ?? 0);
      const online = await this.online(kase.id);
      this.presenceChanged(kase.id);
      // The page is shared by the members rejoining at the same point (\`catchUp\`): encoded once.
      return { caseId: kase.id, headSeq: page.headSeq, events: sentUnchanged(page.items), hasMore: page.hasMore, online };
    });
  }

  leave(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, CaseRef, payload, async (_user, { caseId }) => {
      const rooms = [caseRoom(caseId), ...TIERS.map((tier) => tierRoom(caseId, tier))];
      const present = socket.rooms.has(caseRoom(caseId));
      for (const room of rooms) await socket.leave(room);
      if (present) this.presenceChanged(caseId);
      return {};
    });
  }

  post(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, PostMessagePayload, payload, async (user, { caseId, clientId, body, tier }) => {
      const { event } = await this.cases.postMessage(user, caseId, { clientId, body, tier });
      return { event };
    });
  }

  edit(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, EditMessagePayload, payload, async (user, { caseId, messageId, body }) => ({
      event: await this.cases.editMessage(user, caseId, messageId, body),
    }));
  }

  redact(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, RedactMessagePayload, payload, async (user, { caseId, messageId, reason }) => ({
      event: await this.cases.redactMessage(user, caseId, messageId, reason),
    }));
  }

  typing(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, TypingPayload, payload, async (user, { caseId, typing, tier = 'room' }) => {
      const { kase, clearance } = await this.cases.open(user, caseId);
      if (!canRead(clearance, tier)) throw forbidden(`Your clearance does not reach the ${tier} tier`);
      // A draft's audience alone hears of it: who writes to the prosecution is itself confidential.
      const rooms = clearancesReading(tier).map((reader) => tierRoom(kase.id, reader));
      socket.to(rooms).emit('typing', { caseId: kase.id, userId: user.id, displayName: user.displayName, typing });
      return {};
    });
  }

  read(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, ReadPayload, payload, async (user, { caseId, seq }) => ({ seq: await this.cases.markRead(user, caseId, seq) }));
  }

  /**
   * Rate limit, validation and the ack shared by every event. Acks are sent by hand: Nest would
   * take a returned object with an `event` field for an event to emit.
   */
  private async handle<P extends object, R extends object>(
    socket: VigilSocket,
    reply: Reply | undefined,
    type: new () => P,
    payload: unknown,
    work: (user: AuthUser, payload: P) => Promise<R>,
  ): Promise<void> {
    let answer: Ack<R>;
    try {
      if (!socket.data.bucket.take()) throw rateLimited(1);
      const valid = await validatePayload(type, payload);
      answer = { ok: true, ...(await work(socket.data.user, valid)) };
    } catch (error) {
      const { code, message, details, statusCode } = toApiError(error);
      if (statusCode >= 500) this.fail('event', error);
      answer = { ok: false, error: { code, message, ...(details ? { details } : {}) } };
    }
    if (typeof reply === 'function') reply(answer);
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
    const messages = context?.messages ?? (await this.cases.messageStates(events));
    const local = this.server.local;
    for (const event of events) {
      const removed = event.type === 'member.removed' ? String(event.data['userId']) : null;
      // The removed member's connections leave before anyone hears of the removal (a chief prosecutor still supervises).
      if (removed && event.data['role'] !== 'chief_prosecutor') this.evict(caseId, [removed]);
      // A removal's own event never reaches the removed.
      const except = removed ? [accountRoom(removed)] : [];
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
    const audience = context?.audience ?? (held && !membership ? undefined : await this.cases.audience(caseId));
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
    const members = await this.cases.audience(alert.caseId);
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
  private presenceChanged(caseId: string): void {
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
  private async online(caseId: string): Promise<string[]> {
    const sockets = await this.server.in(caseRoom(caseId)).fetchSockets();
    return [...new Set(sockets.map((socket) => socket.data.user.id))];
  }

  private fail(what: string, error: unknown): void {
    this.logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, `${what} failed`);
  }
}
