import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { MyWork, Task } from '@vigil/contracts';
import { MyWorkStore, Session } from '@vigil/web-data-access';
import { caseStatusKey, taskKindKey, taskStatusKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe } from '@vigil/web-ui';
import { ticking } from './clock';
import { may } from './roles';

/**
 * "My work": my open tasks and the visits I must make or supervise, soonest due first, the late
 * ones marked. It stays current live: a task assigned to me appears without a reload.
 */
@Component({
  selector: 'vigil-my-work',
  imports: [MatProgressBarModule, RouterLink, TranslatePipe, DateTimePipe],
  providers: [MyWorkStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-work.html',
  styleUrls: ['./tab.scss', './my-work.scss'],
})
export class MyWorkPage {
  private readonly session = inject(Session);
  protected readonly store = inject(MyWorkStore);
  protected readonly now = ticking(30_000);
  /** Only prosecutors make (or supervise) visits. */
  protected readonly makesVisits = computed(() => may(this.session.me()?.role, 'visit.record'));
  protected readonly taskKindKey = taskKindKey;
  protected readonly taskStatusKey = taskStatusKey;
  protected readonly caseStatusKey = caseStatusKey;
  protected readonly tasks = computed<Task[]>(() => this.store.work()?.tasks ?? []);
  protected readonly visits = computed<MyWork['visits']>(() => this.store.work()?.visits ?? []);
  protected readonly overdueCount = computed(
    () =>
      this.tasks().filter((task) => this.taskOverdue(task)).length +
      this.visits().filter((visit) => this.visitOverdue(visit)).length,
  );

  constructor() {
    void this.store.load();
  }

  protected taskOverdue(task: Task): boolean {
    return task.overdue || Date.parse(task.dueAt) < this.now();
  }

  protected visitOverdue(visit: MyWork['visits'][number]): boolean {
    return visit.overdue || Date.parse(visit.visitDueAt) < this.now();
  }
}
