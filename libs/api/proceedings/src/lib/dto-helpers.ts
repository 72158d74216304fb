/** Optional free text: blank means none. */
export const blankToNull = (value: string | undefined | null): string | null => (value ? value : null);
