import { FormControl, FormGroup } from '@angular/forms';
import type { ApiError } from '@vigil/contracts';
import { applyServerErrors } from './server-errors';

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
    expect(group.get('victim.fullName')?.getError('server')).toBe('too long');
    expect(group.get('intake.allegation.methods')?.getError('server')).toBe('unknown method');
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
    expect(group.get('victim')?.getError('server')).toBe('not a year');
    expect(group.get('consentGiven')?.getError('server')).toBe('must be true');
    expect(problem).toEqual({ text: 'extra: should not exist' });
  });

  it('explains an error without details by its status', () => {
    expect(applyServerErrors(form(), { statusCode: 403, code: 'FORBIDDEN', message: 'no' })).toEqual({ key: 'common.forbidden' });
    expect(applyServerErrors(form(), { statusCode: 409, code: 'CONFLICT', message: 'not now' })).toEqual({ text: 'not now' });
    expect(applyServerErrors(form(), { statusCode: 0, code: 'INTERNAL', message: '' })).toEqual({ key: 'common.networkError' });
  });
});
