import { computed, DestroyRef, inject, Injectable, signal, type Signal } from '@angular/core';
import { canRead, clearanceOf, type AnyCaseEvent, type Case, type CaseMember, type Tier } from '@vigil/contracts';
import { filter, firstValueFrom, Subscription } from 'rxjs';
import { apiErrorOf } from './api-error';
import { RoomLog } from './case-room-store-log';
import { RoomOutbox } from './case-room-store-outbox';
import { RoomPresence } from './case-room-store-presence';
import { buildTimeline, type TimelineEntry, type TimelineMessage } from './case-timeline';
import { CaseSocket, SocketRequestError } from './case-socket';
import { CasesApi } from './cases-api';
import { roomProblemOf, type RoomError } from './case-room-store-problem';
import { Session } from './session';

export { READ_DEBOUNCE_MS, TYPING_RENEW_MS, TYPING_TTL_MS, type Typist } from './case-room-store-presence';
export type { PendingMessage } from './case-room-store-outbox';

/** Events fetched per page of history. */
export const HISTORY_PAGE_SIZE = 50;

export type RoomLoadState = 'loading' | 'ready' | 'not-found' | 'failed';

export interface RoomProblem extends RoomError {
  action: 'send' | 'edit' | 'redact' | 'sync';
}

/**
 * One open case room: its record, and three parts it composes: the log of events held and its
 * sync (`RoomLog`), the messages in flight (`RoomOutbox`), and who is online, typing and has
 * read how far (`RoomPresence`). Provided by the room view, one per open case.
 */
@Injectable()
export class CaseRoomStore {
  private readonly api = inject(CasesApi);
  private readonly socket = inject(CaseSocket);
  private readonly session = inject(Session);

  private caseIdValue: string | null = null;
  private ready = false;
  private closed = false;
  private recordRefresh: Promise<void> | null = null;
  private recordRefreshAgain = false;
  private readonly subscriptions = new Subscription();

  readonly me = this.session.me;
  private readonly log = new RoomLog((fresh) => this.fresh(fresh));
  private readonly outbox = new RoomOutbox(this.socket, { caseId: () => this.caseIdValue, receive: (event) => this.receive(event) });
  private readonly presence = new RoomPresence(this.socket, () => this.me()?.id);

  readonly record = signal<Case | null>(null);
  readonly loadState = signal<RoomLoadState>('loading');
  readonly pending = this.outbox.pending.asReadonly();
  readonly online = this.presence.online.asReadonly();
  /** Others' read positions: userId → highest seq read. */
  readonly readMarkers = this.presence.readMarkers.asReadonly();
  readonly typists = this.presence.typists;
  readonly removed = signal(false);
  readonly problem = signal<RoomProblem | null>(null);
  readonly loadingEarlier = signal(false);
  readonly connection = this.socket.state;

  private readonly clearance = computed(() => {
    const me = this.me();
    return me ? clearanceOf(me.role) : null;
  });
  readonly events = this.log.events;
  readonly timeline = computed<TimelineEntry[]>(() => buildTimeline(this.events(), canRead(this.clearance(), 'prosecution')));
  readonly lastSeq = this.log.lastSeq;
  /** The oldest event held names its predecessor: 0 means the whole history is here. */
  readonly hasEarlier = this.log.hasEarlier;
  readonly members = computed<readonly CaseMember[]>(() => this.record()?.members ?? []);
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
      this.log.begin(page.items);
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
      this.log.hold(page.items);
    } catch (error) {
      const apiError = apiErrorOf(error);
      this.problem.set({ action: 'sync', code: apiError.code, message: apiError.message });
    } finally {
      this.loadingEarlier.set(false);
    }
  }

  /** Sends a message; until the ack it stays pending, and is sent again with the same clientId after a reconnection. */
  send(body: string, tier: Tier): void {
    this.presence.stopTyping();
    this.outbox.send(body, tier);
  }

  /** Sends a refused message again, at another tier if given (a refusal wrote nothing: the clientId is still free). */
  retry(clientId: string, tier?: Tier): void {
    this.outbox.retry(clientId, tier);
  }

  discard(clientId: string): void {
    this.outbox.discard(clientId);
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
    this.presence.noteTyping(tier);
  }

  stopTyping(): void {
    this.presence.stopTyping();
  }

  /** The timeline was read up to `seq`; others learn it (debounced), and the unread count clears. */
  markRead(seq: number): void {
    this.presence.markRead(seq);
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
    this.subscriptions.add(this.presence.follow(caseId));
    this.subscriptions.add(this.socket.removed$.pipe(filter(mine)).subscribe(() => this.lostAccess()));
  }

  /** A live event, or the event of an ack. */
  private receive(event: AnyCaseEvent): void {
    if (this.closed || this.log.has(event.seq)) {
      return;
    }
    if (!this.ready) {
      this.log.hold([event]);
      return;
    }
    if (this.log.receive(event) === 'gap') {
      void this.catchUp();
    }
  }

  /** Fills the log from the server (on opening, a reconnection or a gap), then sends what waited. */
  private async catchUp(): Promise<void> {
    const caseId = this.caseIdValue;
    if (!caseId || this.closed || this.removed()) {
      return;
    }
    try {
      const join = async (afterSeq: number) => {
        const ack = await this.socket.join(caseId, afterSeq);
        this.presence.online.set(new Set(ack.online));
        return ack;
      };
      if (!(await this.log.catchUp(join, () => this.closed))) {
        return;
      }
      this.problem.update((problem) => (problem?.action === 'sync' ? null : problem));
    } catch (error) {
      if (error instanceof SocketRequestError && error.code === 'NOT_FOUND') {
        this.lostAccess();
      } else if (!(error instanceof SocketRequestError && error.transient)) {
        // A transient failure is retried by the next connection; anything else is shown.
        this.problem.set({ action: 'sync', ...roomProblemOf(error) });
      }
      return;
    }
    this.outbox.resend();
    this.presence.flushRead();
  }

  /** Events newly held: own messages leave the outbox, and the record follows what changed it. */
  private fresh(events: readonly AnyCaseEvent[]): void {
    this.outbox.settle(events, this.me()?.id);
    this.refreshRecordAfter(events);
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
      this.problem.set({ action, ...roomProblemOf(error) });
      return false;
    }
  }

  private lostAccess(): void {
    this.removed.set(true);
    this.ready = false;
    this.outbox.clear();
  }

  private close(): void {
    if (this.closed) {
      return;
    }
    const caseId = this.caseIdValue;
    if (caseId && this.ready) {
      this.presence.leave();
      this.socket.leave(caseId).catch(() => undefined);
    }
    this.closed = true;
    this.subscriptions.unsubscribe();
    this.presence.close();
  }
}
