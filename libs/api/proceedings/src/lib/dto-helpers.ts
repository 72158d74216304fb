import { Transform } from 'class-transformer';

/** Surrounding blanks are not content: a name of spaces is an empty name. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Optional free text: blank means none. */
export const blankToNull = (value: string | undefined | null): string | null => (value ? value : null);
