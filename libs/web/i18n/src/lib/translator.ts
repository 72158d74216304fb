import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { en, type Dictionary, type TranslationKey } from './en';
import type { Entry } from './entry';
import { kk } from './kk';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './language';
import { ru } from './ru';

export type TranslationParams = Readonly<Record<string, string | number>>;

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'vigil.language';

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { en, ru, kk };

/**
 * The UI language as a signal. Everything that reads `translate()` in a template re-renders
 * when the language changes, so switching needs no reload.
 */
@Injectable({ providedIn: 'root' })
export class Translator {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.initialLanguage());
  private readonly pluralRules = computed(() => new Intl.PluralRules(this.current()));

  readonly language = this.current.asReadonly();
  readonly languages = LANGUAGES;

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  use(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be blocked (private mode); the choice still holds for this visit.
    }
  }

  translate(key: TranslationKey, params?: TranslationParams): string {
    const entry: Entry = DICTIONARIES[this.current()][key] ?? en[key] ?? key;
    const text = typeof entry === 'string' ? entry : this.pluralForm(entry, params?.['count']);
    return params ? interpolate(text, params) : text;
  }

  private pluralForm(entry: Exclude<Entry, string>, count: string | number | undefined): string {
    const form = this.pluralRules().select(Number(count ?? 0));
    return entry[form] ?? entry.other;
  }

  private initialLanguage(): Language {
    const window = this.document.defaultView;
    let stored: string | null = null;
    try {
      stored = window?.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    } catch {
      stored = null;
    }
    if (isLanguage(stored)) {
      return stored;
    }
    const preferred = (window?.navigator.languages ?? [])
      .map((tag) => tag.slice(0, 2).toLowerCase())
      .find(isLanguage);
    return preferred ?? DEFAULT_LANGUAGE;
  }

  /**
   * The words of a server rule (`details[].rule`, e.g. `max_length`) with its `params`, from the
   * entry `rule.<rule>`; null when the dictionary has none, so the caller can fall back.
   */
  translateRule(rule: string, params?: TranslationParams): string | null {
    const key = `rule.${rule}`;
    return key in en ? this.translate(key as TranslationKey, params) : null;
  }
}

function interpolate(text: string, params: TranslationParams): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
