import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@vigil/web-i18n';

/** Agencies and accounts; an admin sees no case content anywhere. */
@Component({
  selector: 'vigil-admin-area',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.title' | translate }}</h1>
    <p class="note">{{ 'admin.note' | translate }}</p>
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'admin.title' | translate">
      <a mat-tab-link routerLink="agencies" routerLinkActive #agencies="routerLinkActive" [active]="agencies.isActive">
        {{ 'admin.agencies' | translate }}
      </a>
      <a mat-tab-link routerLink="accounts" routerLinkActive #accounts="routerLinkActive" [active]="accounts.isActive">
        {{ 'admin.accounts' | translate }}
      </a>
    </nav>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 0.25rem;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 1rem;
    }
  `,
})
export class AdminArea {}
