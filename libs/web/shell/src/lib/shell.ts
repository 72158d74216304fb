import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { CaseSocket, Session, type VisitAlertSignal } from '@vigil/web-data-access';
import { roleKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, DateTimePipe, LanguageSwitch } from '@vigil/web-ui';
import { ADMIN_PATH, CASES_PATH, MY_WORK_PATH, PLACES_PATH, SIGN_IN_PATH } from './guards';

/**
 * The frame of every signed-in page: who you are, your agency, language, sign out (on a phone,
 * all of it behind one menu button); and, for
 * those who supervise, visit-deadline alerts wherever they are in the app.
 */
@Component({
  selector: 'vigil-shell',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    MatMenuModule,
    NgTemplateOutlet,
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
  private readonly socket = inject(CaseSocket);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translator = inject(Translator);
  private readonly dateTime = new DateTimePipe();

  protected readonly me = this.session.me;
  protected readonly isAdmin = this.session.isAdmin;
  protected readonly roleKey = computed(() => {
    const me = this.me();
    return me ? roleKey(me.role) : null;
  });
  protected readonly casesPath = CASES_PATH;
  protected readonly adminPath = ADMIN_PATH;
  protected readonly myWorkPath = MY_WORK_PATH;
  protected readonly placesPath = PLACES_PATH;

  constructor() {
    const alerts = this.socket.alerts$.subscribe((alert) => this.showAlert(alert));
    inject(DestroyRef).onDestroy(() => alerts.unsubscribe());
    // Alerts reach a socket wherever its user is in the app; case workers keep one open.
    if (!this.isAdmin()) {
      this.socket.connect();
    }
  }

  private showAlert(alert: VisitAlertSignal): void {
    const key = alert.kind === 'visit_deadline_missed' ? 'alert.visitDeadlineMissed' : 'alert.visitDeadlineNear';
    const text = this.translator.translate(key, { reference: alert.reference, time: this.dateTime.transform(alert.visitDueAt) });
    const ref = this.snackBar.open(text, this.translator.translate('alert.open'), { politeness: 'assertive', duration: 15_000 });
    ref.onAction().subscribe(() => void this.router.navigate([CASES_PATH, alert.caseId, 'visit']));
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
