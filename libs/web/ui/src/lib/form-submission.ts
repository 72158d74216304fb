import { computed, inject, signal } from '@angular/core';
import type { AbstractControl, FormGroupDirective } from '@angular/forms';
import { errorCodeForStatus, type ApiError } from '@vigil/contracts';
import { Translator } from '@vigil/web-i18n';
import { firstValueFrom, type Observable } from 'rxjs';
import { applyServerErrors, describeProblem, problemOf, type FormProblem } from './server-errors';

const FIX_ERRORS: FormProblem = { key: 'form.fixErrors' };

/** A form as its template holds it: the `ngForm` directive knows whether it was submitted. */
export type SubmittedForm = FormGroupDirective | AbstractControl;

export interface SubmitOptions<T> {
  /** After a save, before the form is reset: e.g. tell the parent, read the section again. */
  onSaved?: (result: T) => void | Promise<void>;
  /** Server field paths that are named otherwise in the form (`consent.given` → `consentGiven`). */
  aliases?: Readonly<Record<string, string>>;
  /** The value the form starts again with; its first value otherwise. */
  initial?: unknown;
  /** The control a refused size (413) is about, e.g. the file of an upload: the error is shown there. */
  payloadField?: string;
  /** Keep what was typed after a save (a form that edits what it saved). */
  keep?: boolean;
}

/**
 * The one way a form is saved: refuses an invalid form (showing why on its fields), calls the API once at a
 * time, puts the server's errors on their fields, and after a save starts the form again clean:
 * no field turns red with "Required" because the form was submitted before.
 */
export class FormSubmission {
  private readonly translator: Translator;
  private readonly busy = signal(false);
  private readonly failure = signal<FormProblem | null>(null);

  readonly pending = this.busy.asReadonly();
  readonly problem = this.failure.asReadonly();
  /** The form-wide problem in the UI language, or null. */
  readonly problemText = computed(() => describeProblem(this.failure(), this.translator));

  constructor(translator: Translator) {
    this.translator = translator;
  }

  /** Resolves with what the API answered, or undefined when nothing was saved. */
  async submit<T>(target: SubmittedForm, request: () => Observable<T>, options: SubmitOptions<T> = {}): Promise<T | undefined> {
    if (this.busy()) {
      return undefined;
    }
    const form = formOf(target);
    if (form.invalid) {
      form.markAllAsTouched();
      this.failure.set(FIX_ERRORS);
      return undefined;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      const result = await firstValueFrom(request());
      await options.onSaved?.(result);
      if (!options.keep) {
        resetClean(target, options.initial);
      }
      return result;
    } catch (error) {
      // Every error on its field: the form still says, where the button is, that some need attention.
      this.failure.set(applyServerErrors(form, onField(asApiError(error), options.payloadField), options.aliases) ?? FIX_ERRORS);
      return undefined;
    } finally {
      this.busy.set(false);
    }
  }

  /** A problem found before asking the server (e.g. a file too large), or null to clear it. */
  fail(problem: FormProblem | null): void {
    this.failure.set(problem);
  }

  /** The problem of a failed call made outside `submit`. */
  failWith(error: unknown): void {
    this.failure.set(problemOf(asApiError(error)));
  }
}

/** A `FormSubmission` for this component. Call in an injection context. */
export function formSubmission(): FormSubmission {
  return new FormSubmission(inject(Translator));
}

/** Empties the form and forgets it was submitted, touched or changed: a new entry starts clean. */
export function resetClean(target: SubmittedForm, initial?: unknown): void {
  if (isDirective(target)) {
    target.resetForm(initial);
  } else {
    target.reset(initial);
  }
  const form = formOf(target);
  form.markAsPristine();
  form.markAsUntouched();
}

/** A 413 names no field: put it on the one it is about, when the form says which. */
function onField(error: ApiError, payloadField: string | undefined): ApiError {
  if (error.statusCode !== 413 || payloadField === undefined || error.details?.length) {
    return error;
  }
  return { ...error, details: [{ field: payloadField, message: error.message }] };
}

function isDirective(target: SubmittedForm): target is FormGroupDirective {
  return 'resetForm' in target;
}

function formOf(target: SubmittedForm): AbstractControl {
  return isDirective(target) ? target.form : target;
}

/** The contract's error of a failed call: the body of an HttpErrorResponse, or the error itself. */
function asApiError(error: unknown): ApiError {
  const body = (error as { error?: unknown } | null)?.error;
  if (isApiError(body)) {
    return body;
  }
  if (isApiError(error)) {
    return error;
  }
  // No body of the contract's shape: status 0 is an unreachable server.
  const status = (error as { status?: unknown } | null)?.status;
  const statusCode = typeof status === 'number' ? status : 0;
  return { statusCode, code: statusCode === 0 ? 'INTERNAL' : errorCodeForStatus(statusCode), message: '' };
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'code' in value;
}
