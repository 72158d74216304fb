import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ErrorDetail, ErrorRule } from '@vigil/contracts';
import { Transform, Type } from 'class-transformer';
import { getMetadataStorage, IsISO8601, IsObject, Matches, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { ApiException, detail, refusal } from './errors';

/**
 * The rule each class-validator constraint stands for, and the params its wording takes from the
 * constraint's arguments. A decorator may name its own rule instead through its `context`
 * (`{ rule, params }`), as the cursor's bounds do.
 */
const CONSTRAINT_RULES: Record<string, { rule: ErrorRule; params?: (args: unknown[]) => Record<string, string | number> }> = {
  isDefined: { rule: 'required' },
  isNotEmpty: { rule: 'required' },
  isNotEmptyObject: { rule: 'required' },
  whitelistValidation: { rule: 'unknown_field' },
  isString: { rule: 'string' },
  isInt: { rule: 'integer' },
  isNumber: { rule: 'number' },
  isBoolean: { rule: 'boolean' },
  isObject: { rule: 'object' },
  nestedValidation: { rule: 'object' },
  isArray: { rule: 'array' },
  isEmail: { rule: 'email' },
  isUuid: { rule: 'uuid' },
  isIso8601: { rule: 'iso_date' },
  isTimeWithin: { rule: 'date_window' },
  isTimeInPast: { rule: 'date_window_past' },
  matches: { rule: 'not_blank' },
  isIn: { rule: 'one_of', params: ([values]) => ({ values: (values as string[]).join(', ') }) },
  min: { rule: 'min', params: ([min]) => ({ min: min as number }) },
  max: { rule: 'max', params: ([max]) => ({ max: max as number }) },
  minChars: { rule: 'min_length', params: ([min]) => ({ min: min as number }) },
  maxChars: { rule: 'max_length', params: ([max]) => ({ max: max as number }) },
  arrayMinSize: { rule: 'min_items', params: ([min]) => ({ min: min as number }) },
  arrayMaxSize: { rule: 'max_items', params: ([max]) => ({ max: max as number }) },
};

/** The arguments a constraint was declared with on `property` of the validated object's class. */
function constraintArgs(target: object | undefined, property: string, constraint: string): unknown[] {
  if (!target) return [];
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((metadata) => metadata.propertyName === property && metadata.name === constraint);
  return declared?.constraints ?? [];
}

/** The rule of one broken constraint, with its params: the decorator's own `context`, else the catalogue's. */
function ruleOf(error: ValidationError, constraint: string): Pick<ErrorDetail, 'rule' | 'params'> {
  const own = error.contexts?.[constraint] as { rule?: ErrorRule; params?: Record<string, string | number> } | undefined;
  if (own?.rule) return { rule: own.rule, ...(own.params && { params: own.params }) };
  const known = CONSTRAINT_RULES[constraint];
  if (!known) throw new Error(`validation constraint ${constraint} has no rule in CONSTRAINT_RULES`);
  const params = known.params?.(constraintArgs(error.target, error.property, constraint));
  return { rule: known.rule, ...(params && { params }) };
}

/** Flattens class-validator's tree into `details`, one per bad field, with dotted paths and the rule each broke. */
export function validationDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      // class-validator starts messages with the property name; the field is named already.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
      ...ruleOf(error, constraint),
    }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * Half of a UTF-16 surrogate pair without its other half: JSON's `\ud800` escapes can carry one, but
 * it is no character, UTF-8 cannot encode it, and PostgreSQL refuses it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_MESSAGE = 'must be valid Unicode text (a lone surrogate, such as \\ud800, is not a character)';

/**
 * Deeper than any body or payload of the contract goes (a report's intake methods: 4 levels). Far
 * deeper nesting overflows the stack of the recursive walks of Nest, class-transformer and
 * class-validator (5,000 levels fit in the default body limit): refused before them instead.
 */
export const MAX_NESTING = 32;
const TOO_DEEP_MESSAGE = `must not nest more than ${MAX_NESTING} levels deep`;

/** What is wrong with a text that no field may hold, or nothing. */
function unstorable(text: string): string | null {
  if (text.includes(NUL)) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return LONE_SURROGATE_MESSAGE;
  return null;
}
const unstorableDetail = (field: string, message: string) => detail(field, 'unstorable_text', message);

/**
 * The fields of `value` (at any depth) that validation must never see: text PostgreSQL cannot
 * store (U+0000, lone surrogates), and objects or arrays nested deeper than `MAX_NESTING`. Walked
 * without recursion, so that no nesting depth can overflow the stack.
 */
export function unsafeFields(value: unknown): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const pending: [unknown, string, number][] = [[value, '', 0]];
  while (pending.length) {
    const [item, path, depth] = pending.pop() as [unknown, string, number];
    if (typeof item === 'string') {
      const problem = unstorable(item);
      if (problem) found.push(unstorableDetail(path, problem));
    } else if (item !== null && typeof item === 'object') {
      if (depth > MAX_NESTING) {
        found.push(detail(path, 'too_deep', TOO_DEEP_MESSAGE, { max: MAX_NESTING }));
        continue;
      }
      for (const [key, member] of Object.entries(item)) {
        const field = path ? `${path}.${key}` : key;
        const problem = unstorable(key);
        if (problem) found.push(unstorableDetail(field, problem));
        pending.push([member, field, depth + 1]);
      }
    }
  }
  return found;
}

const validationFailed = refusal;

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
    // The object each error was found in: its class's metadata holds the arguments the rules' params come from.
    validationError: { target: true },
    exceptionFactory: (errors) => validationFailed(validationDetails(errors)),
  });
}

/** One pipe for every socket event: it holds no per-call state, and building one loads its libraries. */
let payloadPipe: ValidationPipe | undefined;

/** The same validation for a payload that no pipe sees (socket events): throws `VALIDATION` naming each field. */
export async function validatePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ApiException('VALIDATION', 'payload must be an object', [detail('', 'object', 'must be an object')]);
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

/**
 * How many characters a text holds, as the contract counts them: Unicode code points. `length`
 * counts UTF-16 units (an emoji is 2), and class-validator's `MaxLength` drops variation selectors
 * (a "❤️" is 1): neither is what a person or the web app counts.
 */
export function characterCount(text: string): number {
  // Each surrogate pair is two UTF-16 units and one code point.
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** At most `max` characters (code points). */
export const MaxChars = (max: number) =>
  ValidateBy({
    name: 'maxChars',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value === 'string' && characterCount(value) <= max,
      defaultMessage: () => `must be at most ${max} characters long`,
    },
  });

/** At least `min` characters (code points). */
export const MinChars = (min: number) =>
  ValidateBy({
    name: 'minChars',
    constraints: [min],
    validator: {
      validate: (value: unknown) => typeof value === 'string' && characterCount(value) >= min,
      defaultMessage: () => `must be at least ${min} characters long`,
    },
  });

/** Text with something in it: blanks alone (spaces, line breaks) say nothing. */
export const NotBlank = () => Matches(/\S/u, { message: 'must not be blank' });

/**
 * The times a person may mean. Beyond them a date is a typo or a probe (`9999-12-31`), and it
 * would print as a reference year, sort every list, or overflow PostgreSQL's range.
 */
export const EARLIEST_TIME = Date.UTC(1900, 0, 1);
export const LATEST_TIME = Date.UTC(2101, 0, 1);
/** How far ahead of the server a client's clock may run when it says "now" (a time already past). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether `value` is a time the server would issue: `Date#toISOString()`'s form, 1900–2100. */
export function isIssuedTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const at = new Date(value);
  return !Number.isNaN(at.getTime()) && at.toISOString() === value && at.getTime() >= EARLIEST_TIME && at.getTime() < LATEST_TIME;
}

/**
 * An ISO-8601 time from 1900 to 2100; with `past`, one that has happened (the server's clock may
 * lag the client's by `CLOCK_SKEW_MS`): when a report was received, when the abuse took place.
 */
export function IsTime(options: { past?: boolean } = {}): PropertyDecorator {
  const iso = IsISO8601({ strict: true }, MUST_BE_ISO_TIME);
  const within = ValidateBy({
    name: options.past ? 'isTimeInPast' : 'isTimeWithin',
    validator: {
      validate: (value: unknown) => {
        const at = typeof value === 'string' ? Date.parse(value) : NaN;
        // Not a time at all is the other rule's to name.
        if (Number.isNaN(at)) return true;
        return at >= EARLIEST_TIME && at < LATEST_TIME && (!options.past || at <= Date.now() + CLOCK_SKEW_MS);
      },
      defaultMessage: () => (options.past ? 'must be a time from 1900 that is not in the future' : 'must be a time from 1900 to 2100'),
    },
  });
  return (target, key) => {
    iso(target, key);
    within(target, key);
  };
}
