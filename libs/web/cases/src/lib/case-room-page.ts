import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { isCaseTab, type CaseTab } from '@vigil/web-workflow';
import { CaseRoom } from './case-room';

/**
 * The `/cases/:id(/:tab)` route: a new room (and store) for each case id, even when the route is
 * reused; a new tab keeps the room.
 */
@Component({
  selector: 'vigil-case-room-page',
  imports: [CaseRoom],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (caseId of [id()]; track caseId) {
      <vigil-case-room [caseId]="caseId" [tab]="activeTab()" />
    }
  `,
})
export class CaseRoomPage {
  /** From the route parameters. */
  readonly id = input.required<string>();
  readonly tab = input<string>();

  protected readonly activeTab = computed<CaseTab>(() => {
    const tab = this.tab();
    return isCaseTab(tab) ? tab : 'timeline';
  });
}
