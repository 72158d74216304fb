import { ERROR_RULES, type ErrorRule } from '@vigil/contracts';
import type { Dictionary } from './en';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

const DICTIONARIES: [string, Dictionary][] = [
  ['en', en],
  ['ru', ru],
  ['kk', kk],
];
const RULES = Object.keys(ERROR_RULES) as ErrorRule[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** Params the server words in English (`allowed`: "JPEG, PNG … or plain UTF-8 text"): other languages say them themselves. */
const ENGLISH_PARAMS: Partial<Record<ErrorRule, readonly string[]>> = { file_type: ['allowed'] };

describe('the rules of server errors, in every language', () => {
  it.each(DICTIONARIES)('%s says every rule of ERROR_RULES, with exactly the params the rule carries', (language, dictionary) => {
    const entries = dictionary as Record<string, unknown>;
    const problems = RULES.flatMap((rule) => {
      const entry = entries[`rule.${rule}`];
      if (typeof entry !== 'string' || !entry.trim()) return [`rule.${rule} is missing`];
      const expected = ERROR_RULES[rule].filter((param) => language === 'en' || !ENGLISH_PARAMS[rule]?.includes(param)).sort();
      const found = placeholders(entry);
      return JSON.stringify(found) === JSON.stringify(expected) ? [] : [`rule.${rule} has {${found.join('}, {')}}, the rule carries {${expected.join('}, {')}}`];
    });
    expect(problems).toEqual([]);
  });

  it('holds no rule the server does not send', () => {
    const known = new Set(RULES.map((rule) => `rule.${rule}`));
    expect(Object.keys(en).filter((key) => key.startsWith('rule.') && !known.has(key))).toEqual([]);
  });
});
