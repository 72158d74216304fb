import { TestBed } from '@angular/core/testing';
import { Translator } from '@vigil/web-i18n';
import { DateTimePipe } from './date-time-pipe';
import { FileSizePipe } from './file-size-pipe';
import { formatDate, formatDateTime, formatMoney, formatNumber, NARROW_NBSP } from './locale-format';
import { localName, LocalNamePipe } from './local-name';
import { MoneyPipe } from './money-pipe';

const N = NARROW_NBSP;
// Local time, so the test reads the same in every time zone.
const evening = new Date(2026, 11, 7, 22, 0);
const morning = new Date(2026, 0, 1, 9, 5);

describe('locale formats', () => {
  it('writes Kazakh dates with Kazakh month names and a 24-hour clock', () => {
    expect(formatDateTime(evening, 'kk')).toBe('7 желтоқсан 2026, 22:00');
    expect(formatDateTime(morning, 'kk')).toBe('1 қаңтар 2026, 09:05');
    expect(formatDate(new Date(2026, 8, 30), 'kk')).toBe('30 қыркүйек 2026');
  });

  it('writes Russian dates with the month in the genitive', () => {
    expect(formatDateTime(evening, 'ru')).toBe('7 декабря 2026, 22:00');
    expect(formatDate(new Date(2026, 4, 9), 'ru')).toBe('9 мая 2026');
  });

  it('writes English dates day first, with a 24-hour clock', () => {
    expect(formatDateTime(evening, 'en')).toBe('7 Dec 2026, 22:00');
  });

  it('groups digits as each language does', () => {
    expect(formatNumber(1_500_000, 'en')).toBe('1,500,000');
    expect(formatNumber(1_500_000, 'ru')).toBe(`1${N}500${N}000`);
    expect(formatNumber(1_500_000.25, 'kk', 1)).toBe(`1${N}500${N}000,3`);
    expect(formatNumber(999, 'kk')).toBe('999');
  });

  it('writes tenge after the amount in ru and kk, as KZT before it in en', () => {
    expect(formatMoney(1_500_000, 'kk')).toBe(`1${N}500${N}000${N}₸`);
    expect(formatMoney(1_500_000, 'ru')).toBe(`1${N}500${N}000${N}₸`);
    expect(formatMoney(1_500_000, 'en')).toBe('KZT\u00a01,500,000');
    expect(formatMoney(250.5, 'ru')).toBe(`250,50${N}₸`);
  });
});

describe('localName', () => {
  const agency = { name: 'City Police', names: { en: 'City Police', ru: 'Городская полиция', kk: 'Қалалық полиция' } };

  it('picks the name in the language asked for', () => {
    expect(localName(agency, 'ru')).toBe('Городская полиция');
    expect(localName(agency, 'kk')).toBe('Қалалық полиция');
  });

  it('falls back to English, then to name, when a translation is missing', () => {
    expect(localName({ name: 'Old', names: { en: 'City Police', kk: ' ' } }, 'kk')).toBe('City Police');
    expect(localName({ name: 'City Police' }, 'ru')).toBe('City Police');
    expect(localName({ name: 'City Police', names: null }, 'kk')).toBe('City Police');
  });
});

describe('pipes follow the UI language', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });

  function inLanguage(language: 'en' | 'ru' | 'kk') {
    const translator = TestBed.inject(Translator);
    translator.use(language);
    return TestBed.runInInjectionContext(() => ({
      dateTime: new DateTimePipe(),
      money: new MoneyPipe(),
      fileSize: new FileSizePipe(),
      localName: new LocalNamePipe(),
      translator,
    }));
  }

  it('renders a Kazakh screen in Kazakh formats, and switches with the language', () => {
    const pipes = inLanguage('kk');
    expect(pipes.dateTime.transform(evening.toISOString())).toBe('7 желтоқсан 2026, 22:00');
    expect(pipes.money.transform('1500000')).toBe(`1${N}500${N}000${N}₸`);
    expect(pipes.fileSize.transform(1_572_864)).toBe('1,5 МиБ');
    expect(pipes.localName.transform({ name: 'Police', names: { kk: 'Полиция (kk)' } })).toBe('Полиция (kk)');
    pipes.translator.use('en');
    expect(pipes.dateTime.transform(evening.toISOString())).toBe('7 Dec 2026, 22:00');
    expect(pipes.money.transform(1_500_000)).toBe('KZT\u00a01,500,000');
    expect(pipes.fileSize.transform(1_572_864)).toBe('1.5 MiB');
  });

  it('renders nothing for what is missing or not a date or amount', () => {
    const pipes = inLanguage('ru');
    expect(pipes.dateTime.transform(null)).toBe('');
    expect(pipes.dateTime.transform('not a date')).toBe('');
    expect(pipes.money.transform(undefined)).toBe('');
    expect(pipes.money.transform('abc')).toBe('');
    expect(pipes.localName.transform(null)).toBe('');
  });
});
