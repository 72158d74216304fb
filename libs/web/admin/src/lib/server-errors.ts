import type { FormGroup } from '@angular/forms';
import type { ApiError } from '@vigil/contracts';
import type { Translator, TranslationKey } from '@vigil/web-i18n';

/** What a form shows for a failed save that no single field explains. */
export type FormProblem = { key: TranslationKey } | { text: string };

/**
 * Puts each `details[].field` message of a 400 on the control of that name (as the `server`
 * error, shown by its `mat-error`) and returns what is left for the form as a whole.
 */
export function applyServerErrors(
  form: FormGroup,
  error: ApiError,
  aliases: Readonly<Record<string, string>> = {},
): FormProblem | null {
  const unplaced: string[] = [];
  for (const detail of error.details ?? []) {
    const name = aliases[detail.field] ?? detail.field.split('.')[0];
    const control = form.get(name);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.message });
      control.markAsTouched();
    } else {
      unplaced.push(`${detail.field}: ${detail.message}`);
    }
  }
  if (unplaced.length > 0) {
    return { text: unplaced.join('; ') };
  }
  if ((error.details ?? []).length > 0) {
    return null;
  }
  switch (error.statusCode) {
    case 0:
      return { key: 'common.networkError' };
    case 403:
      return { key: 'common.forbidden' };
    case 400:
    case 409:
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
