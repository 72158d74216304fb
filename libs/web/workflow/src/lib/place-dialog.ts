import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FACILITY_KINDS, type AgencyRef, type CreatePlaceRequest, type FacilityKind, type Place } from '@vigil/contracts';
import { PlacesApi } from '@vigil/web-data-access';
import { agencyKindKey, facilityKindKey, TranslatePipe } from '@vigil/web-i18n';
import { FieldError, formSubmission, LocalNamePipe } from '@vigil/web-ui';

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
    FieldError,
    LocalNamePipe,
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
          <mat-error><vigil-field-error [control]="form.controls.name" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.kind' | translate }}</mat-label>
          <mat-select formControlName="kind" required>
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ facilityKindKey(kind) | translate }}</mat-option>
            }
          </mat-select>
          <mat-error><vigil-field-error [control]="form.controls.kind" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.address' | translate }}</mat-label>
          <input matInput formControlName="address" autocomplete="off" required />
          <mat-error><vigil-field-error [control]="form.controls.address" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'places.agency' | translate }}</mat-label>
          <mat-select formControlName="agencyId">
            <mat-option value="">{{ 'register.notNamed' | translate }}</mat-option>
            @for (agency of data.agencies; track agency.id) {
              <mat-option [value]="agency.id">{{ agency | localName }} · {{ agencyKindKey(agency.kind) | translate }}</mat-option>
            }
          </mat-select>
          <mat-error><vigil-field-error [control]="form.controls.agencyId" /></mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="cctv">{{ 'places.cctv' | translate }}</mat-checkbox>
        @if (submission.problemText(); as text) {
          <p class="problem" role="alert">{{ text }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button matButton="filled" type="submit" [disabled]="submission.pending()" data-testid="save-place">
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
  private readonly dialogRef = inject<MatDialogRef<PlaceDialog, Place>>(MatDialogRef);

  protected readonly data = inject<PlaceDialogData>(MAT_DIALOG_DATA);
  protected readonly place = this.data.place ?? null;
  protected readonly kinds = FACILITY_KINDS;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly submission = formSubmission();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.place?.name ?? '', [Validators.required, Validators.maxLength(300)]],
    kind: [this.place?.kind ?? ('' as FacilityKind | ''), Validators.required],
    address: [this.place?.address ?? '', [Validators.required, Validators.maxLength(500)]],
    agencyId: [this.place?.agency?.id ?? ''],
    cctv: [this.place?.cctv ?? false],
  });

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const request: CreatePlaceRequest = {
      name: value.name.trim(),
      kind: value.kind as FacilityKind,
      address: value.address.trim(),
      cctv: value.cctv,
      ...(value.agencyId ? { agencyId: value.agencyId } : {}),
    };
    const place = this.place;
    await this.submission.submit(this.form, () => (place ? this.api.update(place.id, request) : this.api.create(request)), {
      keep: true,
      onSaved: (saved) => this.dialogRef.close(saved),
    });
  }
}
