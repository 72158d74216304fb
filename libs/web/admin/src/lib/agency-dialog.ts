import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { AGENCY_KINDS, type Agency, type AgencyKind, type LocalizedNames, NAME_LANGUAGES, type UpdateAgencyRequest } from '@vigil/contracts';
import { AdminApi, apiErrorOf } from '@vigil/web-data-access';
import { agencyKindKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, applyServerErrors, describeProblem, FieldError, type FormProblem } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';

/** Server field names that differ from the form's control names. */
const FIELD_ALIASES: Readonly<Record<string, string>> = {
  name: 'nameEn',
  'names.en': 'nameEn',
  'names.ru': 'nameRu',
  'names.kk': 'nameKk',
  disabled: 'active',
};

export interface AgencyDialogData {
  /** Absent: create a new agency. */
  agency?: Agency;
}

/**
 * Create an agency (names, kind) or edit one (names, active); its kind never changes. The name is
 * kept in English, Russian and Kazakh; the English one is required and is the agency's `name`.
 */
@Component({
  selector: 'vigil-agency-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
    AgencyBadge,
    FieldError,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agency-dialog.html',
  styleUrl: './dialog-form.scss',
})
export class AgencyDialog {
  private readonly api = inject(AdminApi);
  private readonly dialogRef = inject<MatDialogRef<AgencyDialog, Agency>>(MatDialogRef);
  protected readonly agency = inject<AgencyDialogData>(MAT_DIALOG_DATA).agency ?? null;

  protected readonly kinds = AGENCY_KINDS;
  protected readonly kindKey = agencyKindKey;
  protected readonly form = inject(NonNullableFormBuilder).group({
    nameEn: [this.agency?.names?.en ?? this.agency?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    nameRu: [this.agency?.names?.ru ?? '', Validators.maxLength(200)],
    nameKk: [this.agency?.names?.kk ?? '', Validators.maxLength(200)],
    kind: [this.agency?.kind ?? ('' as AgencyKind | ''), Validators.required],
    /** On: accounts of the agency can sign in (the server keeps the negative, `disabled`). */
    active: [!(this.agency?.disabled ?? false)],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  private readonly translator = inject(Translator);
  protected readonly problemText = computed(() => describeProblem(this.problem(), this.translator));

  protected async save(): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    const { kind, active } = this.form.getRawValue();
    const names = this.names();
    try {
      const saved = this.agency
        ? await firstValueFrom(this.api.updateAgency(this.agency.id, this.changes(names, !active)))
        : await firstValueFrom(this.api.createAgency({ names, kind: kind as AgencyKind }));
      this.dialogRef.close(saved);
    } catch (error) {
      const apiError = apiErrorOf(error);
      if (apiError.statusCode === 409 && (apiError.details ?? []).every((d) => d.field === 'name')) {
        this.form.controls.nameEn.setErrors({ taken: true });
      } else {
        this.problem.set(applyServerErrors(this.form, apiError, FIELD_ALIASES));
      }
    } finally {
      this.busy.set(false);
    }
  }

  /** The name in the three languages; one left empty is the English one, as the server keeps it. */
  private names(): LocalizedNames {
    const { nameEn, nameRu, nameKk } = this.form.getRawValue();
    const en = nameEn.trim();
    return { en, ru: nameRu.trim() || en, kk: nameKk.trim() || en };
  }

  private changes(names: LocalizedNames, disabled: boolean): UpdateAgencyRequest {
    const request: UpdateAgencyRequest = {};
    const before = this.agency?.names;
    if (!before || NAME_LANGUAGES.some((language) => names[language] !== before[language])) {
      request.names = names;
    }
    if (disabled !== this.agency?.disabled) {
      request.disabled = disabled;
    }
    return request;
  }
}
