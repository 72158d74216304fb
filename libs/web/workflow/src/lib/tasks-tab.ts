import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AgencyRef, CaseMember, Task, TaskStatus } from '@vigil/contracts';
import { apiErrorOf, CaseRoomStore, DirectoryApi, WorkflowApi } from '@vigil/web-data-access';
import { taskKindKey, taskStatusKey, tierAudienceKey, tierKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, DateTimePipe, describeProblem, type FormProblem, problemOf } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { ticking } from './clock';
import { liveSection } from './live-section';
import { isAssignee, may } from './roles';
import { TaskForm } from './task-form';

const RESULT_MAX_LENGTH = 10_000;
const OPEN_STATUSES: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['open', 'in_progress']);

/**
 * Urgent investigative actions of the case, live: prosecutors assign them; the assignee (the
 * person named, or anyone of the agency when no one is) starts them and completes them with a result.
 */
@Component({
  selector: 'vigil-tasks-tab',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    DateTimePipe,
    AgencyBadge,
    TaskForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tasks-tab.html',
  styleUrl: './tab.scss',
})
export class TasksTab {
  private readonly api = inject(WorkflowApi);
  private readonly directory = inject(DirectoryApi);
  private readonly translator = inject(Translator);
  private readonly room = inject(CaseRoomStore);

  readonly caseId = input.required<string>();

  protected readonly taskKindKey = taskKindKey;
  protected readonly taskStatusKey = taskStatusKey;
  protected readonly tierKey = tierKey;
  protected readonly tierAudienceKey = tierAudienceKey;
  protected readonly resultMax = RESULT_MAX_LENGTH;
  protected readonly tasks = liveSection(() => this.api.tasks(this.caseId()), ['task.']);
  protected readonly now = ticking(60_000);
  protected readonly me = this.room.me;
  protected readonly role = computed(() => this.me()?.role ?? null);
  protected readonly leads = computed(() => may(this.role(), 'task.assign'));
  protected readonly agencies = signal<readonly AgencyRef[]>([]);
  protected readonly people = signal<readonly CaseMember[]>([]);

  /** The task whose result is being written. */
  protected readonly completing = signal<string | null>(null);
  protected readonly result = signal('');
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<{ taskId: string; problem: FormProblem } | null>(null);
  protected readonly problemText = computed(() => {
    const problem = this.problem();
    return problem ? { taskId: problem.taskId, text: describeProblem(problem.problem, this.translator) } : null;
  });

  constructor() {
    void this.loadDirectory();
  }

  protected isOpen(task: Task): boolean {
    return OPEN_STATUSES.has(task.status);
  }

  protected overdue(task: Task): boolean {
    return this.isOpen(task) && (task.overdue || Date.parse(task.dueAt) < this.now());
  }

  protected mayWork(task: Task): boolean {
    return this.isOpen(task) && (this.leads() || isAssignee(this.me(), task.assignee));
  }

  protected async start(task: Task): Promise<void> {
    await this.update(task, { status: 'in_progress' });
  }

  protected beginComplete(task: Task): void {
    this.result.set(task.result ?? '');
    this.completing.set(task.id);
  }

  protected async complete(task: Task, event: Event): Promise<void> {
    event.preventDefault();
    const result = this.result().trim();
    if (!result) {
      this.problem.set({ taskId: task.id, problem: { key: 'task.resultRequired' } });
      return;
    }
    if (await this.update(task, { status: 'done', result })) {
      this.completing.set(null);
    }
  }

  protected async cancel(task: Task): Promise<void> {
    await this.update(task, { status: 'cancelled' });
  }

  protected created(): void {
    void this.tasks.reload();
  }

  private async update(task: Task, change: { status: TaskStatus; result?: string }): Promise<boolean> {
    if (this.busy() !== null) {
      return false;
    }
    this.busy.set(task.id);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.updateTask(this.caseId(), task.id, change));
      await this.tasks.reload();
      return true;
    } catch (error) {
      this.problem.set({ taskId: task.id, problem: problemOf(apiErrorOf(error)) });
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  /** Agencies and people to assign to: prosecutors only. */
  private async loadDirectory(): Promise<void> {
    if (!this.leads()) {
      return;
    }
    const [agencies, people] = await Promise.allSettled([
      firstValueFrom(this.directory.agencies()),
      firstValueFrom(this.directory.people()),
    ]);
    this.agencies.set(agencies.status === 'fulfilled' ? agencies.value : []);
    this.people.set(people.status === 'fulfilled' ? people.value : []);
  }
}
