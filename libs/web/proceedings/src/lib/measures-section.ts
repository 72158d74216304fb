import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MEASURES_TIER, PROSECUTORIAL_ACTS, type AgencyRef, type ProsecutorialAct, type RemedialMeasure } from '@vigil/contracts';
import { apiErrorOf, CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { agencyKindKey, measureStatusKey, prosecutorialActKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { applyServerErrors, DateTimePipe, describeProblem, FieldError, type FormProblem } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { fromLocalInput, liveSection, may, ticking, validLocalTime } from '@vigil/web-workflow';

/**
 * Causes and conditions, and the remedial measures adopted against them (`state`: the police
 * carry them out). Prosecutors adopt them; the agency addressed, or a prosecutor, records each as done.
 */
@Component({
  selector: 'vigil-measures-section',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    DateTimePipe,
    FieldError,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './measures-section.html',
  styleUrl: './tab.scss',
})
export class MeasuresSection {
  private readonly api = inject(ProceedingsApi);
  private readonly translator = inject(Translator);
  private readonly room = inject(CaseRoomStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();
  readonly agencies = input.required<readonly AgencyRef[]>();

  protected readonly acts = PROSECUTORIAL_ACTS;
  protected readonly prosecutorialActKey = prosecutorialActKey;
  protected readonly measureStatusKey = measureStatusKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly measures = liveSection(() => this.api.measures(this.caseId()), ['measure.'], { readableAt: MEASURES_TIER });
  protected readonly now = ticking(60_000);
  protected readonly leads = computed(() => may(this.room.me()?.role, 'proceedings.lead'));
  protected readonly busy = signal(false);

  protected readonly adoptForm = this.fb.group({
    cause: ['', [Validators.required, Validators.maxLength(2000)]],
    act: ['' as ProsecutorialAct | '', Validators.required],
    description: ['', [Validators.required, Validators.maxLength(4000)]],
    addressedToAgencyId: [''],
    dueAt: ['', [Validators.required, validLocalTime]],
  });
  protected readonly adoptProblem = signal<FormProblem | null>(null);
  protected readonly adoptProblemText = computed(() => describeProblem(this.adoptProblem(), this.translator));

  protected readonly completing = signal<string | null>(null);
  protected readonly completeForm = this.fb.group({ completionNote: ['', [Validators.required, Validators.maxLength(2000)]] });
  protected readonly completeProblem = signal<FormProblem | null>(null);
  protected readonly completeProblemText = computed(() => describeProblem(this.completeProblem(), this.translator));

  protected overdue(measure: RemedialMeasure): boolean {
    return measure.status === 'open' && (measure.overdue || Date.parse(measure.dueAt) < this.now());
  }

  /** Prosecutors, or the agency the measure is addressed to. */
  protected mayComplete(measure: RemedialMeasure): boolean {
    const me = this.room.me();
    return measure.status === 'open' && (this.leads() || (me !== null && measure.addressedTo?.id === me.agency.id));
  }

  protected async adopt(): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.adoptForm.invalid) {
      this.adoptForm.markAllAsTouched();
      return;
    }
    const value = this.adoptForm.getRawValue();
    this.busy.set(true);
    this.adoptProblem.set(null);
    try {
      await firstValueFrom(
        this.api.adoptMeasure(this.caseId(), {
          cause: value.cause.trim(),
          act: value.act as ProsecutorialAct,
          description: value.description.trim(),
          ...(value.addressedToAgencyId ? { addressedToAgencyId: value.addressedToAgencyId } : {}),
          dueAt: fromLocalInput(value.dueAt) as string,
        }),
      );
      this.adoptForm.reset();
      await this.measures.reload();
    } catch (error) {
      this.adoptProblem.set(applyServerErrors(this.adoptForm, apiErrorOf(error)));
    } finally {
      this.busy.set(false);
    }
  }

  protected startComplete(measure: RemedialMeasure): void {
    this.completeForm.reset();
    this.completeProblem.set(null);
    this.completing.set(measure.id);
  }

  protected async complete(measure: RemedialMeasure): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.completeForm.invalid) {
      this.completeForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.completeProblem.set(null);
    try {
      await firstValueFrom(
        this.api.completeMeasure(this.caseId(), measure.id, {
          status: 'done',
          completionNote: this.completeForm.getRawValue().completionNote.trim(),
        }),
      );
      this.completing.set(null);
      await this.measures.reload();
    } catch (error) {
      this.completeProblem.set(applyServerErrors(this.completeForm, apiErrorOf(error)));
    } finally {
      this.busy.set(false);
    }
  }
}
