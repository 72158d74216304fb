import { expect, type Page } from '@playwright/test';
import {
  en,
  kk,
  ru,
  type Dictionary,
  type Entry,
  type TranslationKey,
} from '@vigil/web-i18n/dictionaries';

export type UiLanguage = 'ru' | 'kk';

const DICTIONARIES: Readonly<Record<UiLanguage, Dictionary>> = { ru, kk };

function forms(entry: Entry): string[] {
  return typeof entry === 'string'
    ? [entry]
    : Object.values(entry).filter(
        (form): form is string => typeof form === 'string',
      );
}

/** `{name}` and the like stand for data: what is around them is the words. */
function fragments(text: string): string[] {
  return text
    .split(/\{[^}]*\}/)
    .map((part) =>
      part.trim().replace(/^[\s.,:;·“”"«»()–—-]+|[\s.,:;·“”"«»()–—-]+$/g, ''),
    )
    .filter(Boolean);
}

/** Long enough to be English and not a shared word ("Vigil", "PDF"): two words or six letters. */
function telling(fragment: string): boolean {
  return (
    fragment.split(/\s+/).length >= 2 ||
    (fragment.match(/[A-Za-z]/g)?.length ?? 0) >= 6
  );
}

/** The English words of the dictionary that the other language says differently: none may be on its screen. */
export function englishPhrases(language: UiLanguage): string[] {
  const other = DICTIONARIES[language];
  const phrases = new Set<string>();
  for (const key of Object.keys(en) as TranslationKey[]) {
    const theirs = new Set(forms(other[key]).flatMap(fragments));
    for (const fragment of forms(en[key]).flatMap(fragments)) {
      if (telling(fragment) && !theirs.has(fragment)) {
        phrases.add(fragment);
      }
    }
  }
  return [...phrases];
}

/** A key's text in a language; `{name}` filled from `params`. Plural entries give their `other` form. */
export function words(
  language: UiLanguage | 'en',
  key: TranslationKey,
  params: Record<string, string | number> = {},
): string {
  const entry = (language === 'en' ? en : DICTIONARIES[language])[key];
  const text = typeof entry === 'string' ? entry : entry.other;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Fields of the API's answers that hold what people wrote (data stays as it was written, in any language). */
const DATA_FIELDS = new Set([
  'summary',
  'name',
  'body',
  'title',
  'details',
  'reference',
  'displayName',
  'result',
  'findings',
  'description',
  'reason',
  'pseudonym',
  'injuries',
  'witnesses',
  'circumstances',
  'sourceDetails',
  'protectionMeasures',
  'note',
  'position',
  'rank',
  'fullName',
  'contact',
  'address',
  'fileName',
  'receivedBy',
  'email',
]);

/**
 * Watches what a page hears from the server (HTTP answers and socket frames): every error's
 * `message` and `details[].message`, so that a raw English server message on screen is caught;
 * and the data people wrote, which may stay in English. An agency's or unit's `name` is not data:
 * it has `names` in every language, and the screen must use them.
 */
export class ServerWords {
  readonly errors = new Set<string>();
  readonly data = new Set<string>();

  constructor(
    page: Page,
    private readonly language: UiLanguage,
  ) {
    page.on('response', async (response) => {
      if (!(response.headers()['content-type'] ?? '').includes('json')) {
        return;
      }
      try {
        this.collect(await response.json());
      } catch {
        // A body already gone (navigation): nothing to learn from it.
      }
    });
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        const json = (
          typeof payload === 'string' ? payload : payload.toString('utf8')
        ).replace(/^\d+/, '');
        if (json.startsWith('[') || json.startsWith('{')) {
          try {
            this.collect(JSON.parse(json));
          } catch {
            // Not JSON after all: nothing to learn from it.
          }
        }
      });
    });
  }

  /**
   * An agency's or unit's name in the page's language, as the administrator wrote it (an agency
   * created with its English name alone has that name in every language): only it may be on screen.
   */
  private nameInLanguage(record: Record<string, unknown>): string | null {
    const names = record['names'] as
      | Partial<Record<UiLanguage, string>>
      | null
      | undefined;
    return typeof names === 'object' && names !== null
      ? names[this.language]?.trim() || null
      : null;
  }

  /** Errors look like `{ statusCode, code, message, details? }` wherever they are nested. */
  private collect(value: unknown): void {
    if (Array.isArray(value)) {
      value.forEach((item) => this.collect(item));
      return;
    }
    if (value === null || typeof value !== 'object') {
      return;
    }
    const record = value as Record<string, unknown>;
    if (
      typeof record['code'] === 'string' &&
      typeof record['message'] === 'string'
    ) {
      this.errors.add(record['message']);
      for (const detail of Array.isArray(record['details'])
        ? record['details']
        : []) {
        const message = (detail as Record<string, unknown> | null)?.['message'];
        if (typeof message === 'string') {
          this.errors.add(message);
        }
      }
      return;
    }
    for (const [field, item] of Object.entries(record)) {
      if (typeof item === 'string') {
        const local = field === 'name' ? this.nameInLanguage(record) : null;
        if (local) {
          this.data.add(local);
        } else if (DATA_FIELDS.has(field) && item.trim()) {
          this.data.add(item.trim());
        }
      } else {
        this.collect(item);
      }
    }
  }
}

/** What a reader meets on the page: its visible text and the labels, titles and placeholders of its elements. */
async function textOnScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = Array.from(
      document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    ).flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map(
        (name) => element.getAttribute(name) ?? '',
      ),
    );
    return [document.body.innerText, ...attributes].join('\n');
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Fails naming every English dictionary phrase or raw server message on screen. Data stays as it
 * was written (the demo cases are in English): what the server sent as data, and `allowed`.
 */
export async function expectNoEnglish(
  page: Page,
  language: UiLanguage,
  where: string,
  options: { allowed: readonly string[]; server: ServerWords },
): Promise<void> {
  let text = await textOnScreen(page);
  for (const data of [...options.allowed, ...options.server.data].sort(
    (a, b) => b.length - a.length,
  )) {
    text = text.split(data).join(' ');
  }
  const found = new Set<string>();
  for (const phrase of englishPhrases(language)) {
    if (new RegExp(`(^|[^A-Za-z])${escape(phrase)}($|[^A-Za-z])`).test(text)) {
      found.add(`dictionary: “${phrase}”`);
    }
  }
  for (const message of options.server.errors) {
    if (text.includes(message)) {
      found.add(`server: “${message}”`);
    }
  }
  expect([...found], `English left on a ${language} screen: ${where}`).toEqual(
    [],
  );
}
