import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator } from '@vigil/web-i18n';
import { formatDateTime } from './locale-format';

/**
 * `{{ event.at | dateTime }}`: a date and time in the UI language ("7 желтоқсан 2026, 22:00").
 * Impure like `translate`, so a language switch re-renders it at once.
 */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(iso: string | null | undefined): string {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    return formatDateTime(date, this.translator.language());
  }
}
