import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  COMPENSATION_CURRENCIES,
  COMPENSATION_MAX_AMOUNT,
  COMPENSATION_STATUSES,
  REMEDIES_TIER,
  type CompensationCurrency,
  type CompensationStatus,
  type PutRemediesRequest,
  type Remedies,
} from '@vigil/contracts';
import { CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { compensationStatusKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, FieldError, formSubmission, MoneyPipe } from '@vigil/web-ui';
import { liveSection, may } from '@vigil/web-workflow';

/** Server field names that differ from the form's control names. */
const REMEDIES_ALIASES: Readonly<Record<string, string>> = {
  'compensation.amount': 'amount',
  'compensation.currency': 'currency',
  'compensation.status': 'compensationStatus',
  compensation: 'amount',
};

/**
 * The victim's remedies (`oversight`): rights restored and compensation. Prosecutors record the
 * whole record at once (a field left empty is cleared).
 */
@Component({
  selector: 'vigil-remedies-section',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    DateTimePipe,
    FieldError,
    MoneyPipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './remedies-section.html',
  styleUrl: './tab.scss',
})
export class RemediesSection {
  private readonly api = inject(ProceedingsApi);
  private readonly room = inject(CaseRoomStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();

  protected readonly currencies = COMPENSATION_CURRENCIES;
  protected readonly statuses = COMPENSATION_STATUSES;
  protected readonly maxAmount = COMPENSATION_MAX_AMOUNT;
  protected readonly compensationStatusKey = compensationStatusKey;
  protected readonly remedies = liveSection(() => this.api.remedies(this.caseId()), ['remedies.'], { readableAt: REMEDIES_TIER });
  protected readonly leads = computed(() => may(this.room.me()?.role, 'proceedings.lead'));
  protected readonly editing = signal(false);
  protected readonly submission = formSubmission();

  protected readonly form = this.fb.group({
    rightsRestored: ['', Validators.maxLength(4000)],
    hasCompensation: [false],
    amount: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(COMPENSATION_MAX_AMOUNT)]),
    currency: ['KZT' as CompensationCurrency],
    compensationStatus: ['claimed' as CompensationStatus],
  });
  protected readonly hasCompensation = toSignal(this.form.controls.hasCompensation.valueChanges, { initialValue: false });

  constructor() {
    // What others record reaches the form too, unless it is being edited here.
    effect(() => {
      const remedies = this.remedies.value();
      if (remedies && !untracked(this.editing)) {
        untracked(() => this.fill(remedies));
      }
    });
    this.form.controls.hasCompensation.valueChanges.pipe(takeUntilDestroyed()).subscribe((has) => {
      const amount = this.form.controls.amount;
      amount.setValidators(has ? [Validators.required, Validators.min(0), Validators.max(COMPENSATION_MAX_AMOUNT)] : []);
      amount.updateValueAndValidity();
    });
  }

  protected startEdit(): void {
    const remedies = this.remedies.value();
    if (remedies) {
      this.fill(remedies);
    }
    this.submission.fail(null);
    this.editing.set(true);
  }

  protected async save(): Promise<void> {
    // The form closes after a save and is filled again from what was recorded: nothing to reset.
    await this.submission.submit(this.form, () => this.api.putRemedies(this.caseId(), this.request()), {
      keep: true,
      aliases: REMEDIES_ALIASES,
      onSaved: () => {
        this.editing.set(false);
        return this.remedies.reload();
      },
    });
  }

  private request(): PutRemediesRequest {
    const value = this.form.getRawValue();
    const request: PutRemediesRequest = {};
    if (value.rightsRestored.trim()) {
      request.rightsRestored = value.rightsRestored.trim();
    }
    if (value.hasCompensation && value.amount !== null) {
      request.compensation = { amount: value.amount, currency: value.currency, status: value.compensationStatus };
    }
    return request;
  }

  private fill(remedies: Remedies): void {
    this.form.reset({
      rightsRestored: remedies.rightsRestored ?? '',
      hasCompensation: remedies.compensation !== null,
      amount: remedies.compensation?.amount ?? null,
      currency: remedies.compensation?.currency ?? 'KZT',
      compensationStatus: remedies.compensation?.status ?? 'claimed',
    });
  }
}
