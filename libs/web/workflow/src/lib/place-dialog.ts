import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FACILITY_KINDS, type AgencyRef, type CreatePlaceRequest, type FacilityKind, type Place } from '@vigil/contracts';
import { apiErrorOf, PlacesApi } from '@vigil/web-data-access';
import { agencyKindKey, facilityKindKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { applyServerErrors, describeProblem, type FormProblem } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';

export interface PlaceDialogData {
  /** Absent: a new place. */
  place?: Place;
  agencies: readonly AgencyRef[];
}

/** Adds a place of detention to the register, or edits one (prosecutors). */
@Component({
  selector: 'vigil-place-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ (place ? 'places.editTitle' : 'places.createTitle') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.name' | translate }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" required cdkFocusInitial />
          @if (form.controls.name.hasError('required')) {
            <mat-error>{{ 'common.required' | translate }}</mat-error>
          } @else if (form.controls.name.hasError('maxlength')) {
            <mat-error>{{ 'form.maxLength' | translate: { max: 300 } }}</mat-error>
          } @else if (form.controls.name.hasError('server')) {
            <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.kind' | translate }}</mat-label>
          <mat-select formControlName="kind" required>
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ facilityKindKey(kind) | translate }}</mat-option>
            }
          </mat-select>
          @if (form.controls.kind.hasError('required')) {
            <mat-error>{{ 'common.required' | translate }}</mat-error>
          } @else if (form.controls.kind.hasError('server')) {
            <mat-error>{{ form.controls.kind.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.address' | translate }}</mat-label>
          <input matInput formControlName="address" autocomplete="off" required />
          @if (form.controls.address.hasError('required')) {
            <mat-error>{{ 'common.required' | translate }}</mat-error>
          } @else if (form.controls.address.hasError('maxlength')) {
            <mat-error>{{ 'form.maxLength' | translate: { max: 500 } }}</mat-error>
          } @else if (form.controls.address.hasError('server')) {
            <mat-error>{{ form.controls.address.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.agency' | translate }}</mat-label>
          <mat-select formControlName="agencyId">
            <mat-option value="">{{ 'register.notNamed' | translate }}</mat-option>
            @for (agency of data.agencies; track agency.id) {
              <mat-option [value]="agency.id">{{ agency.name }} · {{ agencyKindKey(agency.kind) | translate }}</mat-option>
            }
          </mat-select>
          @if (form.controls.agencyId.hasError('server')) {
            <mat-error>{{ form.controls.agencyId.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="cctv">{{ 'places.cctv' | translate }}</mat-checkbox>
        @if (problemText(); as text) {
          <p class="problem" role="alert">{{ text }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button matButton="filled" type="submit" [disabled]="busy()" data-testid="save-place">
          {{ (place ? 'common.save' : 'common.create') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: min(28rem, 80vw);
      padding-top: 0.5rem;
    }
    .problem {
      margin: 0.5rem 0 0;
      padding: 0.75rem 1rem;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class PlaceDialog {
  private readonly api = inject(PlacesApi);
  private readonly translator = inject(Translator);
  private readonly dialogRef = inject<MatDialogRef<PlaceDialog, Place>>(MatDialogRef);

  protected readonly data = inject<PlaceDialogData>(MAT_DIALOG_DATA);
  protected readonly place = this.data.place ?? null;
  protected readonly kinds = FACILITY_KINDS;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly problemText = computed(() => describeProblem(this.problem(), this.translator));

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.place?.name ?? '', [Validators.required, Validators.maxLength(300)]],
    kind: [this.place?.kind ?? ('' as FacilityKind | ''), Validators.required],
    address: [this.place?.address ?? '', [Validators.required, Validators.maxLength(500)]],
    agencyId: [this.place?.agency?.id ?? ''],
    cctv: [this.place?.cctv ?? false],
  });

  protected async save(): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreatePlaceRequest = {
      name: value.name.trim(),
      kind: value.kind as FacilityKind,
      address: value.address.trim(),
      cctv: value.cctv,
      ...(value.agencyId ? { agencyId: value.agencyId } : {}),
    };
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = this.place
        ? await firstValueFrom(this.api.update(this.place.id, request))
        : await firstValueFrom(this.api.create(request));
      this.dialogRef.close(saved);
    } catch (error) {
      this.problem.set(applyServerErrors(this.form, apiErrorOf(error)));
    } finally {
      this.busy.set(false);
    }
  }
}
