import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MESSAGE_MAX_LENGTH, readableTiers, type Role, type Tier } from '@vigil/contracts';
import { tierAudienceKey, tierKey, TranslatePipe, Translator } from '@vigil/web-i18n';

export interface OutgoingMessage {
  body: string;
  tier: Tier;
}

/**
 * Writes a message. The tier selector offers only the tiers the user reads (so may post at),
 * starting at the narrowest, and says in words who will read the message.
 */
@Component({
  selector: 'vigil-composer',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="composer" (submit)="submit($event)" data-testid="composer">
      <mat-form-field appearance="outline" class="body" subscriptSizing="dynamic">
        <mat-label>{{ 'composer.label' | translate }}</mat-label>
        <textarea
          matInput
          rows="2"
          data-testid="composer-input"
          [attr.maxlength]="maxLength"
          [placeholder]="'composer.placeholder' | translate"
          [value]="body()"
          (input)="edit($event)"
          (keydown)="keydown($event)"
        ></textarea>
        @if (tooLong()) {
          <mat-error>{{ 'composer.tooLong' | translate: { max: maxLength } }}</mat-error>
        } @else {
          <mat-hint>{{ 'composer.hint' | translate }}</mat-hint>
        }
      </mat-form-field>
      <div class="send-row">
        <mat-form-field appearance="outline" class="tier" subscriptSizing="dynamic">
          <mat-label>{{ 'composer.tier' | translate }}</mat-label>
          <mat-select data-testid="tier-select" [value]="tier()" (valueChange)="tier.set($event)">
            @for (option of tiers(); track option) {
              <mat-option [value]="option">{{ tierKey(option) | translate }}</mat-option>
            }
          </mat-select>
          <mat-hint data-testid="tier-audience">{{ audience() }}</mat-hint>
        </mat-form-field>
        <button matButton="filled" type="submit" [disabled]="!canSend()" data-testid="send">
          {{ 'composer.send' | translate }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .composer {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .body {
      width: 100%;
    }
    .send-row {
      display: flex;
      align-items: flex-start;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .tier {
      flex: 1 1 16rem;
    }
    .send-row button {
      margin-top: 0.5rem;
    }
    /* A phone: tier and send side by side, so the docked composer stays short. */
    @media (max-width: 767.98px) {
      .send-row {
        flex-wrap: nowrap;
        align-items: center;
      }
      .tier {
        flex: 1 1 auto;
        min-width: 0;
      }
      .send-row button {
        margin-top: 0;
      }
    }
  `,
})
export class Composer {
  private readonly translator = inject(Translator);

  readonly role = input.required<Role>();
  readonly send = output<OutgoingMessage>();
  /** Each keystroke that changes the text, with the tier being written at (who may hear of the draft). */
  readonly typing = output<Tier>();

  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly tierKey = tierKey;
  protected readonly tiers = computed(() => readableTiers(this.role()));
  /** The narrowest readable tier until the user picks another. */
  protected readonly tier = linkedSignal<Tier>(() => {
    const tiers = this.tiers();
    return tiers[tiers.length - 1] ?? 'room';
  });
  protected readonly audience = computed(() =>
    this.translator.translate('composer.audience', {
      audience: this.translator.translate(tierAudienceKey(this.tier())),
    }),
  );
  protected readonly body = signal('');
  protected readonly tooLong = computed(() => this.body().length > MESSAGE_MAX_LENGTH);
  protected readonly canSend = computed(() => this.body().trim().length > 0 && !this.tooLong());

  protected edit(event: Event): void {
    this.body.set((event.target as HTMLTextAreaElement).value);
    this.typing.emit(this.tier());
  }

  /** Enter sends; Shift+Enter (or Enter while composing with an IME) is a new line. */
  protected keydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    }
  }

  protected submit(event?: Event): void {
    event?.preventDefault();
    if (!this.canSend()) {
      return;
    }
    this.send.emit({ body: this.body().trim(), tier: this.tier() });
    this.body.set('');
  }
}
