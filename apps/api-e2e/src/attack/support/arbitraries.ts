import fc from 'fast-check';
import { validValue, type ApiDocument, type Fixtures, type Schema } from '../../support/openapi';

/*
 * Values for fuzzing, from a field's schema: mostly valid ones (so that the request gets past the
 * first check and reaches the code behind it), the other JSON types, and the odd ones that break
 * servers: lone surrogates, U+0000, huge and deep values, prototype keys.
 */

/** One seed for every run, so that a failure found once is found again. */
export const SEED = Number(process.env['ATTACK_SEED'] ?? 17);

/** Code units that are not text: half of a surrogate pair, alone. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('a', '\u0000', '\u202e', '\ufeff', '\\', '"', '%00', "'")), maxLength: 12 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'x\udfff', '\ud83d', 'null', 'undefined', 'NaN', '-1', '1e308', '__proto__', '0000-01-01T00:00:00Z', '2026-02-31T10:00:00Z'),
  fc.constantFrom('x'.repeat(10_001), 'я'.repeat(5_001), '𝄞'.repeat(3_000)),
);

/** An object nested `depth` levels deep (the contract refuses more than 32). */
const nested = (depth: number, leaf: unknown): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), leaf);

export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308),
  fc.double().map((n) => (Number.isFinite(n) ? n : 0)),
  fc.integer(),
  fc.uuid(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'toString'), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
  fc.integer({ min: 30, max: 40 }).map((depth) => nested(depth, 1)),
);

/** Keys nobody declared, among them those that reach an object's prototype. */
export const extraKeys = fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'role', 'caseId', 'tier'), fc.string({ maxLength: 8 })), oddValue, {
  maxKeys: 2,
});

/** A value of the field's own type, any such value (not necessarily a valid one). */
function typed(doc: ApiDocument, fixtures: Fixtures, schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  const resolved = doc.resolve(schema);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  switch (resolved.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.oneof(fc.integer({ min: -2, max: 2 ** 31 + 2 }), fc.constantFrom(resolved.minimum ?? 0, resolved.maximum ?? 2 ** 31 - 1));
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'array':
      return fc.array(resolved.items && depth < 4 ? fieldValue(doc, fixtures, resolved.items, name, depth + 1) : oddValue, { maxLength: 3 });
    case 'object':
      return depth < 4 ? bodyOf(doc, fixtures, resolved, depth + 1) : fc.constant({});
  }
  if (resolved.format === 'uuid') return fc.oneof(fc.constant(validValue(doc, fixtures, resolved, name)), fc.uuid());
  if (resolved.format === 'date-time') return fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  return fc.string({ minLength: resolved.minLength ?? 0, maxLength: Math.min(resolved.maxLength ?? 50, 50) });
}

/** A field's value: valid most often, else any of its type, else anything at all. */
export function fieldValue(doc: ApiDocument, fixtures: Fixtures, schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const valid = validValue(doc, fixtures, schema, name);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(valid) },
    { weight: 3, arbitrary: typed(doc, fixtures, schema, name, depth) },
    { weight: 2, arbitrary: oddValue },
  );
}

/**
 * A body for `schema`: each declared field valid, of its type or odd, present or not, sometimes
 * with keys nobody declared; now and then not an object at all.
 */
export function bodyOf(doc: ApiDocument, fixtures: Fixtures, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const resolved = doc.resolve(schema);
  const model = Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([name, field]) => [name, fieldValue(doc, fixtures, field, name, depth)]));
  const complete = fc.record(model);
  const partial = fc.record(model, { requiredKeys: [] });
  const object = fc.tuple(fc.oneof({ weight: 3, arbitrary: complete }, { weight: 1, arbitrary: partial }), fc.option(extraKeys, { freq: 4 })).map(([body, extra]) => {
    // Spread keeps `__proto__` an own key, as JSON.parse on the server will see it.
    return extra ? Object.assign(Object.create(null), body, extra) : body;
  });
  return depth > 0 ? object : fc.oneof({ weight: 9, arbitrary: object }, { weight: 1, arbitrary: oddValue });
}
