import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@vigil/web-i18n';

export const REDACTION_REASON_MAX_LENGTH = 1000;

/** Asks why a message is redacted; closes with the reason, or nothing when cancelled. */
@Component({
  selector: 'vigil-redact-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'redact.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="explain">{{ 'redact.explain' | translate }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ 'redact.reason' | translate }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" required cdkFocusInitial [attr.maxlength]="maxLength"></textarea>
          @if (form.controls.reason.hasError('required')) {
            <mat-error>{{ 'common.required' | translate }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button matButton="filled" type="submit" data-testid="confirm-redact">{{ 'redact.submit' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .explain {
      margin-top: 0;
    }
    .reason {
      width: 100%;
    }
  `,
})
export class RedactDialog {
  private readonly dialogRef = inject<MatDialogRef<RedactDialog, string>>(MatDialogRef);

  protected readonly maxLength = REDACTION_REASON_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(REDACTION_REASON_MAX_LENGTH)]],
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
