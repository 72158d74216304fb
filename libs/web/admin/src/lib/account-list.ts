import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { Account, Agency } from '@vigil/contracts';
import { AdminApi } from '@vigil/web-data-access';
import { roleKey, TranslatePipe } from '@vigil/web-i18n';
import { AgencyBadge, LocalNamePipe } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { AccountDialog, type AccountDialogData } from './account-dialog';

@Component({
  selector: 'vigil-account-list',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, TranslatePipe, AgencyBadge, LocalNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-list.html',
  styleUrl: './admin-list.scss',
})
export class AccountList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);

  protected readonly columns = ['email', 'displayName', 'role', 'agency', 'onDuty', 'status', 'actions'];
  protected readonly accounts = signal<Account[]>([]);
  protected readonly agencies = signal<Agency[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly roleKey = roleKey;

  constructor() {
    void this.load();
  }

  protected async create(): Promise<void> {
    await this.openDialog({ agencies: this.agencies() });
  }

  protected async edit(account: Account): Promise<void> {
    await this.openDialog({ account, agencies: this.agencies() });
  }

  private async openDialog(data: AccountDialogData): Promise<void> {
    const ref = this.dialog.open<AccountDialog, AccountDialogData, Account>(AccountDialog, {
      data,
      autoFocus: 'first-tabbable',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) {
      await this.load();
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      const [accounts, agencies] = await Promise.all([
        firstValueFrom(this.api.accounts()),
        firstValueFrom(this.api.agencies()),
      ]);
      this.accounts.set([...accounts].sort((a, b) => a.email.localeCompare(b.email)));
      this.agencies.set([...agencies].sort((a, b) => a.name.localeCompare(b.name)));
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
