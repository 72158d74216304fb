import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { CaseRoomStore, ProceedingsApi } from '@vigil/web-data-access';
import { agencyKindKey, responsibleKindKey, routeKindKey, TranslatePipe } from '@vigil/web-i18n';
import { DateTimePipe, FieldError, formSubmission, LocalNamePipe, resetClean, type SubmitOptions } from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
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
    DateTimeField,
    LocalNamePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './responsible-section.html',
  styleUrl: './tab.scss',
})
export class ResponsibleSection {
  private readonly api = inject(ProceedingsApi);
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

  protected readonly addForm = this.fb.group({
    kind: ['person' as ResponsibleKind, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(300)]],
    rank: ['', Validators.maxLength(100)],
    agencyId: [''],
    position: ['', Validators.maxLength(300)],
  });
  protected readonly adding = formSubmission();

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
  protected readonly routing = formSubmission();

  /** The route whose result is being written. */
  protected readonly deciding = signal<string | null>(null);
  protected readonly decideForm = this.fb.group({ result: ['', [Validators.required, Validators.maxLength(2000)]] });
  protected readonly decision = formSubmission();

  protected async add(form: FormGroupDirective): Promise<void> {
    const value = this.addForm.getRawValue();
    await this.adding.submit(
      form,
      () =>
        this.api.addResponsible(this.caseId(), {
          kind: value.kind,
          name: value.name.trim(),
          ...(value.rank.trim() ? { rank: value.rank.trim() } : {}),
          ...(value.agencyId ? { agencyId: value.agencyId } : {}),
          ...(value.position.trim() ? { position: value.position.trim() } : {}),
        }),
      this.saved(),
    );
  }

  protected startRoute(responsible: Responsible): void {
    resetClean(this.routeForm);
    this.routing.fail(null);
    this.deciding.set(null);
    this.opening.set(responsible.id);
  }

  protected async openRoute(responsible: Responsible): Promise<void> {
    const value = this.routeForm.getRawValue();
    const openedAt = fromLocalInput(value.openedAt);
    await this.routing.submit(
      this.routeForm,
      () =>
        this.api.openRoute(this.caseId(), responsible.id, {
          route: value.route as ResponsibilityRouteKind,
          ...(value.article.trim() ? { article: value.article.trim() } : {}),
          ...(openedAt ? { openedAt } : {}),
        }),
      this.saved(() => this.opening.set(null)),
    );
  }

  protected startDecide(route: ResponsibilityRoute): void {
    resetClean(this.decideForm);
    this.decision.fail(null);
    this.opening.set(null);
    this.deciding.set(route.id);
  }

  protected async decide(responsible: Responsible, route: ResponsibilityRoute): Promise<void> {
    const result = this.decideForm.getRawValue().result.trim();
    await this.decision.submit(
      this.decideForm,
      () =>
        this.api.decideRoute(this.caseId(), responsible.id, route.id, { result }),
      this.saved(() => this.deciding.set(null)),
    );
  }

  /** After a save: close what was open, and read the section again. */
  private saved(close?: () => void): SubmitOptions<unknown> {
    return {
      onSaved: () => {
        close?.();
        return this.responsible.reload();
      },
    };
  }
}
