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
export const notFound = (what = 'Resource') => new ApiException('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: ErrorDetail[]) => new ApiException('CONFLICT', message, details);
export const rateLimited = (retryAfterSeconds: number) => {
  const error = new ApiException('RATE_LIMITED', `Too many attempts; retry in ${retryAfterSeconds} s`);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
};
