import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ALLEGED_METHODS,
  CASE_SOURCES,
  FACILITY_KINDS,
  type AgencyRef,
  type AllegedMethod,
  type CaseSource,
  type CreateCaseRequest,
  type FacilityKind,
  type IntakeRequest,
  type Place,
  type UnitRef,
} from '@vigil/contracts';
import { CasesApi, DirectoryApi, PlacesApi, Session } from '@vigil/web-data-access';
import { agencyKindKey, allegedMethodKey, caseSourceKey, facilityKindKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { FieldError, formSubmission, LocalNamePipe } from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
import { firstValueFrom } from 'rxjs';
import { fromLocalInput, notInFuture, validLocalTime } from './local-time';
import { may } from './roles';

export const BIRTH_YEAR_MIN = 1900;

/**
 * Registers a report: who, where (a place of the register or a facility by name and kind), when,
 * what is alleged, how the person came into custody, the source, the implicated agency and unit,
 * and the risk of reprisals. The form's groups have the request's shape, so that a server error
 * naming `intake.allegation.methods` lands on that very control.
 */
@Component({
  selector: 'vigil-register-case',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    FieldError,
    DateTimeField,
    LocalNamePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-case.html',
  styleUrl: './workflow-form.scss',
})
export class RegisterCase {
  private readonly casesApi = inject(CasesApi);
  private readonly session = inject(Session);
  protected readonly namesImplicated = computed(() => may(this.session.me()?.role, 'case.set_implicated'));
  private readonly placesApi = inject(PlacesApi);
  private readonly directoryApi = inject(DirectoryApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translator = inject(Translator);

  protected readonly sources = CASE_SOURCES;
  protected readonly facilityKinds = FACILITY_KINDS;
  protected readonly methods = ALLEGED_METHODS;
  protected readonly caseSourceKey = caseSourceKey;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly allegedMethodKey = allegedMethodKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly birthYearMin = BIRTH_YEAR_MIN;
  protected readonly birthYearMax = new Date().getFullYear();

  protected readonly places = signal<readonly Place[]>([]);
  protected readonly agencies = signal<readonly AgencyRef[]>([]);
  /** The units of the implicated agency, once one is chosen. */
  protected readonly units = signal<readonly UnitRef[]>([]);
  protected readonly submission = formSubmission();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    summary: ['', [Validators.required, Validators.maxLength(2000)]],
    source: ['' as CaseSource | '', Validators.required],
    where: ['facility' as 'place' | 'facility'],
    placeId: [{ value: '', disabled: true }, Validators.required],
    facility: this.fb.group({
      name: ['', [Validators.required, Validators.maxLength(300)]],
      kind: ['' as FacilityKind | '', Validators.required],
    }),
    victim: this.fb.group({
      fullName: ['', [Validators.required, Validators.maxLength(300)]],
      birthYear: this.fb.control<number | null>(null, [Validators.min(BIRTH_YEAR_MIN), Validators.max(this.birthYearMax)]),
      contact: ['', Validators.maxLength(500)],
    }),
    allegedAt: ['', [validLocalTime, notInFuture]],
    receivedAt: ['', [validLocalTime, notInFuture]],
    intake: this.fb.group({
      allegation: this.fb.group({
        methods: this.fb.control<AllegedMethod[]>([]),
        injuries: ['', Validators.maxLength(4000)],
        witnesses: ['', Validators.maxLength(4000)],
      }),
      custody: this.fb.group({
        circumstances: ['', Validators.maxLength(4000)],
        detainedAt: ['', [validLocalTime, notInFuture]],
      }),
      sourceDetails: ['', Validators.maxLength(2000)],
      implicated: this.fb.group({
        agencyId: [''],
        unitId: [''],
      }),
      reprisalRisk: [false],
      protectionMeasures: ['', Validators.maxLength(4000)],
    }),
  });

  protected readonly where = toSignal(this.form.controls.where.valueChanges, { initialValue: this.form.controls.where.value });
  protected readonly reprisalRisk = toSignal(this.form.controls.intake.controls.reprisalRisk.valueChanges, {
    initialValue: false,
  });
  protected readonly chosenMethods = toSignal(this.form.controls.intake.controls.allegation.controls.methods.valueChanges, {
    initialValue: [] as AllegedMethod[],
  });

  constructor() {
    this.form.controls.where.valueChanges.pipe(takeUntilDestroyed()).subscribe((where) => this.useWhere(where));
    this.form.controls.intake.controls.implicated.controls.agencyId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((agencyId) => void this.loadUnits(agencyId));
    void this.loadChoices();
  }

  protected isChosen(method: AllegedMethod): boolean {
    return this.chosenMethods().includes(method);
  }

  protected toggleMethod(method: AllegedMethod, checked: boolean): void {
    const control = this.form.controls.intake.controls.allegation.controls.methods;
    const chosen = new Set(control.value);
    if (checked) {
      chosen.add(method);
    } else {
      chosen.delete(method);
    }
    control.setValue(ALLEGED_METHODS.filter((candidate) => chosen.has(candidate)));
    control.markAsDirty();
  }

  protected async submit(): Promise<void> {
    await this.submission.submit(this.form, () => this.casesApi.create(this.request()), {
      keep: true,
      onSaved: async (created) => {
        this.snackBar.open(this.translator.translate('register.created', { reference: created.reference }), undefined, {
          duration: 5000,
        });
        await this.router.navigate(['/cases', created.id]);
      },
    });
  }

  private async loadChoices(): Promise<void> {
    const [places, agencies] = await Promise.allSettled([
      firstValueFrom(this.placesApi.list()),
      firstValueFrom(this.directoryApi.agencies()),
    ]);
    if (places.status === 'fulfilled') {
      this.places.set(places.value);
      if (places.value.length > 0 && !this.form.controls.where.dirty) {
        this.form.controls.where.setValue('place');
      }
    }
    if (agencies.status === 'fulfilled') {
      this.agencies.set(agencies.value);
    }
  }

  /** A unit belongs to one agency: choosing another agency clears the unit and offers its units. */
  private async loadUnits(agencyId: string): Promise<void> {
    this.form.controls.intake.controls.implicated.controls.unitId.setValue('');
    this.units.set([]);
    if (!agencyId) {
      return;
    }
    try {
      const units = await firstValueFrom(this.directoryApi.units(agencyId));
      if (this.form.controls.intake.controls.implicated.controls.agencyId.value === agencyId) {
        this.units.set(units);
      }
    } catch {
      // No units offered: the report can still name the agency alone.
    }
  }

  /** A place of the register stands for the facility: only one of the two is asked for. */
  private useWhere(where: 'place' | 'facility'): void {
    const { placeId, facility } = this.form.controls;
    if (where === 'place') {
      placeId.enable();
      facility.disable();
    } else {
      placeId.disable();
      facility.enable();
    }
  }

  private request(): CreateCaseRequest {
    const value = this.form.getRawValue();
    const text = (input: string) => input.trim() || undefined;
    const victim: CreateCaseRequest['victim'] = { fullName: value.victim.fullName.trim() };
    if (value.victim.birthYear !== null) {
      victim.birthYear = value.victim.birthYear;
    }
    if (text(value.victim.contact)) {
      victim.contact = text(value.victim.contact);
    }
    const request = {
      summary: value.summary.trim(),
      source: value.source as CaseSource,
      victim,
    } as CreateCaseRequest;
    if (value.where === 'place') {
      request.placeId = value.placeId;
    } else {
      request.facility = { name: value.facility.name.trim(), kind: value.facility.kind as FacilityKind };
    }
    const allegedAt = fromLocalInput(value.allegedAt);
    if (allegedAt) {
      request.allegedAt = allegedAt;
    }
    const receivedAt = fromLocalInput(value.receivedAt);
    if (receivedAt) {
      request.receivedAt = receivedAt;
    }
    const intake = this.intakeRequest();
    if (intake) {
      request.intake = intake;
    }
    return request;
  }

  /** Only what was filled in; nothing at all when the intake part was left empty. */
  private intakeRequest(): IntakeRequest | undefined {
    const value = this.form.controls.intake.getRawValue();
    const text = (input: string) => input.trim() || undefined;
    const intake: IntakeRequest = {};
    const allegation = compact({
      methods: value.allegation.methods.length > 0 ? value.allegation.methods : undefined,
      injuries: text(value.allegation.injuries),
      witnesses: text(value.allegation.witnesses),
    });
    if (allegation) {
      intake.allegation = allegation;
    }
    const custody = compact({
      circumstances: text(value.custody.circumstances),
      detainedAt: fromLocalInput(value.custody.detainedAt),
    });
    if (custody) {
      intake.custody = custody;
    }
    if (text(value.sourceDetails)) {
      intake.sourceDetails = text(value.sourceDetails);
    }
    const implicated = compact({ agencyId: value.implicated.agencyId || undefined, unitId: value.implicated.unitId || undefined });
    if (implicated) {
      intake.implicated = implicated;
    }
    if (value.reprisalRisk) {
      intake.reprisalRisk = true;
      if (text(value.protectionMeasures)) {
        intake.protectionMeasures = text(value.protectionMeasures);
      }
    }
    return Object.keys(intake).length > 0 ? intake : undefined;
  }
}

/** The object without its `undefined` members, or `undefined` when none is left. */
function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}
