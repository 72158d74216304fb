import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CASE_STATUSES, FACILITY_KINDS } from '@vigil/contracts';
import { CaseListStore, DirectoryApi, PlacesApi, Session, type CaseFilter } from '@vigil/web-data-access';
import { caseStatusKey, facilityKindKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, LocalNamePipe } from '@vigil/web-ui';
import { catchError, debounceTime, map, of, Subject } from 'rxjs';
import { CASE_SEARCH_MAX_LENGTH, filterFromParams, narrows, paramsFromFilter, sameFilter } from './case-filter';
import { visitOverdue } from './visit';

/** How often "overdue" is reconsidered while the list stays open. */
const CLOCK_TICK_MS = 60_000;
/** The search runs once typing pauses this long. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The cases of the signed-in user, newest activity (or most urgent) first, kept current live;
 * searched and filtered, with the filter kept in the URL so that a reload or "back" keeps it.
 */
@Component({
  selector: 'vigil-case-list',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
    DateTimePipe,
    LocalNamePipe,
  ],
  providers: [CaseListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list.html',
  styleUrl: './case-list.scss',
})
export class CaseList {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly store = inject(CaseListStore);
  protected readonly me = inject(Session).me;
  protected readonly now = signal(Date.now());
  protected readonly statusKey = caseStatusKey;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly visitOverdue = visitOverdue;
  protected readonly statuses = CASE_STATUSES;
  protected readonly facilityKinds = FACILITY_KINDS;
  protected readonly searchMax = CASE_SEARCH_MAX_LENGTH;

  /** The filter the URL names: the one source of truth for what is listed. */
  protected readonly filter = toSignal(this.route.queryParamMap.pipe(map(filterFromParams)), { initialValue: {} as CaseFilter });
  protected readonly filtered = computed(() => narrows(this.filter()));
  /** On a phone the filters fold into a panel, opened on demand. */
  protected readonly filtersOpen = signal(false);
  protected readonly places = toSignal(inject(PlacesApi).list().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly agencies = toSignal(inject(DirectoryApi).agencies().pipe(catchError(() => of([]))), { initialValue: [] });

  private readonly typed = new Subject<string>();
  /** The first filter is always listed, even the empty one the store starts with. */
  private started = false;
  /** The last search this page put in the URL: its echo must not overwrite what is typed since. */
  private pushedQuery: string | null = null;
  protected readonly query = signal('');

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => {
        const q = filter.q ?? '';
        if (q !== this.pushedQuery) {
          this.query.set(q);
        }
        this.pushedQuery = null;
        if (!sameFilter(filter, this.store.filter()) || !this.started) {
          this.started = true;
          void this.store.load(filter);
        }
      });
    });
    const search = this.typed.pipe(debounceTime(SEARCH_DEBOUNCE_MS)).subscribe((q) => {
      this.pushedQuery = q.trim();
      this.change({ q });
    });
    const clock = setInterval(() => this.now.set(Date.now()), CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(clock);
      search.unsubscribe();
    });
  }

  protected search(q: string): void {
    this.query.set(q);
    this.typed.next(q);
  }

  /** A changed filter goes to the URL, which lists again from the first page. */
  protected change(patch: Partial<CaseFilter>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilter({ ...this.filter(), ...patch }),
    });
  }

  protected clear(): void {
    this.query.set('');
    this.change({
      q: undefined,
      status: undefined,
      placeId: undefined,
      facilityKind: undefined,
      overdue: undefined,
      assignedToMe: undefined,
      agencyId: undefined,
    });
  }
}
