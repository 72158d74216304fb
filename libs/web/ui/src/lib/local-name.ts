import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator, type Language } from '@vigil/web-i18n';

/** A name kept in the three languages; any of them may be missing. */
export type LocalNames = Partial<Record<Language, string>>;

/** Anything named: agencies and units carry `name` (English) and, from the server, `names`. */
export interface Named {
  name: string;
  names?: LocalNames | null;
}

/** The name in `language`, else the English one, else `name` (older answers carry no `names`). */
export function localName(named: Named, language: Language): string {
  const names = named.names;
  return names?.[language]?.trim() || names?.en?.trim() || named.name;
}

/**
 * `{{ agency | localName }}`: an agency's or a unit's name in the UI language. Impure like
 * `translate`, so a language switch re-renders it.
 */
@Pipe({ name: 'localName', pure: false })
export class LocalNamePipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(named: Named | null | undefined): string {
    return named ? localName(named, this.translator.language()) : '';
  }
}
