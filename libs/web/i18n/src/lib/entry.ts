/** A dictionary entry: plain text, or forms chosen by a `count` parameter (CLDR plural rules). */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Entry = string | PluralForms;
