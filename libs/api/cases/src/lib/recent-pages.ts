import type { EventsPage } from '@vigil/contracts';

const KEEP_MS = 5_000;
const MAX_CASES = 1_000;

/**
 * Catch-up pages being read or just read, per case. After an outage a room's members rejoin
 * together and ask for the same page at the same clearance: one read serves them all. A case's
 * pages are dropped at its next append. A socket always joins the room before asking, so an
 * event committed after a shared read began reaches it live even if the page lacks it.
 */
export class RecentPages {
  private readonly byCase = new Map<string, Map<string, { at: number; page: Promise<EventsPage> }>>();

  /** The page for (case, key): shared with an identical read under way or just done, else read. */
  get(caseId: string, key: string, read: () => Promise<EventsPage>): Promise<EventsPage> {
    let pages = this.byCase.get(caseId);
    const kept = pages?.get(key);
    if (kept && Date.now() - kept.at < KEEP_MS) return kept.page;
    if (!pages) {
      pages = new Map();
      this.byCase.set(caseId, pages);
      // The oldest cases go first (a Map iterates in insertion order).
      if (this.byCase.size > MAX_CASES) this.byCase.delete(this.byCase.keys().next().value as string);
    }
    const entry = { at: Date.now(), page: read() };
    pages.set(key, entry);
    const held = pages;
    // A failed read is not shared with the next request.
    entry.page.catch(() => held.get(key) === entry && held.delete(key));
    return entry.page;
  }

  /** The case has a new event: its pages are out of date. */
  appended(caseId: string): void {
    this.byCase.delete(caseId);
  }
}
