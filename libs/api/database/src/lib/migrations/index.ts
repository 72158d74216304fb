import { Foundation1700000000001 } from './1700000000001-foundation';
import { CaseRooms1700000000002 } from './1700000000002-case-rooms';

/** Every migration, oldest first: listed here so that the bundled server needs no file globbing. */
export const MIGRATIONS = [Foundation1700000000001, CaseRooms1700000000002];
