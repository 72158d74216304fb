import type { TranslationKey } from '@vigil/web-i18n';

/** The sections of a case page, in order; the timeline (the case room) comes first and has no path of its own. */
export const CASE_TABS = ['timeline', 'intake', 'visit', 'tasks', 'evidence', 'examinations', 'outcome'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export function isCaseTab(value: unknown): value is CaseTab {
  return typeof value === 'string' && (CASE_TABS as readonly string[]).includes(value);
}

export function caseTabKey(tab: CaseTab): TranslationKey {
  return `caseTab.${tab}`;
}
