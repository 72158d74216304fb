import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, type ApiError, type ErrorCode, type ErrorDetail, type ErrorRule, type RuleParams } from '@vigil/contracts';

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

/**
 * One detail of a refusal: the field, the stable key of the rule it broke with the values its
 * wording needs (for clients to say it in their language), and the English message.
 */
export function detail<R extends ErrorRule>(field: string, rule: R, message: string, ...params: keyof RuleParams<R> extends never ? [] : [RuleParams<R>]): ErrorDetail {
  return { field, message, rule, ...(params[0] && { params: params[0] }) };
}

/** A 400 `VALIDATION` naming each bad field. */
export const refusal = (details: ErrorDetail[]) => new ApiException('VALIDATION', details.map((d) => `${d.field} ${d.message}`).join('; '), details);

export const invalid = <R extends ErrorRule>(field: string, rule: R, message: string, ...params: keyof RuleParams<R> extends never ? [] : [RuleParams<R>]) =>
  refusal([detail(field, rule, message, ...params)]);
export const unauthenticated = (message = 'Not signed in') => new ApiException('UNAUTHENTICATED', message);
/** A 403 with its reason: one detail naming the field it is about (or `''`) and the rule. */
export const forbidden = (message = 'Not allowed', rule: ErrorRule = 'role_not_allowed', field = '', params?: Record<string, string | number>) =>
  new ApiException('FORBIDDEN', message, [{ field, message, rule, ...(params && { params }) }]);
/**
 * Every 404 reads the same, whatever `what` was looked for: a message that named it told a malformed
 * id from a well-formed one, and which part of a path (the case, or an item in it) the caller may not
 * see. `what` is for the reader of the code.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept so that call sites say what they looked for
export const notFound = (_what?: string) => new ApiException('NOT_FOUND', 'Not found');
export const conflict = (message: string, details: ErrorDetail[]) => new ApiException('CONFLICT', message, details);
export const rateLimited = (retryAfterSeconds: number) => {
  const error = new ApiException('RATE_LIMITED', `Too many attempts; retry in ${retryAfterSeconds} s`);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
};
