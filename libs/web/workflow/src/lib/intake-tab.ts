import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { INTAKE_TIER } from '@vigil/contracts';
import { CaseRoomStore, CasesApi } from '@vigil/web-data-access';
import { allegedMethodKey, caseSourceKey, facilityKindKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, LocalNamePipe } from '@vigil/web-ui';
import { liveSection } from './live-section';

/** What was reported: the case record for everyone, the intake record (Istanbul Protocol) at `oversight`. */
@Component({
  selector: 'vigil-intake-tab',
  imports: [MatProgressBarModule, TranslatePipe, DateTimePipe, LocalNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (room.record(); as record) {
      <section class="section" [attr.aria-label]="'intake.report' | translate">
        <h2>{{ 'intake.report' | translate }}</h2>
        <dl class="facts card">
          <div>
            <dt>{{ 'register.sourceKind' | translate }}</dt>
            <dd data-testid="intake-source">{{ caseSourceKey(record.source) | translate }}</dd>
          </div>
          <div>
            <dt>{{ 'register.receivedAt' | translate }}</dt>
            <dd>{{ record.receivedAt | dateTime }}</dd>
          </div>
          <div>
            <dt>{{ 'register.allegedAt' | translate }}</dt>
            <dd>{{ record.allegedAt ? (record.allegedAt | dateTime) : ('common.notRecorded' | translate) }}</dd>
          </div>
          <div>
            <dt>{{ 'room.facility' | translate }}</dt>
            <dd>{{ record.facility.name }} · {{ facilityKindKey(record.facility.kind) | translate }}</dd>
          </div>
          <div>
            <dt>{{ 'room.victim' | translate }}</dt>
            <dd data-testid="intake-victim">
              @if (record.victim.fullName) {
                {{ record.victim.fullName }}
                @if (record.victim.birthYear) {
                  · {{ 'intake.born' | translate: { year: record.victim.birthYear } }}
                }
                @if (record.victim.contact) {
                  · {{ record.victim.contact }}
                }
              } @else {
                {{ record.victim.pseudonym }} · {{ 'room.identityProtected' | translate }}
              }
            </dd>
          </div>
        </dl>
      </section>
    }

    <section class="section" [attr.aria-label]="'intake.title' | translate">
      <h2>{{ 'intake.title' | translate }}</h2>
      @switch (intake.state()) {
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" />
        }
        @case ('unavailable') {
          <p class="unavailable" data-testid="not-available">{{ 'common.notAvailable' | translate }}</p>
        }
        @case ('failed') {
          <p class="problem" role="alert">{{ 'common.genericError' | translate }}</p>
        }
        @case ('ready') {
          @if (intake.value(); as record) {
            <dl class="facts card" data-testid="intake">
              <div>
                <dt>{{ 'register.methods' | translate }}</dt>
                <dd data-testid="intake-methods">
                  @for (method of record.allegation.methods; track method; let last = $last) {
                    {{ allegedMethodKey(method) | translate }}{{ last ? '' : ', ' }}
                  } @empty {
                    {{ 'common.notRecorded' | translate }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ 'register.injuries' | translate }}</dt>
                <dd class="free">{{ record.allegation.injuries ?? ('common.notRecorded' | translate) }}</dd>
              </div>
              <div>
                <dt>{{ 'register.witnesses' | translate }}</dt>
                <dd class="free">{{ record.allegation.witnesses ?? ('common.notRecorded' | translate) }}</dd>
              </div>
              <div>
                <dt>{{ 'register.circumstances' | translate }}</dt>
                <dd class="free">{{ record.custody.circumstances ?? ('common.notRecorded' | translate) }}</dd>
              </div>
              <div>
                <dt>{{ 'register.detainedAt' | translate }}</dt>
                <dd>
                  {{ record.custody.detainedAt ? (record.custody.detainedAt | dateTime) : ('common.notRecorded' | translate) }}
                </dd>
              </div>
              <div>
                <dt>{{ 'register.sourceDetails' | translate }}</dt>
                <dd class="free">{{ record.sourceDetails ?? ('common.notRecorded' | translate) }}</dd>
              </div>
              <div>
                <dt>{{ 'register.implicated' | translate }}</dt>
                <dd data-testid="intake-implicated">
                  @if (record.implicated.agency) { {{ record.implicated.agency | localName }} } @else { {{ 'register.notNamed' | translate }} }
                  @if (record.implicated.unit) {
                    · {{ record.implicated.unit | localName }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ 'register.risk' | translate }}</dt>
                <dd data-testid="intake-risk">
                  @if (record.reprisalRisk) {
                    <span class="pill alarm">{{ 'intake.riskYes' | translate }}</span>
                  } @else {
                    {{ 'intake.riskNo' | translate }}
                  }
                </dd>
              </div>
              @if (record.reprisalRisk) {
                <div>
                  <dt>{{ 'register.protectionMeasures' | translate }}</dt>
                  <dd class="free">{{ record.protectionMeasures ?? ('common.notRecorded' | translate) }}</dd>
                </div>
              }
            </dl>
          }
        }
      }
    </section>
  `,
  styleUrl: './tab.scss',
})
export class IntakeTab {
  private readonly api = inject(CasesApi);
  protected readonly room = inject(CaseRoomStore);

  readonly caseId = input.required<string>();

  protected readonly caseSourceKey = caseSourceKey;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly allegedMethodKey = allegedMethodKey;
  protected readonly intake = liveSection(() => this.api.intake(this.caseId()), ['intake.'], { readableAt: INTAKE_TIER });
}
