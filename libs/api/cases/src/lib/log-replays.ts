import { Injectable } from '@nestjs/common';
import type { CaseEventEntity } from '@vigil/api-database';
import { isEvent, type Tier } from '@vigil/contracts';
import type { DataSource } from 'typeorm';

/**
 * A table kept beside the log whose rows the log's events determine (messages, evidence and its
 * custody chain). The hash chain protects the events only; `verify` replays a case's events into
 * each replay and asks where the rows part from what the events say.
 */
export interface LogReplay {
  see(event: CaseEventEntity): void;
  /** The seq of the earliest event its rows contradict; `null` when they agree. */
  firstMismatch(db: DataSource): Promise<number | null>;
}

/** Replays for one case's verify: messages here, other features register theirs. */
@Injectable()
export class LogReplays {
  private readonly factories: ((caseId: string) => LogReplay)[] = [(caseId) => new MessagesReplay(caseId)];

  register(factory: (caseId: string) => LogReplay): void {
    this.factories.push(factory);
  }

  for(caseId: string): LogReplay[] {
    return this.factories.map((factory) => factory(caseId));
  }
}

/** Rows are looked up by key, this many at a time. */
export const REPLAY_BATCH = 1000;

/** The earliest of several seqs, any of them `null`. */
export const earliest = (seqs: (number | null)[]): number | null =>
  seqs.reduce<number | null>((first, seq) => (seq === null ? first : first === null ? seq : Math.min(first, seq)), null);

interface ExpectedMessage {
  postedSeq: number;
  authorId: string;
  tier: Tier;
  body: string;
  /** The event that set the current text: the post or its last edit. */
  bodySeq: number;
  edited: boolean;
  redactedSeq: number | null;
}

interface MessageRow {
  id: string;
  case_id: string;
  author_id: string;
  tier: Tier;
  body: string;
  edited: boolean;
  redacted: boolean;
}

/**
 * Messages are served from their table (text after edits, redaction): each row must be what its
 * `message.posted`, `message.edited` and `message.redacted` events make it.
 */
export class MessagesReplay implements LogReplay {
  private readonly expected = new Map<string, ExpectedMessage>();

  constructor(private readonly caseId: string) {}

  see(event: CaseEventEntity): void {
    if (isEvent(event, 'message.posted')) {
      const body = String(event.data.body);
      this.expected.set(event.data.messageId, { postedSeq: event.seq, authorId: event.actorId, tier: event.tier, body, bodySeq: event.seq, edited: false, redactedSeq: null });
      return;
    }
    if (isEvent(event, 'message.edited')) {
      const message = this.expected.get(event.data.messageId);
      if (message) Object.assign(message, { body: String(event.data.body), bodySeq: event.seq, edited: true });
    }
    if (isEvent(event, 'message.redacted')) {
      const message = this.expected.get(event.data.messageId);
      if (message) message.redactedSeq ??= event.seq;
    }
  }

  async firstMismatch(db: DataSource): Promise<number | null> {
    const ids = [...this.expected.keys()];
    let first: number | null = null;
    for (let i = 0; i < ids.length; i += REPLAY_BATCH) {
      const rows: MessageRow[] = await db.query(
        `SELECT id, case_id, author_id, tier, body, edited_at IS NOT NULL AS edited, redacted_at IS NOT NULL AS redacted
           FROM messages WHERE id = ANY($1::uuid[])`,
        [ids.slice(i, i + REPLAY_BATCH)],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of ids.slice(i, i + REPLAY_BATCH)) first = earliest([first, this.mismatch(this.expected.get(id) as ExpectedMessage, byId.get(id))]);
    }
    return first;
  }

  private mismatch(expected: ExpectedMessage, row: MessageRow | undefined): number | null {
    if (!row || row.case_id !== this.caseId || row.author_id !== expected.authorId || row.tier !== expected.tier) return expected.postedSeq;
    return earliest([
      row.body !== expected.body || row.edited !== expected.edited ? expected.bodySeq : null,
      row.redacted !== (expected.redactedSeq !== null) ? (expected.redactedSeq ?? expected.postedSeq) : null,
    ]);
  }
}
