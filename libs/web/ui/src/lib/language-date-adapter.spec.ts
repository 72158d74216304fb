import { TestBed } from '@angular/core/testing';
import { LANGUAGE_STORAGE_KEY, Translator } from '@vigil/web-i18n';
import { LanguageDateAdapter, VIGIL_DATE_FORMATS } from './language-date-adapter';

describe('LanguageDateAdapter', () => {
  let adapter: LanguageDateAdapter;

  beforeEach(() => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ru');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [LanguageDateAdapter] });
    adapter = TestBed.inject(LanguageDateAdapter);
  });

  afterEach(() => localStorage.clear());

  it('reads dates day first, with dots, slashes or as ISO, and refuses days that do not exist', () => {
    expect(adapter.parse('07.12.2026')).toEqual(new Date(2026, 11, 7));
    expect(adapter.parse('7/12/2026')).toEqual(new Date(2026, 11, 7));
    expect(adapter.parse('2026-12-07')).toEqual(new Date(2026, 11, 7));
    expect(adapter.isValid(adapter.parse('31.02.2026') as Date)).toBe(false);
    expect(adapter.isValid(adapter.parse('12/31/2026') as Date)).toBe(false);
    expect(adapter.parse('  ')).toBeNull();
  });

  it('reads times on a 24-hour clock only', () => {
    const evening = adapter.parseTime('22:00') as Date;
    expect([evening.getHours(), evening.getMinutes()]).toEqual([22, 0]);
    expect(adapter.getHours(adapter.parseTime('7.05') as Date)).toBe(7);
    expect(adapter.isValid(adapter.parseTime('25:00') as Date)).toBe(false);
    expect(adapter.isValid(adapter.parseTime('10:00 PM') as Date)).toBe(false);
  });

  it('writes and names dates in the UI language, switching with it', () => {
    const date = new Date(2026, 11, 7, 22, 0);
    expect(adapter.format(date, VIGIL_DATE_FORMATS.display.dateInput)).toBe('07.12.2026');
    expect(adapter.format(date, VIGIL_DATE_FORMATS.display.monthYearLabel)).toBe('декабрь 2026');
    expect(adapter.format(date, VIGIL_DATE_FORMATS.display.dateA11yLabel)).toBe('7 декабря 2026');
    expect(adapter.format(date, VIGIL_DATE_FORMATS.display.timeInput)).toBe('22:00');

    TestBed.inject(Translator).use('kk');
    TestBed.tick();
    expect(adapter.format(date, VIGIL_DATE_FORMATS.display.monthYearLabel)).toBe('желтоқсан 2026');
    expect(adapter.getDayOfWeekNames('narrow')).toEqual(['Жс', 'Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб']);
    expect(adapter.getFirstDayOfWeek()).toBe(1);

    TestBed.inject(Translator).use('en');
    TestBed.tick();
    expect(adapter.format(date, VIGIL_DATE_FORMATS.display.dateInput)).toBe('07/12/2026');
  });

  it('moves by months without running past the end of the shorter month', () => {
    expect(adapter.addCalendarMonths(new Date(2026, 0, 31), 1)).toEqual(new Date(2026, 1, 28));
    expect(adapter.addCalendarYears(new Date(2024, 1, 29), 1)).toEqual(new Date(2025, 1, 28));
    expect(adapter.addCalendarDays(new Date(2026, 11, 31), 1)).toEqual(new Date(2027, 0, 1));
    expect(adapter.getNumDaysInMonth(new Date(2028, 1, 3))).toBe(29);
  });
});
