import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Session } from '@vigil/web-data-access';
import { TranslatePipe } from '@vigil/web-i18n';

/** Where case workers land; their case rooms will be listed here. */
@Component({
  selector: 'vigil-home',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (me(); as me) {
      <h1 data-testid="welcome">{{ 'home.welcome' | translate: { name: me.displayName } }}</h1>
    }
    <p class="placeholder">{{ 'home.casesPlaceholder' | translate }}</p>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
    }
    .placeholder {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class Home {
  protected readonly me = inject(Session).me;
}
