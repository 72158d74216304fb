import type { Role } from './access';
import type { AgencyRef } from './auth';

/**
 * What a sensitive read read: the victim's identity (a case answered with it), the intake record,
 * an examination, an evidence file's content, or any read of a case by a chief prosecutor who is
 * not its member (supervision).
 */
export const ACCESS_KINDS = ['victim_identity', 'intake', 'examination', 'evidence_content', 'supervisory_read'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** One entry of a case's access log: who read what, when. It never carries the victim's identity. */
export interface AccessLogEntry {
  seq: number;
  at: string;
  kind: AccessKind;
  /** The case, intake's case, examination or evidence item read; `null` for a supervisory read. */
  recordId: string | null;
  reader: { id: string; displayName: string; role: Role; agency: AgencyRef };
}

export const ACCESS_LOG_PAGE_DEFAULT = 50;
export const ACCESS_LOG_PAGE_MAX = 200;

/** The key of a refusal of text that would show the victim's identity below `oversight`. */
export const VICTIM_IDENTITY_RULE = 'victim_identity';
