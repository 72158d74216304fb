import { TestBed } from '@angular/core/testing';
import { TIER_AUDIENCE, TIERS } from '@vigil/contracts';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';
import { tierAudienceKey } from './keys';
import { LANGUAGE_STORAGE_KEY, Translator } from './translator';

describe('Translator', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    TestBed.resetTestingModule();
  });

  function createTranslator(): Translator {
    return TestBed.inject(Translator);
  }

  it('starts in English and sets <html lang>', () => {
    const translator = createTranslator();
    expect(translator.language()).toBe('en');
    expect(translator.translate('signIn.submit')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
  });

  it('says the codes a rule names (a tier, a role, an agency kind) in words of the language', () => {
    const translator = createTranslator();
    translator.use('ru');
    expect(translator.translateRule('tier_above_clearance', { tier: 'oversight' })).toBe(
      ru['rule.tier_above_clearance'].toString().replace('{tier}', ru['tier.oversight'].toString()),
    );
    expect(translator.translateRule('role_agency', { role: 'observer', kind: 'police' })).not.toMatch(/observer|police/);
    expect(translator.translateRule('max_length', { max: 300 })).toContain('300');
  });

  it('switches the strings, the lang attribute and remembers the choice', () => {
    const translator = createTranslator();
    translator.use('ru');
    expect(translator.translate('shell.signOut')).toBe('Выйти');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');

    translator.use('kk');
    expect(translator.translate('shell.signOut')).toBe('Шығу');
    expect(document.documentElement.lang).toBe('kk');
  });

  it('holds the first render until the remembered language is loaded, and a slower earlier switch does not win', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'kk');
    const translator = createTranslator();
    await translator.ready();
    expect(translator.translate('shell.signOut')).toBe('Шығу');

    await Promise.all([translator.use('ru'), translator.use('en')]);
    expect(translator.language()).toBe('en');
    expect(translator.translate('shell.signOut')).toBe('Sign out');
  });

  it('says a rule with the codes it carries in words: no English status left on a Russian screen', async () => {
    const translator = createTranslator();
    await translator.use('ru');
    expect(translator.translateRule('status_transition', { from: 'dismissed', to: 'referred' })).toBe(
      'Дело нельзя перевести из статуса «Отклонено» в «Передано по подследственности»',
    );
    expect(translator.translateRule('max_length', { max: 200 })).toBe('Не длиннее 200 символов');
    expect(translator.translateRule('no_such_rule')).toBeNull();
  });

  it('comes back in the remembered language on the next start', () => {
    createTranslator().use('kk');
    TestBed.resetTestingModule();
    document.documentElement.lang = '';

    const next = createTranslator();
    expect(next.language()).toBe('kk');
    expect(next.translate('signIn.password')).toBe('Құпиясөз');
    expect(document.documentElement.lang).toBe('kk');
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    expect(createTranslator().language()).toBe('en');
  });

  it('fills parameters and picks plural forms by the language rules', () => {
    const translator = createTranslator();
    expect(translator.translate('home.welcome', { name: 'Dana' })).toBe('Welcome, Dana');
    expect(translator.translate('signIn.rateLimited', { count: 1 })).toBe('Too many attempts, try again in 1 minute');
    expect(translator.translate('signIn.rateLimited', { count: 15 })).toBe('Too many attempts, try again in 15 minutes');

    translator.use('ru');
    expect(translator.translate('signIn.rateLimited', { count: 1 })).toContain('1 минуту');
    expect(translator.translate('signIn.rateLimited', { count: 3 })).toContain('3 минуты');
    expect(translator.translate('signIn.rateLimited', { count: 15 })).toContain('15 минут');
  });

  it('has a non-empty translation of every key in every language', () => {
    for (const dictionary of [ru, kk]) {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      for (const entry of Object.values(dictionary)) {
        const text = typeof entry === 'string' ? entry : entry.other;
        expect(text.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it("words each tier's audience as the contract does", () => {
    for (const tier of TIERS) {
      expect(en[tierAudienceKey(tier)]).toBe(TIER_AUDIENCE[tier]);
    }
  });
});
