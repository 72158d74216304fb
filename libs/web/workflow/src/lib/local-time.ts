import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Clocks of phones and laptops run a little ahead: the server allows about a minute. */
const FUTURE_SLACK_MS = 60_000;

/** An ISO time as the value of a `<vigil-date-time-field>` (`YYYY-MM-DDTHH:mm`), in the browser's time zone. */
export function toLocalInput(iso: string | number | Date): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A date-time field's value as an ISO time; `undefined` when empty or not a time (the field
 * passes half a value on as `…T??:??`).
 */
export function fromLocalInput(value: string | null | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A past or present time only (what was collected, received, detained). */
export function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  const iso = fromLocalInput(control.value);
  return iso !== undefined && Date.parse(iso) > Date.now() + FUTURE_SLACK_MS ? { future: true } : null;
}

/** A time given but unreadable. */
export function validLocalTime(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && fromLocalInput(control.value) === undefined ? { time: true } : null;
}
