import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { AccountBudget, SessionsService, type AuthUser } from '@vigil/api-auth';
import { detail, forbidden, toApiError, unauthenticated, validatePayload, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import {
  AccessAudit,
  CaseQueries,
  CasesService,
  clearancesReading,
  EditMessagePayload,
  JoinPayload,
  PostMessagePayload,
  ReadPayload,
  RedactMessagePayload,
  CaseRef,
  TypingPayload,
} from '@vigil/api-cases';
import { can, canRead, SOCKET_LIMITS, TIERS, type Ack, type ClientToServerEvents } from '@vigil/contracts';
import { MeetingJoinPayload, MeetingRef, MeetingsService, MEETING_CATCH_UP_PAGE } from '@vigil/api-meetings';
import { CaseDelivery } from './case-delivery';
import { MeetingDelivery } from './meeting-delivery';
import { accountRoom, caseRoom, meetingRoom, meetingTierRoom, SUPERVISORS, sessionRoom, tierRoom, type VigilServer, type VigilSocket } from './rooms';
import { sentUnchanged } from './shared-json';

type Reply = (answer: Ack<object>) => void;

/**
 * Every ended session is announced to every instance, which closes its sockets at once
 * (`CaseEventsRelay`). Besides, a socket's authority is read again at most this often, on its next
 * event: a safety net for an announcement lost while an instance's listener reconnected. Reading it
 * on every event (or every 2 s) halved the posts a server sustains.
 */
const AUTHORITY_RECHECK_MS = 60_000;
/** The answer to an event the contract does not name (its name is not echoed: it may be anything). */
const UNKNOWN_EVENT: Ack<object> = { ok: false, error: { code: 'VALIDATION', message: 'unknown event', details: [detail('event', 'unknown_event', 'is not an event of the contract')] } };

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
 * The case rooms' live side: it authenticates the handshake, checks each event's authority and
 * budget, validates it, calls the cases service (which applies the one access policy) and answers
 * with an ack. What reaches sockets afterwards is `CaseDelivery`'s.
 */
@WebSocketGateway({ maxHttpBufferSize: SOCKET_LIMITS.maxFrameBytes, cors: false, serveClient: false })
export class CaseRoomGateway implements OnGatewayInit, OnGatewayConnection {
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
    'meeting:join': this.joinMeeting,
    'meeting:leave': this.leaveMeeting,
  };

  private readonly logger = new Logger('Sockets');
  /** Open sockets per account on this instance. */
  private readonly socketsOf = new Map<string, number>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly cases: CasesService,
    private readonly queries: CaseQueries,
    private readonly delivery: CaseDelivery,
    private readonly budget: AccountBudget,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    private readonly audit: AccessAudit,
    private readonly meetings: MeetingsService,
    private readonly meetingDelivery: MeetingDelivery,
  ) {}

  afterInit(server: VigilServer): void {
    this.delivery.attach(server);
    this.meetingDelivery.attach(server);
    // Guards do not run on connect: the handshake is checked here, before any event.
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.sessions
        .authenticate(typeof token === 'string' ? token : undefined)
        .then((user) => {
          // One account holds a bounded number of sockets here: more would multiply what it receives.
          if ((this.socketsOf.get(user.id) ?? 0) >= this.config.socketsPerAccount) return next(new Error('RATE_LIMITED'));
          socket.data.user = user;
          socket.data.checkedAt = Date.now();
          next();
        })
        .catch(() => next(new Error('UNAUTHENTICATED')));
    });
  }

  handleConnection(socket: VigilSocket): void {
    const { user } = socket.data;
    if (!user) return void socket.disconnect(true);
    this.socketsOf.set(user.id, (this.socketsOf.get(user.id) ?? 0) + 1);
    void socket.join([accountRoom(user.id), sessionRoom(user.sessionId), ...(can(user.role, 'case.supervise') ? [SUPERVISORS] : [])]);
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
    const accountId = socket.data.user.id;
    const left = (this.socketsOf.get(accountId) ?? 1) - 1;
    if (left > 0) this.socketsOf.set(accountId, left);
    else this.socketsOf.delete(accountId);
    const cases = [...socket.rooms].filter((room) => /^case:[^:]+$/.test(room)).map((room) => room.slice('case:'.length));
    const meetings = [...socket.rooms].filter((room) => /^meeting:[^:]+$/.test(room)).map((room) => room.slice('meeting:'.length));
    setImmediate(() => {
      cases.forEach((caseId) => this.delivery.presenceChanged(caseId));
      meetings.forEach((meetingId) => this.meetingDelivery.presenceChanged(meetingId));
    });
  });

  join(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, JoinPayload, payload, async (user, { caseId, afterSeq }) => {
      const opened = await this.queries.open(user, caseId);
      const { kase, clearance } = opened;
      // A chief prosecutor joining a case they are not a member of supervises it: that is recorded.
      await this.audit.recordSupervision(user, kase.id);
      // In the room before reading the catch-up: nothing committed in between is missed.
      await socket.join([tierRoom(kase.id, clearance), caseRoom(kase.id)]);
      const page = await this.queries.catchUp(opened, afterSeq ?? 0);
      const online = await this.delivery.online(kase.id);
      this.delivery.presenceChanged(kase.id);
      // The page is shared by the members rejoining at the same point (\`catchUp\`): encoded once.
      return { caseId: kase.id, headSeq: page.headSeq, events: sentUnchanged(page.items), hasMore: page.hasMore, online };
    });
  }

  /** `case:join` for a meeting: the same order (in the room, then the catch-up); joining in session marks one present. */
  joinMeeting(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, MeetingJoinPayload, payload, async (user, { meetingId, afterSeq }) => {
      const opened = await this.meetings.open(user, meetingId);
      const { meeting, clearance } = opened;
      await socket.join([meetingTierRoom(meeting.id, clearance), meetingRoom(meeting.id)]);
      const page = await this.meetings.page(opened, afterSeq ?? 0, MEETING_CATCH_UP_PAGE);
      if (meeting.status === 'in_session') await this.meetings.markAttended(user, meeting.id, user.id, 'joined').catch(() => undefined);
      const online = await this.meetingDelivery.online(meeting.id);
      this.meetingDelivery.presenceChanged(meeting.id);
      return { meetingId: meeting.id, headSeq: page.headSeq, events: page.items, hasMore: page.hasMore, online };
    });
  }

  leaveMeeting(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, MeetingRef, payload, async (_user, { meetingId }) => {
      const present = socket.rooms.has(meetingRoom(meetingId));
      for (const room of [meetingRoom(meetingId), ...TIERS.map((tier) => meetingTierRoom(meetingId, tier))]) await socket.leave(room);
      if (present) this.meetingDelivery.presenceChanged(meetingId);
      return {};
    });
  }

  leave(socket: VigilSocket, payload: unknown, ack: Reply | undefined) {
    return this.handle(socket, ack, CaseRef, payload, async (_user, { caseId }) => {
      const rooms = [caseRoom(caseId), ...TIERS.map((tier) => tierRoom(caseId, tier))];
      const present = socket.rooms.has(caseRoom(caseId));
      for (const room of rooms) await socket.leave(room);
      if (present) this.delivery.presenceChanged(caseId);
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
      const { kase, clearance } = await this.queries.open(user, caseId);
      if (!canRead(clearance, tier)) throw forbidden(`Your clearance does not reach the ${tier} tier`, 'tier_above_clearance', 'tier', { tier });
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
      const user = await this.authority(socket);
      this.budget.spend(user.id);
      const valid = await validatePayload(type, payload);
      answer = { ok: true, ...(await work(user, valid)) };
    } catch (error) {
      const { code, message, details, statusCode } = toApiError(error);
      if (statusCode >= 500) this.fail('event', error);
      answer = { ok: false, error: { code, message, ...(details ? { details } : {}) } };
    }
    if (typeof reply === 'function') reply(answer);
  }

  /**
   * The socket's caller as they stand now: every event acts with the identity of a live session.
   * A session found ended, or an account whose role or agency moved under it, closes the socket.
   */
  private async authority(socket: VigilSocket): Promise<AuthUser> {
    const { user, checkedAt } = socket.data;
    const now = Date.now();
    if (now - checkedAt < AUTHORITY_RECHECK_MS) return user;
    const current = await this.sessions.current(user).catch(() => null);
    if (!current || current.role !== user.role || current.agency.id !== user.agency.id) {
      // Closed once the refusal's ack is on its way.
      setImmediate(() => socket.disconnect(true));
      throw unauthenticated('Session ended');
    }
    socket.data.user = current;
    socket.data.checkedAt = now;
    return current;
  }

  private fail(what: string, error: unknown): void {
    this.logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, `${what} failed`);
  }
}
