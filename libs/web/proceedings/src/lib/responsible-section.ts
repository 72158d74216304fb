import { ChangeDetectionStrategy, Component, computed, inject, input, signal, type WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  RESPONSIBILITY_ROUTES,
  RESPONSIBILITY_TIER,
  RESPONSIBLE_KINDS,
  type AgencyRef,
  type Responsible,
  type ResponsibilityRoute,
  type ResponsibilityRouteKind,
  type ResponsibleKind,
} from '@vigil/contracts';
import { apiErrorOf, CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { agencyKindKey, responsibleKindKey, routeKindKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { applyServerErrors, DateTimePipe, describeProblem, FieldError, type FormProblem } from '@vigil/web-ui';
import { firstValueFrom, type Observable } from 'rxjs';
import { fromLocalInput, liveSection, may, notInFuture, validLocalTime } from '@vigil/web-workflow';

/** A criminal route names the article of the criminal code. */
function articleForCriminal(group: AbstractControl): { articleRequired: true } | null {
  const route = group.get('route')?.value as string;
  const article = (group.get('article')?.value as string | undefined)?.trim();
  return route === 'criminal' && !article ? { articleRequired: true } : null;
}

/**
 * Those responsible (`oversight`): persons or units named by prosecutors, each with the routes of
 * their responsibility (criminal, disciplinary, suspension) and the result of each.
 */
@Component({
  selector: 'vigil-responsible-section',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    DateTimePipe,
    FieldError,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './responsible-section.html',
  styleUrl: './tab.scss',
})
export class ResponsibleSection {
  private readonly api = inject(ProceedingsApi);
  private readonly translator = inject(Translator);
  private readonly room = inject(CaseRoomStore);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly caseId = input.required<string>();
  readonly agencies = input.required<readonly AgencyRef[]>();

  protected readonly kinds = RESPONSIBLE_KINDS;
  protected readonly routes = RESPONSIBILITY_ROUTES;
  protected readonly responsibleKindKey = responsibleKindKey;
  protected readonly routeKindKey = routeKindKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly responsible = liveSection(() => this.api.responsible(this.caseId()), ['responsible.', 'route.'], {
    readableAt: RESPONSIBILITY_TIER,
  });
  protected readonly leads = computed(() => may(this.room.me()?.role, 'proceedings.lead'));
  protected readonly busy = signal(false);

  protected readonly addForm = this.fb.group({
    kind: ['person' as ResponsibleKind, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(300)]],
    rank: ['', Validators.maxLength(100)],
    agencyId: [''],
    position: ['', Validators.maxLength(300)],
  });
  protected readonly addProblem = signal<FormProblem | null>(null);
  protected readonly addProblemText = computed(() => describeProblem(this.addProblem(), this.translator));

  /** The responsible whose new route is being written. */
  protected readonly opening = signal<string | null>(null);
  protected readonly routeForm = this.fb.group(
    {
      route: ['' as ResponsibilityRouteKind | '', Validators.required],
      article: ['', Validators.maxLength(100)],
      openedAt: ['', [validLocalTime, notInFuture]],
    },
    { validators: articleForCriminal },
  );
  protected readonly chosenRoute = toSignal(this.routeForm.controls.route.valueChanges, {
    initialValue: '' as ResponsibilityRouteKind | '',
  });
  protected readonly routeProblem = signal<FormProblem | null>(null);
  protected readonly routeProblemText = computed(() => describeProblem(this.routeProblem(), this.translator));

  /** The route whose result is being written. */
  protected readonly deciding = signal<string | null>(null);
  protected readonly decideForm = this.fb.group({ result: ['', [Validators.required, Validators.maxLength(2000)]] });
  protected readonly decideProblem = signal<FormProblem | null>(null);
  protected readonly decideProblemText = computed(() => describeProblem(this.decideProblem(), this.translator));

  protected add(): Promise<void> {
    const value = this.addForm.getRawValue();
    return this.submit(this.addForm, this.addProblem, () =>
      this.api.addResponsible(this.caseId(), {
        kind: value.kind,
        name: value.name.trim(),
        ...(value.rank.trim() ? { rank: value.rank.trim() } : {}),
        ...(value.agencyId ? { agencyId: value.agencyId } : {}),
        ...(value.position.trim() ? { position: value.position.trim() } : {}),
      }),
    ).then((done) => {
      if (done) {
        this.addForm.reset();
      }
    });
  }

  protected startRoute(responsible: Responsible): void {
    this.routeForm.reset();
    this.routeProblem.set(null);
    this.deciding.set(null);
    this.opening.set(responsible.id);
  }

  protected openRoute(responsible: Responsible): Promise<void> {
    const value = this.routeForm.getRawValue();
    const openedAt = fromLocalInput(value.openedAt);
    return this.submit(this.routeForm, this.routeProblem, () =>
      this.api.openRoute(this.caseId(), responsible.id, {
        route: value.route as ResponsibilityRouteKind,
        ...(value.article.trim() ? { article: value.article.trim() } : {}),
        ...(openedAt ? { openedAt } : {}),
      }),
    ).then((done) => {
      if (done) {
        this.opening.set(null);
      }
    });
  }

  protected startDecide(route: ResponsibilityRoute): void {
    this.decideForm.reset();
    this.decideProblem.set(null);
    this.opening.set(null);
    this.deciding.set(route.id);
  }

  protected decide(responsible: Responsible, route: ResponsibilityRoute): Promise<void> {
    const result = this.decideForm.getRawValue().result.trim();
    return this.submit(this.decideForm, this.decideProblem, () =>
      this.api.decideRoute(this.caseId(), responsible.id, route.id, { result }),
    ).then((done) => {
      if (done) {
        this.deciding.set(null);
      }
    });
  }

  private async submit(
    form: AbstractControl,
    problem: WritableSignal<FormProblem | null>,
    request: () => Observable<unknown>,
  ): Promise<boolean> {
    if (this.busy()) {
      return false;
    }
    if (form.invalid) {
      form.markAllAsTouched();
      return false;
    }
    this.busy.set(true);
    problem.set(null);
    try {
      await firstValueFrom(request());
      await this.responsible.reload();
      return true;
    } catch (error) {
      problem.set(applyServerErrors(form, apiErrorOf(error)));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
