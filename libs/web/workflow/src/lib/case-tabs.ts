import { canRead, clearanceOf, EXAMINATION_TIERS, INTAKE_TIER, MEASURES_TIER, type Role, type Tier } from '@vigil/contracts';
import type { TranslationKey } from '@vigil/web-i18n';

/** The sections of a case page, in order; the timeline (the case room) comes first and has no path of its own. */
export const CASE_TABS = ['timeline', 'intake', 'visit', 'tasks', 'evidence', 'examinations', 'outcome'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/**
 * The widest tier of what each section holds: a viewer whose clearance does not reach it would
 * only read "not available" there, so the section is not offered at all.
 */
const TAB_TIERS: Readonly<Record<CaseTab, Tier>> = {
  timeline: 'room',
  intake: INTAKE_TIER,
  visit: 'room',
  tasks: 'room',
  evidence: 'room',
  examinations: EXAMINATION_TIERS[0],
  // Remedial measures are the widest part of the outcome.
  outcome: MEASURES_TIER,
};

export function isCaseTab(value: unknown): value is CaseTab {
  return typeof value === 'string' && (CASE_TABS as readonly string[]).includes(value);
}

/** The sections this role may use, in order: those whose content its clearance reads. */
export function caseTabsFor(role: Role | null | undefined): CaseTab[] {
  const clearance = role ? clearanceOf(role) : null;
  return CASE_TABS.filter((tab) => canRead(clearance, TAB_TIERS[tab]));
}

export function caseTabKey(tab: CaseTab): TranslationKey {
  return `caseTab.${tab}`;
}
