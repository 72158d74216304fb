import { Injectable } from '@nestjs/common';
import type { CaseEventEntity } from '@vigil/api-database';
import type { VisitAlert } from '@vigil/contracts';
import { EventEmitter } from 'node:events';

interface BusEvents {
  /** Events committed to a case's log, in seq order. */
  appended: [caseId: string, events: CaseEventEntity[]];
  /** These accounts just lost access to the case: their live connections must leave it. */
  accessLost: [caseId: string, accountIds: string[]];
  /** A visit deadline nears or was missed: supervisors hear of it live. */
  alert: [alert: VisitAlert];
  /** A reader moved their read marker. */
  read: [caseId: string, accountId: string, seq: number];
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
