import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { AGENCY_KINDS, type Agency, type AgencyKind, type UpdateAgencyRequest } from '@vigil/contracts';
import { AdminApi, apiErrorOf } from '@vigil/web-data-access';
import { agencyKindKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, applyServerErrors, describeProblem, FieldError, type FormProblem } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';

export interface AgencyDialogData {
  /** Absent: create a new agency. */
  agency?: Agency;
}

/** Create an agency (name, kind) or edit one (name, disabled); its kind never changes. */
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
    name: [this.agency?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    kind: [this.agency?.kind ?? ('' as AgencyKind | ''), Validators.required],
    disabled: [this.agency?.disabled ?? false],
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
    const { name, kind, disabled } = this.form.getRawValue();
    try {
      const saved = this.agency
        ? await firstValueFrom(this.api.updateAgency(this.agency.id, this.changes(name.trim(), disabled)))
        : await firstValueFrom(this.api.createAgency({ name: name.trim(), kind: kind as AgencyKind }));
      this.dialogRef.close(saved);
    } catch (error) {
      const apiError = apiErrorOf(error);
      if (apiError.statusCode === 409 && (apiError.details ?? []).every((d) => d.field === 'name')) {
        this.form.controls.name.setErrors({ taken: true });
      } else {
        this.problem.set(applyServerErrors(this.form, apiError));
      }
    } finally {
      this.busy.set(false);
    }
  }

  private changes(name: string, disabled: boolean): UpdateAgencyRequest {
    const request: UpdateAgencyRequest = {};
    if (name !== this.agency?.name) {
      request.name = name;
    }
    if (disabled !== this.agency?.disabled) {
      request.disabled = disabled;
    }
    return request;
  }
}
