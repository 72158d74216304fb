import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@vigil/contracts';
import { ApiException } from './errors';

/** Flattens class-validator's tree into `details`, one per bad field, with dotted paths. */
export function validationDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts messages with the property name; the field is named already.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * The fields of `value` (at any depth) whose text holds U+0000, which PostgreSQL's text cannot
 * store: refused as bad input rather than failing in the database. Walked without recursion, so
 * that no nesting depth can overflow the stack.
 */
export function nulFields(value: unknown): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (item.includes(NUL)) found.push({ field: path, message: NUL_MESSAGE });
    } else if (item !== null && typeof item === 'object') {
      for (const [key, member] of Object.entries(item)) {
        const field = path ? `${path}.${key}` : key;
        if (key.includes(NUL)) found.push({ field, message: NUL_MESSAGE });
        pending.push([member, field]);
      }
    }
  }
  return found;
}

const validationFailed = (details: ErrorDetail[]) => new ApiException('VALIDATION', details.map((d) => `${d.field} ${d.message}`).join('; '), details);

/** Nest's validation, after refusing text PostgreSQL cannot store. */
class VigilValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const nul = nulFields(value);
      if (nul.length) throw validationFailed(nul);
    }
    return super.transform(value, metadata);
  }
}

/** The one validation of every REST body and query: unknown fields rejected, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new VigilValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(validationDetails(errors)),
  });
}

/** One pipe for every socket event: it holds no per-call state, and building one loads its libraries. */
let payloadPipe: ValidationPipe | undefined;

/** The same validation for a payload that no pipe sees (socket events): throws `VALIDATION` naming each field. */
export async function validatePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ApiException('VALIDATION', 'payload must be an object', [{ field: '', message: 'must be an object' }]);
  }
  payloadPipe ??= createValidationPipe();
  return (await payloadPipe.transform(payload, { type: 'body', metatype: type })) as T;
}

/** Validation options for a value that must be one of a contract's list: the message names them. */
export const mustBeOneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
export const MUST_BE_ISO_TIME = { message: 'must be an ISO-8601 time' };
