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
import { CASE_STATUSES, type CaseEvent, type CaseStatus, type Role } from '@vigil/contracts';
import { CaseRoomStore, type TimelineMessage } from '@vigil/web-data-access';
import { caseStatusKey, tierAudienceKey, tierKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { AgencyBadge, DateTimePipe } from '@vigil/web-ui';
import { firstValueFrom } from 'rxjs';
import { RedactDialog } from './redact-dialog';

/** Roles that may redact anyone's message; authors may always redact their own. */
const REDACTING_ROLES: ReadonlySet<Role> = new Set<Role>(['prosecutor', 'chief_prosecutor']);
function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

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
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  protected readonly tierKey = tierKey;
  protected readonly tierAudienceKey = tierAudienceKey;
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal('');
  private readonly lastSeq = this.store.lastSeq;
  private readonly myId = computed(() => this.store.me()?.id ?? null);
  private readonly mayRedactAny = computed(() => {
    const role = this.store.me()?.role;
    return role !== undefined && REDACTING_ROLES.has(role);
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
    const ref = this.dialog.open<RedactDialog, void, string>(RedactDialog, { autoFocus: 'first-tabbable' });
    const reason = await firstValueFrom(ref.afterClosed());
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
  protected notice(event: CaseEvent): string {
    const t = (key: Parameters<Translator['translate']>[0], params?: Parameters<Translator['translate']>[1]) =>
      this.translator.translate(key, params);
    const data = event.data;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const status = (value: unknown) => (isCaseStatus(value) ? t(caseStatusKey(value)) : text(value));
    switch (event.type) {
      case 'case.created':
        return t('event.created', { actor: event.actor.displayName, reference: text(data['reference']) });
      case 'member.added':
      case 'member.removed': {
        const name = text(data['displayName']);
        const self = data['userId'] === event.actor.id;
        if (event.type === 'member.added') {
          return self ? t('event.memberJoined', { name }) : t('event.memberAdded', { actor: event.actor.displayName, name });
        }
        return self ? t('event.memberLeft', { name }) : t('event.memberRemoved', { actor: event.actor.displayName, name });
      }
      case 'case.status_changed':
        return t('event.statusChanged', {
          actor: event.actor.displayName,
          from: status(data['from']),
          to: status(data['to']),
        });
      default:
        return t('event.other', { actor: event.actor.displayName, type: event.type });
    }
  }

  protected reasonOf(event: CaseEvent): string | null {
    const reason = event.data['reason'];
    return event.type === 'case.status_changed' && typeof reason === 'string' && reason !== '' ? reason : null;
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
