import { ApiException } from '@vigil/api-core';
import { canRead, VICTIM_IDENTITY_RULE, VICTIM_IDENTITY_TIER, type ErrorDetail, type Tier } from '@vigil/contracts';

/** The victim's identity as a case stores it. */
export interface VictimIdentity {
  fullName: string;
  contact?: string | null;
  /** `YYYY-MM-DD`, only where a full date is stored (a birth year alone identifies no one). */
  birthDate?: string | null;
}

/** Which part of the identity a text showed. */
export type IdentityPart = 'name' | 'contact' | 'national_id' | 'birth_date';

/** Finds the victim's identity in a text; built once per case, run per text. */
export type IdentityMatcher = (text: string) => IdentityPart | null;

/** Name parts shorter than this (initials, particles such as "ul") say too little to refuse a text for. */
const NAME_PART_MIN = 3;
/** A phone number is at least this many digits; its last ten (no country or trunk prefix) identify it. */
const PHONE_MIN_DIGITS = 7;
const PHONE_KEY_DIGITS = 10;

/**
 * Cyrillic letters that look like Latin ones, folded on both sides so that a name typed with a
 * look-alike letter in the middle ("Tеstova" with a Cyrillic е) is still the name.
 */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
};

/** Lower case, no diacritics (é → e, ё → е, й → и), look-alike letters folded: one spelling per word. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[авекмнорстухіјѕ]/g, (letter) => HOMOGLYPHS[letter] ?? letter);
}

const words = (text: string) => fold(text).match(/\p{L}+/gu) ?? [];
/** Runs of digits as people write numbers: grouped by spaces, dashes, dots, slashes or brackets. */
const digitRuns = (text: string) => (text.match(/\d(?:[\s\-.()/+]*\d)*/g) ?? []).map((run) => run.replace(/\D/g, ''));
const EMAIL = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[^\s@<>(),;:"']+/g;

/** A Kazakh individual identification number (IIN): 12 digits, a birth date first and a check digit last. */
export function isIin(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const month = d[2] * 10 + d[3];
  const day = d[4] * 10 + d[5];
  if (month < 1 || month > 12 || day < 1 || day > 31 || d[6] > 6) return false;
  const weigh = (weights: number[]) => weights.reduce((sum, weight, i) => sum + weight * d[i], 0) % 11;
  let check = weigh([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weigh([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === d[11];
}

/** The ways a full date of birth is written: ISO, and day first with dots, slashes or dashes. */
function dateSpellings(isoDate: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return [];
  const [, year, month, day] = match;
  return [`${year}-${month}-${day}`, ...['.', '/', '-'].map((separator) => [day, month, year].join(separator))];
}

/**
 * Builds the check of texts against one victim's identity: each part of the name of three letters
 * or more as a whole word (case, diacritics and look-alike letters aside, Cyrillic and Latin alike),
 * the contact's phone numbers (their last ten digits, however grouped) and e-mail addresses, the
 * full birth date where one is stored, and any valid IIN (a national ID number names a person,
 * whoever it is).
 */
export function identityMatcher(identity: VictimIdentity): IdentityMatcher {
  const nameParts = new Set(words(identity.fullName).filter((part) => part.length >= NAME_PART_MIN));
  const contact = identity.contact ?? '';
  const phones = digitRuns(contact)
    .filter((run) => run.length >= PHONE_MIN_DIGITS)
    .map((run) => run.slice(-PHONE_KEY_DIGITS));
  const emails = (contact.match(EMAIL) ?? []).map((email) => email.toLowerCase());
  const dates = identity.birthDate ? dateSpellings(identity.birthDate) : [];
  return (text) => {
    if (nameParts.size && words(text).some((word) => nameParts.has(word))) return 'name';
    const runs = /\d/.test(text) ? digitRuns(text) : [];
    if (phones.some((phone) => runs.some((run) => run.includes(phone)))) return 'contact';
    if (emails.length && emails.some((email) => text.toLowerCase().includes(email))) return 'contact';
    if ((text.match(/(?<!\d)\d{12}(?!\d)/g) ?? []).some(isIin)) return 'national_id';
    if (dates.some((date) => text.includes(date))) return 'birth_date';
    return null;
  };
}

/** Texts at these tiers reach readers who may not know who the victim is. */
export const belowIdentityTier = (tier: Tier) => !canRead(tier, VICTIM_IDENTITY_TIER);

/** Who reads a tier below `oversight`, in the refusal's words. */
const READERS: Partial<Record<Tier, string>> = { room: 'observers', state: 'the police' };

/**
 * The refusal detail for a field whose text would show the victim's identity at `tier`: stable
 * English, and the rule's key for clients. `raisable` says whether the writer may choose the tier
 * (a message, a task) or not (the summary, a status reason, a measure: their tier is fixed).
 */
export function victimIdentityDetail(field: string, tier: Tier, raisable: boolean): ErrorDetail {
  const remedy = raisable ? `raise the tier to ${VICTIM_IDENTITY_TIER} or remove it` : 'remove it';
  return { field, message: `would show the victim's identity to ${READERS[tier] ?? tier} (tier ${tier}); ${remedy}`, rule: VICTIM_IDENTITY_RULE, params: { tier } };
}

/**
 * The fields of one write whose text would show the victim's identity below `oversight`; none
 * when the tier is `oversight` or narrower (those readers know the victim).
 */
export function disclosures(
  matcher: IdentityMatcher,
  tier: Tier,
  fields: Record<string, string | null | undefined>,
  raisable = true,
): ErrorDetail[] {
  if (!belowIdentityTier(tier)) return [];
  return Object.entries(fields).flatMap(([field, text]) => (text && matcher(text) ? [victimIdentityDetail(field, tier, raisable)] : []));
}

/** A 400 `VALIDATION` naming each field that would disclose the victim's identity. */
export function disclosureRefusal(details: ErrorDetail[]): ApiException {
  return new ApiException('VALIDATION', details.map((d) => `${d.field} ${d.message}`).join('; '), details);
}

/** Refuses a write whose text would show the victim's identity to readers below `oversight`. */
export function assertNoDisclosure(
  identity: VictimIdentity | IdentityMatcher,
  tier: Tier,
  fields: Record<string, string | null | undefined>,
  raisable = true,
): void {
  if (!belowIdentityTier(tier)) return;
  const found = disclosures(typeof identity === 'function' ? identity : identityMatcher(identity), tier, fields, raisable);
  if (found.length) throw disclosureRefusal(found);
}

/** The identity a case row stores. */
export const victimOf = (kase: { victimFullName: string; victimContact: string | null }): VictimIdentity => ({
  fullName: kase.victimFullName,
  contact: kase.victimContact,
});
