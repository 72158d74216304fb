import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  canRead,
  clearanceOf,
  readableTiers,
  TASK_KINDS,
  type AgencyRef,
  type CaseMember,
  type CreateTaskRequest,
  type Role,
  type Task,
  type TaskKind,
  type Tier,
} from '@vigil/contracts';
import { WorkflowApi } from '@vigil/web-data-access';
import { agencyKindKey, roleKey, taskKindKey, tierAudienceKey, tierKey, TranslatePipe } from '@vigil/web-i18n';
import { FieldError, formSubmission, LocalNamePipe } from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
import { merge } from 'rxjs';
import { fromLocalInput, toLocalInput, validLocalTime } from './local-time';

/** Tasks are urgent: due within a day unless the prosecutor says otherwise. */
const DEFAULT_DUE_MS = 24 * 60 * 60 * 1000;
/** The server's default tier of a task. */
const DEFAULT_TASK_TIER: Tier = 'state';

/**
 * Who a task may go to: people of the chosen agency who can read the chosen tier (the server
 * refuses anyone else).
 */
export function assignablePeople(people: readonly CaseMember[], agencyId: string, tier: Tier): CaseMember[] {
  if (!agencyId) {
    return [];
  }
  return people.filter((person) => person.agency.id === agencyId && canRead(clearanceOf(person.role), tier));
}

/**
 * Assigns an urgent action: kind, title, details, an audience among the tiers the prosecutor
 * reads, the agency, optionally one person of it, and the due time.
 */
@Component({
  selector: 'vigil-task-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, FieldError, DateTimeField, LocalNamePipe],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-form.html',
  styleUrl: './tab.scss',
})
export class TaskForm {
  private readonly api = inject(WorkflowApi);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();
  readonly role = input.required<Role>();
  readonly agencies = input.required<readonly AgencyRef[]>();
  readonly people = input.required<readonly CaseMember[]>();
  readonly created = output<Task>();

  protected readonly kinds = TASK_KINDS;
  protected readonly taskKindKey = taskKindKey;
  protected readonly tierKey = tierKey;
  protected readonly tierAudienceKey = tierAudienceKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly roleKey = roleKey;

  protected readonly form = this.fb.group({
    kind: ['' as TaskKind | '', Validators.required],
    title: ['', [Validators.required, Validators.maxLength(300)]],
    details: ['', Validators.maxLength(4000)],
    tier: [DEFAULT_TASK_TIER as Tier, Validators.required],
    assigneeAgencyId: ['', Validators.required],
    assigneeUserId: [''],
    dueAt: [toLocalInput(Date.now() + DEFAULT_DUE_MS), [Validators.required, validLocalTime]],
  });

  private readonly agencyId = toSignal(this.form.controls.assigneeAgencyId.valueChanges, {
    initialValue: this.form.controls.assigneeAgencyId.value,
  });
  protected readonly tier = toSignal(this.form.controls.tier.valueChanges, { initialValue: this.form.controls.tier.value });

  /** Only the tiers this prosecutor reads (and so may write at). */
  protected readonly tiers = computed(() => readableTiers(this.role()));
  protected readonly assignable = computed(() => assignablePeople(this.people(), this.agencyId(), this.tier()));
  protected readonly submission = formSubmission();

  constructor() {
    // A person no longer of the chosen agency, or not cleared for the chosen tier, is unset.
    merge(this.form.controls.assigneeAgencyId.valueChanges, this.form.controls.tier.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.dropUnassignablePerson());
  }

  protected async submit(form: FormGroupDirective): Promise<void> {
    await this.submission.submit(form, () => this.api.createTask(this.caseId(), this.request()), {
      initial: this.fresh(),
      onSaved: (task) => this.created.emit(task),
    });
  }

  /** A new task starts with the server's default tier and due a day from now. */
  private fresh(): { tier: Tier; dueAt: string } {
    return { tier: DEFAULT_TASK_TIER, dueAt: toLocalInput(Date.now() + DEFAULT_DUE_MS) };
  }

  private dropUnassignablePerson(): void {
    const { assigneeUserId, assigneeAgencyId, tier } = this.form.controls;
    const person = assigneeUserId.value;
    if (person && !assignablePeople(this.people(), assigneeAgencyId.value, tier.value).some((p) => p.userId === person)) {
      assigneeUserId.setValue('');
    }
  }

  private request(): CreateTaskRequest {
    const value = this.form.getRawValue();
    const request: CreateTaskRequest = {
      kind: value.kind as TaskKind,
      title: value.title.trim(),
      tier: value.tier,
      assigneeAgencyId: value.assigneeAgencyId,
      dueAt: fromLocalInput(value.dueAt) as string,
    };
    if (value.details.trim()) {
      request.details = value.details.trim();
    }
    if (value.assigneeUserId) {
      request.assigneeUserId = value.assigneeUserId;
    }
    return request;
  }
}
