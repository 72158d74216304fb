import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator, type Language } from '@vigil/web-i18n';

/**
 * `{{ event.at | dateTime }}`: a date and time in the UI language. Impure like `translate`, so
 * a language switch re-renders it at once.
 */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly translator = inject(Translator);
  private readonly formats = new Map<Language, Intl.DateTimeFormat>();

  transform(iso: string | null | undefined): string {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    const language = this.translator.language();
    let format = this.formats.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
      this.formats.set(language, format);
    }
    return format.format(date);
  }
}
