import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type ControlValueAccessor,
  FormControl,
  type FormGroupDirective,
  NgControl,
  type NgForm,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { DateAdapter, ErrorStateMatcher, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { TranslatePipe } from '@vigil/web-i18n';
import { merge } from 'rxjs';
import { CalendarHeader } from './calendar-header';
import { FieldError, type FieldErrorWords } from './field-error';
import { LanguageDateAdapter, TranslatedDatepickerIntl, VIGIL_DATE_FORMATS } from './language-date-adapter';

/** `2026-12-07T22:00`, the value of the field: what a `datetime-local` input gave. */
const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A date and a time, each with its Material picker, in the UI language and on a 24-hour clock.
 * Bound with `formControlName` like an input; its value stays the `datetime-local` string
 * `YYYY-MM-DDTHH:mm` (empty when both parts are), so `fromLocalInput()` and the time validators
 * read it as before. Half a value, or text that is no date, is passed on as `…T??:??`, which no
 * validator takes for a time: the form reports it as an invalid time instead of losing it.
 */
@Component({
  selector: 'vigil-date-time-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatDatepickerModule, MatTimepickerModule, FieldError, TranslatePipe],
  providers: [
    { provide: DateAdapter, useClass: LanguageDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: VIGIL_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ],
  host: { class: 'vigil-date-time-field', role: 'group', '[attr.aria-label]': 'label()', '(focusout)': 'leave($event)' },
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0 8px;
      align-items: flex-start;
    }
    .date {
      width: 11.5em;
    }
    .time {
      width: 8.5em;
    }
  `,
  template: `
    <mat-form-field appearance="outline" class="date">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matDatepicker]="calendar"
        [formControl]="date"
        [required]="required"
        [errorStateMatcher]="errors"
        [placeholder]="'picker.datePlaceholder' | translate"
        autocomplete="off"
        data-part="date"
      />
      <mat-datepicker-toggle matIconSuffix [for]="calendar" />
      <mat-datepicker #calendar [calendarHeaderComponent]="header" />
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error><vigil-field-error [control]="outer" [words]="words()" /></mat-error>
    </mat-form-field>
    <mat-form-field appearance="outline" class="time">
      <mat-label>{{ 'picker.time' | translate }}</mat-label>
      <input
        matInput
        [matTimepicker]="clock"
        [formControl]="time"
        [required]="required"
        [errorStateMatcher]="errors"
        [placeholder]="'picker.timePlaceholder' | translate"
        [attr.aria-label]="label() + ', ' + ('picker.time' | translate)"
        autocomplete="off"
        data-part="time"
      />
      <mat-timepicker-toggle matIconSuffix [for]="clock" [aria-label]="'picker.openTimes' | translate" />
      <mat-timepicker #clock interval="30m" [aria-label]="'picker.times' | translate" />
    </mat-form-field>
  `,
})
export class DateTimeField implements ControlValueAccessor, OnInit {
  private readonly ngControl = inject(NgControl, { self: true, optional: true });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  /** What the date is (shown on the date part; the time part is read out as "…, time"). */
  readonly label = input.required<string>();
  readonly hint = input<string>('');
  /** Words for the form's own validators, as `<vigil-field-error>` takes them. */
  readonly words = input<FieldErrorWords>({});

  protected readonly header = CalendarHeader;
  protected readonly date = new FormControl<Date | null>(null);
  protected readonly time = new FormControl<Date | null>(null);
  protected required = false;

  /** The form's own rule for when errors show (e.g. once dirty), asked about the form's control. */
  private readonly formErrorState = inject(ErrorStateMatcher);

  /** Both parts turn red with the form's control, not with their own: the form's control has the errors. */
  protected readonly errors: ErrorStateMatcher = {
    isErrorState: (_control: AbstractControl | null, form: FormGroupDirective | NgForm | null) =>
      this.formErrorState.isErrorState(this.outer as FormControl, form),
  };

  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;
  private lastValue = '';

  constructor() {
    if (this.ngControl) {
      this.ngControl.valueAccessor = this;
    }
  }

  /** The form's own control, whose errors the field shows. */
  protected get outer(): AbstractControl {
    return this.ngControl?.control ?? this.date;
  }

  ngOnInit(): void {
    this.required = this.outer.hasValidator(Validators.required);
    merge(this.date.events, this.time.events)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.emit());
  }

  writeValue(value: string | null | undefined): void {
    const parts = LOCAL_VALUE.exec(value ?? '');
    const day = parts ? new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) : null;
    const clock = parts ? new Date(2000, 0, 1, Number(parts[4]), Number(parts[5])) : null;
    this.lastValue = parts ? (value as string).slice(0, 16) : '';
    this.date.setValue(day, { emitEvent: false });
    this.time.setValue(clock, { emitEvent: false });
  }

  registerOnChange(onChange: (value: string) => void): void {
    this.onChange = onChange;
  }

  registerOnTouched(onTouched: () => void): void {
    this.onTouched = onTouched;
  }

  setDisabledState(disabled: boolean): void {
    for (const part of [this.date, this.time]) {
      if (disabled) {
        part.disable({ emitEvent: false });
      } else {
        part.enable({ emitEvent: false });
      }
    }
  }

  /** Touched once focus leaves both parts (not on the hop from the date to the time). */
  protected leave(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.host.nativeElement.contains(next)) {
      this.onTouched();
    }
  }

  private emit(): void {
    const value = this.value();
    if (value !== this.lastValue) {
      this.lastValue = value;
      this.onChange(value);
    }
  }

  private value(): string {
    const day = this.readable(this.date, 'matDatepickerParse');
    const clock = this.readable(this.time, 'matTimepickerParse');
    if (day === null && clock === null) {
      return '';
    }
    const datePart = day ? `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}` : '????-??-??';
    const timePart = clock ? `${two(clock.getHours())}:${two(clock.getMinutes())}` : '??:??';
    return `${datePart}T${timePart}`;
  }

  /** The part's value; `undefined` when its text is there but unreadable, `null` when empty. */
  private readable(part: FormControl<Date | null>, parseError: string): Date | null | undefined {
    if (part.hasError(parseError)) {
      return undefined;
    }
    const value = part.value;
    return value && !Number.isNaN(value.getTime()) ? value : null;
  }
}
