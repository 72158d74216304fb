import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { CASES_PAGE_DEFAULT, type CaseSummary } from '@vigil/contracts';
import { firstValueFrom, Subscription } from 'rxjs';
import { CaseSocket, type CaseActivity } from './case-socket';
import { CasesApi } from './cases-api';

/** Newest activity first, as the server orders them. */
export function byActivity(a: CaseSummary, b: CaseSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}

/**
 * A row after `case:activity`: a newer head brings the events it stands for as unread (the
 * server's exact count comes with the next fetch); the row moves up with its new time.
 */
export function applyActivity(cases: readonly CaseSummary[], activity: CaseActivity): CaseSummary[] {
  return cases
    .map((summary) => {
      if (summary.id !== activity.caseId || activity.headSeq <= summary.headSeq) {
        return summary;
      }
      return {
        ...summary,
        headSeq: activity.headSeq,
        updatedAt: activity.updatedAt > summary.updatedAt ? activity.updatedAt : summary.updatedAt,
        unread: summary.unread + activity.newEvents,
      };
    })
    .sort(byActivity);
}

/** The case list of one visit to it: pages from REST, kept current by `case:activity`. */
@Injectable()
export class CaseListStore {
  private readonly api = inject(CasesApi);
  private readonly socket = inject(CaseSocket);
  private readonly subscriptions = new Subscription();
  private loaded = false;
  /**
   * A load made while the socket was still connecting already reads what its first connection
   * would read again: that connection is not a reason to ask twice (later ones are).
   */
  private connectionCoveredByLoad = false;

  readonly cases = signal<readonly CaseSummary[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly failed = signal(false);

  constructor() {
    this.subscriptions.add(this.socket.activity$.subscribe((activity) => this.onActivity(activity)));
    this.subscriptions.add(
      this.socket.removed$.subscribe(({ caseId }) =>
        this.cases.update((cases) => cases.filter((summary) => summary.id !== caseId)),
      ),
    );
    // Activity missed while disconnected: read the list again.
    this.subscriptions.add(
      this.socket.connected$.subscribe(() => {
        const covered = this.connectionCoveredByLoad;
        this.connectionCoveredByLoad = false;
        if (this.loaded && !covered) {
          void this.load();
        }
      }),
    );
    inject(DestroyRef).onDestroy(() => this.subscriptions.unsubscribe());
  }

  /** The first page, replacing what is held. */
  async load(): Promise<void> {
    this.connectionCoveredByLoad = this.socket.state() !== 'connected';
    this.socket.connect();
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ limit: CASES_PAGE_DEFAULT }));
      this.cases.set([...page.items].sort(byActivity));
      this.nextCursor.set(page.nextCursor);
      this.failed.set(false);
      this.loaded = true;
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (cursor === null || this.loading()) {
      return;
    }
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ limit: CASES_PAGE_DEFAULT, cursor }));
      const known = new Set(this.cases().map((summary) => summary.id));
      this.cases.update((cases) => [...cases, ...page.items.filter((summary) => !known.has(summary.id))].sort(byActivity));
      this.nextCursor.set(page.nextCursor);
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  private onActivity(activity: CaseActivity): void {
    if (!this.loaded) {
      return;
    }
    if (this.cases().some((summary) => summary.id === activity.caseId)) {
      this.cases.update((cases) => applyActivity(cases, activity));
    } else {
      // A case just opened to this user (a new report, a new membership).
      void this.load();
    }
  }
}
