import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator } from '@vigil/web-i18n';
import { formatMoney } from './locale-format';

/**
 * `{{ remedy.amount | money }}`: tenge in the UI language ("1 500 000 ₸", "KZT 1,500,000").
 * Impure like `translate`, so a language switch re-renders it.
 */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(amount: number | string | null | undefined): string {
    // Amounts may arrive as decimal strings (PostgreSQL numeric).
    const value = typeof amount === 'string' ? Number(amount) : amount;
    if (value === null || value === undefined || !Number.isFinite(value)) {
      return '';
    }
    return formatMoney(value, this.translator.language());
  }
}
