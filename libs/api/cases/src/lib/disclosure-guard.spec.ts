import { ApiException } from '@vigil/api-core';
import { assertNoDisclosure, disclosures, identityMatcher, isIin } from './disclosure-guard';

describe('the disclosure guard', () => {
  const victim = identityMatcher({ fullName: 'Aigerim Testova', contact: '+7 701 555 12 34, at.1990@example.kz' });

  describe('the name', () => {
    it.each([
      'Aigerim Testova was beaten',
      'the victim, TESTOVA, says so',
      'Тestova', // a Cyrillic Т in the middle of the Latin name
      'Tèstová came back',
      'spoke with aigerim yesterday',
    ])('finds it in %j', (text) => {
      expect(victim(text)).toBe('name');
    });

    it.each(['Testovaya street', 'Aigerimov', 'no names here', 'AigerimTestova'])('only as a whole word: not in %j', (text) => {
      expect(victim(text)).toBeNull();
    });

    it('finds Cyrillic names, ё and й aside', () => {
      const cyrillic = identityMatcher({ fullName: 'Айгерим Тестова-Ёлкина' });
      expect(cyrillic('Елкина пришла')).toBe('name');
      expect(cyrillic('айгерим')).toBe('name');
      expect(cyrillic('тестовая запись')).toBeNull();
      expect(identityMatcher({ fullName: 'Серикбай Ұлы' })('серикбаи')).toBe('name');
    });

    it('ignores name parts shorter than three letters', () => {
      const short = identityMatcher({ fullName: 'Li Bo Serikovich' });
      expect(short('Li and Bo went to the station')).toBeNull();
      expect(short('Serikovich went')).toBe('name');
    });
  });

  describe('the contact', () => {
    it.each(['call +7 701 555 12 34', 'call 8 (701) 555-12-34', '7015551234', 'AT.1990@EXAMPLE.KZ wrote'])('finds it in %j', (text) => {
      expect(victim(text)).toBe('contact');
    });

    it.each(['555 12', 'case SHY-2026-000123', 'message 3f2a0000-1234-4000-8000-000000000001', 'room 701'])('not in %j', (text) => {
      expect(victim(text)).toBeNull();
    });
  });

  it('finds any valid IIN, and nothing else of twelve digits', () => {
    expect(isIin('900101300126')).toBe(true);
    expect(isIin('900101300127')).toBe(false);
    expect(victim('IIN 900101300126')).toBe('national_id');
    expect(victim('ref 900101300127')).toBeNull();
    expect(victim('9001013001261')).toBeNull();
  });

  it('finds a full birth date where one is stored', () => {
    const dated = identityMatcher({ fullName: 'Aigerim Testova', birthDate: '1990-03-07' });
    expect(dated('born 07.03.1990')).toBe('birth_date');
    expect(dated('born 1990-03-07')).toBe('birth_date');
    expect(dated('born in 1990')).toBeNull();
  });

  it('checks only the tiers below oversight, and names each offending field', () => {
    const fields = { title: 'Visit Testova', details: 'nothing personal', result: undefined };
    expect(disclosures(victim, 'oversight', fields)).toEqual([]);
    expect(disclosures(victim, 'prosecution', fields)).toEqual([]);
    expect(disclosures(victim, 'state', fields)).toEqual([
      {
        field: 'title',
        message: "would show the victim's identity to the police (tier state); raise the tier to oversight or remove it",
        rule: 'victim_identity',
        params: { tier: 'state' },
      },
    ]);
    expect(disclosures(victim, 'room', { summary: 'Testova' }, false)).toEqual([
      { field: 'summary', message: "would show the victim's identity to observers (tier room); remove it", rule: 'victim_identity', params: { tier: 'room' } },
    ]);
  });

  it('refuses with VALIDATION', () => {
    expect(() => assertNoDisclosure({ fullName: 'Aigerim Testova' }, 'room', { body: 'hi Aigerim' })).toThrow(ApiException);
    try {
      assertNoDisclosure({ fullName: 'Aigerim Testova' }, 'room', { body: 'hi Aigerim' });
    } catch (error) {
      expect((error as ApiException).toApiError()).toMatchObject({ statusCode: 400, code: 'VALIDATION', details: [{ field: 'body', rule: 'victim_identity' }] });
    }
    expect(() => assertNoDisclosure({ fullName: 'Aigerim Testova' }, 'oversight', { body: 'hi Aigerim' })).not.toThrow();
  });
});
