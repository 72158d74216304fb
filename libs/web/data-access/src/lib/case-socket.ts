import { computed, DOCUMENT, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type {
  Ack,
  AnyCaseEvent,
  CaseEventOf,
  ClientToServerEvents,
  ErrorCode,
  ErrorDetail,
  JoinAck,
  PostMessageRequest,
  ServerToClientEvents,
  Tier,
} from '@vigil/contracts';
import { Subject, type Observable } from 'rxjs';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { SIGN_IN_URL } from './auth-interceptor';
import { Session } from './session';

export type VigilSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketConnector = (url: string, options: Partial<ManagerOptions & SocketOptions>) => VigilSocket;

/** How the socket is made; tests put a fake in its place. */
export const SOCKET_CONNECTOR = new InjectionToken<SocketConnector>('SOCKET_CONNECTOR', {
  factory: () => (url, options) => io(url, options),
});

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type TypingSignal = Parameters<ServerToClientEvents['typing']>[0];
export type PresenceUpdate = Parameters<ServerToClientEvents['presence']>[0];
export type ReadMarker = Parameters<ServerToClientEvents['read']>[0];
export type CaseRemoved = Parameters<ServerToClientEvents['case:removed']>[0];
export type CaseActivity = Parameters<ServerToClientEvents['case:activity']>[0];
export type VisitAlertSignal = Parameters<ServerToClientEvents['alert']>[0];

/** Waiting longer than this for an ack means the request may be lost: it can be sent again. */
export const SOCKET_REQUEST_TIMEOUT_MS = 15_000;
const MAX_RECONNECT_DELAY_MS = 30_000;
/** Refreshes in a row that the server still refuses before giving up on this socket. */
const MAX_AUTH_RENEWALS = 2;

/**
 * A refused socket request: the server's ack error, or `DISCONNECTED` / `TIMEOUT` when no ack
 * came (the request may or may not have reached the server).
 */
export class SocketRequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'DISCONNECTED' | 'TIMEOUT',
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'SocketRequestError';
  }

  /** No answer came: sending the same request again (with the same ids) is the fix. */
  get transient(): boolean {
    return this.code === 'DISCONNECTED' || this.code === 'TIMEOUT';
  }
}

/**
 * The one socket.io connection of the app. It authenticates with the session's access token,
 * renews the token when the server refuses it, reconnects with backoff, and hands out what the
 * server pushes as observables; rooms and their state live in `CaseRoomStore`.
 */
@Injectable({ providedIn: 'root' })
export class CaseSocket {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly signInUrl = inject(SIGN_IN_URL);
  private readonly connector = inject(SOCKET_CONNECTOR);
  private readonly window = inject(DOCUMENT).defaultView;

  private socket: VigilSocket | null = null;
  private readonly status = signal<ConnectionState>('offline');
  private readonly online = signal(this.window?.navigator.onLine ?? true);
  private readonly unanswered = new Set<(error: SocketRequestError) => void>();
  private authRenewals = 0;
  private reconnectAttempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly connects = new Subject<void>();
  private readonly caseEvents = new Subject<AnyCaseEvent>();
  private readonly typingSignals = new Subject<TypingSignal>();
  private readonly presenceUpdates = new Subject<PresenceUpdate>();
  private readonly readMarkers = new Subject<ReadMarker>();
  private readonly removals = new Subject<CaseRemoved>();
  private readonly activities = new Subject<CaseActivity>();
  private readonly visitAlerts = new Subject<VisitAlertSignal>();

  /** `offline` while the browser has no network, whatever the socket is trying. */
  readonly state = computed<ConnectionState>(() => {
    const status = this.status();
    return status !== 'connected' && !this.online() ? 'offline' : status;
  });
  /** Every (re)connection: joined rooms catch up from here. */
  readonly connected$: Observable<void> = this.connects.asObservable();
  readonly events$: Observable<AnyCaseEvent> = this.caseEvents.asObservable();
  readonly typing$: Observable<TypingSignal> = this.typingSignals.asObservable();
  readonly presence$: Observable<PresenceUpdate> = this.presenceUpdates.asObservable();
  readonly reads$: Observable<ReadMarker> = this.readMarkers.asObservable();
  readonly removed$: Observable<CaseRemoved> = this.removals.asObservable();
  readonly activity$: Observable<CaseActivity> = this.activities.asObservable();
  /** Visit deadlines near or missed: sent to the case's members and the chief prosecutors. */
  readonly alerts$: Observable<VisitAlertSignal> = this.visitAlerts.asObservable();

  constructor() {
    // Signing out (here or by a failed refresh) ends the socket; the next user gets a new one.
    effect(() => {
      if (!this.session.signedIn()) {
        untracked(() => this.disconnect());
      }
    });
    this.window?.addEventListener('online', () => this.online.set(true));
    this.window?.addEventListener('offline', () => this.online.set(false));
  }

  /** Opens the connection if there is none; safe to call from every page that needs it. */
  connect(): void {
    if (this.socket) {
      if (!this.socket.connected && !this.socket.active) {
        this.reconnectNow();
      }
      return;
    }
    if (this.session.accessToken() === null || !this.window) {
      return;
    }
    const socket = this.connector(this.window.location.origin, {
      // Read on every handshake, so a reconnection always carries the newest token.
      auth: (send) => send({ token: this.session.accessToken() ?? '' }),
      transports: ['websocket'],
    });
    this.socket = socket;
    this.status.set('connecting');
    this.listen(socket);
  }

  disconnect(): void {
    this.clearReconnectTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.off();
      socket.disconnect();
    }
    this.failUnanswered('DISCONNECTED');
    this.status.set('offline');
  }

  join(caseId: string, afterSeq: number): Promise<JoinAck> {
    return this.request<JoinAck>((socket, ack) => socket.emit('case:join', { caseId, afterSeq }, ack));
  }

  async leave(caseId: string): Promise<void> {
    await this.request((socket, ack) => socket.emit('case:leave', { caseId }, ack));
  }

  async post(caseId: string, message: PostMessageRequest): Promise<CaseEventOf<'message.posted'>> {
    const answer = await this.request<{ event: CaseEventOf<'message.posted'> }>((socket, ack) =>
      socket.emit('message:post', { caseId, ...message }, ack),
    );
    return answer.event;
  }

  async edit(caseId: string, messageId: string, body: string): Promise<CaseEventOf<'message.edited'>> {
    const answer = await this.request<{ event: CaseEventOf<'message.edited'> }>((socket, ack) =>
      socket.emit('message:edit', { caseId, messageId, body }, ack),
    );
    return answer.event;
  }

  async redact(caseId: string, messageId: string, reason: string): Promise<CaseEventOf<'message.redacted'>> {
    const answer = await this.request<{ event: CaseEventOf<'message.redacted'> }>((socket, ack) =>
      socket.emit('message:redact', { caseId, messageId, reason }, ack),
    );
    return answer.event;
  }

  /**
   * Fire and forget: a lost typing signal or read marker is replaced by the next one. `tier` is
   * the audience of the draft: only they hear of it.
   */
  typing(caseId: string, typing: boolean, tier: Tier): void {
    if (this.socket?.connected) {
      this.socket.emit('typing', { caseId, typing, tier }, ignoreAck);
    }
  }

  read(caseId: string, seq: number): void {
    if (this.socket?.connected) {
      this.socket.emit('read', { caseId, seq }, ignoreAck);
    }
  }

  private listen(socket: VigilSocket): void {
    socket.on('connect', () => {
      this.authRenewals = 0;
      this.reconnectAttempts = 0;
      this.status.set('connected');
      this.connects.next();
    });
    socket.on('disconnect', (reason) => {
      this.failUnanswered('DISCONNECTED');
      if (reason === 'io client disconnect') {
        this.status.set('offline');
      } else if (reason === 'io server disconnect') {
        // The server ended it (sign-out elsewhere, a revoked token): try again; a dead session
        // then fails the handshake and the refresh, which signs out here too.
        this.scheduleReconnect();
      } else {
        this.status.set('reconnecting');
      }
    });
    socket.on('connect_error', (error) => {
      if (socket.active) {
        // A transport failure: socket.io retries on its own.
        this.status.set('reconnecting');
      } else if (error.message === 'UNAUTHENTICATED') {
        void this.renewTokenAndReconnect(socket);
      } else {
        this.scheduleReconnect();
      }
    });
    socket.on('case:event', (event) => {
      this.caseEvents.next(event);
      // The server tells only sockets not joined to a case of its activity: a joined case's
      // events are its activity, for the lists kept by this same connection.
      this.activities.next({ caseId: event.caseId, headSeq: event.seq, updatedAt: event.at, newEvents: 1 });
    });
    socket.on('typing', (payload) => this.typingSignals.next(payload));
    socket.on('presence', (payload) => this.presenceUpdates.next(payload));
    socket.on('read', (payload) => this.readMarkers.next(payload));
    socket.on('case:removed', (payload) => this.removals.next(payload));
    socket.on('case:activity', (payload) => this.activities.next(payload));
    socket.on('alert', (payload) => this.visitAlerts.next(payload));
  }

  private async renewTokenAndReconnect(socket: VigilSocket): Promise<void> {
    if (this.authRenewals >= MAX_AUTH_RENEWALS) {
      this.status.set('offline');
      return;
    }
    this.authRenewals += 1;
    this.status.set('reconnecting');
    try {
      await this.session.refresh();
    } catch {
      this.disconnect();
      this.session.clear();
      void this.router.navigateByUrl(this.signInUrl);
      return;
    }
    if (this.socket === socket) {
      this.reconnectNow();
    }
  }

  private scheduleReconnect(): void {
    if (this.session.accessToken() === null) {
      this.status.set('offline');
      return;
    }
    this.status.set('reconnecting');
    this.clearReconnectTimer();
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 1000 * 2 ** this.reconnectAttempts);
    this.reconnectAttempts += 1;
    this.reconnectTimer = setTimeout(() => this.reconnectNow(), delay);
  }

  private reconnectNow(): void {
    this.clearReconnectTimer();
    if (this.socket && !this.socket.connected) {
      this.status.set('reconnecting');
      this.socket.connect();
    }
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer !== null) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }
  }

  /** Emits with an ack; rejects when the server refuses, the socket drops or no ack comes in time. */
  private request<T extends object = object>(
    send: (socket: VigilSocket, ack: (answer: Ack<T>) => void) => void,
  ): Promise<T> {
    const socket = this.socket;
    if (!socket?.connected) {
      return Promise.reject(new SocketRequestError('DISCONNECTED', 'Not connected'));
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) {
          return false;
        }
        settled = true;
        clearTimeout(timer);
        this.unanswered.delete(fail);
        return true;
      };
      const fail = (error: SocketRequestError): void => {
        if (settle()) {
          reject(error);
        }
      };
      const timer = setTimeout(
        () => fail(new SocketRequestError('TIMEOUT', 'No answer from the server')),
        SOCKET_REQUEST_TIMEOUT_MS,
      );
      this.unanswered.add(fail);
      send(socket, (answer) => {
        if (!settle()) {
          return;
        }
        if (answer.ok) {
          resolve(answer);
        } else {
          reject(new SocketRequestError(answer.error.code, answer.error.message, answer.error.details));
        }
      });
    });
  }

  private failUnanswered(code: 'DISCONNECTED'): void {
    for (const fail of [...this.unanswered]) {
      fail(new SocketRequestError(code, 'The connection was lost before the server answered'));
    }
  }
}

function ignoreAck(): void {
  // Nothing waits on typing or read acks.
}
