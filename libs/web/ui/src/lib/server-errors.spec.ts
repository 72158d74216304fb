import { FormControl, FormGroup } from '@angular/forms';
import type { ApiError } from '@vigil/contracts';
import { TestBed } from '@angular/core/testing';
import { Translator } from '@vigil/web-i18n';
import { applyServerErrors, describeProblem, describeServerError } from './server-errors';

describe('applyServerErrors', () => {
  const form = () =>
    new FormGroup({
      summary: new FormControl(''),
      victim: new FormGroup({ fullName: new FormControl('') }),
      intake: new FormGroup({ allegation: new FormGroup({ methods: new FormControl<string[]>([]) }) }),
      consentGiven: new FormControl(false),
    });
  const validation = (details: ApiError['details']): ApiError => ({
    statusCode: 400,
    code: 'VALIDATION',
    message: 'invalid',
    details,
  });

  it('puts each message on the control at its dotted path', () => {
    const group = form();
    const problem = applyServerErrors(
      group,
      validation([
        { field: 'victim.fullName', message: 'too long' },
        { field: 'intake.allegation.methods', message: 'unknown method' },
      ]),
    );
    expect(problem).toBeNull();
    expect(group.get('victim.fullName')?.getError('server')).toEqual({ field: 'victim.fullName', message: 'too long', code: 'VALIDATION' });
    expect(group.get('intake.allegation.methods')?.getError('server')).toMatchObject({ message: 'unknown method' });
    expect(group.get('victim.fullName')?.dirty).toBe(true);
    expect(group.get('summary')?.errors).toBeNull();
  });

  it('falls back to the nearest group, follows aliases, and returns what fits nowhere', () => {
    const group = form();
    const problem = applyServerErrors(
      group,
      validation([
        { field: 'victim.birthYear', message: 'not a year' },
        { field: 'consent.given', message: 'must be true' },
        { field: 'extra', message: 'should not exist' },
      ]),
      { 'consent.given': 'consentGiven' },
    );
    expect(group.get('victim')?.getError('server')).toMatchObject({ message: 'not a year' });
    expect(group.get('consentGiven')?.getError('server')).toMatchObject({ message: 'must be true' });
    expect(problem).toEqual({ details: [{ field: 'extra', message: 'should not exist', code: 'VALIDATION' }] });
  });

  it('explains an error without details by its status', () => {
    expect(applyServerErrors(form(), { statusCode: 403, code: 'FORBIDDEN', message: 'no' })).toEqual({ key: 'common.forbidden' });
    expect(applyServerErrors(form(), { statusCode: 409, code: 'CONFLICT', message: 'not now' })).toEqual({
      error: { statusCode: 409, code: 'CONFLICT', message: 'not now' },
    });
    expect(applyServerErrors(form(), { statusCode: 0, code: 'INTERNAL', message: '' })).toEqual({ key: 'common.networkError' });
  });
});

describe('server errors in the UI language', () => {
  let translator: Translator;
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    translator = TestBed.inject(Translator);
  });

  it("says a rule's words with its params, in the language of the screen", () => {
    const error = { field: 'title', message: 'title must be at most 300 characters', rule: 'max_length', params: { max: 300 }, code: 'VALIDATION' as const };
    expect(describeServerError(error, translator)).toBe('Must be at most 300 characters long');
    translator.use('ru');
    expect(describeServerError(error, translator)).toBe('Не длиннее 300 символов');
    translator.use('kk');
    expect(describeServerError(error, translator)).toBe('300 таңбадан аспауы керек');
  });

  it('never shows the English message on a ru/kk screen: an unknown rule falls back to words for the code', () => {
    const error = { field: 'kind', message: 'type not allowed: only JPEG, PNG', rule: 'no_such_rule', code: 'VALIDATION' as const };
    expect(translator.translateRule('no_such_rule')).toBeNull();
    expect(describeServerError(error, translator)).toBe('type not allowed: only JPEG, PNG');
    translator.use('ru');
    expect(describeServerError(error, translator)).toBe('Это значение не принято.');
    const conflict = { statusCode: 409, code: 'CONFLICT' as const, message: 'A case cannot move from dismissed to referred' };
    expect(describeProblem(applyServerErrors(new FormGroup({}), conflict), translator)).toBe(
      'Это противоречит текущему состоянию дела. Обновите страницу и попробуйте снова.',
    );
    translator.use('en');
    expect(describeProblem(applyServerErrors(new FormGroup({}), conflict), translator)).toBe(conflict.message);
  });
});
