import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { CASES_PAGE_DEFAULT, type CaseSummary } from '@vigil/contracts';
import { firstValueFrom, Subscription } from 'rxjs';
import { CaseSocket, type CaseActivity } from './case-socket';
import { CasesApi, type CaseFilter } from './cases-api';

/** Newest activity first, as the server orders them. */
export function byActivity(a: CaseSummary, b: CaseSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}

/**
 * A row after `case:activity`: a newer head brings the events it stands for as unread (the
 * server's exact count comes with the next fetch); the row moves up with its new time.
 */
export function applyActivity(cases: readonly CaseSummary[], activity: CaseActivity, resort = true): CaseSummary[] {
  const updated = cases
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
    });
  return resort ? updated.sort(byActivity) : updated;
}

/**
 * The case list of one visit to it: pages from REST for the current filter, kept current by
 * `case:activity`. A changed filter starts over from the first page; "more" keeps the filter.
 */
@Injectable()
export class CaseListStore {
  private readonly api = inject(CasesApi);
  private readonly socket = inject(CaseSocket);
  private readonly subscriptions = new Subscription();
  private loaded = false;
  /** Answers to an older filter arrive late and are dropped: only the newest request counts. */
  private generation = 0;
  /**
   * A load made while the socket was still connecting already reads what its first connection
   * would read again: that connection is not a reason to ask twice (later ones are).
   */
  private connectionCoveredByLoad = false;

  readonly filter = signal<CaseFilter>({});
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

  /** The first page for `filter` (by default the current one), replacing what is held. */
  async load(filter: CaseFilter = this.filter()): Promise<void> {
    this.connectionCoveredByLoad = this.socket.state() !== 'connected';
    this.socket.connect();
    this.filter.set(filter);
    const generation = ++this.generation;
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ ...filter, limit: CASES_PAGE_DEFAULT }));
      if (generation !== this.generation) {
        return;
      }
      this.cases.set(this.ordered(page.items));
      this.nextCursor.set(page.nextCursor);
      this.failed.set(false);
      this.loaded = true;
    } catch {
      if (generation === this.generation) {
        this.failed.set(true);
      }
    } finally {
      if (generation === this.generation) {
        this.loading.set(false);
      }
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (cursor === null || this.loading()) {
      return;
    }
    const generation = ++this.generation;
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ ...this.filter(), limit: CASES_PAGE_DEFAULT, cursor }));
      if (generation !== this.generation) {
        return;
      }
      const known = new Set(this.cases().map((summary) => summary.id));
      this.cases.update((cases) => this.ordered([...cases, ...page.items.filter((summary) => !known.has(summary.id))]));
      this.nextCursor.set(page.nextCursor);
      this.failed.set(false);
    } catch {
      if (generation === this.generation) {
        this.failed.set(true);
      }
    } finally {
      if (generation === this.generation) {
        this.loading.set(false);
      }
    }
  }

  /** By activity the list is kept in order here; by urgency it keeps the server's order. */
  private ordered(cases: readonly CaseSummary[]): CaseSummary[] {
    return this.byUrgency() ? [...cases] : [...cases].sort(byActivity);
  }

  private byUrgency(): boolean {
    return this.filter().sort === 'urgency';
  }

  private onActivity(activity: CaseActivity): void {
    if (!this.loaded) {
      return;
    }
    if (this.cases().some((summary) => summary.id === activity.caseId)) {
      this.cases.update((cases) => applyActivity(cases, activity, !this.byUrgency()));
    } else {
      // A case just opened to this user (a new report, a new membership).
      void this.load();
    }
  }
}
