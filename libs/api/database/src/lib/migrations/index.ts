import { Foundation1700000000001 } from './1700000000001-foundation';
import { CaseRooms1700000000002 } from './1700000000002-case-rooms';
import { Workflow1700000000003 } from './1700000000003-workflow';

/** Every migration, oldest first: listed here so that the bundled server needs no file globbing. */
export const MIGRATIONS = [Foundation1700000000001, CaseRooms1700000000002, Workflow1700000000003];
