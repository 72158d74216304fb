import { Foundation1700000000001 } from './1700000000001-foundation';
import { CaseRooms1700000000002 } from './1700000000002-case-rooms';
import { Workflow1700000000003 } from './1700000000003-workflow';
import { Evidence1700000000004 } from './1700000000004-evidence';
import { Proceedings1700000000005 } from './1700000000005-proceedings';
import { SocketAdapter1700000000006 } from './1700000000006-socket-adapter';
import { ImplicatedActivity1700000000007 } from './1700000000007-implicated-activity';
import { UnreadIndexOnly1700000000008 } from './1700000000008-unread-index-only';
import { NumberingPerClearance1700000000009 } from './1700000000009-numbering-per-clearance';
import { TamperGuards1700000000010 } from './1700000000010-tamper-guards';
import { AccountsAuthority1700000000011 } from './1700000000011-accounts-authority';
import { AccessAudit1700000000012 } from './1700000000012-access-audit';
import { SessionRevocations1700000000013 } from './1700000000013-session-revocations';
import { NamesInThreeLanguages1700000000014 } from './1700000000014-names-in-three-languages';
import { Meetings1700000000015 } from './1700000000015-meetings';

/** Every migration, oldest first: listed here so that the bundled server needs no file globbing. */
export const MIGRATIONS = [
  Foundation1700000000001,
  CaseRooms1700000000002,
  Workflow1700000000003,
  Evidence1700000000004,
  Proceedings1700000000005,
  SocketAdapter1700000000006,
  ImplicatedActivity1700000000007,
  UnreadIndexOnly1700000000008,
  NumberingPerClearance1700000000009,
  TamperGuards1700000000010,
  AccountsAuthority1700000000011,
  AccessAudit1700000000012,
  SessionRevocations1700000000013,
  NamesInThreeLanguages1700000000014,
  Meetings1700000000015,
];
