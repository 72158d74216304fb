import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '@vigil/web-data-access';
import { roleKey, TranslatePipe } from '@vigil/web-i18n';
import { AgencyBadge, LanguageSwitch } from '@vigil/web-ui';
import { ADMIN_PATH, CASES_PATH, SIGN_IN_PATH } from './guards';

/** The frame of every signed-in page: who you are, your agency, language, sign out. */
@Component({
  selector: 'vigil-shell',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    AgencyBadge,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly me = this.session.me;
  protected readonly isAdmin = this.session.isAdmin;
  protected readonly roleKey = computed(() => {
    const me = this.me();
    return me ? roleKey(me.role) : null;
  });
  protected readonly casesPath = CASES_PATH;
  protected readonly adminPath = ADMIN_PATH;

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
