import { computed, signal } from '@angular/core';
import type { Tier } from '@vigil/contracts';
import { filter, Subscription } from 'rxjs';
import type { CaseSocket } from './case-socket';

/** A typing signal not renewed within this time is dropped. */
export const TYPING_TTL_MS = 8_000;
/** Own typing: renewed this often while typing, stopped after this long without a keystroke. */
export const TYPING_RENEW_MS = 3_000;
/** Read markers are sent at most this often. */
export const READ_DEBOUNCE_MS = 500;

export interface Typist {
  userId: string;
  displayName: string;
}

/**
 * Who is in the room with the viewer: who is online, who is typing and how far the others have
 * read; and the viewer's own typing and reading, told to the others sparingly.
 */
export class RoomPresence {
  private caseId: string | null = null;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly typingUsers = signal<ReadonlyMap<string, Typist>>(new Map());
  private ownTypingSentAt = 0;
  private ownTypingTier: Tier = 'room';
  private ownTypingStop: ReturnType<typeof setTimeout> | null = null;
  private readSent = 0;
  private readWanted = 0;
  private readTimer: ReturnType<typeof setTimeout> | null = null;

  readonly online = signal<ReadonlySet<string>>(new Set());
  /** Others' read positions: userId → highest seq read. */
  readonly readMarkers = signal<ReadonlyMap<string, number>>(new Map());
  readonly typists = computed(() => [...this.typingUsers().values()]);

  constructor(
    private readonly socket: CaseSocket,
    private readonly myId: () => string | undefined,
  ) {}

  /** Follows the case's presence, read markers and typing; the subscription ends with the room. */
  follow(caseId: string): Subscription {
    this.caseId = caseId;
    const mine = <T extends { caseId: string }>(item: T) => item.caseId === caseId;
    const subscriptions = new Subscription();
    subscriptions.add(this.socket.presence$.pipe(filter(mine)).subscribe((presence) => this.online.set(new Set(presence.online))));
    subscriptions.add(
      this.socket.reads$
        .pipe(filter(mine))
        .subscribe(({ userId, seq }) =>
          this.readMarkers.update((markers) => ((markers.get(userId) ?? 0) >= seq ? markers : new Map(markers).set(userId, seq))),
        ),
    );
    subscriptions.add(
      this.socket.typing$.pipe(filter(mine)).subscribe((signal) => this.otherTyping(signal.userId, signal.displayName, signal.typing)),
    );
    return subscriptions;
  }

  /** Call on each keystroke in the composer, with the tier the draft is written at (its audience). */
  noteTyping(tier: Tier = 'room'): void {
    const caseId = this.caseId;
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
    if (this.ownTypingSentAt !== 0 && this.caseId) {
      this.socket.typing(this.caseId, false, this.ownTypingTier);
    }
    this.ownTypingSentAt = 0;
  }

  /** The timeline was read up to `seq`; others learn it (debounced). */
  markRead(seq: number): void {
    if (seq <= this.readSent || seq <= this.readWanted) {
      return;
    }
    this.readWanted = seq;
    if (this.readTimer === null) {
      this.readTimer = setTimeout(() => this.flushRead(), READ_DEBOUNCE_MS);
    }
  }

  /** Sends the read position now, if it moved and the socket is up (else after the next catch-up). */
  flushRead(): void {
    if (this.readTimer !== null) {
      clearTimeout(this.readTimer);
      this.readTimer = null;
    }
    if (this.caseId && this.readWanted > this.readSent && this.socket.state() === 'connected') {
      this.socket.read(this.caseId, this.readWanted);
      this.readSent = this.readWanted;
    }
  }

  /** Leaving: the others stop seeing the draft and learn the last read position. */
  leave(): void {
    this.stopTyping();
    this.flushRead();
  }

  close(): void {
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

  private otherTyping(userId: string, displayName: string, typing: boolean): void {
    if (userId === this.myId()) {
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
}
