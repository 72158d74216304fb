import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { can, type CaseMember, type Tier } from '@vigil/contracts';
import { apiErrorOf, CaseRoomStore, CasesApi } from '@vigil/web-data-access';
import { roleKey, tierKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, describeProblem, problemOf } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { AddMemberDialog, type AddMemberDialogData } from './add-member-dialog';
import { ConfirmDialog, type ConfirmDialogData } from './confirm-dialog';
import { memberTiers } from './member-clearance';
import { VerifyRecord } from './verify-record';

/**
 * Who is in the case, with their agency, what they read and whether they are here now. Those the
 * permission table lets manage members add them from the directory and remove them (confirmed);
 * those it lets verify the record check its hash chain here. The list follows the room live.
 */
@Component({
  selector: 'vigil-member-list',
  imports: [MatButtonModule, TranslatePipe, AgencyBadge, VerifyRecord],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="heading">
      <h2 id="vigil-members-heading">{{ 'room.members' | translate }}</h2>
      @if (manages()) {
        <button matButton="tonal" type="button" (click)="openAdd()" data-testid="open-add-member">{{ 'members.add' | translate }}</button>
      }
    </div>
    @if (problem(); as problem) {
      <p class="problem" role="alert" data-testid="members-problem">{{ problem }}</p>
    }
    <ul aria-labelledby="vigil-members-heading" data-testid="members">
      @for (member of members(); track member.userId) {
        @let here = online().has(member.userId);
        <li data-testid="member" [attr.data-online]="here" [attr.data-user-id]="member.userId">
          <span class="dot" [class.here]="here" aria-hidden="true"></span>
          <span class="who">
            <span class="name" data-testid="member-name">{{ member.displayName }}</span>
            <span class="visually-hidden">{{ (here ? 'room.online' : 'room.away') | translate }}</span>
            <span class="role">{{ roleKey(member.role) | translate }}</span>
            <vigil-agency-badge [kind]="member.agency.kind" [name]="member.agency" truncate />
            <span class="reads" data-testid="member-reads">{{ 'members.reads' | translate: { tiers: tierWords(member) } }}</span>
          </span>
          @if (manages() && member.userId !== me()?.id) {
            <button
              matButton
              type="button"
              class="remove"
              [attr.aria-label]="'members.removeLabel' | translate: { name: member.displayName }"
              (click)="remove(member)"
              data-testid="remove-member"
            >
              {{ 'members.remove' | translate }}
            </button>
          }
        </li>
      }
    </ul>
    @if (verifies() && caseId(); as caseId) {
      <vigil-verify-record class="verify" [caseId]="caseId" />
    }
  `,
  styles: `
    .heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .reads {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .remove {
      margin-left: auto;
      flex: none;
    }
    .verify {
      margin-top: 1rem;
    }
    .problem {
      padding: 0.5rem 0.75rem;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
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
  private readonly room = inject(CaseRoomStore);
  private readonly cases = inject(CasesApi);
  private readonly dialog = inject(MatDialog);
  private readonly translator = inject(Translator);

  readonly members = input.required<readonly CaseMember[]>();
  readonly online = input<ReadonlySet<string>>(new Set());

  protected readonly roleKey = roleKey;
  protected readonly me = this.room.me;
  protected readonly caseId = computed(() => this.room.record()?.id ?? null);
  protected readonly manages = computed(() => this.can('case.manage_members'));
  protected readonly verifies = computed(() => this.can('case.verify'));
  protected readonly problem = signal<string | null>(null);
  /** The agency the case implicates, from its intake where the viewer may read it: its members read less. */
  private readonly implicatedAgencyId = signal<string | null>(null);

  constructor() {
    effect(() => {
      const caseId = this.caseId();
      if (caseId && this.manages()) {
        untracked(() => void this.readImplicated(caseId));
      }
    });
  }

  /** "room, state": the tiers the member reads, in words. */
  protected tierWords(member: CaseMember): string {
    return memberTiers(member, this.implicatedAgencyId())
      .map((tier: Tier) => this.translator.translate(tierKey(tier)))
      .join(', ');
  }

  protected openAdd(): void {
    const caseId = this.caseId();
    if (!caseId) {
      return;
    }
    this.dialog.open<AddMemberDialog, AddMemberDialogData>(AddMemberDialog, {
      data: { caseId, members: this.members },
      autoFocus: 'first-tabbable',
    });
  }

  protected async remove(member: CaseMember): Promise<void> {
    const caseId = this.caseId();
    if (!caseId) {
      return;
    }
    const name = member.displayName;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
          data: {
            title: this.translator.translate('members.removeTitle', { name }),
            explain: this.translator.translate('members.removeExplain', { name }),
            confirm: this.translator.translate('members.remove'),
          },
        })
        .afterClosed(),
    );
    if (!confirmed) {
      return;
    }
    this.problem.set(null);
    try {
      // The room's log brings `member.removed`, and the list follows it.
      await firstValueFrom(this.cases.removeMember(caseId, member.userId));
    } catch (error) {
      this.problem.set(describeProblem(problemOf(apiErrorOf(error)), this.translator));
    }
  }

  private can(action: 'case.manage_members' | 'case.verify'): boolean {
    const role = this.me()?.role;
    return role !== undefined && can(role, action);
  }

  private async readImplicated(caseId: string): Promise<void> {
    try {
      const intake = await firstValueFrom(this.cases.intake(caseId));
      this.implicatedAgencyId.set(intake.implicated.agency?.id ?? null);
    } catch {
      // Below `oversight` (an implicated prosecutor): the cap is then simply not shown.
      this.implicatedAgencyId.set(null);
    }
  }
}
