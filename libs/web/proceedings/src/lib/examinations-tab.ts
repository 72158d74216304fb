import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  canRead,
  clearanceOf,
  EXAMINATION_DEFAULT_TIER,
  EXAMINATION_TIERS,
  EXAMINATION_TYPES,
  ISTANBUL_CONCLUSIONS,
  type ErrorDetail,
  type Examination,
  type ExaminationTier,
  type ExaminationType,
  type IstanbulConclusion,
  type UpdateExaminationRequest,
} from '@vigil/contracts';
import { apiErrorOf, CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import {
  conclusionKey,
  examinationStatusKey,
  examinationTypeKey,
  tierAudienceKey,
  tierKey,
  TranslatePipe,
  Translator,
  type TranslationKey,
} from '@vigil/web-i18n';
import { applyServerErrors, DateTimePipe, describeProblem, FieldError, type FormProblem, formSubmission, problemOf } from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
import { firstValueFrom } from 'rxjs';
import { fromLocalInput, liveSection, may, notInFuture, toLocalInput, validLocalTime } from '@vigil/web-workflow';

/** What the server names as missing to complete an examination, in words. */
const MISSING_KEYS: Readonly<Record<string, TranslationKey>> = {
  conclusion: 'exam.missingConclusion',
  noImplicatedOfficerPresent: 'exam.missingNoOfficer',
  'consent.given': 'exam.missingConsent',
};

/**
 * Forensic examinations (`oversight` and narrower): prosecutors appoint them with the person's
 * consent, then record that no officer of the implicated agency was present and the conclusion
 * on the Istanbul Protocol scale, and complete or cancel them.
 */
@Component({
  selector: 'vigil-examinations-tab',
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
    DateTimeField,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './examinations-tab.html',
  styleUrl: './tab.scss',
})
export class ExaminationsTab {
  private readonly api = inject(ProceedingsApi);
  private readonly translator = inject(Translator);
  private readonly room = inject(CaseRoomStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();

  protected readonly types = EXAMINATION_TYPES;
  protected readonly conclusions = ISTANBUL_CONCLUSIONS;
  protected readonly examinationTypeKey = examinationTypeKey;
  protected readonly examinationStatusKey = examinationStatusKey;
  protected readonly conclusionKey = conclusionKey;
  protected readonly tierKey = tierKey;
  protected readonly tierAudienceKey = tierAudienceKey;
  protected readonly examinations = liveSection(() => this.api.examinations(this.caseId()), ['examination.'], {
    readableAt: EXAMINATION_DEFAULT_TIER,
  });
  protected readonly leads = computed(() => may(this.room.me()?.role, 'proceedings.lead'));
  protected readonly tiers = computed(() => {
    const me = this.room.me();
    const clearance = me ? clearanceOf(me.role) : null;
    return EXAMINATION_TIERS.filter((tier) => canRead(clearance, tier));
  });

  protected readonly appointment = formSubmission();
  protected readonly appointForm = this.fb.group({
    type: ['' as ExaminationType | '', Validators.required],
    institution: ['', [Validators.required, Validators.maxLength(300)]],
    dueAt: ['', [Validators.required, validLocalTime]],
    tier: [EXAMINATION_DEFAULT_TIER as ExaminationTier, Validators.required],
    consentGiven: [false],
    consentRecordedAt: [toLocalInput(Date.now()), [Validators.required, validLocalTime, notInFuture]],
    consentNote: ['', Validators.maxLength(2000)],
  });

  /** The examination being concluded, and its form. */
  protected readonly editing = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly editProblem = signal<{ problem: FormProblem | null; missing: string[] } | null>(null);
  protected readonly editProblemText = computed(() => describeProblem(this.editProblem()?.problem ?? null, this.translator));
  protected readonly editForm = this.fb.group({
    consentGiven: [false],
    noImplicatedOfficerPresent: [false],
    conclusion: ['' as IstanbulConclusion | ''],
    conclusionNotes: ['', Validators.maxLength(4000)],
  });

  protected async appoint(form: FormGroupDirective): Promise<void> {
    const value = this.appointForm.getRawValue();
    await this.appointment.submit(
      form,
      () =>
        this.api.appointExamination(this.caseId(), {
          type: value.type as ExaminationType,
          institution: value.institution.trim(),
          dueAt: fromLocalInput(value.dueAt) as string,
          tier: value.tier,
          consent: {
            given: value.consentGiven,
            recordedAt: fromLocalInput(value.consentRecordedAt) as string,
            ...(value.consentNote.trim() ? { note: value.consentNote.trim() } : {}),
          },
        }),
      {
        aliases: APPOINT_ALIASES,
        initial: { consentRecordedAt: toLocalInput(Date.now()) },
        onSaved: () => this.examinations.reload(),
      },
    );
  }

  protected startEdit(examination: Examination): void {
    this.editForm.reset({
      consentGiven: examination.consent.given,
      noImplicatedOfficerPresent: examination.noImplicatedOfficerPresent === true,
      conclusion: examination.conclusion ?? '',
      conclusionNotes: examination.conclusionNotes ?? '',
    });
    this.editProblem.set(null);
    this.editing.set(examination.id);
  }

  /** Saves the conclusion part; with `status`, completes or cancels the examination as well. */
  protected async save(examination: Examination, status?: 'completed' | 'cancelled'): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.editForm.invalid) {
      this.editForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.editProblem.set(null);
    try {
      await firstValueFrom(this.api.updateExamination(this.caseId(), examination.id, this.changes(examination, status)));
      this.editing.set(null);
      await this.examinations.reload();
    } catch (error) {
      const apiError = apiErrorOf(error);
      if (apiError.statusCode === 409 && (apiError.details ?? []).length > 0) {
        // Completing too early: say what is missing, each on its control.
        applyServerErrors(this.editForm, apiError, EDIT_ALIASES);
        this.editProblem.set({ problem: null, missing: missingWords(apiError.details ?? [], this.translator) });
      } else {
        this.editProblem.set({
          problem: applyServerErrors(this.editForm, apiError, EDIT_ALIASES) ?? problemOf(apiError),
          missing: [],
        });
      }
    } finally {
      this.busy.set(false);
    }
  }

  private changes(examination: Examination, status?: 'completed' | 'cancelled'): UpdateExaminationRequest {
    const value = this.editForm.getRawValue();
    const request: UpdateExaminationRequest = {};
    if (status === 'cancelled') {
      return { status };
    }
    if (value.consentGiven !== examination.consent.given) {
      request.consent = {
        given: value.consentGiven,
        recordedAt: new Date().toISOString(),
        ...(examination.consent.note ? { note: examination.consent.note } : {}),
      };
    }
    if (value.noImplicatedOfficerPresent !== (examination.noImplicatedOfficerPresent === true)) {
      request.noImplicatedOfficerPresent = value.noImplicatedOfficerPresent;
    }
    if (value.conclusion !== '' && value.conclusion !== examination.conclusion) {
      request.conclusion = value.conclusion;
    }
    if (value.conclusionNotes.trim() !== (examination.conclusionNotes ?? '')) {
      request.conclusionNotes = value.conclusionNotes.trim();
    }
    if (status) {
      request.status = status;
    }
    return request;
  }
}

/** Server field names that differ from the forms' control names. */
const APPOINT_ALIASES: Readonly<Record<string, string>> = {
  'consent.given': 'consentGiven',
  'consent.recordedAt': 'consentRecordedAt',
  'consent.note': 'consentNote',
  consent: 'consentGiven',
};
const EDIT_ALIASES: Readonly<Record<string, string>> = { 'consent.given': 'consentGiven', consent: 'consentGiven' };

function missingWords(details: readonly ErrorDetail[], translator: Translator): string[] {
  return details.map((detail) => {
    const key = MISSING_KEYS[detail.field];
    return key ? translator.translate(key) : `${detail.field}: ${detail.message}`;
  });
}
