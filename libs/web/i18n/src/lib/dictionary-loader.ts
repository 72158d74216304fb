import { en, type Dictionary } from './en';
import type { Language } from './language';

/**
 * English defines the keys and is every other language's fallback, so it ships with the app;
 * Russian and Kazakh are fetched only by those who read them. (Unit tests map this file to
 * `dictionary-loader.eager.ts`, which answers at once: see jest.preset.js.)
 */
export function loadDictionary(language: Language): Dictionary | Promise<Dictionary> {
  switch (language) {
    case 'en':
      return en;
    case 'ru':
      return import('./ru').then((module) => module.ru);
    case 'kk':
      return import('./kk').then((module) => module.kk);
  }
}
