import { booleanAttribute, ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AgencyKind, SystemRole } from '@vigil/contracts';
import { agencyKindKey, TranslatePipe, Translator } from '@vigil/web-i18n';
import { localName, type Named } from './local-name';

/** One colour per agency kind, each dark enough for white text (WCAG AA). */
export const AGENCY_KIND_COLORS: Readonly<Record<AgencyKind | SystemRole, string>> = {
  prosecutor: '#283593',
  police: '#00695c',
  ombudsman: '#6a1b9a',
  civil_society: '#bf360c',
  // Vigil itself, for what its clocks record.
  system: '#455a64',
};

/** An agency's kind as a colour and a word (never colour alone), optionally with its name. */
@Component({
  selector: 'vigil-agency-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'vigil-agency-badge',
    '[class.truncate]': 'truncate()',
    '[attr.data-kind]': 'kind()',
    'data-testid': 'agency-badge',
  },
  template: `
    <span class="kind" data-testid="agency-kind" [style.background-color]="color()">{{ kindKey() | translate }}</span>
    @if (label(); as label) {
      <span class="name" data-testid="agency-name" [attr.title]="truncate() ? label : null">{{ label }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }
    .kind {
      color: #fff;
      border-radius: 999px;
      padding: 0.125rem 0.625rem;
      font-size: 0.75rem;
      font-weight: 500;
      letter-spacing: 0.02em;
      white-space: nowrap;
    }
    :host(.truncate) .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class AgencyBadge {
  readonly kind = input.required<AgencyKind | SystemRole>();
  /** A name as is, or an agency (`{ name, names? }`), named in the UI language. */
  readonly name = input<string | Named>();
  /** One line, cut with an ellipsis (the full name in a tooltip): for tight spaces like the toolbar. */
  readonly truncate = input(false, { transform: booleanAttribute });

  private readonly translator = inject(Translator);
  protected readonly label = computed(() => {
    const name = this.name();
    return typeof name === 'object' ? localName(name, this.translator.language()) : name;
  });
  protected readonly kindKey = computed(() => agencyKindKey(this.kind()));
  protected readonly color = computed(() => AGENCY_KIND_COLORS[this.kind()]);
}
