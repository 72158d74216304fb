/**
 * Every dictionary at once, for tools that read the words themselves (the browser tests check
 * that no English is left on a Russian or Kazakh screen). The app loads them through
 * `loadDictionary` instead, lazily: do not import this from the app.
 */
export { en, type Dictionary, type TranslationKey } from './lib/en';
export { kk } from './lib/kk';
export { ru } from './lib/ru';
export type { Entry, PluralForms } from './lib/entry';
