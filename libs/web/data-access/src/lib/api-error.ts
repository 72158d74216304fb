import { HttpErrorResponse } from '@angular/common/http';
import { errorCodeForStatus, type ApiError } from '@vigil/contracts';

/** The contract's error shape from any failure; `statusCode` 0 means the server was not reached. */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isApiError(body)) {
      return body;
    }
    if (error.status === 0) {
      return { statusCode: 0, code: 'INTERNAL', message: error.message };
    }
    return { statusCode: error.status, code: errorCodeForStatus(error.status), message: error.message };
  }
  return { statusCode: 0, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * `apiErrorOf` for requests whose body is a Blob (downloads): the error body then comes as a
 * Blob too, and is read as JSON here.
 */
export async function apiErrorOfBlob(error: unknown): Promise<ApiError> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    try {
      const body: unknown = JSON.parse(await error.error.text());
      if (isApiError(body)) {
        return body;
      }
    } catch {
      // Not JSON: fall back to the status alone.
    }
    return apiErrorOf(new HttpErrorResponse({ status: error.status, statusText: error.statusText, url: error.url ?? undefined }));
  }
  return apiErrorOf(error);
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), if any. */
export function retryAfterSeconds(error: unknown, now: number = Date.now()): number | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const header = error.headers.get('Retry-After');
  if (header === null || header.trim() === '') {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds));
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiError).code === 'string' &&
    typeof (body as ApiError).statusCode === 'number'
  );
}
