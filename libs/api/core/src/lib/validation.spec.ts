import { Type } from 'class-transformer';
import { IsIn, IsString, ValidateNested } from 'class-validator';
import { ApiException } from './errors';
import { createValidationPipe, nulFields } from './validation';

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
    expect(nulFields(deep)).toHaveLength(1);
    expect(nulFields({ fine: ['text', { more: 'text' }] })).toEqual([]);
  });

  it('passes a valid body through as its class', async () => {
    const report = await validate({ summary: 'Beaten during questioning', facility: { name: 'Station 3', kind: 'police_station' } });
    expect(report).toBeInstanceOf(Report);
  });
});
