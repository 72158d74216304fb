import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { can, STATUS_REASON_MAX_LENGTH, STATUS_TRANSITIONS, STATUSES_WITH_REASON, type CaseStatus, type Role } from '@vigil/contracts';
import { apiErrorOf, CasesApi } from '@vigil/web-data-access';
import { caseStatusKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { askReason } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';

/** Statuses a case enters only by recording the visit (the Visit tab), never from this menu. */
const VISIT_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['visit_dispatched', 'site_visited']);

/** The moves this menu offers from `status`: the contract's machine, less the visit's own steps. */
export function offeredTransitions(status: CaseStatus): CaseStatus[] {
  return STATUS_TRANSITIONS[status].filter((to) => !VISIT_STATUSES.has(to));
}

/**
 * "Change status" for prosecutors: only the moves the status machine allows from here; referring
 * or dismissing asks for the reason first. The new status reaches the page through the case log.
 */
@Component({
  selector: 'vigil-status-menu',
  imports: [MatButtonModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (mayChange() && transitions().length > 0) {
      <button matButton="outlined" type="button" [matMenuTriggerFor]="menu" [disabled]="busy()" data-testid="status-menu">
        {{ 'status.change' | translate }}
      </button>
      <mat-menu #menu="matMenu" [attr.aria-label]="'status.change' | translate">
        @for (to of transitions(); track to) {
          <button mat-menu-item type="button" (click)="choose(to)" [attr.data-status]="to" data-testid="status-option">
            {{ 'status.moveTo' | translate: { status: (statusKey(to) | translate) } }}
          </button>
        }
      </mat-menu>
    }
  `,
})
export class StatusMenu {
  private readonly api = inject(CasesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translator = inject(Translator);

  readonly caseId = input.required<string>();
  readonly status = input.required<CaseStatus>();
  readonly role = input.required<Role>();

  protected readonly statusKey = caseStatusKey;
  protected readonly busy = signal(false);
  protected readonly mayChange = computed(() => can(this.role(), 'case.change_status'));
  protected readonly transitions = computed(() => offeredTransitions(this.status()));

  protected async choose(to: CaseStatus): Promise<void> {
    let reason: string | undefined;
    if (STATUSES_WITH_REASON.includes(to)) {
      reason = await askReason(this.dialog, {
        title: this.translator.translate('status.reasonTitle', { status: this.translator.translate(caseStatusKey(to)) }),
        explain: this.translator.translate('status.reasonExplain'),
        maxLength: STATUS_REASON_MAX_LENGTH,
      });
      if (!reason) {
        return;
      }
    }
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.changeStatus(this.caseId(), reason ? { to, reason } : { to }));
      this.snackBar.open(
        this.translator.translate('status.changed', { status: this.translator.translate(caseStatusKey(to)) }),
        undefined,
        { duration: 4000 },
      );
    } catch (error) {
      const message = apiErrorOf(error).message;
      this.snackBar.open(this.translator.translate('status.refused', { message }), this.translator.translate('common.close'), {
        politeness: 'assertive',
      });
    } finally {
      this.busy.set(false);
    }
  }
}
