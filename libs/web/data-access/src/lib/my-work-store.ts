import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { MyWork, Task } from '@vigil/contracts';
import { firstValueFrom, Subscription } from 'rxjs';
import { CaseSocket } from './case-socket';
import { WorkflowApi } from './workflow-api';

/** Activity in several cases at once is read back once, this long after the last of it. */
export const MY_WORK_REFRESH_DELAY_MS = 300;

export type MyVisit = MyWork['visits'][number];

/** One thing to do, with its deadline as a time and whether it has passed. */
export type WorkItem = ({ kind: 'task'; task: Task } | { kind: 'visit'; visit: MyVisit }) & { dueAt: number; overdue: boolean };

/** The work of one case: its heading, and its items most urgent first. */
export interface CaseWork {
  caseId: string;
  reference: string;
  /** From the server's list of cases (or a waiting visit); null from a server that sends neither. */
  summary: string | null;
  items: WorkItem[];
}

/** Overdue first, then the nearest deadline. */
function byUrgency(a: WorkItem, b: WorkItem): number {
  return Number(b.overdue) - Number(a.overdue) || a.dueAt - b.dueAt;
}

/**
 * My work grouped by case, most urgent first: the items of a case by urgency, and the cases by
 * their most urgent item. An item is overdue when the server says so or its deadline has passed by `now`.
 */
export function workByCase(work: MyWork, now: number): CaseWork[] {
  const groups = new Map<string, CaseWork>();
  const groupOf = (caseId: string, reference: string): CaseWork => {
    let group = groups.get(caseId);
    if (!group) {
      group = { caseId, reference, summary: null, items: [] };
      groups.set(caseId, group);
    }
    return group;
  };
  for (const visit of work.visits) {
    const dueAt = Date.parse(visit.visitDueAt);
    const group = groupOf(visit.caseId, visit.reference);
    group.summary = visit.summary;
    group.items.push({ kind: 'visit', visit, dueAt, overdue: visit.overdue || dueAt < now });
  }
  for (const task of work.tasks) {
    const dueAt = Date.parse(task.dueAt);
    groupOf(task.caseId, task.caseReference).items.push({ kind: 'task', task, dueAt, overdue: task.overdue || dueAt < now });
  }
  const cases = [...groups.values()];
  const summaries = new Map((work.cases ?? []).map((known) => [known.id, known.summary]));
  for (const group of cases) {
    group.summary = summaries.get(group.caseId) ?? group.summary;
    group.items.sort(byUrgency);
  }
  return cases.sort((a, b) => byUrgency(a.items[0], b.items[0]) || a.reference.localeCompare(b.reference));
}

/**
 * "My work": my open tasks and the visits I must make or supervise. Any activity in a case I
 * may see (a task assigned to me, a visit recorded) reads the list again, so it stays current live.
 */
@Injectable()
export class MyWorkStore {
  private readonly api = inject(WorkflowApi);
  private readonly socket = inject(CaseSocket);
  private readonly subscriptions = new Subscription();
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private loaded = false;

  readonly work = signal<MyWork | null>(null);
  readonly loading = signal(false);
  readonly failed = signal(false);
  /**
   * How far the server's clock is ahead of this device's (ms), from the `now` of the last answer:
   * "due in / overdue by" count from the server's time, not from a phone's clock that may be wrong.
   */
  readonly clockSkewMs = signal(0);

  constructor() {
    this.subscriptions.add(this.socket.activity$.subscribe(() => this.refreshSoon()));
    this.subscriptions.add(this.socket.alerts$.subscribe(() => this.refreshSoon()));
    // Whatever happened while disconnected.
    this.subscriptions.add(this.socket.connected$.subscribe(() => this.refreshSoon()));
    inject(DestroyRef).onDestroy(() => {
      this.subscriptions.unsubscribe();
      if (this.refreshTimer !== null) {
        clearTimeout(this.refreshTimer);
      }
    });
  }

  async load(): Promise<void> {
    this.socket.connect();
    this.loading.set(true);
    try {
      const work = await firstValueFrom(this.api.myWork());
      const serverNow = work.now ? Date.parse(work.now) : NaN;
      if (Number.isFinite(serverNow)) {
        this.clockSkewMs.set(serverNow - Date.now());
      }
      this.work.set(work);
      this.failed.set(false);
      this.loaded = true;
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  private refreshSoon(): void {
    if (!this.loaded) {
      return;
    }
    if (this.refreshTimer !== null) {
      clearTimeout(this.refreshTimer);
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.load();
    }, MY_WORK_REFRESH_DELAY_MS);
  }
}
