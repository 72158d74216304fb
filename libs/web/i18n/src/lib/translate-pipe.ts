import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { TranslationKey } from './en';
import { Translator, type TranslationParams } from './translator';

/**
 * `{{ 'signIn.title' | translate }}`. Impure so that it runs on every check; it reads the
 * language signal, so a language switch marks every view that uses it for refresh.
 */
@Pipe({ name: 'translate', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.translator.translate(key, params);
  }
}
