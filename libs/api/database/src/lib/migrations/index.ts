import { Foundation1700000000001 } from './1700000000001-foundation';

/** Every migration, oldest first: listed here so that the bundled server needs no file globbing. */
export const MIGRATIONS = [Foundation1700000000001];
