import { computed, DestroyRef, inject, Injectable, signal, type Signal } from '@angular/core';
import {
  canRead,
  clearanceOf,
  isEvent,
  type AnyCaseEvent,
  type Case,
  type CaseMember,
  type Tier,
} from '@vigil/contracts';
import { filter, firstValueFrom, Subscription } from 'rxjs';
import { apiErrorOf } from './api-error';
import { buildTimeline, type TimelineEntry, type TimelineMessage } from './case-timeline';
import { CaseSocket, SocketRequestError } from './case-socket';
import { CasesApi } from './cases-api';
import { Session } from './session';

/** Events fetched per page of history. */
export const HISTORY_PAGE_SIZE = 50;
/** A typing signal not renewed within this time is dropped. */
export const TYPING_TTL_MS = 8_000;
/** Own typing: renewed this often while typing, stopped after this long without a keystroke. */
export const TYPING_RENEW_MS = 3_000;
/** Read markers are sent at most this often. */
export const READ_DEBOUNCE_MS = 500;
const RESEND_AFTER_TIMEOUT_MS = 2_000;

export type RoomLoadState = 'loading' | 'ready' | 'not-found' | 'failed';

/** A message sent but not yet acknowledged, or refused. */
export interface PendingMessage {
  clientId: string;
  body: string;
  tier: Tier;
  state: 'sending' | 'failed';
  /** `rule`: the key of the rule the server refused it by (`victim_identity`), when it names one. */
  error?: { code: string; message: string; rule?: string };
}

export interface RoomProblem {
  action: 'send' | 'edit' | 'redact' | 'sync';
  code: string;
  message: string;
}

export interface Typist {
  userId: string;
  displayName: string;
}

/**
 * One open case room: its record, the events held (by seq), messages in flight, who is typing,
 * who is online and how far others have read. Provided by the room view, one per open case.
 *
 * Sync: `syncedSeq` is the seq up to which the log held is complete for this viewer. A live
 * event whose `prevSeq` is not `syncedSeq` reveals a gap, and `case:join` with
 * `afterSeq = syncedSeq` fills it; a reconnection does the same. Events held are never taken twice.
 */
@Injectable()
export class CaseRoomStore {
  private readonly api = inject(CasesApi);
  private readonly socket = inject(CaseSocket);
  private readonly session = inject(Session);

  private caseIdValue: string | null = null;
  private ready = false;
  private closed = false;
  private syncedSeq = 0;
  private catchingUp = false;
  private catchUpRequested = false;
  private recordRefresh: Promise<void> | null = null;
  private recordRefreshAgain = false;
  private readonly subscriptions = new Subscription();
  private readonly delivering = new Set<string>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private ownTypingSentAt = 0;
  private ownTypingTier: Tier = 'room';
  private ownTypingStop: ReturnType<typeof setTimeout> | null = null;
  private readSent = 0;
  private readWanted = 0;
  private readTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly held = signal<ReadonlyMap<number, AnyCaseEvent>>(new Map());
  private readonly typingUsers = signal<ReadonlyMap<string, Typist>>(new Map());

  readonly record = signal<Case | null>(null);
  readonly loadState = signal<RoomLoadState>('loading');
  readonly pending = signal<readonly PendingMessage[]>([]);
  readonly online = signal<ReadonlySet<string>>(new Set());
  /** Others' read positions: userId → highest seq read. */
  readonly readMarkers = signal<ReadonlyMap<string, number>>(new Map());
  readonly removed = signal(false);
  readonly problem = signal<RoomProblem | null>(null);
  readonly loadingEarlier = signal(false);
  readonly connection = this.socket.state;

  readonly me = this.session.me;
  private readonly clearance = computed(() => {
    const me = this.me();
    return me ? clearanceOf(me.role) : null;
  });
  readonly events = computed(() => [...this.held().values()].sort((a, b) => a.seq - b.seq));
  readonly timeline = computed<TimelineEntry[]>(() =>
    buildTimeline(this.events(), canRead(this.clearance(), 'prosecution')),
  );
  readonly lastSeq = computed(() => {
    const events = this.events();
    return events.length > 0 ? events[events.length - 1].seq : 0;
  });
  /** The oldest event held names its predecessor: 0 means the whole history is here. */
  readonly hasEarlier = computed(() => (this.events()[0]?.prevSeq ?? 0) > 0);
  readonly members = computed<readonly CaseMember[]>(() => this.record()?.members ?? []);
  readonly typists = computed(() => [...this.typingUsers().values()]);
  /** Under each message, the others (neither me nor its author) whose read position stops there. */
  readonly seenBy = computed(() => {
    const messages = this.timeline().filter((entry): entry is TimelineMessage => entry.kind === 'message');
    const names = new Map(this.members().map((member) => [member.userId, member.displayName]));
    const myId = this.me()?.id;
    const seen = new Map<number, string[]>();
    for (const [userId, seq] of this.readMarkers()) {
      const name = names.get(userId);
      if (userId === myId || name === undefined) {
        continue;
      }
      const read = messages.filter((message) => message.seq <= seq);
      const last = read[read.length - 1];
      // Authors have seen what they wrote: "seen by" names only the others.
      if (last && last.author.id !== userId) {
        seen.set(last.seq, [...(seen.get(last.seq) ?? []), name]);
      }
    }
    return seen;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /**
   * The seq of the newest event held whose type starts with one of `prefixes` (`'task.'`): a view
   * of that part of the case reads it again whenever this moves.
   */
  changeMark(prefixes: readonly string[]): Signal<number> {
    return computed(() => {
      let mark = 0;
      for (const event of this.events()) {
        if (event.seq > mark && prefixes.some((prefix) => event.type.startsWith(prefix))) {
          mark = event.seq;
        }
      }
      return mark;
    });
  }

  /** Loads the record and the latest history, then joins the room (now or once connected). */
  async open(caseId: string): Promise<void> {
    this.caseIdValue = caseId;
    this.listen(caseId);
    this.socket.connect();
    try {
      const record = await firstValueFrom(this.api.get(caseId));
      const page = await firstValueFrom(this.api.eventsBefore(caseId, record.headSeq + 1, HISTORY_PAGE_SIZE));
      if (this.closed) {
        return;
      }
      this.record.set(record);
      this.hold(page.items);
      this.syncedSeq = Math.max(0, ...page.items.map((event) => event.seq));
      this.ready = true;
      this.loadState.set('ready');
    } catch (error) {
      this.loadState.set(apiErrorOf(error).statusCode === 404 ? 'not-found' : 'failed');
      return;
    }
    if (this.socket.state() === 'connected') {
      await this.catchUp();
    }
  }

  async loadEarlier(): Promise<void> {
    const caseId = this.caseIdValue;
    const oldest = this.events()[0];
    if (!caseId || !oldest || oldest.prevSeq === 0 || this.loadingEarlier()) {
      return;
    }
    this.loadingEarlier.set(true);
    try {
      const page = await firstValueFrom(this.api.eventsBefore(caseId, oldest.seq, HISTORY_PAGE_SIZE));
      this.hold(page.items);
    } catch (error) {
      const apiError = apiErrorOf(error);
      this.problem.set({ action: 'sync', code: apiError.code, message: apiError.message });
    } finally {
      this.loadingEarlier.set(false);
    }
  }

  /** Sends a message; until the ack it stays pending, and is sent again with the same clientId after a reconnection. */
  send(body: string, tier: Tier): void {
    const message: PendingMessage = { clientId: crypto.randomUUID(), body, tier, state: 'sending' };
    this.pending.update((pending) => [...pending, message]);
    this.stopTyping();
    void this.deliver(message.clientId);
  }

  /** Sends a refused message again, at another tier if given (a refusal wrote nothing: the clientId is still free). */
  retry(clientId: string, tier?: Tier): void {
    this.pending.update((pending) =>
      pending.map((message) => (message.clientId === clientId ? { clientId, body: message.body, tier: tier ?? message.tier, state: 'sending' } : message)),
    );
    void this.deliver(clientId);
  }

  discard(clientId: string): void {
    this.pending.update((pending) => pending.filter((message) => message.clientId !== clientId));
  }

  async edit(messageId: string, body: string): Promise<boolean> {
    return this.change('edit', (caseId) => this.socket.edit(caseId, messageId, body));
  }

  async redact(messageId: string, reason: string): Promise<boolean> {
    return this.change('redact', (caseId) => this.socket.redact(caseId, messageId, reason));
  }

  dismissProblem(): void {
    this.problem.set(null);
  }

  /** Call on each keystroke in the composer, with the tier the draft is written at (its audience). */
  noteTyping(tier: Tier = 'room'): void {
    const caseId = this.caseIdValue;
    if (!caseId) {
      return;
    }
    // A new audience: the old one stops hearing of the draft, the new one hears at once.
    if (this.ownTypingSentAt !== 0 && tier !== this.ownTypingTier) {
      this.stopTyping();
    }
    const now = Date.now();
    if (now - this.ownTypingSentAt >= TYPING_RENEW_MS) {
      this.ownTypingSentAt = now;
      this.ownTypingTier = tier;
      this.socket.typing(caseId, true, tier);
    }
    if (this.ownTypingStop !== null) {
      clearTimeout(this.ownTypingStop);
    }
    this.ownTypingStop = setTimeout(() => this.stopTyping(), TYPING_RENEW_MS);
  }

  stopTyping(): void {
    if (this.ownTypingStop !== null) {
      clearTimeout(this.ownTypingStop);
      this.ownTypingStop = null;
    }
    if (this.ownTypingSentAt !== 0 && this.caseIdValue) {
      this.socket.typing(this.caseIdValue, false, this.ownTypingTier);
    }
    this.ownTypingSentAt = 0;
  }

  /** The timeline was read up to `seq`; others learn it (debounced), and the unread count clears. */
  markRead(seq: number): void {
    if (seq <= this.readSent || seq <= this.readWanted) {
      return;
    }
    this.readWanted = seq;
    if (this.readTimer === null) {
      this.readTimer = setTimeout(() => this.flushRead(), READ_DEBOUNCE_MS);
    }
  }

  private flushRead(): void {
    if (this.readTimer !== null) {
      clearTimeout(this.readTimer);
      this.readTimer = null;
    }
    if (this.caseIdValue && this.readWanted > this.readSent && this.socket.state() === 'connected') {
      this.socket.read(this.caseIdValue, this.readWanted);
      this.readSent = this.readWanted;
    }
  }

  private listen(caseId: string): void {
    const mine = <T extends { caseId: string }>(item: T) => item.caseId === caseId;
    this.subscriptions.add(this.socket.events$.pipe(filter(mine)).subscribe((event) => this.receive(event)));
    this.subscriptions.add(
      this.socket.connected$.subscribe(() => {
        if (this.ready) {
          void this.catchUp();
        }
      }),
    );
    this.subscriptions.add(
      this.socket.presence$.pipe(filter(mine)).subscribe((presence) => this.online.set(new Set(presence.online))),
    );
    this.subscriptions.add(
      this.socket.reads$.pipe(filter(mine)).subscribe(({ userId, seq }) =>
        this.readMarkers.update((markers) =>
          (markers.get(userId) ?? 0) >= seq ? markers : new Map(markers).set(userId, seq),
        ),
      ),
    );
    this.subscriptions.add(
      this.socket.typing$.pipe(filter(mine)).subscribe((signal) => this.otherTyping(signal.userId, signal.displayName, signal.typing)),
    );
    this.subscriptions.add(this.socket.removed$.pipe(filter(mine)).subscribe(() => this.lostAccess()));
  }

  /** A live event, or the event of an ack. */
  private receive(event: AnyCaseEvent): void {
    if (this.closed || this.held().has(event.seq)) {
      return;
    }
    this.hold([event]);
    if (!this.ready) {
      return;
    }
    if (event.prevSeq === this.syncedSeq) {
      this.syncedSeq = event.seq;
      this.advanceSynced();
    } else if (event.seq > this.syncedSeq) {
      void this.catchUp();
    }
  }

  /**
   * `case:join` with `afterSeq = syncedSeq` until nothing more follows. One at a time: a gap
   * noticed meanwhile asks for another round.
   */
  private async catchUp(): Promise<void> {
    const caseId = this.caseIdValue;
    if (!caseId || this.closed || this.removed()) {
      return;
    }
    if (this.catchingUp) {
      this.catchUpRequested = true;
      return;
    }
    this.catchingUp = true;
    try {
      let again = true;
      while (again && !this.closed) {
        this.catchUpRequested = false;
        const before = this.syncedSeq;
        const ack = await this.socket.join(caseId, before);
        if (this.closed) {
          return;
        }
        this.online.set(new Set(ack.online));
        this.hold(ack.events);
        // What a join returns is complete above afterSeq.
        this.syncedSeq = Math.max(this.syncedSeq, ...ack.events.map((event) => event.seq));
        this.advanceSynced();
        const progressed = this.syncedSeq > before;
        again = (ack.hasMore && progressed) || this.catchUpRequested || (this.hasGap() && progressed);
      }
      this.problem.update((problem) => (problem?.action === 'sync' ? null : problem));
    } catch (error) {
      if (error instanceof SocketRequestError && error.code === 'NOT_FOUND') {
        this.lostAccess();
      } else if (!(error instanceof SocketRequestError && error.transient)) {
        // A transient failure is retried by the next connection; anything else is shown.
        const { code, message } = problemOf(error);
        this.problem.set({ action: 'sync', code, message });
      }
      return;
    } finally {
      this.catchingUp = false;
    }
    this.resendPending();
    this.flushRead();
  }

  /** Past `syncedSeq`, follow the prevSeq chain through events already held. */
  private advanceSynced(): void {
    for (const event of this.events()) {
      if (event.seq > this.syncedSeq && event.prevSeq === this.syncedSeq) {
        this.syncedSeq = event.seq;
      }
    }
  }

  private hasGap(): boolean {
    return this.lastSeq() > this.syncedSeq;
  }

  private hold(events: readonly AnyCaseEvent[]): void {
    const fresh = events.filter((event) => !this.held().has(event.seq));
    if (fresh.length === 0) {
      return;
    }
    this.held.update((held) => {
      const next = new Map(held);
      for (const event of fresh) {
        next.set(event.seq, event);
      }
      return next;
    });
    this.settlePending(fresh);
    this.refreshRecordAfter(fresh);
  }

  /** An own message seen in the log (live, in an ack or in a catch-up) is no longer pending. */
  private settlePending(events: readonly AnyCaseEvent[]): void {
    const myId = this.me()?.id;
    const delivered = new Set(
      events.flatMap((event) => (isEvent(event, 'message.posted') && event.actor.id === myId ? [event.data.clientId] : [])),
    );
    if (delivered.size > 0 && this.pending().some((message) => delivered.has(message.clientId))) {
      this.pending.update((pending) => pending.filter((message) => !delivered.has(message.clientId)));
    }
  }

  /** Members, status and the visit clock live on the record: reread it when the log says they changed. */
  private refreshRecordAfter(events: readonly AnyCaseEvent[]): void {
    const record = this.record();
    const changesRecord = events.some(
      (event) =>
        record !== null &&
        event.seq > record.headSeq &&
        (event.type === 'member.added' ||
          event.type === 'member.removed' ||
          event.type === 'case.status_changed' ||
          event.type.startsWith('visit.')),
    );
    if (changesRecord) {
      this.reloadRecord();
    }
  }

  /** One reload at a time; a change seen meanwhile reloads once more after it. */
  private reloadRecord(): void {
    const caseId = this.caseIdValue;
    if (!caseId || this.closed) {
      return;
    }
    if (this.recordRefresh) {
      this.recordRefreshAgain = true;
      return;
    }
    this.recordRefresh = firstValueFrom(this.api.get(caseId))
      .then((fresh) => {
        if (!this.closed) {
          this.record.set(fresh);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this.recordRefresh = null;
        if (this.recordRefreshAgain) {
          this.recordRefreshAgain = false;
          this.reloadRecord();
        }
      });
  }

  private async deliver(clientId: string): Promise<void> {
    const caseId = this.caseIdValue;
    const message = this.pending().find((candidate) => candidate.clientId === clientId);
    if (!caseId || !message || message.state !== 'sending' || this.delivering.has(clientId)) {
      return;
    }
    if (this.socket.state() !== 'connected') {
      return;
    }
    this.delivering.add(clientId);
    try {
      const event = await this.socket.post(caseId, { clientId, body: message.body, tier: message.tier });
      this.receive(event);
      this.discard(clientId);
    } catch (error) {
      if (error instanceof SocketRequestError && error.transient) {
        if (error.code === 'TIMEOUT') {
          setTimeout(() => void this.deliver(clientId), RESEND_AFTER_TIMEOUT_MS);
        }
        // DISCONNECTED: sent again after the next catch-up.
      } else {
        const { code, message: text, rule } = problemOf(error);
        this.pending.update((pending) =>
          pending.map((candidate) =>
            candidate.clientId === clientId ? { ...candidate, state: 'failed', error: { code, message: text, ...(rule && { rule }) } } : candidate,
          ),
        );
      }
    } finally {
      this.delivering.delete(clientId);
    }
  }

  private resendPending(): void {
    for (const message of this.pending()) {
      if (message.state === 'sending') {
        void this.deliver(message.clientId);
      }
    }
  }

  private async change(action: 'edit' | 'redact', request: (caseId: string) => Promise<AnyCaseEvent>): Promise<boolean> {
    const caseId = this.caseIdValue;
    if (!caseId) {
      return false;
    }
    try {
      this.receive(await request(caseId));
      this.problem.set(null);
      return true;
    } catch (error) {
      const { code, message } = problemOf(error);
      this.problem.set({ action, code, message });
      return false;
    }
  }

  private otherTyping(userId: string, displayName: string, typing: boolean): void {
    if (userId === this.me()?.id) {
      return;
    }
    const timer = this.typingTimers.get(userId);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.typingTimers.delete(userId);
    }
    this.typingUsers.update((users) => {
      const next = new Map(users);
      if (typing) {
        next.set(userId, { userId, displayName });
      } else {
        next.delete(userId);
      }
      return next;
    });
    if (typing) {
      this.typingTimers.set(
        userId,
        setTimeout(() => this.otherTyping(userId, displayName, false), TYPING_TTL_MS),
      );
    }
  }

  private lostAccess(): void {
    this.removed.set(true);
    this.ready = false;
    this.pending.set([]);
  }

  private close(): void {
    if (this.closed) {
      return;
    }
    const caseId = this.caseIdValue;
    if (caseId && this.ready) {
      this.stopTyping();
      this.flushRead();
      this.socket.leave(caseId).catch(() => undefined);
    }
    this.closed = true;
    this.subscriptions.unsubscribe();
    for (const timer of this.typingTimers.values()) {
      clearTimeout(timer);
    }
    if (this.ownTypingStop !== null) {
      clearTimeout(this.ownTypingStop);
    }
    if (this.readTimer !== null) {
      clearTimeout(this.readTimer);
    }
  }
}

function problemOf(error: unknown): { code: string; message: string; rule?: string } {
  if (error instanceof SocketRequestError) {
    return { code: error.code, message: error.message, rule: error.details?.find((detail) => detail.rule)?.rule };
  }
  const apiError = apiErrorOf(error);
  return { code: apiError.code, message: apiError.message, rule: apiError.details?.find((detail) => detail.rule)?.rule };
}
