import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { MyWorkStore, Session, workByCase } from '@vigil/web-data-access';
import { caseStatusKey, taskKindKey, taskStatusKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, DurationPipe } from '@vigil/web-ui';
import { ticking } from './clock';
import { may } from './roles';

/** Time left is shown to the minute: the page re-renders once a minute. */
const MINUTE_MS = 60_000;

/**
 * "My work": my open tasks and the visits I must make or supervise, grouped by case, the most
 * urgent first (overdue, then the nearest deadline), each with its time left or how late it is.
 * It stays current live: a task assigned to me appears without a reload.
 */
@Component({
  selector: 'vigil-my-work',
  imports: [NgTemplateOutlet, MatProgressBarModule, RouterLink, TranslatePipe, DateTimePipe, DurationPipe],
  providers: [MyWorkStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-work.html',
  styleUrls: ['./tab.scss', './my-work.scss'],
})
export class MyWorkPage {
  private readonly session = inject(Session);
  protected readonly store = inject(MyWorkStore);
  private readonly deviceNow = ticking(MINUTE_MS);
  /** The server's time: the device's clock corrected by the skew the last answer showed. */
  protected readonly now = computed(() => this.deviceNow() + this.store.clockSkewMs());
  /** Only prosecutors make (or supervise) visits. */
  protected readonly makesVisits = computed(() => may(this.session.me()?.role, 'visit.record'));
  protected readonly taskKindKey = taskKindKey;
  protected readonly taskStatusKey = taskStatusKey;
  protected readonly caseStatusKey = caseStatusKey;
  protected readonly cases = computed(() => {
    const work = this.store.work();
    if (work === null) {
      return [];
    }
    return workByCase(this.makesVisits() ? work : { ...work, visits: [] }, this.now());
  });
  protected readonly overdueCount = computed(() =>
    this.cases().reduce((count, group) => count + group.items.filter((item) => item.overdue).length, 0),
  );

  constructor() {
    void this.store.load();
  }
}
