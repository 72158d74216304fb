import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { Agency } from '@vigil/contracts';
import { AdminApi } from '@vigil/web-data-access';
import { TranslatePipe } from '@vigil/web-i18n';
import { AgencyBadge, LocalNamePipe } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { AgencyDialog, type AgencyDialogData } from './agency-dialog';
import { UnitsDialog, type UnitsDialogData } from './units-dialog';

@Component({
  selector: 'vigil-agency-list',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, TranslatePipe, AgencyBadge, LocalNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agency-list.html',
  styleUrl: './admin-list.scss',
})
export class AgencyList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);

  protected readonly columns = ['name', 'kind', 'status', 'actions'];
  protected readonly agencies = signal<Agency[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  constructor() {
    void this.load();
  }

  protected async create(): Promise<void> {
    await this.openDialog({});
  }

  protected async edit(agency: Agency): Promise<void> {
    await this.openDialog({ agency });
  }

  protected units(agency: Agency): void {
    this.dialog.open<UnitsDialog, UnitsDialogData>(UnitsDialog, { data: { agency }, autoFocus: 'first-tabbable' });
  }

  private async openDialog(data: AgencyDialogData): Promise<void> {
    const ref = this.dialog.open<AgencyDialog, AgencyDialogData, Agency>(AgencyDialog, { data, autoFocus: 'first-tabbable' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) {
      await this.load();
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      const agencies = await firstValueFrom(this.api.agencies());
      this.agencies.set([...agencies].sort((a, b) => a.name.localeCompare(b.name)));
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
