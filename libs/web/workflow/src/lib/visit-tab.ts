import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { CaseMember, Visit } from '@vigil/contracts';
import { CaseRoomStore, DirectoryApi, WorkflowApi } from '@vigil/web-data-access';
import { roleKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, DurationPipe, FieldError, formSubmission, type SubmitOptions } from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
import { firstValueFrom } from 'rxjs';
import { ticking } from './clock';
import { liveSection } from './live-section';
import { fromLocalInput, notInFuture, validLocalTime } from './local-time';
import { may } from './roles';

/** Under this much time left, the clock turns to a warning. */
export const VISIT_WARNING_MS = 2 * 60 * 60 * 1000;
const FINDINGS_MAX_LENGTH = 10_000;

export type VisitClockState = 'arrived' | 'overdue' | 'near' | 'running';

/** Where the visit stands against its deadline at `now`. */
export function visitClockState(visit: Pick<Visit, 'dueAt' | 'overdue' | 'arrivedAt'>, now: number): VisitClockState {
  if (visit.arrivedAt) {
    return 'arrived';
  }
  const left = Date.parse(visit.dueAt) - now;
  if (visit.overdue || left <= 0) {
    return 'overdue';
  }
  return left <= VISIT_WARNING_MS ? 'near' : 'running';
}

/**
 * The immediate visit: the deadline clock (time left, or how late), who was sent, the arrival
 * on site and the findings (`oversight`). Prosecutors dispatch, record the arrival and findings.
 */
@Component({
  selector: 'vigil-visit-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    DateTimePipe,
    DurationPipe,
    FieldError,
    DateTimeField,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './visit-tab.html',
  styleUrls: ['./tab.scss', './visit-tab.scss'],
})
export class VisitTab {
  private readonly api = inject(WorkflowApi);
  private readonly directory = inject(DirectoryApi);
  private readonly room = inject(CaseRoomStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();

  protected readonly roleKey = roleKey;
  protected readonly visit = liveSection(() => this.api.visit(this.caseId()), ['visit.', 'case.status_changed']);
  protected readonly now = ticking(15_000);
  protected readonly me = this.room.me;
  protected readonly leads = computed(() => may(this.me()?.role, 'visit.record'));
  protected readonly status = computed(() => this.room.record()?.status ?? null);
  protected readonly clock = computed(() => {
    const visit = this.visit.value();
    return visit ? visitClockState(visit, this.now()) : null;
  });
  protected readonly left = computed(() => {
    const visit = this.visit.value();
    return visit ? Date.parse(visit.dueAt) - this.now() : 0;
  });
  protected readonly arrivedOnTime = computed(() => {
    const visit = this.visit.value();
    return visit?.arrivedAt ? Date.parse(visit.arrivedAt) <= Date.parse(visit.dueAt) : false;
  });
  /** Before anyone is on site, while the case still waits for its visit. */
  protected readonly awaitingVisit = computed(() => {
    const status = this.status();
    return !this.visit.value()?.arrivedAt && (status === 'registered' || status === 'visit_dispatched');
  });
  protected readonly readsFindings = computed(() => {
    const visit = this.visit.value();
    return visit !== null && 'findings' in visit;
  });

  protected readonly prosecutors = signal<readonly CaseMember[]>([]);
  protected readonly submission = formSubmission();

  protected readonly dispatchForm = this.fb.group({ prosecutorId: ['', Validators.required] });
  protected readonly arrivalForm = this.fb.group({ arrivedAt: ['', [validLocalTime, notInFuture]] });
  protected readonly findingsForm = this.fb.group({
    findings: ['', [Validators.required, Validators.maxLength(FINDINGS_MAX_LENGTH)]],
  });
  protected readonly findingsMax = FINDINGS_MAX_LENGTH;

  constructor() {
    void this.loadProsecutors();
  }

  protected async dispatch(): Promise<void> {
    const { prosecutorId } = this.dispatchForm.getRawValue();
    await this.submission.submit(this.dispatchForm, () => this.api.dispatch(this.caseId(), prosecutorId), this.saved(true));
  }

  protected async arrive(): Promise<void> {
    const arrivedAt = fromLocalInput(this.arrivalForm.getRawValue().arrivedAt);
    await this.submission.submit(this.arrivalForm, () => this.api.arrive(this.caseId(), arrivedAt ? { arrivedAt } : {}), this.saved(true));
  }

  protected async recordFindings(form: FormGroupDirective): Promise<void> {
    const findings = this.findingsForm.getRawValue().findings.trim();
    await this.submission.submit(form, () => this.api.recordFindings(this.caseId(), { findings }), this.saved(false));
  }

  /** The visit read again after each step; only the findings form starts again empty (the others leave the page). */
  private saved(keep: boolean): SubmitOptions<Visit> {
    return { keep, onSaved: () => this.visit.reload() };
  }

  /** Prosecutors only read the directory; the dispatcher is offered first. */
  private async loadProsecutors(): Promise<void> {
    const me = this.me();
    if (!may(me?.role, 'visit.record')) {
      return;
    }
    try {
      const people = await firstValueFrom(this.directory.people());
      const prosecutors = people.filter((person) => may(person.role, 'visit.record'));
      this.prosecutors.set(prosecutors);
      if (me && prosecutors.some((person) => person.userId === me.id) && this.dispatchForm.controls.prosecutorId.value === '') {
        this.dispatchForm.controls.prosecutorId.setValue(me.id);
      }
    } catch {
      this.prosecutors.set([]);
    }
  }
}
