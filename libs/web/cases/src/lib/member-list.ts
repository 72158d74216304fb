import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CaseMember } from '@vigil/contracts';
import { roleKey, TranslatePipe } from '@vigil/web-i18n';
import { AgencyBadge } from '@vigil/web-ui';

/** Who is in the case, with their agency and whether they are here now. */
@Component({
  selector: 'vigil-member-list',
  imports: [TranslatePipe, AgencyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="vigil-members-heading">{{ 'room.members' | translate }}</h2>
    <ul aria-labelledby="vigil-members-heading" data-testid="members">
      @for (member of members(); track member.userId) {
        @let here = online().has(member.userId);
        <li data-testid="member" [attr.data-online]="here">
          <span class="dot" [class.here]="here" aria-hidden="true"></span>
          <span class="who">
            <span class="name" data-testid="member-name">{{ member.displayName }}</span>
            <span class="visually-hidden">{{ (here ? 'room.online' : 'room.away') | translate }}</span>
            <span class="role">{{ roleKey(member.role) | translate }}</span>
            <vigil-agency-badge [kind]="member.agency.kind" [name]="member.agency" truncate />
          </span>
        </li>
      }
    </ul>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 0.5rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    li {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .dot {
      flex: none;
      width: 0.625rem;
      height: 0.625rem;
      margin-top: 0.375rem;
      border-radius: 50%;
      border: 2px solid var(--mat-sys-outline);
      box-sizing: border-box;
    }
    .dot.here {
      border-color: #1b5e20;
      background: #2e7d32;
    }
    .who {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      min-width: 0;
    }
    .name {
      font-weight: 500;
    }
    .role {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class MemberList {
  readonly members = input.required<readonly CaseMember[]>();
  readonly online = input<ReadonlySet<string>>(new Set());

  protected readonly roleKey = roleKey;
}
