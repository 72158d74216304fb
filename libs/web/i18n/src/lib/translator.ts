import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { loadDictionary } from './dictionary-loader';
import { en, type Dictionary, type TranslationKey } from './en';
import type { Entry } from './entry';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './language';

export type TranslationParams = Readonly<Record<string, string | number>>;

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'vigil.language';

/** The parameters of server rules that name a code of the contract, and the dictionary prefix that words it. */
const RULE_PARAM_WORDS: Readonly<Record<string, string>> = { tier: 'tier', role: 'role', kind: 'agencyKind' };

/**
 * The UI language as a signal. Everything that reads `translate()` in a template re-renders
 * when the language changes, so switching needs no reload. Only English ships with the app:
 * another language's dictionary is fetched when it is chosen, and the screen switches once it
 * is here (`ready()` holds the first render until the remembered language's words arrive).
 */
@Injectable({ providedIn: 'root' })
export class Translator {
  private readonly document = inject(DOCUMENT);
  private readonly dictionaries = signal<Partial<Record<Language, Dictionary>>>({ en });
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);
  private readonly pluralRules = computed(() => new Intl.PluralRules(this.current()));
  private readonly initial: Promise<void>;
  /** The last language asked for: a slower, earlier fetch must not switch back to its language. */
  private wanted: Language = DEFAULT_LANGUAGE;

  readonly language = this.current.asReadonly();
  readonly languages = LANGUAGES;

  constructor() {
    this.document.documentElement.lang = this.current();
    this.initial = this.switchTo(this.initialLanguage()).catch(() => {
      // Offline or a failed fetch: English until the user picks a language again.
    });
  }

  /** Settles when the language the app starts in can be shown (never rejects). */
  ready(): Promise<void> {
    return this.initial;
  }

  /** Switches once the language's dictionary is loaded (at once if it already is); remembered for the next visit. */
  async use(language: Language): Promise<void> {
    const switching = this.switchTo(language);
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be blocked (private mode); the choice still holds for this visit.
    }
    await switching;
  }

  translate(key: TranslationKey, params?: TranslationParams): string {
    const entry: Entry = this.dictionaries()[this.current()]?.[key] ?? en[key] ?? key;
    const text = typeof entry === 'string' ? entry : this.pluralForm(entry, params?.['count']);
    return params ? interpolate(text, params) : text;
  }

  private pluralForm(entry: Exclude<Entry, string>, count: string | number | undefined): string {
    const form = this.pluralRules().select(Number(count ?? 0));
    return entry[form] ?? entry.other;
  }

  /** Synchronous when the dictionary is at hand, so that a switch never shows a mix of two languages. */
  private switchTo(language: Language): Promise<void> {
    this.wanted = language;
    const show = (dictionary: Dictionary) => {
      this.dictionaries.update((loaded) => ({ ...loaded, [language]: dictionary }));
      if (this.wanted !== language) {
        return;
      }
      this.current.set(language);
      this.document.documentElement.lang = language;
    };
    const dictionary = this.dictionaries()[language] ?? loadDictionary(language);
    if (dictionary instanceof Promise) {
      return dictionary.then(show);
    }
    show(dictionary);
    return Promise.resolve();
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
    return key in en ? this.translate(key as TranslationKey, params && this.ruleParams(params)) : null;
  }

  /** A rule's values that are codes of the contract (`tier: 'oversight'`) are said in words, like the rest of the sentence. */
  private ruleParams(params: TranslationParams): TranslationParams {
    const said: Record<string, string | number> = { ...params };
    for (const [name, prefix] of Object.entries(RULE_PARAM_WORDS)) {
      const key = `${prefix}.${params[name]}`;
      if (params[name] !== undefined && key in en) {
        said[name] = this.translate(key as TranslationKey);
      }
    }
    return said;
  }
}

function interpolate(text: string, params: TranslationParams): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
