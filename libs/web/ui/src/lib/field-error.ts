import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { Translator, type TranslationKey, type TranslationParams } from '@vigil/web-i18n';
import { describeServerError, type ServerFieldError } from './server-errors';

/** Words for a validator's error: a key, or a key with the values its sentence needs. */
export type FieldErrorWords = Readonly<Record<string, TranslationKey | { key: TranslationKey; params?: TranslationParams }>>;

/** What most fields can break, in the UI language; a form adds its own through `words`. */
const COMMON_WORDS: Readonly<Record<string, (error: ValidationErrors[string]) => { key: TranslationKey; params?: TranslationParams }>> = {
  required: () => ({ key: 'common.required' }),
  maxlength: (error: { requiredLength: number }) => ({ key: 'form.maxLength', params: { max: error.requiredLength } }),
  future: () => ({ key: 'form.future' }),
  time: () => ({ key: 'form.time' }),
};

/**
 * The error of one control, put inside its `mat-error`: its own validators' first (required,
 * then format), else what the server said about it, in the UI language. Follows the control's
 * status and the language without help from the form.
 */
@Component({
  selector: 'vigil-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ text() }}`,
})
export class FieldError {
  private readonly translator = inject(Translator);

  readonly control = input.required<AbstractControl>();
  /** Words for this field's own validators (`{ taken: 'agency.nameTaken' }`), over the common ones. */
  readonly words = input<FieldErrorWords>({});

  /** Bumped on every status change of the control: `errors` is no signal. */
  private readonly changes = signal(0);

  protected readonly text = computed(() => {
    this.changes();
    return this.describe(this.control().errors);
  });

  constructor() {
    effect((onCleanup) => {
      const subscription = this.control().events.subscribe(() => this.changes.update((count) => count + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  private describe(errors: ValidationErrors | null): string {
    if (errors === null) {
      return '';
    }
    const own = this.words();
    for (const [name, error] of Object.entries(errors)) {
      if (name === 'server') {
        continue;
      }
      const words = own[name] ?? COMMON_WORDS[name]?.(error);
      if (words !== undefined) {
        return typeof words === 'string' ? this.translator.translate(words) : this.translator.translate(words.key, words.params);
      }
    }
    const server = errors['server'] as ServerFieldError | undefined;
    return server ? describeServerError(server, this.translator) : '';
  }
}
