import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { LANGUAGE_STORAGE_KEY, Translator, type Language } from '@vigil/web-i18n';
import { DateTimeField } from './date-time-field';

/** Like the forms' own validator: a value given but no time. */
function readableTime(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && Number.isNaN(new Date(control.value).getTime()) ? { time: true } : null;
}

@Component({
  imports: [ReactiveFormsModule, DateTimeField],
  template: `
    <form [formGroup]="form">
      <vigil-date-time-field formControlName="dueAt" label="Due" />
    </form>
  `,
})
class Host {
  readonly form = new FormGroup({ dueAt: new FormControl('', { nonNullable: true, validators: [Validators.required, readableTime] }) });
}

describe('DateTimeField', () => {
  let fixture: ComponentFixture<Host>;

  async function render(language: Language, value = ''): Promise<void> {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    TestBed.resetTestingModule();
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.form.controls.dueAt.setValue(value);
    await fixture.whenStable();
  }

  const element = () => fixture.nativeElement as HTMLElement;
  const part = (name: 'date' | 'time') => element().querySelector<HTMLInputElement>(`input[data-part="${name}"]`) as HTMLInputElement;
  const control = () => fixture.componentInstance.form.controls.dueAt;

  async function type(name: 'date' | 'time', text: string): Promise<void> {
    const input = part(name);
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function leave(): Promise<void> {
    part('time').dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    await fixture.whenStable();
  }

  beforeAll(() => {
    // jsdom lays nothing out; the time list scrolls its chosen time into view.
    Element.prototype.scrollIntoView ??= () => undefined;
  });

  afterEach(() => localStorage.clear());

  it('reads a typed Russian date and a 24-hour time as the datetime-local value', async () => {
    await render('ru');
    await type('date', '07.12.2026');
    await type('time', '22:00');
    expect(control().value).toBe('2026-12-07T22:00');
    expect(control().valid).toBe(true);
  });

  it('shows a value on a 24-hour clock, day first, in the UI language', async () => {
    await render('ru', '2026-12-07T22:00');
    expect(part('date').value).toBe('07.12.2026');
    expect(part('time').value).toBe('22:00');

    TestBed.inject(Translator).use('en');
    await fixture.whenStable();
    expect(part('date').value).toBe('07/12/2026');
    expect(part('time').value).toBe('22:00');
  });

  it('offers the times of the day from 00:00 to 23:30, never AM or PM', async () => {
    await render('en', '2026-12-07T09:00');
    (element().querySelector('mat-timepicker-toggle button') as HTMLButtonElement).click();
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll('mat-option')).map((option) => option.textContent?.trim());
    expect(options).toHaveLength(48);
    expect(options[0]).toBe('00:00');
    expect(options).toContain('13:30');
    expect(options.at(-1)).toBe('23:30');
    expect(options.join(' ')).not.toMatch(/AM|PM/);
  });

  it('shows the calendar in Kazakh: month names, two-letter weekdays from Monday, its own buttons', async () => {
    await render('kk', '2026-12-07T22:00');
    (element().querySelector('mat-datepicker-toggle button') as HTMLButtonElement).click();
    await fixture.whenStable();
    const calendar = document.querySelector('mat-calendar') as HTMLElement;
    // Material writes the month in capitals over the calendar.
    expect(calendar.querySelector('.mat-calendar-period-button')?.textContent?.toLowerCase()).toContain('желтоқсан 2026');
    expect(calendar.querySelector('.mat-calendar-body-active')?.getAttribute('aria-label')).toBe('7 желтоқсан 2026');
    const weekdays = Array.from(calendar.querySelectorAll('thead th span[aria-hidden="true"]')).map((cell) => cell.textContent?.trim());
    expect(weekdays).toEqual(['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб', 'Жс']);
    expect(calendar.querySelector('.mat-calendar-previous-button')?.getAttribute('aria-label')).toBe('Алдыңғы ай');
    // The month button is named by the words it shows, then by what it does.
    expect(calendar.querySelector('.mat-calendar-period-button')?.getAttribute('aria-label')).toBe('ЖЕЛТОҚСАН 2026, Ай мен жылды таңдау');
    expect(calendar.textContent).not.toContain('M12');
  });

  it('labels both parts, the calendar button and the times button in the UI language', async () => {
    await render('ru');
    expect(element().querySelector('mat-label')?.textContent?.trim()).toBe('Due');
    expect(part('time').getAttribute('aria-label')).toBe('Due, Время');
    expect(element().querySelector('mat-datepicker-toggle button')?.getAttribute('aria-label')).toBe('Открыть календарь');
    expect(element().querySelector('mat-timepicker-toggle button')?.getAttribute('aria-label')).toBe('Выбрать время');
  });

  it('says "required" in the UI language once the field is left empty', async () => {
    await render('kk');
    await leave();
    expect(control().hasError('required')).toBe(true);
    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe('Міндетті өріс');
  });

  it('keeps an unreadable date or a date without a time as an invalid time, with its message', async () => {
    await render('en');
    await type('date', '31.02.2026');
    await type('time', '22:00');
    await leave();
    expect(control().hasError('time')).toBe(true);
    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe('Enter a valid date and time');

    await type('date', '28.02.2026');
    await type('time', '');
    expect(control().value).toBe('2026-02-28T??:??');
    expect(control().hasError('time')).toBe(true);

    await type('date', '');
    expect(control().value).toBe('');
    expect(control().hasError('required')).toBe(true);
  });

  it('clears both parts when the form resets', async () => {
    await render('en', '2026-12-07T22:00');
    fixture.componentInstance.form.reset();
    await fixture.whenStable();
    expect(part('date').value).toBe('');
    expect(part('time').value).toBe('');
    expect(element().querySelector('mat-error')).toBeNull();
  });
});
