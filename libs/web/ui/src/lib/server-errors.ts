import type { AbstractControl } from '@angular/forms';
import type { ApiError } from '@vigil/contracts';
import type { TranslationKey, Translator } from '@vigil/web-i18n';

/** What a form shows for a failed save that no single field explains. */
export type FormProblem = { key: TranslationKey } | { text: string };

/**
 * Puts each `details[].field` message of a 400 (or 409) on the control at that dotted path
 * (`intake.allegation.methods`), or on its nearest ancestor group that exists, as the `server`
 * error shown by its `mat-error`; returns what is left for the form as a whole.
 */
export function applyServerErrors(
  form: AbstractControl,
  error: ApiError,
  aliases: Readonly<Record<string, string>> = {},
): FormProblem | null {
  const unplaced: string[] = [];
  for (const detail of error.details ?? []) {
    const control = controlFor(form, aliases[detail.field] ?? detail.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.message });
      control.markAsTouched();
      control.markAsDirty();
    } else {
      unplaced.push(detail.field ? `${detail.field}: ${detail.message}` : detail.message);
    }
  }
  if (unplaced.length > 0) {
    return { text: unplaced.join('; ') };
  }
  if ((error.details ?? []).length > 0) {
    return null;
  }
  return problemOf(error);
}

/** The form-wide words for an error that names no field. */
export function problemOf(error: ApiError): FormProblem {
  switch (error.statusCode) {
    case 0:
      return { key: 'common.networkError' };
    case 403:
      return { key: 'common.forbidden' };
    case 404:
      return { key: 'common.notAvailable' };
    case 400:
    case 409:
    case 413:
      return error.message ? { text: error.message } : { key: 'common.genericError' };
    default:
      return { key: 'common.genericError' };
  }
}

export function describeProblem(problem: FormProblem | null, translator: Translator): string | null {
  if (problem === null) {
    return null;
  }
  return 'key' in problem ? translator.translate(problem.key) : problem.text;
}

/** The control at a dotted path, else the nearest existing ancestor below the root. */
function controlFor(form: AbstractControl, field: string): AbstractControl | null {
  const parts = field.split('.').filter((part) => part !== '');
  for (let length = parts.length; length > 0; length -= 1) {
    const control = form.get(parts.slice(0, length));
    if (control) {
      return control;
    }
  }
  return null;
}
