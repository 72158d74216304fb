import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, ValidateNested } from 'class-validator';
import { ApiException } from './errors';
import { characterCount, createValidationPipe, isIssuedTime, IsOmittable, IsTime, MAX_NESTING, MaxChars, Nested, NotBlank, unsafeFields, validatePayload } from './validation';

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
        { field: 'summary', message: 'must be a string', rule: 'string' },
        { field: 'facility.kind', message: expect.stringContaining('must be one of'), rule: 'one_of', params: { values: 'police_station, penitentiary' } },
        { field: 'extra', message: 'property extra should not exist', rule: 'unknown_field' },
      ]),
    );
  });

  it('refuses text PostgreSQL cannot store (U+0000), naming the field at any depth', async () => {
    const error: ApiException = await validate({ summary: 'Beaten\u0000', facility: { name: 'Station\u00003', kind: 'police_station' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    expect(error.toApiError().details).toEqual(
      expect.arrayContaining([
        { field: 'summary', message: 'must not contain the NUL character (U+0000)', rule: 'unstorable_text' },
        { field: 'facility.name', message: 'must not contain the NUL character (U+0000)', rule: 'unstorable_text' },
      ]),
    );
  });

  it('walks any depth of nesting without overflowing', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeFields(deep)).toEqual([{ field: Array.from({ length: MAX_NESTING + 1 }, () => '0').join('.'), message: expect.stringContaining('nest'), rule: 'too_deep', params: { max: MAX_NESTING } }]);
    expect(unsafeFields({ fine: ['text', { more: 'text' }] })).toEqual([]);
  });

  // Nest's, class-transformer's and class-validator's walks recurse: 5,000 levels overflowed the stack (a 500).
  it('refuses nesting deeper than MAX_NESTING, naming the field, where the validation libraries would overflow', async () => {
    const error: ApiException = await validate({ summary: nested(5000, 'text'), facility: { name: 'Station 3', kind: 'police_station' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    expect(error.toApiError().details).toEqual([
      { field: `summary${'.a'.repeat(MAX_NESTING)}`, message: `must not nest more than ${MAX_NESTING} levels deep`, rule: 'too_deep', params: { max: MAX_NESTING } },
    ]);
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
        { field: 'birthYear', message: 'must be an integer number', rule: 'integer' },
        { field: 'heldAt', message: 'must be an object', rule: 'object' },
      ]),
    );
  });

  it('refuses an array where a nested object belongs, rather than validating its items', async () => {
    const error: ApiException = await pipe.transform({ heldAt: [] }, { type: 'body', metatype: Victim }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.toApiError().details).toEqual([{ field: 'heldAt', message: 'must be an object', rule: 'object' }]);
  });

  it('passes a valid body through as its class', async () => {
    const report = await validate({ summary: 'Beaten during questioning', facility: { name: 'Station 3', kind: 'police_station' } });
    expect(report).toBeInstanceOf(Report);
  });
});

class Message {
  @IsString()
  @MaxChars(3)
  @NotBlank()
  body!: string;

  @IsOmittable()
  @IsTime({ past: true })
  receivedAt?: string;

  @IsOmittable()
  @IsTime()
  dueAt?: string;
}

describe('text and time rules', () => {
  const pipe = createValidationPipe();
  const refusal = (value: object) =>
    pipe.transform(value, { type: 'body', metatype: Message }).then(
      () => [],
      (error: ApiException) => error.toApiError().details,
    );

  it('counts characters as code points: an emoji is one, a variation selector one more', async () => {
    expect(characterCount('😀😀😀')).toBe(3);
    expect(characterCount('\u2764\uFE0F')).toBe(2);
    expect(await refusal({ body: '😀😀😀' })).toEqual([]);
    expect(await refusal({ body: '\u2764\uFE0F\u2764\uFE0F' })).toEqual([{ field: 'body', message: 'must be at most 3 characters long', rule: 'max_length', params: { max: 3 } }]);
  });

  it('refuses a text of blanks', async () => {
    expect(await refusal({ body: ' \n ' })).toEqual([{ field: 'body', message: 'must not be blank', rule: 'not_blank' }]);
  });

  it('refuses lone surrogates anywhere, keys included, and keeps pairs', () => {
    expect(unsafeFields({ body: 'a\ud800b', nested: { ['\udc00']: 'x' }, fine: '𝄞' }).map((detail) => detail.field).sort()).toEqual(['body', 'nested.\udc00']);
  });

  it('takes times from 1900 to 2100, and none in the future where one must have happened', async () => {
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    expect(await refusal({ body: 'ok', receivedAt: '2026-01-01T00:00:00Z', dueAt: inAnHour })).toEqual([]);
    expect(await refusal({ body: 'ok', receivedAt: inAnHour })).toEqual([{ field: 'receivedAt', message: 'must be a time from 1900 that is not in the future', rule: 'date_window_past' }]);
    expect(await refusal({ body: 'ok', dueAt: '9999-12-31T00:00:00Z' })).toEqual([{ field: 'dueAt', message: 'must be a time from 1900 to 2100', rule: 'date_window' }]);
    expect(await refusal({ body: 'ok', dueAt: 'soon' })).toEqual([{ field: 'dueAt', message: 'must be an ISO-8601 time', rule: 'iso_date' }]);
  });

  it('knows the times it issues from everything else', () => {
    expect(isIssuedTime('2026-12-07T23:27:01.662Z')).toBe(true);
    for (const other of ['2026-12-07T23:27:01Z', '2026-02-31T10:00:00.000Z', '+275760-09-13T00:00:00.000Z', 'December 17, 1995', 42]) {
      expect(isIssuedTime(other)).toBe(false);
    }
  });
});
