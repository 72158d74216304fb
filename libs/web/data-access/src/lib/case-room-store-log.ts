import { computed, signal } from '@angular/core';
import type { AnyCaseEvent, JoinAck } from '@vigil/contracts';

/**
 * The events of one case held by the room, by seq, and how far they are complete.
 *
 * `syncedSeq` is the seq up to which the log held is complete for this viewer. A live event
 * whose `prevSeq` is not `syncedSeq` reveals a gap, and `case:join` with `afterSeq = syncedSeq`
 * fills it; a reconnection does the same. Events held are never taken twice.
 */
export class RoomLog {
  private readonly held = signal<ReadonlyMap<number, AnyCaseEvent>>(new Map());
  private syncedSeq = 0;
  private catchingUp = false;
  private catchUpRequested = false;

  readonly events = computed(() => [...this.held().values()].sort((a, b) => a.seq - b.seq));
  readonly lastSeq = computed(() => {
    const events = this.events();
    return events.length > 0 ? events[events.length - 1].seq : 0;
  });
  /** The oldest event held names its predecessor: 0 means the whole history is here. */
  readonly hasEarlier = computed(() => (this.events()[0]?.prevSeq ?? 0) > 0);

  /** `onFresh`: told of every event newly held, whichever way it came. */
  constructor(private readonly onFresh: (fresh: readonly AnyCaseEvent[]) => void) {}

  has(seq: number): boolean {
    return this.held().has(seq);
  }

  /** The latest page of history, complete up to its newest event. */
  begin(events: readonly AnyCaseEvent[]): void {
    this.hold(events);
    this.syncedSeq = Math.max(0, ...events.map((event) => event.seq));
  }

  /** A live event (or an ack's) once the room is open: whether it left a gap to fill with `catchUp`. */
  receive(event: AnyCaseEvent): 'held' | 'gap' {
    this.hold([event]);
    if (event.prevSeq === this.syncedSeq) {
      this.syncedSeq = event.seq;
      this.advanceSynced();
      return 'held';
    }
    return event.seq > this.syncedSeq ? 'gap' : 'held';
  }

  /**
   * `join(afterSeq = syncedSeq)` until nothing more follows. One at a time: a gap noticed meanwhile
   * asks for another round, and this answers `false` (the round under way takes care of it).
   */
  async catchUp(join: (afterSeq: number) => Promise<JoinAck>, stopped: () => boolean): Promise<boolean> {
    if (this.catchingUp) {
      this.catchUpRequested = true;
      return false;
    }
    this.catchingUp = true;
    try {
      let again = true;
      while (again && !stopped()) {
        this.catchUpRequested = false;
        const before = this.syncedSeq;
        const ack = await join(before);
        if (stopped()) {
          return false;
        }
        this.hold(ack.events);
        // What a join returns is complete above afterSeq.
        this.syncedSeq = Math.max(this.syncedSeq, ...ack.events.map((event) => event.seq));
        this.advanceSynced();
        const progressed = this.syncedSeq > before;
        again = (ack.hasMore && progressed) || this.catchUpRequested || (this.lastSeq() > this.syncedSeq && progressed);
      }
      return !stopped();
    } finally {
      this.catchingUp = false;
    }
  }

  hold(events: readonly AnyCaseEvent[]): void {
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
    this.onFresh(fresh);
  }

  /** Past `syncedSeq`, follow the prevSeq chain through events already held. */
  private advanceSynced(): void {
    for (const event of this.events()) {
      if (event.seq > this.syncedSeq && event.prevSeq === this.syncedSeq) {
        this.syncedSeq = event.seq;
      }
    }
  }
}
