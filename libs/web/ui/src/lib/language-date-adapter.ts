import { effect, inject, Injectable, untracked } from '@angular/core';
import { DateAdapter, type MatDateFormats } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { Translator, type Language, type TranslationKey } from '@vigil/web-i18n';
import { formatDate, KK_MONTHS } from './locale-format';

/**
 * Names the calendar shows, written out per language: Chromium ships no Kazakh date data (its
 * `Intl` falls back to "M12"), and fixed tables keep the Russian abbreviations the same in every
 * browser. Index 0 of the weekdays is Sunday, as `Date.getDay()` counts.
 */
const MONTHS: Readonly<Record<Language, Readonly<Record<'long' | 'short' | 'narrow', readonly string[]>>>> = {
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    narrow: ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'],
  },
  ru: {
    long: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
    short: ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
    narrow: ['Я', 'Ф', 'М', 'А', 'М', 'И', 'И', 'А', 'С', 'О', 'Н', 'Д'],
  },
  kk: {
    // Kazakh names a month alike on its own and in a date: the date formats' table.
    long: [...KK_MONTHS],
    short: ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'],
    narrow: ['Қ', 'А', 'Н', 'С', 'М', 'М', 'Ш', 'Т', 'Қ', 'Қ', 'Қ', 'Ж'],
  },
};

/** Russian and Kazakh calendars head their columns with two letters, never one ("Дс Сс Ср"). */
const WEEKDAYS: Readonly<Record<Language, Readonly<Record<'long' | 'short' | 'narrow', readonly string[]>>>> = {
  en: {
    long: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    short: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    narrow: ['S', 'M', 'T', 'W', 'T', 'F', 'S'],
  },
  ru: {
    long: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
    short: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    narrow: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  },
  kk: {
    long: ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'],
    short: ['Жс', 'Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб'],
    narrow: ['Жс', 'Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб'],
  },
};

/** Day before month in every language (en as in Britain): `/` in English, `.` in Russian and Kazakh. */
const DATE_SEPARATOR: Readonly<Record<Language, string>> = { en: '/', ru: '.', kk: '.' };

/** What the adapter is asked to write; it reads these names in `format()`. */
type DisplayFormat = 'date' | 'time' | 'monthYear' | 'dateLong';

/** The formats of Vigil's date and time fields: numeric day-first dates and a 24-hour clock. */
export const VIGIL_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: 'date', timeInput: 'time' },
  display: {
    dateInput: 'date' satisfies DisplayFormat,
    monthLabel: 'monthYear' satisfies DisplayFormat,
    monthYearLabel: 'monthYear' satisfies DisplayFormat,
    dateA11yLabel: 'dateLong' satisfies DisplayFormat,
    monthYearA11yLabel: 'monthYear' satisfies DisplayFormat,
    timeInput: 'time' satisfies DisplayFormat,
    timeOptionLabel: 'time' satisfies DisplayFormat,
  },
};

/** `07.12.2026`, `7/12/2026`, `7-12-2026`: day, month, four-digit year. */
const DAY_FIRST = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{4})$/;
/** `2026-12-07`, as pasted from elsewhere. */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** `22:00`, `22.00`, `7:05`: hours and minutes on a 24-hour clock. */
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

const two = (value: number) => String(value).padStart(2, '0');

/**
 * Material's date adapter for native `Date`s in the UI language: follows `Translator.language()`,
 * so open calendars and typed dates switch with it, and reads and writes dates day first and
 * times on a 24-hour clock in every language. Written on `DateAdapter` itself rather than on
 * Material's `NativeDateAdapter`, whose code would otherwise ship in the chunk of Material's core
 * that the sign-in page loads.
 */
@Injectable()
export class LanguageDateAdapter extends DateAdapter<Date, Language> {
  private readonly translator = inject(Translator);

  constructor() {
    super();
    this.setLocale(this.translator.language());
    effect(() => {
      const language = this.translator.language();
      untracked(() => {
        if (this.locale !== language) {
          this.setLocale(language);
        }
      });
    });
  }

  private get language(): Language {
    return this.locale as Language;
  }

  getYear(date: Date): number {
    return date.getFullYear();
  }

  getMonth(date: Date): number {
    return date.getMonth();
  }

  getDate(date: Date): number {
    return date.getDate();
  }

  getDayOfWeek(date: Date): number {
    return date.getDay();
  }

  getNumDaysInMonth(date: Date): number {
    return new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  }

  clone(date: Date): Date {
    return new Date(date.getTime());
  }

  createDate(year: number, month: number, day: number): Date {
    return this.calendarDate(year, month + 1, day);
  }

  today(): Date {
    return new Date();
  }

  /** Adding a month to 31 January gives the last day of February, as Material expects. */
  addCalendarMonths(date: Date, months: number): Date {
    const target = new Date(date.getFullYear(), date.getMonth() + months, 1);
    const day = Math.min(date.getDate(), this.getNumDaysInMonth(target));
    return new Date(target.getFullYear(), target.getMonth(), day);
  }

  addCalendarYears(date: Date, years: number): Date {
    return this.addCalendarMonths(date, years * 12);
  }

  addCalendarDays(date: Date, days: number): Date {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  }

  toIso8601(date: Date): string {
    return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  }

  isDateInstance(value: unknown): value is Date {
    return value instanceof Date;
  }

  isValid(date: Date): boolean {
    return !Number.isNaN(date.getTime());
  }

  invalid(): Date {
    return new Date(NaN);
  }

  override setTime(target: Date, hours: number, minutes: number, seconds: number): Date {
    const date = this.clone(target);
    date.setHours(hours, minutes, seconds, 0);
    return date;
  }

  override getHours(date: Date): number {
    return date.getHours();
  }

  override getMinutes(date: Date): number {
    return date.getMinutes();
  }

  override getSeconds(date: Date): number {
    return date.getSeconds();
  }

  override addSeconds(date: Date, seconds: number): Date {
    return new Date(date.getTime() + seconds * 1000);
  }

  /** `22:00` or `22.00`, today; an invalid date for any other text, `null` for none. */
  override parseTime(value: unknown): Date | null {
    if (value instanceof Date) {
      return this.clone(value);
    }
    if (typeof value !== 'string' || value.trim() === '') {
      return null;
    }
    const clock = CLOCK.exec(value.trim());
    if (!clock || Number(clock[1]) > 23 || Number(clock[2]) > 59) {
      return this.invalid();
    }
    return this.setTime(this.today(), Number(clock[1]), Number(clock[2]), 0);
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    return [...MONTHS[this.language][style]];
  }

  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    return [...WEEKDAYS[this.language][style]];
  }

  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, index) => String(index + 1));
  }

  getYearName(date: Date): string {
    return String(date.getFullYear());
  }

  /** Monday, as in Kazakhstan, whatever the language. */
  getFirstDayOfWeek(): number {
    return 1;
  }

  parse(value: unknown): Date | null {
    if (value instanceof Date) {
      return this.clone(value);
    }
    if (typeof value !== 'string') {
      return null;
    }
    const text = value.trim();
    if (text === '') {
      return null;
    }
    const dayFirst = DAY_FIRST.exec(text);
    if (dayFirst) {
      return this.calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    }
    const iso = ISO_DATE.exec(text);
    if (iso) {
      return this.calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    }
    return this.invalid();
  }

  format(date: Date, displayFormat: unknown): string {
    if (!this.isValid(date)) {
      throw Error('LanguageDateAdapter: cannot format an invalid date.');
    }
    const day = date.getDate();
    const month = date.getMonth();
    const year = date.getFullYear();
    switch (displayFormat as DisplayFormat) {
      case 'time':
        return `${two(date.getHours())}:${two(date.getMinutes())}`;
      case 'monthYear':
        return `${MONTHS[this.language].long[month]} ${year}`;
      case 'dateLong':
        // What screen readers hear on a day of the calendar: the date as the app writes it elsewhere.
        return formatDate(date, this.language);
      default: {
        const separator = DATE_SEPARATOR[this.language];
        return `${two(day)}${separator}${two(month + 1)}${separator}${year}`;
      }
    }
  }

  /** A real day of the calendar at midnight, or an invalid date (31.02 does not roll over). */
  private calendarDate(year: number, month: number, day: number): Date {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return this.invalid();
    }
    const date = new Date(year, month - 1, day);
    date.setFullYear(year);
    return date.getMonth() === month - 1 ? date : this.invalid();
  }
}

/** The calendar's own buttons and headings, in the UI language. */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  private readonly translator = inject(Translator);

  constructor() {
    super();
    effect(() => {
      this.translator.language();
      untracked(() => this.relabel());
    });
    this.relabel();
  }

  override formatYearRangeLabel(start: string, end: string): string {
    return this.translator.translate('picker.yearRange', { start, end });
  }

  private relabel(): void {
    const t = (key: TranslationKey) => this.translator.translate(key);
    this.calendarLabel = t('picker.calendar');
    this.openCalendarLabel = t('picker.openCalendar');
    this.closeCalendarLabel = t('picker.closeCalendar');
    this.prevMonthLabel = t('picker.prevMonth');
    this.nextMonthLabel = t('picker.nextMonth');
    this.prevYearLabel = t('picker.prevYear');
    this.nextYearLabel = t('picker.nextYear');
    this.prevMultiYearLabel = t('picker.prevYears');
    this.nextMultiYearLabel = t('picker.nextYears');
    this.switchToMonthViewLabel = t('picker.chooseDate');
    this.switchToMultiYearViewLabel = t('picker.chooseMonthYear');
    this.changes.next();
  }
}
