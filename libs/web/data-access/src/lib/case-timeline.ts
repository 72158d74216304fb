import type { CaseEvent, CaseEventActor, MessagePostedData, Tier } from '@vigil/contracts';

/** A message as it reads now: its later edits and redaction applied. */
export interface TimelineMessage {
  kind: 'message';
  seq: number;
  messageId: string;
  clientId: string;
  tier: Tier;
  at: string;
  author: CaseEventActor;
  /** Absent when redacted for a viewer below `prosecution`. */
  body?: string;
  edited: boolean;
  redacted: boolean;
  redaction?: { reason: string; by: CaseEventActor; at: string };
}

/** Anything else in the log: registration, members, status, and types added later. */
export interface TimelineNotice {
  kind: 'notice';
  seq: number;
  event: CaseEvent;
}

export type TimelineEntry = TimelineMessage | TimelineNotice;

/** Types that change a message rather than adding a line of their own. */
const MESSAGE_CHANGES = new Set(['message.edited', 'message.redacted']);

/**
 * The lines of the timeline from events in seq order. `message.edited` and `message.redacted`
 * rewrite the message they name (a viewer below `prosecution` loses a redacted body).
 */
export function buildTimeline(events: readonly CaseEvent[], readsRedactedBodies: boolean): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const messages = new Map<string, TimelineMessage>();
  for (const event of events) {
    if (event.type === 'message.posted') {
      const data = event.data as unknown as MessagePostedData;
      const message: TimelineMessage = {
        kind: 'message',
        seq: event.seq,
        messageId: data.messageId,
        clientId: data.clientId,
        tier: event.tier,
        at: event.at,
        author: event.actor,
        body: data.body,
        edited: data.edited === true,
        redacted: data.redacted === true,
      };
      if (message.redacted && !readsRedactedBodies) {
        delete message.body;
      }
      messages.set(message.messageId, message);
      entries.push(message);
    } else if (MESSAGE_CHANGES.has(event.type)) {
      applyChange(messages, event, readsRedactedBodies);
    } else {
      entries.push({ kind: 'notice', seq: event.seq, event });
    }
  }
  return entries;
}

function applyChange(messages: Map<string, TimelineMessage>, event: CaseEvent, readsRedactedBodies: boolean): void {
  const data = event.data as { messageId?: unknown; body?: unknown; reason?: unknown };
  const message = typeof data.messageId === 'string' ? messages.get(data.messageId) : undefined;
  if (!message) {
    // The message is older than the history held; loading earlier brings it already changed.
    return;
  }
  if (event.type === 'message.edited') {
    message.edited = true;
    if (typeof data.body === 'string' && (!message.redacted || readsRedactedBodies)) {
      message.body = data.body;
    }
  } else {
    message.redacted = true;
    message.redaction = { reason: typeof data.reason === 'string' ? data.reason : '', by: event.actor, at: event.at };
    if (!readsRedactedBodies) {
      delete message.body;
    }
  }
}
