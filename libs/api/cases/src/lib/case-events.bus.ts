import { Injectable } from '@nestjs/common';
import type { CaseEventEntity, MeetingEventEntity, MessageEntity } from '@vigil/api-database';
import type { ActionItemAlert, Tier, VisitAlert } from '@vigil/contracts';
import { EventEmitter } from 'node:events';

/** A case's member and the clearance they read it at. */
export interface AudienceMember {
  accountId: string;
  clearance: Tier;
}

/**
 * Lists need a case's latest head, not every step of it: after a `case:activity` goes out, the
 * next ones for that case wait this long and go out as one, with the latest head per reader.
 */
export const ACTIVITY_INTERVAL_MS = 1_000;

/** What the writer of events already knows, so that delivery need not read it back. */
export interface AppendedContext {
  /** The current state of the messages the events refer to. */
  messages: ReadonlyMap<string, MessageEntity>;
  /**
   * The case's members at commit, when the writer read them: at most once per activity interval,
   * since only an announcement needs them.
   */
  audience?: AudienceMember[];
}

interface BusEvents {
  /** Events committed to a case's log, in seq order (from this instance or, relayed, another). */
  appended: [caseId: string, events: CaseEventEntity[], context?: AppendedContext];
  /** Events committed to a meeting's log, in seq order. */
  meetingAppended: [meetingId: string, events: MeetingEventEntity[]];
  /** An action item went unacknowledged past its deadline, or overdue: its meeting's chair hears of it live. */
  actionItemAlert: [chairId: string, alert: ActionItemAlert];
  /** A visit deadline nears or was missed: supervisors hear of it live. */
  alert: [alert: VisitAlert];
  /** A reader moved their read marker: where it stands in each clearance's numbering. */
  read: [caseId: string, accountId: string, seq: Record<Tier, number>];
}

/** In-process hand-off from the services (after commit) to live delivery. */
@Injectable()
export class CaseEventsBus {
  private readonly emitter = new EventEmitter();

  emit<K extends keyof BusEvents>(name: K, ...args: BusEvents[K]): void {
    this.emitter.emit(name, ...args);
  }

  on<K extends keyof BusEvents>(name: K, listener: (...args: BusEvents[K]) => void): void {
    this.emitter.on(name, listener as (...args: unknown[]) => void);
  }
}
