import { invalid } from '@vigil/api-core';
import type { LocalizedNames } from '@vigil/contracts';

/**
 * The names a request gives: `names` in each language, or, from a client that knows one name,
 * `name` for all three. `undefined` when it gives neither (an update that renames nothing).
 */
export function givenNames(body: { name?: string; names?: LocalizedNames }): LocalizedNames | undefined {
  if (body.names) return { en: body.names.en, ru: body.names.ru, kk: body.names.kk };
  if (body.name === undefined) return undefined;
  const name = body.name.trim();
  return { en: name, ru: name, kk: name };
}

/** The names a creation must give. */
export function requiredNames(body: { name?: string; names?: LocalizedNames }): LocalizedNames {
  const names = givenNames(body);
  if (!names) throw invalid('names', 'required', 'are required (or name, for all three languages)');
  return names;
}
