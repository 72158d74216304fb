import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AgencyRef, Place } from '@vigil/contracts';
import { DirectoryApi, PlacesApi, Session } from '@vigil/web-data-access';
import { facilityKindKey, TranslatePipe } from '@vigil/web-i18n';
import { AgencyBadge } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { PlaceDialog, type PlaceDialogData } from './place-dialog';
import { may } from './roles';

/** The register of places of detention; prosecutors add and edit places, each opens on its cases. */
@Component({
  selector: 'vigil-place-list',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, AgencyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <h1>{{ 'places.title' | translate }}</h1>
      @if (leads()) {
        <button matButton="filled" type="button" (click)="edit()" data-testid="new-place">{{ 'places.new' | translate }}</button>
      }
    </header>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (failed()) {
      <p class="problem" role="alert">{{ 'common.genericError' | translate }}</p>
    }
    <ul class="items" [attr.aria-label]="'places.title' | translate" data-testid="places">
      @for (place of places(); track place.id) {
        <li class="card" data-testid="place">
          <div class="line">
            <a class="title" [routerLink]="[place.id]" data-testid="place-name">{{ place.name }}</a>
            <span class="pill">{{ facilityKindKey(place.kind) | translate }}</span>
            <span class="pill" [class.good]="place.cctv">{{
              (place.cctv ? 'places.cctvYes' : 'places.cctvNo') | translate
            }}</span>
          </div>
          <div class="line meta">
            <span>{{ place.address }}</span>
            @if (place.agency; as agency) {
              <vigil-agency-badge [kind]="agency.kind" [name]="agency" />
            }
          </div>
          @if (leads()) {
            <div class="actions">
              <button
                matButton
                type="button"
                (click)="edit(place)"
                [attr.aria-label]="'places.editLabel' | translate: { name: place.name }"
                data-testid="edit-place"
              >
                {{ 'common.edit' | translate }}
              </button>
            </div>
          }
        </li>
      } @empty {
        @if (!loading() && !failed()) {
          <li class="empty">{{ 'places.empty' | translate }}</li>
        }
      }
    </ul>
  `,
  styleUrls: ['./tab.scss', './page.scss'],
})
export class PlaceList {
  private readonly api = inject(PlacesApi);
  private readonly directory = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);

  protected readonly facilityKindKey = facilityKindKey;
  private readonly session = inject(Session);

  protected readonly leads = computed(() => may(this.session.me()?.role, 'place.manage'));
  protected readonly places = signal<readonly Place[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  private agencies: readonly AgencyRef[] | null = null;

  constructor() {
    void this.load();
  }

  protected async edit(place?: Place): Promise<void> {
    this.agencies ??= await firstValueFrom(this.directory.agencies()).catch(() => []);
    const ref = this.dialog.open<PlaceDialog, PlaceDialogData, Place>(PlaceDialog, {
      data: { place, agencies: this.agencies },
      autoFocus: 'first-tabbable',
    });
    if (await firstValueFrom(ref.afterClosed())) {
      await this.load();
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      const places = await firstValueFrom(this.api.list());
      this.places.set([...places].sort((a, b) => a.name.localeCompare(b.name)));
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
