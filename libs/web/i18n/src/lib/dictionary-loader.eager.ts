import { en, type Dictionary } from './en';
import { kk } from './kk';
import type { Language } from './language';
import { ru } from './ru';

/** For unit tests only: every dictionary at once, so that switching languages takes effect synchronously. */
export function loadDictionary(language: Language): Dictionary | Promise<Dictionary> {
  return { en, ru, kk }[language];
}
