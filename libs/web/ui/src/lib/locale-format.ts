import type { Language } from '@vigil/web-i18n';

/**
 * Dates, numbers and money as each language writes them. Written out here rather than left to
 * `Intl` because browsers ship without Kazakh data (Chromium renders "2026 M12 7 22:00") and
 * disagree on the Russian group separator; the same text everywhere also makes tests exact.
 */

/** The narrow no-break space: groups thousands in ru and kk, and keeps "₸" with its amount. */
export const NARROW_NBSP = '\u202f';

/** Kazakh month names as they stand in a date ("7 желтоқсан 2026"). */
export const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;

/** Russian month names in the genitive, as a date reads ("7 декабря 2026"). */
const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A moment in the user's own time zone, with a 24-hour clock in every language:
 * en "7 Dec 2026, 22:00", ru "7 декабря 2026, 22:00", kk "7 желтоқсан 2026, 22:00".
 */
export function formatDateTime(date: Date, language: Language): string {
  return `${formatDate(date, language)}, ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The day alone: en "7 Dec 2026", ru "7 декабря 2026", kk "7 желтоқсан 2026". */
export function formatDate(date: Date, language: Language): string {
  const months = language === 'kk' ? KK_MONTHS : language === 'ru' ? RU_MONTHS : EN_MONTHS;
  return `${date.getDate()} ${months[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * A number with the language's separators: en "1,500,000.5", ru and kk "1 500 000,5" (narrow
 * no-break spaces between the groups).
 */
export function formatNumber(
  value: number,
  language: Language,
  maximumFractionDigits = 0,
  minimumFractionDigits = 0,
): string {
  const parts = new Intl.NumberFormat('en', { maximumFractionDigits, minimumFractionDigits }).formatToParts(value);
  if (language === 'en') {
    return parts.map((part) => part.value).join('');
  }
  return parts
    .map((part) => (part.type === 'group' ? NARROW_NBSP : part.type === 'decimal' ? ',' : part.value))
    .join('');
}

/**
 * An amount of tenge: en "KZT 1,500,000" (the code English readers know), ru and kk
 * "1 500 000 ₸" as written locally. Tiyn are shown only when there are any.
 */
export function formatMoney(amount: number, language: Language): string {
  const cents = Number.isInteger(amount) ? 0 : 2;
  const number = formatNumber(amount, language, cents, cents);
  return language === 'en' ? `KZT\u00a0${number}` : `${number}${NARROW_NBSP}₸`;
}
