import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@vigil/web-i18n';

/** What the dialog asks; every text already in the UI language. */
export interface ConfirmDialogData {
  title: string;
  explain: string;
  /** The confirming button. */
  confirm: string;
}

/** Asks "are you sure?" before an action that cannot be taken back; closes with `true` when confirmed. */
@Component({
  selector: 'vigil-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="explain">{{ data.explain }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ 'common.cancel' | translate }}</button>
      <button matButton="filled" type="button" [mat-dialog-close]="true" data-testid="confirm">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .explain {
      margin: 0;
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
