import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { apiErrorOf, PlacesApi, type PlaceWithCases } from '@vigil/web-data-access';
import { caseStatusKey, facilityKindKey, TranslatePipe } from '@vigil/web-i18n';
import { AgencyBadge, DateTimePipe } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';

/** One place of the register and the cases of it that the viewer may see. */
@Component({
  selector: 'vigil-place-detail',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, DateTimePipe, AgencyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="back">
      <a matButton routerLink="/places">← {{ 'places.back' | translate }}</a>
    </nav>
    @switch (state()) {
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" />
      }
      @case ('not-found') {
        <p class="problem" role="alert">{{ 'places.notFound' | translate }}</p>
      }
      @case ('failed') {
        <p class="problem" role="alert">{{ 'common.genericError' | translate }}</p>
      }
      @case ('ready') {
        @if (entry(); as entry) {
          <header class="bar">
            <h1 data-testid="place-title">{{ entry.place.name }}</h1>
          </header>
          <dl class="facts card">
            <div>
              <dt>{{ 'places.kind' | translate }}</dt>
              <dd>{{ facilityKindKey(entry.place.kind) | translate }}</dd>
            </div>
            <div>
              <dt>{{ 'places.address' | translate }}</dt>
              <dd>{{ entry.place.address }}</dd>
            </div>
            <div>
              <dt>{{ 'places.agency' | translate }}</dt>
              <dd>
                @if (entry.place.agency; as agency) {
                  <vigil-agency-badge [kind]="agency.kind" [name]="agency" />
                } @else {
                  {{ 'register.notNamed' | translate }}
                }
              </dd>
            </div>
            <div>
              <dt>{{ 'places.cctv' | translate }}</dt>
              <dd>{{ (entry.place.cctv ? 'common.yes' : 'common.no') | translate }}</dd>
            </div>
          </dl>
          <section class="section cases" aria-labelledby="vigil-place-cases">
            <h2 id="vigil-place-cases">{{ 'places.cases' | translate }}</h2>
            <ul class="items" data-testid="place-cases">
              @for (item of entry.cases; track item.id) {
                <li>
                  <a
                    class="card row-link"
                    [class.overdue]="item.visitOverdue"
                    [routerLink]="['/cases', item.id]"
                    data-testid="place-case"
                  >
                    <span class="line">
                      <span class="title">{{ item.reference }}</span>
                      <span class="pill">{{ caseStatusKey(item.status) | translate }}</span>
                      @if (item.visitOverdue) {
                        <span class="pill alarm">{{ 'cases.visitOverdue' | translate }}</span>
                      }
                    </span>
                    <span>{{ item.summary }}</span>
                    <span class="meta">{{ 'cases.updated' | translate: { time: (item.updatedAt | dateTime) } }}</span>
                  </a>
                </li>
              } @empty {
                <li class="empty">{{ 'places.noCases' | translate }}</li>
              }
            </ul>
          </section>
        }
      }
    }
  `,
  styleUrls: ['./tab.scss', './page.scss'],
})
export class PlaceDetail implements OnInit {
  private readonly api = inject(PlacesApi);

  /** From the route parameter. */
  readonly id = input.required<string>();

  protected readonly facilityKindKey = facilityKindKey;
  protected readonly caseStatusKey = caseStatusKey;
  protected readonly entry = signal<PlaceWithCases | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'not-found' | 'failed'>('loading');

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.entry.set(await firstValueFrom(this.api.get(this.id())));
      this.state.set('ready');
    } catch (error) {
      this.state.set(apiErrorOf(error).statusCode === 404 ? 'not-found' : 'failed');
    }
  }
}
