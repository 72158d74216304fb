import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@vigil/web-i18n';
import { firstValueFrom } from 'rxjs';
import { FieldError } from './field-error';

/** What the dialog asks; every text already in the UI language. */
export interface ReasonDialogData {
  title: string;
  explain: string;
  /** The field's label; "Reason" otherwise. */
  label?: string;
  /** The confirming button; "Confirm" otherwise. */
  submit?: string;
  maxLength: number;
}

/** Asks why (a status change, a superseded item, a redaction); closes with the reason, or nothing when cancelled. */
@Component({
  selector: 'vigil-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="explain">{{ data.explain }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ data.label ?? ('common.reason' | translate) }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" required cdkFocusInitial [attr.maxlength]="data.maxLength"></textarea>
          <mat-error><vigil-field-error [control]="form.controls.reason" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button matButton="filled" type="submit" data-testid="confirm-reason">{{ data.submit ?? ('common.confirm' | translate) }}</button>
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
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(this.data.maxLength)]],
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

/** Asks why in a `ReasonDialog`: the reason given, or undefined when cancelled. */
export function askReason(dialog: MatDialog, data: ReasonDialogData): Promise<string | undefined> {
  return firstValueFrom(dialog.open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, autoFocus: 'first-tabbable' }).afterClosed());
}
