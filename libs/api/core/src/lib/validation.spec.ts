import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, ValidateNested } from 'class-validator';
import { ApiException } from './errors';
import { createValidationPipe, IsOmittable, MAX_NESTING, Nested, unsafeFields, validatePayload } from './validation';

class Facility {
  @IsString()
  name!: string;

  @IsIn(['police_station', 'penitentiary'])
  kind!: string;
}

class Report {
  @IsString()
  summary!: string;

  @ValidateNested()
  @Type(() => Facility)
  facility!: Facility;
}

class Victim {
  @IsOmittable()
  @IsInt()
  birthYear?: number;

  @IsOmittable()
  @Nested(() => Facility)
  heldAt?: Facility;
}

/** `value` inside `depth` objects: `{ a: { a: … value } }`. */
function nested(depth: number, value: unknown): unknown {
  let deep = value;
  for (let i = 0; i < depth; i++) deep = { a: deep };
  return deep;
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Report });

  it('names each bad field by its dotted path, unknown fields included', async () => {
    const error: ApiException = await validate({ summary: 7, facility: { name: 'Cell block', kind: 'castle' }, extra: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    expect(error.toApiError().details).toEqual(
      expect.arrayContaining([
        { field: 'summary', message: 'must be a string' },
        { field: 'facility.kind', message: expect.stringContaining('must be one of') },
        { field: 'extra', message: 'property extra should not exist' },
      ]),
    );
  });

  it('refuses text PostgreSQL cannot store (U+0000), naming the field at any depth', async () => {
    const error: ApiException = await validate({ summary: 'Beaten\u0000', facility: { name: 'Station\u00003', kind: 'police_station' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    expect(error.toApiError().details).toEqual(
      expect.arrayContaining([
        { field: 'summary', message: 'must not contain the NUL character (U+0000)' },
        { field: 'facility.name', message: 'must not contain the NUL character (U+0000)' },
      ]),
    );
  });

  it('walks any depth of nesting without overflowing', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeFields(deep)).toEqual([{ field: Array.from({ length: MAX_NESTING + 1 }, () => '0').join('.'), message: expect.stringContaining('nest') }]);
    expect(unsafeFields({ fine: ['text', { more: 'text' }] })).toEqual([]);
  });

  // Nest's, class-transformer's and class-validator's walks recurse: 5,000 levels overflowed the stack (a 500).
  it('refuses nesting deeper than MAX_NESTING, naming the field, where the validation libraries would overflow', async () => {
    const error: ApiException = await validate({ summary: nested(5000, 'text'), facility: { name: 'Station 3', kind: 'police_station' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    expect(error.toApiError().details).toEqual([{ field: `summary${'.a'.repeat(MAX_NESTING)}`, message: `must not nest more than ${MAX_NESTING} levels deep` }]);
    // Socket payloads go through the same checks.
    await expect(validatePayload(Report, { summary: 'x', facility: nested(5000, 1) })).rejects.toMatchObject({
      details: [{ field: expect.stringMatching(/^facility\.a\.a/), message: expect.stringContaining('nest') }],
    });
    await expect(validate({ summary: nested(MAX_NESTING - 1, 'text'), facility: { name: 'Station 3', kind: 'police_station' } })).rejects.toMatchObject({
      details: [{ field: 'summary', message: 'must be a string' }],
    });
  });

  it('lets an omittable field be left out, but refuses null by its own rules', async () => {
    const victim = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Victim });
    await expect(victim({})).resolves.toBeInstanceOf(Victim);
    const error: ApiException = await victim({ birthYear: null, heldAt: null }).catch((e: unknown) => e);
    expect(error.toApiError().details).toEqual(
      expect.arrayContaining([
        { field: 'birthYear', message: 'must be an integer number' },
        { field: 'heldAt', message: 'must be an object' },
      ]),
    );
  });

  it('refuses an array where a nested object belongs, rather than validating its items', async () => {
    const error: ApiException = await pipe.transform({ heldAt: [] }, { type: 'body', metatype: Victim }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError().details).toEqual([{ field: 'heldAt', message: 'must be an object' }]);
  });

  it('passes a valid body through as its class', async () => {
    const report = await validate({ summary: 'Beaten during questioning', facility: { name: 'Station 3', kind: 'police_station' } });
    expect(report).toBeInstanceOf(Report);
  });
});
