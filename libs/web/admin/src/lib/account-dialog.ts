import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type Account,
  can,
  type Agency,
  type CreateAccountRequest,
  PASSWORD_MIN_LENGTH,
  type Role,
  type Unit,
  type UpdateAccountRequest,
} from '@vigil/contracts';
import { AdminApi, apiErrorOf } from '@vigil/web-data-access';
import { agencyKindKey, roleKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { applyServerErrors, describeProblem, FieldError, type FormProblem, LocalNamePipe } from '@vigil/web-ui';
import { catchError, firstValueFrom, of, startWith, switchMap } from 'rxjs';
import { rolesForAgencyKind } from './account-roles';

export interface AccountDialogData {
  /** Absent: create a new account. */
  account?: Account;
  agencies: readonly Agency[];
}

/** Server field names that differ from the form's control names. */
const FIELD_ALIASES: Readonly<Record<string, string>> = {
  agency: 'agencyId',
  'agency.id': 'agencyId',
  unit: 'unitId',
  disabled: 'active',
};

/**
 * Create or edit an account. The role list follows the chosen agency's kind, so the form
 * never offers a role the server would refuse (a police agency holds no prosecutor); the unit
 * list is the chosen agency's units.
 */
@Component({
  selector: 'vigil-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
    FieldError,
    LocalNamePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-dialog.html',
  styleUrl: './dialog-form.scss',
})
export class AccountDialog {
  private readonly api = inject(AdminApi);
  private readonly translator = inject(Translator);
  private readonly dialogRef = inject<MatDialogRef<AccountDialog, Account>>(MatDialogRef);
  private readonly data = inject<AccountDialogData>(MAT_DIALOG_DATA);

  protected readonly account = this.data.account ?? null;
  /** Disabled agencies take no new accounts, but an account may stay where it is. */
  protected readonly agencies = this.data.agencies.filter(
    (agency) => !agency.disabled || agency.id === this.account?.agency.id,
  );
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly roleKey = roleKey;
  protected readonly agencyKindKey = agencyKindKey;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.account?.email ?? '', [Validators.required, Validators.email]],
    displayName: [this.account?.displayName ?? '', [Validators.required, Validators.maxLength(200)]],
    password: [
      '',
      this.account
        ? [Validators.minLength(PASSWORD_MIN_LENGTH)]
        : [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    ],
    agencyId: [this.account?.agency.id ?? '', Validators.required],
    role: [this.account?.role ?? ('' as Role | ''), Validators.required],
    /** '' is no unit. */
    unitId: [this.account?.unit?.id ?? ''],
    onDuty: [this.account?.onDuty ?? false],
    /** On: the account can sign in (the server keeps the negative, `disabled`). */
    active: [!(this.account?.disabled ?? false)],
  });

  private readonly agencyId = toSignal(this.form.controls.agencyId.valueChanges, {
    initialValue: this.form.controls.agencyId.value,
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  /** The chosen agency's units (none while it has none, or before one is chosen). */
  protected readonly units = toSignal(
    this.form.controls.agencyId.valueChanges.pipe(
      startWith(this.form.controls.agencyId.value),
      switchMap((agencyId) => (agencyId ? this.api.units(agencyId).pipe(catchError(() => of([]))) : of([]))),
    ),
    { initialValue: [] as Unit[] },
  );
  protected readonly roles = computed(() => rolesForAgencyKind(this.agencyOf(this.agencyId())?.kind));
  protected readonly showOnDuty = computed(() => can(this.role() as Role, 'case.receive_reports'));

  protected readonly busy = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly problemText = computed(() => describeProblem(this.problem(), this.translator));

  constructor() {
    if (this.account) {
      this.form.controls.email.disable();
    }
    this.fitRoleToAgency(this.form.controls.agencyId.value);
    this.form.controls.agencyId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((agencyId) => {
        this.fitRoleToAgency(agencyId);
        // A unit belongs to one agency: another agency starts with none chosen.
        this.form.controls.unitId.setValue('');
      });
  }

  protected async save(): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = this.account
        ? await firstValueFrom(this.api.updateAccount(this.account.id, this.updateRequest(this.account)))
        : await firstValueFrom(this.api.createAccount(this.createRequest()));
      this.dialogRef.close(saved);
    } catch (error) {
      const apiError = apiErrorOf(error);
      if (!this.account && apiError.statusCode === 409 && (apiError.details ?? []).every((d) => d.field === 'email')) {
        this.form.controls.email.setErrors({ taken: true });
      } else {
        this.problem.set(applyServerErrors(this.form, apiError, FIELD_ALIASES));
      }
    } finally {
      this.busy.set(false);
    }
  }

  private agencyOf(agencyId: string): Agency | undefined {
    return this.agencies.find((agency) => agency.id === agencyId);
  }

  /** Clears a role the chosen agency cannot hold; without an agency there is no role to pick. */
  private fitRoleToAgency(agencyId: string): void {
    const role = this.form.controls.role;
    const fitting = rolesForAgencyKind(this.agencyOf(agencyId)?.kind);
    if (fitting.length === 0) {
      role.disable({ emitEvent: false });
    } else {
      role.enable({ emitEvent: false });
    }
    if (role.value !== '' && !fitting.includes(role.value)) {
      role.setValue('');
    }
  }

  private createRequest(): CreateAccountRequest {
    const value = this.form.getRawValue();
    const request: CreateAccountRequest = {
      email: value.email.trim(),
      displayName: value.displayName.trim(),
      password: value.password,
      role: value.role as Role,
      agencyId: value.agencyId,
    };
    if (value.unitId !== '') {
      request.unitId = value.unitId;
    }
    if (can(value.role as Role, 'case.receive_reports')) {
      request.onDuty = value.onDuty;
    }
    return request;
  }

  /** Only what changed, so an edit never overwrites what it did not touch. */
  private updateRequest(account: Account): UpdateAccountRequest {
    const value = this.form.getRawValue();
    const request: UpdateAccountRequest = {};
    const displayName = value.displayName.trim();
    if (displayName !== account.displayName) {
      request.displayName = displayName;
    }
    if (value.role !== account.role) {
      request.role = value.role as Role;
    }
    if (value.agencyId !== account.agency.id) {
      request.agencyId = value.agencyId;
    }
    if (value.password !== '') {
      request.password = value.password;
    }
    if (value.unitId !== (account.unit?.id ?? '')) {
      request.unitId = value.unitId === '' ? null : value.unitId;
    }
    if (value.active === account.disabled) {
      request.disabled = !value.active;
    }
    if (can(value.role as Role, 'case.receive_reports') && value.onDuty !== account.onDuty) {
      request.onDuty = value.onDuty;
    }
    return request;
  }
}
