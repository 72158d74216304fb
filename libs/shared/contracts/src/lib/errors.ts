/** The one error shape of every REST answer and socket ack. */

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Dotted path of the bad field, e.g. `facility.kind`. */
  field: string;
  message: string;
  /** A stable key of the rule the field broke, for clients to act on (e.g. `victim_identity`). */
  rule?: string;
  /** The values the rule's wording needs (e.g. `{ max: 200 }` for `max_length`), so a client can say it in its language. */
  params?: Record<string, string | number>;
}

export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export function errorCodeForStatus(status: number): ErrorCode {
  const match = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((code) => ERROR_STATUS[code] === status);
  return match ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION');
}

export type Ack<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };
