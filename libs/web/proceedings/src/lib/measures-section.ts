import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MEASURES_TIER, PROSECUTORIAL_ACTS, type AgencyRef, type ProsecutorialAct, type RemedialMeasure } from '@vigil/contracts';
import { CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { agencyKindKey, measureStatusKey, prosecutorialActKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, FieldError, formSubmission, LocalNamePipe, resetClean } from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
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
    DateTimeField,
    LocalNamePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './measures-section.html',
  styleUrl: './tab.scss',
})
export class MeasuresSection {
  private readonly api = inject(ProceedingsApi);
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

  protected readonly adoptForm = this.fb.group({
    cause: ['', [Validators.required, Validators.maxLength(2000)]],
    act: ['' as ProsecutorialAct | '', Validators.required],
    description: ['', [Validators.required, Validators.maxLength(4000)]],
    addressedToAgencyId: [''],
    dueAt: ['', [Validators.required, validLocalTime]],
  });
  protected readonly adoption = formSubmission();

  protected readonly completing = signal<string | null>(null);
  protected readonly completeForm = this.fb.group({ completionNote: ['', [Validators.required, Validators.maxLength(2000)]] });
  protected readonly completion = formSubmission();

  protected overdue(measure: RemedialMeasure): boolean {
    return measure.status === 'open' && (measure.overdue || Date.parse(measure.dueAt) < this.now());
  }

  /** Prosecutors, or the agency the measure is addressed to. */
  protected mayComplete(measure: RemedialMeasure): boolean {
    const me = this.room.me();
    return measure.status === 'open' && (this.leads() || (me !== null && measure.addressedTo?.id === me.agency.id));
  }

  protected async adopt(form: FormGroupDirective): Promise<void> {
    const value = this.adoptForm.getRawValue();
    await this.adoption.submit(
      form,
      () =>
        this.api.adoptMeasure(this.caseId(), {
          cause: value.cause.trim(),
          act: value.act as ProsecutorialAct,
          description: value.description.trim(),
          ...(value.addressedToAgencyId ? { addressedToAgencyId: value.addressedToAgencyId } : {}),
          dueAt: fromLocalInput(value.dueAt) as string,
        }),
      { onSaved: () => this.measures.reload() },
    );
  }

  protected startComplete(measure: RemedialMeasure): void {
    resetClean(this.completeForm);
    this.completion.fail(null);
    this.completing.set(measure.id);
  }

  protected async complete(measure: RemedialMeasure): Promise<void> {
    const completionNote = this.completeForm.getRawValue().completionNote.trim();
    await this.completion.submit(
      this.completeForm,
      () =>
        this.api.completeMeasure(this.caseId(), measure.id, {
          status: 'done',
          completionNote,
        }),
      {
        onSaved: () => {
          this.completing.set(null);
          return this.measures.reload();
        },
      },
    );
  }
}
