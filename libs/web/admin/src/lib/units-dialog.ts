import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Agency, Unit } from '@vigil/contracts';
import { AdminApi, apiErrorOf } from '@vigil/web-data-access';
import { TranslatePipe, Translator } from '@vigil/web-i18n';
import { applyServerErrors, describeProblem, type FormProblem, LocalNamePipe } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';

export interface UnitsDialogData {
  agency: Agency;
}

/**
 * The units of one agency: add one, rename one. Accounts and cases name a unit by id, so a
 * rename follows everywhere; the conflict-of-interest rule keeps a unit's officers out of the
 * cases that implicate it.
 */
@Component({
  selector: 'vigil-units-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    LocalNamePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'unit.title' | translate: { agency: (agency | localName) } }}</h2>
    <mat-dialog-content class="fields">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <ul class="units" data-testid="unit-list">
        @for (unit of units(); track unit.id) {
          <li data-testid="unit-row">
            @if (renaming() === unit.id) {
              <form class="row" [formGroup]="renameForm" (ngSubmit)="rename(unit)" novalidate>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'unit.renameLabel' | translate: { unit: (unit | localName) } }}</mat-label>
                  <input matInput formControlName="name" required cdkFocusInitial data-testid="unit-rename-input" />
                  @if (renameForm.controls.name.hasError('required')) {
                    <mat-error>{{ 'common.required' | translate }}</mat-error>
                  } @else if (renameForm.controls.name.hasError('taken')) {
                    <mat-error>{{ 'unit.nameTaken' | translate }}</mat-error>
                  } @else if (renameForm.controls.name.hasError('server')) {
                    <mat-error>{{ renameForm.controls.name.getError('server') }}</mat-error>
                  }
                </mat-form-field>
                <button matButton type="button" (click)="renaming.set(null)">{{ 'common.cancel' | translate }}</button>
                <button matButton="filled" type="submit" [disabled]="busy()" data-testid="unit-rename-save">
                  {{ 'common.save' | translate }}
                </button>
              </form>
            } @else {
              <div class="row">
                <span class="name" data-testid="unit-name">{{ unit | localName }}</span>
                <button
                  matButton
                  type="button"
                  (click)="startRename(unit)"
                  [attr.aria-label]="'unit.renameLabel' | translate: { unit: (unit | localName) }"
                  data-testid="unit-rename"
                >
                  {{ 'unit.rename' | translate }}
                </button>
              </div>
            }
          </li>
        } @empty {
          @if (!loading()) {
            <li class="hint">{{ 'unit.empty' | translate }}</li>
          }
        }
      </ul>
      <form class="row add" [formGroup]="addForm" #addDirective="ngForm" (ngSubmit)="add(addDirective)" novalidate>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'unit.add' | translate }}</mat-label>
          <input matInput formControlName="name" required data-testid="unit-add-input" />
          @if (addForm.controls.name.hasError('required')) {
            <mat-error>{{ 'common.required' | translate }}</mat-error>
          } @else if (addForm.controls.name.hasError('taken')) {
            <mat-error>{{ 'unit.nameTaken' | translate }}</mat-error>
          } @else if (addForm.controls.name.hasError('server')) {
            <mat-error>{{ addForm.controls.name.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <button matButton="filled" type="submit" [disabled]="busy()" data-testid="unit-add">{{ 'common.create' | translate }}</button>
      </form>
      @if (problemText(); as text) {
        <p class="problem" role="alert" data-testid="form-problem">{{ text }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ 'common.close' | translate }}</button>
    </mat-dialog-actions>
  `,
  styleUrl: './dialog-form.scss',
  styles: `
    .units {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .units li {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 0.25rem 0;
    }
    .row {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .row mat-form-field {
      flex: 1 1 12rem;
    }
    .name {
      flex: 1 1 auto;
    }
  `,
})
export class UnitsDialog {
  private readonly api = inject(AdminApi);
  private readonly translator = inject(Translator);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly agency = inject<UnitsDialogData>(MAT_DIALOG_DATA).agency;

  protected readonly units = signal<Unit[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly renaming = signal<string | null>(null);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly problemText = computed(() => describeProblem(this.problem(), this.translator));
  protected readonly addForm = this.fb.group({ name: ['', [Validators.required, Validators.maxLength(200)]] });
  protected readonly renameForm = this.fb.group({ name: ['', [Validators.required, Validators.maxLength(200)]] });

  constructor() {
    void this.load();
  }

  protected startRename(unit: Unit): void {
    this.renameForm.reset({ name: unit.name });
    this.renaming.set(unit.id);
  }

  protected async add(directive: FormGroupDirective): Promise<void> {
    const saved = await this.submit(this.addForm, (name) => this.api.createUnit(this.agency.id, { name }));
    if (saved) {
      // A fresh field, not a red "Required" one: resetting the directive forgets the submit too.
      directive.resetForm({ name: '' });
    }
  }

  protected async rename(unit: Unit): Promise<void> {
    const saved = await this.submit(this.renameForm, (name) => this.api.renameUnit(this.agency.id, unit.id, { name }));
    if (saved) {
      this.renaming.set(null);
    }
  }

  private async submit(
    form: typeof this.addForm,
    request: (name: string) => ReturnType<AdminApi['createUnit']>,
  ): Promise<boolean> {
    if (this.busy()) {
      return false;
    }
    if (form.invalid) {
      form.markAllAsTouched();
      form.controls.name.markAsDirty();
      return false;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(request(form.getRawValue().name.trim()));
      await this.load();
      return true;
    } catch (error) {
      const apiError = apiErrorOf(error);
      if (apiError.statusCode === 409 && (apiError.details ?? []).every((d) => d.field === 'name')) {
        form.controls.name.setErrors({ taken: true });
      } else {
        this.problem.set(applyServerErrors(form, apiError));
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      const units = await firstValueFrom(this.api.units(this.agency.id));
      this.units.set([...units].sort((a, b) => a.name.localeCompare(b.name)));
    } catch (error) {
      this.problem.set(applyServerErrors(this.addForm, apiErrorOf(error)));
    } finally {
      this.loading.set(false);
    }
  }
}
