import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  CUSTODY_NOTE_MAX_LENGTH,
  CUSTODY_RECEIVED_BY_MAX_LENGTH,
  EVIDENCE_DEFAULT_TIER,
  EVIDENCE_DESCRIPTION_MAX_LENGTH,
  EVIDENCE_TITLE_MAX_LENGTH,
  readableTiers,
  SUPERSEDE_REASON_MAX_LENGTH,
  type AgencyRef,
  type Evidence,
  type Tier,
} from '@vigil/contracts';
import {
  apiErrorOf,
  apiErrorOfBlob,
  CaseRoomStore,
  DirectoryApi,
  EVIDENCE_FILE_FIELD,
  EvidenceApi,
} from '@vigil/web-data-access';
import { agencyKindKey, tierAudienceKey, tierKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import {
  askReason,
  DateTimePipe,
  describeProblem,
  FieldError,
  FileSizePipe,
  formSubmission,
  LocalNamePipe,
  problemOf,
  resetClean,
} from '@vigil/web-ui';
import { DateTimeField } from '@vigil/web-ui/pickers';
import { firstValueFrom } from 'rxjs';
import { fromLocalInput, liveSection, may, notInFuture, validLocalTime } from '@vigil/web-workflow';

/** What the file picker suggests; the server decides from the bytes, whatever the name says. */
export const EVIDENCE_ACCEPT =
  '.jpg,.jpeg,.png,.pdf,.mp4,.m4a,.mp3,.wav,.txt,image/jpeg,image/png,application/pdf,video/mp4,audio/*,text/plain';

/**
 * Evidence of the case, live: upload (any member, at a tier they read), each item with its
 * sha256, type, size and chain of custody, a download, a hand-over to another agency, and the
 * superseded mark (prosecutors, with a reason; nothing is deleted).
 */
@Component({
  selector: 'vigil-evidence-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    DateTimePipe,
    FileSizePipe,
    FieldError,
    DateTimeField,
    LocalNamePipe,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evidence-tab.html',
  styleUrls: ['./tab.scss', './evidence-tab.scss'],
})
export class EvidenceTab {
  private readonly api = inject(EvidenceApi);
  private readonly directory = inject(DirectoryApi);
  private readonly translator = inject(Translator);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  private readonly room = inject(CaseRoomStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  readonly caseId = input.required<string>();

  protected readonly tierKey = tierKey;
  protected readonly tierAudienceKey = tierAudienceKey;
  protected readonly agencyKindKey = agencyKindKey;
  protected readonly accept = EVIDENCE_ACCEPT;
  protected readonly limits = {
    title: EVIDENCE_TITLE_MAX_LENGTH,
    description: EVIDENCE_DESCRIPTION_MAX_LENGTH,
    receivedBy: CUSTODY_RECEIVED_BY_MAX_LENGTH,
    note: CUSTODY_NOTE_MAX_LENGTH,
  };
  protected readonly evidence = liveSection(() => this.api.list(this.caseId()), ['evidence.']);
  protected readonly me = this.room.me;
  protected readonly leads = computed(() => may(this.me()?.role, 'evidence.supersede'));

  /** The agency holding an item hands it over; a prosecutor leading the case may move it from anyone. */
  protected mayHandOver(item: Evidence): boolean {
    const me = this.me();
    const holder = item.custody[item.custody.length - 1]?.toAgency.id;
    return may(me?.role, 'evidence.hand_over_any') || (me !== null && me !== undefined && holder === me.agency.id && may(me.role, 'evidence.hand_over'));
  }
  protected readonly tiers = computed(() => {
    const me = this.me();
    return me ? readableTiers(me.role) : [];
  });
  protected readonly agencies = signal<readonly AgencyRef[]>([]);

  /** Upload */
  protected readonly upload = formSubmission();
  /** The contract's default tier when the uploader reads it, else the narrowest they read. */
  private readonly defaultTier = computed<Tier>(() => {
    const tiers = this.tiers();
    return tiers.includes(EVIDENCE_DEFAULT_TIER) ? EVIDENCE_DEFAULT_TIER : (tiers[tiers.length - 1] ?? 'room');
  });
  protected readonly uploadForm = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(EVIDENCE_TITLE_MAX_LENGTH)]],
    description: ['', Validators.maxLength(EVIDENCE_DESCRIPTION_MAX_LENGTH)],
    tier: [this.defaultTier(), Validators.required],
    collectedAt: ['', [validLocalTime, notInFuture]],
    file: this.fb.control<File | null>(null, Validators.required),
  });

  /** Hand-over */
  protected readonly handingOver = signal<string | null>(null);
  protected readonly handOver = formSubmission();
  protected readonly handOverForm = this.fb.group({
    toAgencyId: ['', Validators.required],
    receivedBy: ['', Validators.maxLength(CUSTODY_RECEIVED_BY_MAX_LENGTH)],
    note: ['', Validators.maxLength(CUSTODY_NOTE_MAX_LENGTH)],
    at: ['', [validLocalTime, notInFuture]],
  });

  /** Per item: a refused download or superseding. */
  protected readonly itemProblem = signal<{ evidenceId: string; text: string } | null>(null);
  protected readonly busy = signal<string | null>(null);

  constructor() {
    void this.loadAgencies();
  }

  protected pickFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = this.uploadForm.controls.file;
    file.setValue(input.files?.[0] ?? null);
    file.markAsTouched();
  }

  /** The file is missing or was refused, once the user tried. */
  protected fileRefused(): boolean {
    const file = this.uploadForm.controls.file;
    return file.invalid && file.touched;
  }

  protected async add(form: FormGroupDirective): Promise<void> {
    const { file, ...value } = this.uploadForm.getRawValue();
    await this.upload.submit(
      form,
      () =>
        this.api.add(this.caseId(), file as File, {
          title: value.title.trim(),
          ...(value.description.trim() ? { description: value.description.trim() } : {}),
          tier: value.tier,
          ...(fromLocalInput(value.collectedAt) ? { collectedAt: fromLocalInput(value.collectedAt) } : {}),
        }),
      {
        payloadField: EVIDENCE_FILE_FIELD,
        initial: { tier: this.defaultTier() },
        onSaved: () => {
          // The file input is not bound to the form: it is emptied by hand.
          const input = this.fileInput()?.nativeElement;
          if (input) {
            input.value = '';
          }
          return this.evidence.reload();
        },
      },
    );
  }

  protected async download(item: Evidence): Promise<void> {
    this.itemProblem.set(null);
    this.busy.set(item.id);
    try {
      const blob = await firstValueFrom(this.api.content(this.caseId(), item.id));
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = item.fileName;
      this.document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      const apiError = await apiErrorOfBlob(error);
      const text =
        apiError.statusCode === 409
          ? this.translator.translate('evidence.integrityFailed', { message: apiError.message })
          : (describeProblem(problemOf(apiError), this.translator) ?? '');
      this.itemProblem.set({ evidenceId: item.id, text });
    } finally {
      this.busy.set(null);
    }
  }

  protected startHandOver(item: Evidence): void {
    resetClean(this.handOverForm);
    this.handOver.fail(null);
    this.handingOver.set(item.id);
  }

  protected async transfer(item: Evidence): Promise<void> {
    const value = this.handOverForm.getRawValue();
    await this.handOver.submit(
      this.handOverForm,
      () =>
        this.api.transferCustody(this.caseId(), item.id, {
          toAgencyId: value.toAgencyId,
          ...(value.receivedBy.trim() ? { receivedBy: value.receivedBy.trim() } : {}),
          ...(value.note.trim() ? { note: value.note.trim() } : {}),
          ...(fromLocalInput(value.at) ? { at: fromLocalInput(value.at) } : {}),
        }),
      {
        onSaved: () => {
          this.handingOver.set(null);
          return this.evidence.reload();
        },
      },
    );
  }

  protected async supersede(item: Evidence): Promise<void> {
    const reason = await askReason(this.dialog, {
      title: this.translator.translate('evidence.supersedeTitle', { title: item.title }),
      explain: this.translator.translate('evidence.supersedeExplain'),
      maxLength: SUPERSEDE_REASON_MAX_LENGTH,
    });
    if (!reason) {
      return;
    }
    this.itemProblem.set(null);
    this.busy.set(item.id);
    try {
      await firstValueFrom(this.api.supersede(this.caseId(), item.id, { reason }));
      await this.evidence.reload();
    } catch (error) {
      this.itemProblem.set({
        evidenceId: item.id,
        text: describeProblem(problemOf(apiErrorOf(error)), this.translator) ?? '',
      });
    } finally {
      this.busy.set(null);
    }
  }

  private async loadAgencies(): Promise<void> {
    try {
      this.agencies.set(await firstValueFrom(this.directory.agencies()));
    } catch {
      this.agencies.set([]);
    }
  }
}
