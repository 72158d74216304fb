import { ChangeDetectionStrategy, Component, computed, effect, inject, input, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CaseRoomStore } from '@vigil/web-data-access';
import { caseStatusKey, facilityKindKey, TranslatePipe, Translator, type TranslationKey } from '@vigil/web-i18n';
import { EvidenceTab } from '@vigil/web-evidence';
import { ExaminationsTab, OutcomeTab } from '@vigil/web-proceedings';
import { DateTimePipe, describeRefusal, type Refusal } from '@vigil/web-ui';
import {
  caseTabKey,
  caseTabsFor,
  IntakeTab,
  StatusMenu,
  TasksTab,
  VisitTab,
  type CaseTab,
} from '@vigil/web-workflow';
import { Composer, type OutgoingMessage } from './composer';
import { MemberList } from './member-list';
import { Timeline } from './timeline';
import { visitOverdue } from './visit';

const CONNECTION_KEYS: Readonly<Record<string, TranslationKey>> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
};

/**
 * One case: its header with the status menu, and its sections as tabs. The timeline tab is the
 * room (members, timeline, composer); the others follow the same live log through the room's store.
 */
@Component({
  selector: 'vigil-case-room',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    RouterLink,
    TranslatePipe,
    DateTimePipe,
    Composer,
    MemberList,
    Timeline,
    StatusMenu,
    IntakeTab,
    VisitTab,
    TasksTab,
    EvidenceTab,
    ExaminationsTab,
    OutcomeTab,
  ],
  providers: [CaseRoomStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-room.html',
  styleUrl: './case-room.scss',
})
export class CaseRoom implements OnInit {
  protected readonly store = inject(CaseRoomStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translator = inject(Translator);

  readonly caseId = input.required<string>();
  readonly tab = input<CaseTab>('timeline');

  protected readonly statusKey = caseStatusKey;
  protected readonly facilityKindKey = facilityKindKey;
  protected readonly caseTabKey = caseTabKey;
  protected readonly role = computed(() => this.store.me()?.role ?? null);
  /** A refused request of the room, in the UI language. */
  protected readonly refusal = (problem: Refusal): string => describeRefusal(problem, this.translator);
  /** Only the sections this viewer may use: no tab that would only say "not available". */
  protected readonly tabs = computed(() => caseTabsFor(this.role()));
  protected readonly connectionKey = computed(() => CONNECTION_KEYS[this.store.connection()]);
  protected readonly overdue = computed(() => {
    const record = this.store.record();
    return record !== null && visitOverdue(record, Date.now());
  });
  protected readonly typingText = computed(() => {
    const names = this.store.typists().map((typist) => typist.displayName);
    if (names.length === 0) {
      return '';
    }
    return names.length === 1
      ? this.translator.translate('room.typingOne', { name: names[0] })
      : this.translator.translate('room.typingMany', { names: names.join(', ') });
  });

  constructor() {
    // Access lost while here: say so, and go back to the list.
    effect(() => {
      if (this.store.removed()) {
        this.snackBar.open(this.translator.translate('cases.removed'), undefined, { duration: 6000 });
        void this.router.navigateByUrl('/cases');
      }
    });
  }

  ngOnInit(): void {
    void this.store.open(this.caseId());
  }

  /** The timeline is the case's own address; every other tab is a path below it. */
  protected tabLink(tab: CaseTab): string[] {
    return tab === 'timeline' ? ['/cases', this.caseId()] : ['/cases', this.caseId(), tab];
  }

  protected send(message: OutgoingMessage): void {
    this.store.send(message.body, message.tier);
  }
}
