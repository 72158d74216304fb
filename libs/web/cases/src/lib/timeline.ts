import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import {
  CASE_STATUSES,
  EXAMINATION_TYPES,
  ISTANBUL_CONCLUSIONS,
  PROSECUTORIAL_ACTS,
  REDACTION_REASON_MAX_LENGTH,
  RESPONSIBILITY_ROUTES,
  TASK_STATUSES,
  canRead,
  clearanceOf,
  VICTIM_IDENTITY_RULE,
  VICTIM_IDENTITY_TIER,
  can,
  unknownEvent,
} from '@vigil/contracts';
import { CaseRoomStore, type NoticeEvent, type TimelineMessage } from '@vigil/web-data-access';
import {
  caseStatusKey,
  conclusionKey,
  examinationTypeKey,
  prosecutorialActKey,
  routeKindKey,
  taskStatusKey,
  tierAudienceKey,
  tierKey,
  TranslatePipe,
  Translator,
  type TranslationKey,
  type TranslationParams,
} from '@vigil/web-i18n';
import { AgencyBadge, askReason, DateTimePipe, describeRefusal, type Refusal } from '@vigil/web-ui';


/** Closer than this to the bottom counts as reading the newest line. */
const AT_BOTTOM_PX = 48;

/**
 * The case's event log as lines: messages (with tier, edit and redaction), members joining and
 * leaving, status changes, and a generic line for types this client does not know yet.
 */
@Component({
  selector: 'vigil-timeline',
  imports: [MatButtonModule, TranslatePipe, DateTimePipe, AgencyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './timeline.html',
  styleUrl: './timeline.scss',
})
export class Timeline {
  protected readonly store = inject(CaseRoomStore);
  private readonly translator = inject(Translator);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  private readonly dateTime = new DateTimePipe();
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  protected readonly tierKey = tierKey;
  protected readonly tierAudienceKey = tierAudienceKey;
  protected readonly victimIdentityRule = VICTIM_IDENTITY_RULE;
  protected readonly identityTier = VICTIM_IDENTITY_TIER;
  /** Whether the user may post where the victim's identity may be read: then a refused message can go there. */
  protected readonly readsIdentity = computed(() => {
    const role = this.store.me()?.role;
    return role !== undefined && canRead(clearanceOf(role), VICTIM_IDENTITY_TIER);
  });
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal('');
  private readonly lastSeq = this.store.lastSeq;
  private readonly myId = computed(() => this.store.me()?.id ?? null);
  private readonly mayRedactAny = computed(() => {
    const role = this.store.me()?.role;
    // Authors may always redact their own; some roles anyone's.
    return role !== undefined && can(role, 'message.redact_any');
  });

  /** Distance from the bottom to keep after history is added above. */
  private keepFromBottom: number | null = null;
  private atBottom = true;

  constructor() {
    afterRenderEffect({
      write: () => {
        // Re-run whenever lines are added.
        this.store.timeline();
        this.store.pending();
        untracked(() => this.placeScroll());
      },
    });
    effect(() => {
      if (this.editing() !== null) {
        this.editor()?.nativeElement.focus();
      }
    });
    this.document.addEventListener('visibilitychange', this.onVisibility);
    inject(DestroyRef).onDestroy(() => this.document.removeEventListener('visibilitychange', this.onVisibility));
  }

  /** Why a message was not sent, in the UI language. */
  protected failure(message: { error?: Refusal }): string {
    return message.error ? describeRefusal(message.error, this.translator) : '';
  }

  protected canEdit(message: TimelineMessage): boolean {
    return !message.redacted && message.author.id === this.myId();
  }

  protected canRedact(message: TimelineMessage): boolean {
    return !message.redacted && (message.author.id === this.myId() || this.mayRedactAny());
  }

  protected isOwn(message: TimelineMessage): boolean {
    return message.author.id === this.myId();
  }

  protected async loadEarlier(): Promise<void> {
    const scroller = this.scroller().nativeElement;
    this.keepFromBottom = scroller.scrollHeight - scroller.scrollTop;
    await this.store.loadEarlier();
  }

  protected startEdit(message: TimelineMessage): void {
    this.draft.set(message.body ?? '');
    this.editing.set(message.messageId);
  }

  protected cancelEdit(): void {
    this.editing.set(null);
  }

  protected editKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelEdit();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.saveEdit();
    }
  }

  protected async saveEdit(event?: Event): Promise<void> {
    event?.preventDefault();
    const messageId = this.editing();
    const body = this.draft().trim();
    if (messageId === null || body === '') {
      return;
    }
    if (await this.store.edit(messageId, body)) {
      this.editing.set(null);
    }
  }

  protected async redact(message: TimelineMessage): Promise<void> {
    const reason = await askReason(this.dialog, {
      title: this.translator.translate('redact.title'),
      explain: this.translator.translate('redact.explain'),
      label: this.translator.translate('redact.reason'),
      submit: this.translator.translate('redact.submit'),
      maxLength: REDACTION_REASON_MAX_LENGTH,
    });
    if (reason) {
      await this.store.redact(message.messageId, reason);
    }
  }

  protected onScroll(): void {
    const scroller = this.scroller().nativeElement;
    this.atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < AT_BOTTOM_PX;
    this.markRead();
  }

  /** A line for an event that is not a message, in the UI language. */
  protected notice(event: NoticeEvent): string {
    const t = (key: TranslationKey, params: TranslationParams = {}) => this.translator.translate(key, { actor: event.actor.displayName, ...params });
    const time = (value: string) => this.dateTime.transform(value);
    // A value this build does not know yet (from a newer server) is shown as it came.
    const known = <T extends string>(values: readonly T[], value: T, key: (value: T) => TranslationKey) =>
      values.includes(value) ? this.translator.translate(key(value)) : value;
    switch (event.type) {
      case 'case.created':
        return t('event.created', { reference: event.data.reference });
      case 'member.added':
      case 'member.removed': {
        const name = event.data.displayName;
        const self = event.data.userId === event.actor.id;
        if (event.type === 'member.added') {
          return self ? t('event.memberJoined', { name }) : t('event.memberAdded', { name });
        }
        return self ? t('event.memberLeft', { name }) : t('event.memberRemoved', { name });
      }
      case 'case.status_changed':
        return t('event.statusChanged', {
          from: known(CASE_STATUSES, event.data.from, caseStatusKey),
          to: known(CASE_STATUSES, event.data.to, caseStatusKey),
        });
      case 'visit.dispatched':
        return t('event.visitDispatched', { name: event.data.prosecutorName });
      case 'visit.arrived':
        return t(event.data.onTime === false ? 'event.visitArrivedLate' : 'event.visitArrived', { time: time(event.data.arrivedAt) });
      case 'visit.findings_recorded':
        return t('event.visitFindings');
      case 'visit.deadline_near':
        return t('event.visitDeadlineNear', { time: time(event.data.visitDueAt) });
      case 'visit.deadline_missed':
        return t('event.visitDeadlineMissed', { time: time(event.data.visitDueAt) });
      case 'intake.recorded':
        return t('event.intakeRecorded');
      case 'task.created':
        return t('event.taskCreated', { title: event.data.title, due: time(event.data.dueAt) });
      case 'meeting.decision_recorded':
        return t('event.meetingDecision', { meeting: event.data.meetingReference, text: event.data.text });
      case 'task.updated':
        return t('event.taskUpdated', { status: known(TASK_STATUSES, event.data.status, taskStatusKey) });
      case 'evidence.added':
        return t('event.evidenceAdded', { title: event.data.title });
      case 'evidence.custody_transferred':
        return t('event.custodyTransferred', { agency: event.data.toAgency.name });
      case 'evidence.superseded':
        return t('event.evidenceSuperseded');
      case 'examination.appointed':
        return t('event.examinationAppointed', {
          type: known(EXAMINATION_TYPES, event.data.type, examinationTypeKey),
          institution: event.data.institution,
        });
      case 'examination.updated':
        return t('event.examinationUpdated');
      case 'examination.completed':
        return t('event.examinationCompleted', {
          type: known(EXAMINATION_TYPES, event.data.type, examinationTypeKey),
          conclusion: known(ISTANBUL_CONCLUSIONS, event.data.conclusion, conclusionKey),
        });
      case 'examination.cancelled':
        return t('event.examinationCancelled');
      case 'responsible.added':
        return t('event.responsibleAdded', { name: event.data.name });
      case 'route.opened':
        return t('event.routeOpened', { route: known(RESPONSIBILITY_ROUTES, event.data.route, routeKindKey) });
      case 'route.decided':
        return t('event.routeDecided', { route: known(RESPONSIBILITY_ROUTES, event.data.route, routeKindKey), result: event.data.result });
      case 'measure.adopted':
        return t('event.measureAdopted', { act: known(PROSECUTORIAL_ACTS, event.data.act, prosecutorialActKey) });
      case 'measure.completed':
        return t('event.measureCompleted');
      case 'remedies.updated':
        return t('event.remediesUpdated');
      default:
        // Every type of the catalogue is named above; a newer server's type gets a generic line.
        return t('event.other', { type: unknownEvent(event).type });
    }
  }

  /** The reason shown under a status change or a superseded item, if one was given. */
  protected reasonOf(event: NoticeEvent): string | null {
    const reason = event.type === 'case.status_changed' || event.type === 'evidence.superseded' ? event.data.reason : undefined;
    return reason || null;
  }

  private placeScroll(): void {
    const scroller = this.scroller().nativeElement;
    if (this.keepFromBottom !== null) {
      scroller.scrollTop = scroller.scrollHeight - this.keepFromBottom;
      this.keepFromBottom = null;
    } else if (this.atBottom) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    this.markRead();
  }

  private readonly onVisibility = (): void => this.markRead();

  /** What is on screen at the bottom, in a visible tab, has been read. */
  private markRead(): void {
    if (this.atBottom && this.document.visibilityState === 'visible' && this.lastSeq() > 0) {
      this.store.markRead(this.lastSeq());
    }
  }
}
