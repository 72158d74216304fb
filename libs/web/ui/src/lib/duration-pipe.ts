import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator } from '@vigil/web-i18n';

/**
 * `{{ dueAt - now | duration }}`: a span of time in the UI language, to the minute ("1 d 3 h",
 * "3 h 12 min", "12 min"). Impure like `translate`, so a language switch re-renders it.
 */
@Pipe({ name: 'duration', pure: false })
export class DurationPipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(ms: number | null | undefined): string {
    const minutesTotal = Math.max(0, Math.ceil((ms ?? 0) / 60_000));
    const days = Math.floor(minutesTotal / (24 * 60));
    const hours = Math.floor((minutesTotal % (24 * 60)) / 60);
    const minutes = minutesTotal % 60;
    if (days > 0) {
      return this.translator.translate('duration.daysHours', { days, hours });
    }
    if (hours > 0) {
      return this.translator.translate('duration.hoursMinutes', { hours, minutes });
    }
    return this.translator.translate('duration.minutes', { minutes });
  }
}
