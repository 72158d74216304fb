export * from './lib/language';
export type { Entry, PluralForms } from './lib/entry';
export type { Dictionary, TranslationKey } from './lib/en';
export * from './lib/translator';
export * from './lib/translate-pipe';
export * from './lib/keys';
