import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, type ApiError, type ErrorCode, type ErrorDetail } from '@vigil/contracts';

/** An error in the contract's shape; thrown anywhere, rendered the same by REST and sockets. */
export class ApiException extends HttpException {
  /** Sent as `Retry-After` with `RATE_LIMITED`. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super({ statusCode: ERROR_STATUS[code], code, message, ...(details ? { details } : {}) } satisfies ApiError, ERROR_STATUS[code]);
  }

  toApiError(): ApiError {
    return this.getResponse() as ApiError;
  }
}

export const invalid = (field: string, message: string) =>
  new ApiException('VALIDATION', `${field} ${message}`, [{ field, message }]);
export const unauthenticated = (message = 'Not signed in') => new ApiException('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed') => new ApiException('FORBIDDEN', message);
/**
 * Every 404 reads the same, whatever `what` was looked for: a message that named it told a malformed
 * id from a well-formed one, and which part of a path (the case, or an item in it) the caller may not
 * see. `what` is for the reader of the code.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept so that call sites say what they looked for
export const notFound = (_what?: string) => new ApiException('NOT_FOUND', 'Not found');
export const conflict = (message: string, details?: ErrorDetail[]) => new ApiException('CONFLICT', message, details);
export const rateLimited = (retryAfterSeconds: number) => {
  const error = new ApiException('RATE_LIMITED', `Too many attempts; retry in ${retryAfterSeconds} s`);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
};
