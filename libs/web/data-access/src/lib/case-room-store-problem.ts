import type { ErrorDetail } from '@vigil/contracts';
import { apiErrorOf } from './api-error';
import { SocketRequestError } from './case-socket';

/** What went wrong with a request, as the room shows it: the rule (and its values) lets the web say it in the UI language. */
export interface RoomError {
  code: string;
  message: string;
  rule?: string;
  params?: Record<string, string | number>;
}

/** The code, message and (when it names one) the rule of a failed socket or REST request. */
export function roomProblemOf(error: unknown): RoomError {
  const { code, message, details } = error instanceof SocketRequestError ? error : apiErrorOf(error);
  return { code, message, ...ruleOf(details) };
}

function ruleOf(details: readonly ErrorDetail[] | undefined): Pick<RoomError, 'rule' | 'params'> {
  const detail = details?.find((candidate) => candidate.rule);
  return detail ? { rule: detail.rule, ...(detail.params && { params: detail.params }) } : {};
}
