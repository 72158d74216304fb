import { signal } from '@angular/core';
import { isEvent, type AnyCaseEvent, type Tier } from '@vigil/contracts';
import { SocketRequestError, type CaseSocket } from './case-socket';
import { roomProblemOf, type RoomError } from './case-room-store-problem';

const RESEND_AFTER_TIMEOUT_MS = 2_000;

/** A message sent but not yet acknowledged, or refused. */
export interface PendingMessage {
  clientId: string;
  body: string;
  tier: Tier;
  state: 'sending' | 'failed';
  /** `rule`: the key of the rule the server refused it by (`victim_identity`), when it names one. */
  error?: RoomError;
}

/** Where the outbox delivers: the open case, and the log that takes the acknowledged event. */
export interface OutboxRoom {
  caseId(): string | null;
  receive(event: AnyCaseEvent): void;
}

/**
 * Own messages until the server has them: each keeps its clientId, so one sent again after a
 * reconnection or a timeout is stored once; a refused one stays, with the reason, until retried
 * or discarded.
 */
export class RoomOutbox {
  private readonly delivering = new Set<string>();

  readonly pending = signal<readonly PendingMessage[]>([]);

  constructor(
    private readonly socket: CaseSocket,
    private readonly room: OutboxRoom,
  ) {}

  send(body: string, tier: Tier): void {
    const message: PendingMessage = { clientId: crypto.randomUUID(), body, tier, state: 'sending' };
    this.pending.update((pending) => [...pending, message]);
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

  /** After a catch-up: what is still sending goes again. */
  resend(): void {
    for (const message of this.pending()) {
      if (message.state === 'sending') {
        void this.deliver(message.clientId);
      }
    }
  }

  /** An own message seen in the log (live, in an ack or in a catch-up) is no longer pending. */
  settle(events: readonly AnyCaseEvent[], myId: string | undefined): void {
    const delivered = new Set(
      events.flatMap((event) => (isEvent(event, 'message.posted') && event.actor.id === myId ? [event.data.clientId] : [])),
    );
    if (delivered.size > 0 && this.pending().some((message) => delivered.has(message.clientId))) {
      this.pending.update((pending) => pending.filter((message) => !delivered.has(message.clientId)));
    }
  }

  clear(): void {
    this.pending.set([]);
  }

  private async deliver(clientId: string): Promise<void> {
    const caseId = this.room.caseId();
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
      this.room.receive(event);
      this.discard(clientId);
    } catch (error) {
      if (error instanceof SocketRequestError && error.transient) {
        if (error.code === 'TIMEOUT') {
          setTimeout(() => void this.deliver(clientId), RESEND_AFTER_TIMEOUT_MS);
        }
        // DISCONNECTED: sent again after the next catch-up.
      } else {
        const failure = roomProblemOf(error);
        this.pending.update((pending) =>
          pending.map((candidate) => (candidate.clientId === clientId ? { ...candidate, state: 'failed', error: failure } : candidate)),
        );
      }
    } finally {
      this.delivering.delete(clientId);
    }
  }
}
