import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CaseListStore, Session } from '@vigil/web-data-access';
import { caseStatusKey, facilityKindKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe } from '@vigil/web-ui';
import { visitOverdue } from './visit';

/** How often "overdue" is reconsidered while the list stays open. */
const CLOCK_TICK_MS = 60_000;

/** The cases of the signed-in user, newest activity first, kept current live. */
@Component({
  selector: 'vigil-case-list',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, DateTimePipe],
  providers: [CaseListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list.html',
  styleUrl: './case-list.scss',
})
export class CaseList {
  protected readonly store = inject(CaseListStore);
  protected readonly me = inject(Session).me;
  protected readonly now = signal(Date.now());
  protected readonly statusKey = caseStatusKey;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly visitOverdue = visitOverdue;

  constructor() {
    void this.store.load();
    const clock = setInterval(() => this.now.set(Date.now()), CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(clock));
  }
}
