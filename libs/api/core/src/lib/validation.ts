import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@vigil/contracts';
import { Transform, Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
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
 * Deeper than any body or payload of the contract goes (a report's intake methods: 4 levels). Far
 * deeper nesting overflows the stack of the recursive walks of Nest, class-transformer and
 * class-validator (5,000 levels fit in the default body limit): refused before them instead.
 */
export const MAX_NESTING = 32;
const TOO_DEEP_MESSAGE = `must not nest more than ${MAX_NESTING} levels deep`;

/**
 * The fields of `value` (at any depth) that validation must never see: text holding U+0000, which
 * PostgreSQL's text cannot store, and objects or arrays nested deeper than `MAX_NESTING`. Walked
 * without recursion, so that no nesting depth can overflow the stack.
 */
export function unsafeFields(value: unknown): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const pending: [unknown, string, number][] = [[value, '', 0]];
  while (pending.length) {
    const [item, path, depth] = pending.pop() as [unknown, string, number];
    if (typeof item === 'string') {
      if (item.includes(NUL)) found.push({ field: path, message: NUL_MESSAGE });
    } else if (item !== null && typeof item === 'object') {
      if (depth > MAX_NESTING) {
        found.push({ field: path, message: TOO_DEEP_MESSAGE });
        continue;
      }
      for (const [key, member] of Object.entries(item)) {
        const field = path ? `${path}.${key}` : key;
        if (key.includes(NUL)) found.push({ field, message: NUL_MESSAGE });
        pending.push([member, field, depth + 1]);
      }
    }
  }
  return found;
}

const validationFailed = (details: ErrorDetail[]) => new ApiException('VALIDATION', details.map((d) => `${d.field} ${d.message}`).join('; '), details);

/** Nest's validation, after refusing text PostgreSQL cannot store and nesting that would overflow it. */
class VigilValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = unsafeFields(value);
      if (unsafe.length) throw validationFailed(unsafe);
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

/**
 * A field that may be left out, and must be valid when given. `@IsOptional()` would also let `null`
 * through unchecked, to a service that stores or reads it as the field's type (a NOT NULL column,
 * a `.trim()`): a 500 instead of a refusal. Here null is checked like any value, so the field's own
 * rules refuse it. Only a field that takes null on purpose (to clear it) keeps `@IsOptional()`.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A nested object, validated field by field as `type`. `@ValidateNested()` alone takes an array too,
 * validating each item: the service then reads the object's fields from an array.
 */
export function Nested(type: () => new () => object): PropertyDecorator {
  const decorators = [IsObject({ message: 'must be an object' }), ValidateNested(), Type(type)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** Surrounding blanks are not content: a name of spaces is an empty name. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Validation options for a value that must be one of a contract's list: the message names them. */
export const mustBeOneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
export const MUST_BE_ISO_TIME = { message: 'must be an ISO-8601 time' };
