import { apiErrorOf } from './api-error';
import { SocketRequestError } from './case-socket';

/** The code, message and (when it names one) the rule of a failed socket or REST request. */
export function roomProblemOf(error: unknown): { code: string; message: string; rule?: string } {
  if (error instanceof SocketRequestError) {
    return { code: error.code, message: error.message, rule: error.details?.find((detail) => detail.rule)?.rule };
  }
  const apiError = apiErrorOf(error);
  return { code: apiError.code, message: apiError.message, rule: apiError.details?.find((detail) => detail.rule)?.rule };
}
