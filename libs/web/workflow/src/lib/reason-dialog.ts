import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@vigil/web-i18n';

export const REASON_MAX_LENGTH = 2000;

export interface ReasonDialogData {
  /** Already in the UI language. */
  title: string;
  /** Already in the UI language; a default explanation otherwise. */
  explain?: string;
}

/** Asks why (a status change, a superseded item); closes with the reason, or nothing when cancelled. */
@Component({
  selector: 'vigil-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="explain">{{ data.explain ?? ('status.reasonExplain' | translate) }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ 'common.reason' | translate }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" required cdkFocusInitial [attr.maxlength]="maxLength"></textarea>
          @if (form.controls.reason.hasError('required')) {
            <mat-error>{{ 'common.required' | translate }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button matButton="filled" type="submit" data-testid="confirm-reason">{{ 'common.confirm' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .explain {
      margin-top: 0;
    }
    .reason {
      width: 100%;
      min-width: min(28rem, 75vw);
    }
  `,
})
export class ReasonDialog {
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);

  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  protected readonly maxLength = REASON_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX_LENGTH)]],
  });

  protected confirm(): void {
    const reason = this.form.controls.reason.value.trim();
    if (!reason) {
      this.form.controls.reason.setValue('');
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(reason);
  }
}
