import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule, type MatButtonToggleChange } from '@angular/material/button-toggle';
import { isLanguage, LANGUAGE_NAMES, TranslatePipe, Translator } from '@vigil/web-i18n';

/** English / Русский / Қазақша: each name in its own language, so anyone can find theirs. */
@Component({
  selector: 'vigil-language-switch',
  imports: [MatButtonToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [attr.aria-label]="'language.label' | translate"
      [value]="translator.language()"
      (change)="choose($event)"
    >
      @for (language of translator.languages; track language) {
        <mat-button-toggle [value]="language" [attr.lang]="language">{{ names[language] }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: inline-block;
      --mat-button-toggle-height: 36px;
    }
  `,
})
export class LanguageSwitch {
  protected readonly translator = inject(Translator);
  protected readonly names = LANGUAGE_NAMES;

  protected choose(change: MatButtonToggleChange): void {
    if (isLanguage(change.value)) {
      this.translator.use(change.value);
    }
  }
}
