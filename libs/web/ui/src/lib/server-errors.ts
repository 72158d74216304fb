import type { AbstractControl } from '@angular/forms';
import type { ApiError, ErrorCode, ErrorDetail } from '@vigil/contracts';
import type { TranslationKey, Translator } from '@vigil/web-i18n';

/**
 * What the server said about one field, as kept on its control (`errors.server`): the detail
 * itself, not words, so the field says it again in another language after a switch.
 */
export interface ServerFieldError extends ErrorDetail {
  code: ErrorCode;
}

/** What a form shows for a failed save that no single field explains. */
export type FormProblem =
  | { key: TranslationKey }
  | { details: readonly ServerFieldError[] }
  | { error: Pick<ApiError, 'code' | 'message'> };

/**
 * Puts each `details[]` item of a 400 (or 409) on the control at its dotted `field` path
 * (`intake.allegation.methods`), or on its nearest ancestor group that exists, as the `server`
 * error shown by its `<vigil-field-error>`; returns what is left for the form as a whole.
 */
export function applyServerErrors(
  form: AbstractControl,
  error: ApiError,
  aliases: Readonly<Record<string, string>> = {},
): FormProblem | null {
  const unplaced: ServerFieldError[] = [];
  for (const detail of error.details ?? []) {
    const server: ServerFieldError = { ...detail, code: error.code };
    const control = controlFor(form, aliases[detail.field] ?? detail.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server });
      control.markAsTouched();
      control.markAsDirty();
    } else {
      unplaced.push(server);
    }
  }
  if (unplaced.length > 0) {
    return { details: unplaced };
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
      return error.details?.length ? { details: error.details.map((detail) => ({ ...detail, code: error.code })) } : { error };
    default:
      return { key: 'common.genericError' };
  }
}

export function describeProblem(problem: FormProblem | null, translator: Translator): string | null {
  if (problem === null) {
    return null;
  }
  if ('key' in problem) {
    return translator.translate(problem.key);
  }
  if ('details' in problem) {
    return problem.details.map((detail) => describeServerError(detail, translator)).join('; ');
  }
  return inOwnWords(problem.error, translator);
}

/**
 * A field's server error in the UI language: the words of its rule, else a generic sentence for
 * its code. Only an English screen falls back to the server's own (English) message.
 */
export function describeServerError(error: ServerFieldError, translator: Translator): string {
  return (error.rule ? translator.translateRule(error.rule, error.params) : null) ?? inOwnWords(error, translator);
}

/** A refused request of the room (a socket answer or a REST error): its rule, when it names one, says it in any language. */
export interface Refusal {
  code: string;
  message: string;
  rule?: string;
  params?: Record<string, string | number>;
}

/** A refusal in the UI language: by its rule, else by its code. */
export function describeRefusal(refusal: Refusal, translator: Translator): string {
  return describeServerError({ field: '', ...refusal, code: refusal.code as ErrorCode }, translator);
}

function inOwnWords(error: Pick<ApiError, 'code' | 'message'>, translator: Translator): string {
  if (translator.language() === 'en' && error.message) {
    return error.message;
  }
  return translator.translate(CODE_KEYS[error.code] ?? 'common.genericError');
}

/** A sentence for each code a form can meet, so nothing reaches a ru/kk screen in English. */
const CODE_KEYS: Partial<Record<ErrorCode, TranslationKey>> = {
  VALIDATION: 'error.VALIDATION',
  CONFLICT: 'error.CONFLICT',
  PAYLOAD_TOO_LARGE: 'error.PAYLOAD_TOO_LARGE',
  FORBIDDEN: 'common.forbidden',
  NOT_FOUND: 'common.notAvailable',
  RATE_LIMITED: 'error.RATE_LIMITED',
};

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
