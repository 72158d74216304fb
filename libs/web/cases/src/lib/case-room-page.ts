import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { CaseRoom } from './case-room';

/** The `/cases/:id` route: a new room (and store) for each case id, even when the route is reused. */
@Component({
  selector: 'vigil-case-room-page',
  imports: [CaseRoom],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (caseId of [id()]; track caseId) {
      <vigil-case-room [caseId]="caseId" />
    }
  `,
})
export class CaseRoomPage {
  /** From the route parameter. */
  readonly id = input.required<string>();
}
