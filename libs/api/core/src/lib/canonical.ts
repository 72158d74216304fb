import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: one byte sequence per value, for hashing. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  // Every post hashes one of these: a plain loop, no intermediate arrays per key.
  let members = '';
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    members += `${members ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `{${members}}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
