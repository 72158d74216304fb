import { examinationChanges, missingForCompletion, type ExaminationState } from './examination-rules';

const appointed = (): ExaminationState => ({
  institution: 'Regional Forensic Centre',
  dueAt: new Date('2026-12-01T09:00:00.000Z'),
  consentGiven: true,
  consentRecordedAt: new Date('2026-11-20T10:00:00.000Z'),
  consentNote: null,
  noImplicatedOfficerPresent: null,
  conclusion: null,
  conclusionNotes: null,
});

describe('missingForCompletion', () => {
  it('names every missing requirement', () => {
    expect(missingForCompletion({ conclusion: null, noImplicatedOfficerPresent: null, consentGiven: false }).map((d) => d.field)).toEqual([
      'conclusion',
      'noImplicatedOfficerPresent',
      'consent.given',
    ]);
  });

  it('does not take a refused confirmation for one', () => {
    expect(missingForCompletion({ conclusion: 'consistent', noImplicatedOfficerPresent: false, consentGiven: true }).map((d) => d.field)).toEqual([
      'noImplicatedOfficerPresent',
    ]);
  });

  it('is empty when the examination may be completed', () => {
    expect(missingForCompletion({ conclusion: 'diagnostic_of', noImplicatedOfficerPresent: true, consentGiven: true })).toEqual([]);
  });
});

describe('examinationChanges', () => {
  it('ignores values equal to the stored ones', () => {
    const current = appointed();
    const { patch, data } = examinationChanges(current, {
      institution: current.institution,
      dueAt: '2026-12-01T09:00:00Z',
      consent: { given: true, recordedAt: '2026-11-20T10:00:00.000Z', note: '' },
    });
    expect(patch).toEqual({});
    expect(data.changed).toEqual([]);
  });

  it('records values in the log but only names the free-text notes', () => {
    const { patch, data } = examinationChanges(appointed(), {
      dueAt: '2026-12-05T09:00:00.000Z',
      noImplicatedOfficerPresent: true,
      conclusion: 'highly_consistent',
      conclusionNotes: 'Findings described in the attached report',
      consent: { given: true, recordedAt: '2026-11-21T10:00:00.000Z', note: 'Signed in the presence of counsel' },
    });
    expect(data).toEqual({
      changed: ['dueAt', 'consent', 'noImplicatedOfficerPresent', 'conclusion', 'conclusionNotes'],
      dueAt: '2026-12-05T09:00:00.000Z',
      consentGiven: true,
      noImplicatedOfficerPresent: true,
      conclusion: 'highly_consistent',
    });
    expect(JSON.stringify(data)).not.toContain('counsel');
    expect(JSON.stringify(data)).not.toContain('attached report');
    expect(patch).toMatchObject({ conclusionNotes: 'Findings described in the attached report', consentNote: 'Signed in the presence of counsel' });
  });
});
