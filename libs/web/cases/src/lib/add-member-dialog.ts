import { ChangeDetectionStrategy, Component, computed, inject, signal, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiError, CaseMember, DirectoryEntry } from '@vigil/contracts';
import { apiErrorOf, CasesApi, DirectoryApi } from '@vigil/web-data-access';
import { roleKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, describeProblem, LocalNamePipe, problemOf } from '@vigil/web-ui';
import { catchError, firstValueFrom, map, of } from 'rxjs';

export interface AddMemberDialogData {
  caseId: string;
  /** The case's members as they stand, kept current live while the dialog is open. */
  members: Signal<readonly CaseMember[]>;
}

/** The rule of a refusal to bring an officer of the implicated unit into the case. */
export const IMPLICATED_UNIT_RULE = 'implicated_unit';

/** Whether the server refused a member for being an officer of the unit the case implicates. */
export function implicatedUnitRefusal(error: ApiError): boolean {
  return (
    (error.details ?? []).some((detail) => detail.rule === IMPLICATED_UNIT_RULE) ||
    (error.code === 'CONFLICT' && (error.details ?? []).some((detail) => detail.field === 'userId'))
  );
}

/** Brings case workers from the directory into a case: search by name, agency or role, then add. */
@Component({
  selector: 'vigil-add-member-dialog',
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe, AgencyBadge, LocalNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'members.addTitle' | translate }}</h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
        <mat-label>{{ 'members.search' | translate }}</mat-label>
        <input matInput type="search" [value]="query()" (input)="query.set($any($event.target).value)" data-testid="member-search" />
      </mat-form-field>
      <p class="status" role="status" data-testid="member-added">{{ notice() }}</p>
      @if (problem(); as problem) {
        <p class="problem" role="alert" data-testid="member-problem">{{ problem }}</p>
      }
      @if (people() === null) {
        <mat-progress-bar mode="indeterminate" />
      } @else {
        <ul class="people" data-testid="directory">
          @for (person of matches(); track person.userId) {
            @let member = memberIds().has(person.userId);
            <li data-testid="directory-entry">
              <span class="who">
                <span class="name" data-testid="directory-name">{{ person.displayName }}</span>
                <span class="role">{{ roleKey(person.role) | translate }}@if (person.unit) { · {{ person.unit | localName }} }</span>
                <vigil-agency-badge [kind]="person.agency.kind" [name]="person.agency" truncate />
              </span>
              @if (member) {
                <span class="member">{{ 'members.isMember' | translate }}</span>
              } @else {
                <button
                  matButton="tonal"
                  type="button"
                  [disabled]="adding() === person.userId"
                  [attr.aria-label]="'members.addOneLabel' | translate: { name: person.displayName }"
                  (click)="add(person)"
                  data-testid="add-member"
                >
                  {{ 'members.addOne' | translate }}
                </button>
              }
            </li>
          } @empty {
            <li class="empty">{{ 'members.noMatch' | translate }}</li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close data-testid="close-add-member">{{ 'common.close' | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .search {
      width: 100%;
      min-width: min(28rem, 75vw);
    }
    .people {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
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
    .role,
    .member,
    .empty {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    /* Always in the page, so that screen readers hear what is added to it. */
    .status {
      margin: 0.25rem 0;
    }
    .problem {
      padding: 0.5rem 0.75rem;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class AddMemberDialog {
  private readonly data = inject<AddMemberDialogData>(MAT_DIALOG_DATA);
  private readonly cases = inject(CasesApi);
  private readonly translator = inject(Translator);

  protected readonly roleKey = roleKey;
  protected readonly query = signal('');
  protected readonly adding = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly problem = signal<string | null>(null);
  /** `null` while the directory loads. */
  protected readonly people = toSignal(
    inject(DirectoryApi)
      .people()
      .pipe(
        map((people): DirectoryEntry[] | null => people),
        catchError((error: unknown) => {
          this.problem.set(describeProblem(problemOf(apiErrorOf(error)), this.translator));
          return of([]);
        }),
      ),
    { initialValue: null },
  );
  /** Added here but not yet back from the room's log. */
  private readonly added = signal<ReadonlySet<string>>(new Set());
  protected readonly memberIds = computed(
    () => new Set([...this.data.members().map((member) => member.userId), ...this.added()]),
  );
  /** Every word of the search appears in the name, the agency, the unit or the role (in the UI language). */
  protected readonly matches = computed(() => {
    const words = this.query().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return (this.people() ?? []).filter((person) => {
      const text = [person.displayName, person.agency.name, person.unit?.name ?? '', this.translator.translate(roleKey(person.role)), person.role]
        .join(' ')
        .toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    });
  });

  protected async add(person: DirectoryEntry): Promise<void> {
    this.adding.set(person.userId);
    this.problem.set(null);
    this.notice.set('');
    try {
      await firstValueFrom(this.cases.addMember(this.data.caseId, person.userId));
      this.added.update((ids) => new Set([...ids, person.userId]));
      this.notice.set(this.translator.translate('members.added', { name: person.displayName }));
    } catch (error) {
      const refusal = apiErrorOf(error);
      this.problem.set(
        implicatedUnitRefusal(refusal)
          ? this.translator.translate('members.implicatedUnit')
          : (describeProblem(problemOf(refusal), this.translator) ?? ''),
      );
    } finally {
      this.adding.set(null);
    }
  }
}
