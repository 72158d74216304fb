import type { AnyCaseEvent, CaseEventActor, CaseEventOf, Tier } from '@vigil/contracts';

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

/** Events that are not messages nor changes of one: each is a line of its own. */
export type NoticeEvent = Exclude<AnyCaseEvent, CaseEventOf<'message.posted' | 'message.edited' | 'message.redacted'>>;

/** Anything else in the log: registration, members, status, and types added later. */
export interface TimelineNotice {
  kind: 'notice';
  seq: number;
  event: NoticeEvent;
}

export type TimelineEntry = TimelineMessage | TimelineNotice;

/**
 * The lines of the timeline from events in seq order. `message.edited` and `message.redacted`
 * rewrite the message they name (a viewer below `prosecution` loses a redacted body).
 */
export function buildTimeline(events: readonly AnyCaseEvent[], readsRedactedBodies: boolean): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const messages = new Map<string, TimelineMessage>();
  for (const event of events) {
    if (event.type === 'message.posted') {
      const data = event.data;
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
    } else if (event.type === 'message.edited' || event.type === 'message.redacted') {
      // They change a message rather than adding a line of their own.
      applyChange(messages, event, readsRedactedBodies);
    } else {
      entries.push({ kind: 'notice', seq: event.seq, event });
    }
  }
  return entries;
}

function applyChange(
  messages: Map<string, TimelineMessage>,
  event: CaseEventOf<'message.edited'> | CaseEventOf<'message.redacted'>,
  readsRedactedBodies: boolean,
): void {
  const message = messages.get(event.data.messageId);
  if (!message) {
    // The message is older than the history held; loading earlier brings it already changed.
    return;
  }
  if (event.type === 'message.edited') {
    message.edited = true;
    if (event.data.body !== undefined && (!message.redacted || readsRedactedBodies)) {
      message.body = event.data.body;
    }
  } else {
    message.redacted = true;
    message.redaction = { reason: event.data.reason, by: event.actor, at: event.at };
    if (!readsRedactedBodies) {
      delete message.body;
    }
  }
}
