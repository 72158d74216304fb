import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { AgencyRef } from '@vigil/contracts';
import { DirectoryApi } from '@vigil/web-data-access';
import { firstValueFrom } from 'rxjs';
import { MeasuresSection } from './measures-section';
import { RemediesSection } from './remedies-section';
import { ResponsibleSection } from './responsible-section';

/** How the case ends: those responsible and their proceedings, remedial measures, the victim's remedies. */
@Component({
  selector: 'vigil-outcome-tab',
  imports: [ResponsibleSection, MeasuresSection, RemediesSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <vigil-responsible-section [caseId]="caseId()" [agencies]="agencies()" />
    <vigil-measures-section [caseId]="caseId()" [agencies]="agencies()" />
    <vigil-remedies-section [caseId]="caseId()" />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class OutcomeTab {
  private readonly directory = inject(DirectoryApi);

  readonly caseId = input.required<string>();

  protected readonly agencies = signal<readonly AgencyRef[]>([]);

  constructor() {
    firstValueFrom(this.directory.agencies()).then(
      (agencies) => this.agencies.set(agencies),
      () => this.agencies.set([]),
    );
  }
}
