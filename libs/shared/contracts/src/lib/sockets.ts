import type { Ack } from './errors';
import type { PostMessageRequest } from './cases';
import type { AnyCaseEvent, CaseEventOf } from './events';
import type { Tier } from './access';

/** What a client emits, each with an ack. */
export interface ClientToServerEvents {
  'case:join': (payload: { caseId: string; afterSeq?: number }, ack: (answer: Ack<JoinAck>) => void) => void;
  'case:leave': (payload: { caseId: string }, ack: (answer: Ack) => void) => void;
  'message:post': (payload: PostMessageRequest & { caseId: string }, ack: (answer: Ack<{ event: CaseEventOf<'message.posted'> }>) => void) => void;
  'message:edit': (payload: { caseId: string; messageId: string; body: string }, ack: (answer: Ack<{ event: CaseEventOf<'message.edited'> }>) => void) => void;
  'message:redact': (payload: { caseId: string; messageId: string; reason: string }, ack: (answer: Ack<{ event: CaseEventOf<'message.redacted'> }>) => void) => void;
  /** `tier`: the audience of the draft (default `room`); only those who may read that tier hear of it. */
  typing: (payload: { caseId: string; typing: boolean; tier?: Tier }, ack: (answer: Ack) => void) => void;
  read: (payload: { caseId: string; seq: number }, ack: (answer: Ack) => void) => void;
  /** A meeting's live record: tiers, numbering and catch-up as `case:join`; joining in session marks one present. */
  'meeting:join': (payload: { meetingId: string; afterSeq?: number }, ack: (answer: Ack<import('./meetings').MeetingJoinAck>) => void) => void;
  'meeting:leave': (payload: { meetingId: string }, ack: (answer: Ack) => void) => void;
}

export interface JoinAck {
  caseId: string;
  headSeq: number;
  events: AnyCaseEvent[];
  hasMore: boolean;
  online: string[];
}

/** What the server emits. */
export interface ServerToClientEvents {
  'case:event': (event: AnyCaseEvent) => void;
  typing: (payload: { caseId: string; userId: string; displayName: string; typing: boolean }) => void;
  presence: (payload: { caseId: string; online: string[] }) => void;
  /** In the receiver's numbering, never above the receiver's `headSeq`. */
  read: (payload: { caseId: string; userId: string; seq: number }) => void;
  'case:removed': (payload: { caseId: string }) => void;
  /**
   * A case the user may see has a new event they may see (or was just opened to them): lists
   * refresh their row. Sent to every socket of the user, joined to the case or not. While a case
   * stays busy these are held and sent together, at most once a second: `newEvents` says how many
   * events the user may see this one stands for.
   */
  'case:activity': (payload: { caseId: string; headSeq: number; updatedAt: string; newEvents: number }) => void;
  /** A visit deadline nears or was missed: to the case room (as an event), and to those who may open the case (its members, the chief prosecutor). */
  alert: (payload: import('./workflow').VisitAlert) => void;
  /** A meeting's event, in this viewer's numbering, to the sockets joined to the meeting that may read it. */
  'meeting:event': (event: import('./meetings').MeetingEvent) => void;
  'meeting:presence': (payload: { meetingId: string; online: string[] }) => void;
  /** To a meeting's chair: an action item went unacknowledged past `ACK_DEADLINE_HOURS`, or past its due date. */
  'meeting:alert': (payload: import('./meetings').ActionItemAlert) => void;
}

/** Limits of the socket transport. */
export const SOCKET_LIMITS = { maxFrameBytes: 2 * 1024 * 1024 } as const;
