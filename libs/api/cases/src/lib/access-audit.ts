import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessAuditEntity } from '@vigil/api-database';
import { ACCESS_LOG_PAGE_DEFAULT, can, SYSTEM_ROLE, type AccessKind, type AccessLogEntry, type Page, type VerifyResult } from '@vigil/contracts';
import { MoreThan, type DataSource } from 'typeorm';
import { canonicalJson, sha256 } from './canonical';
import { CaseAccess } from './case-access';
import type { Actor } from './event-log';

/** What one sensitive read read. */
export interface AccessRead {
  kind: AccessKind;
  /** The case, examination or evidence item; `null` for a supervisory read. */
  recordId: string | null;
}

/** The first key of the advisory lock that orders each case's audit chain (the second is the case's). */
const AUDIT_LOCK = 4242012;
/** Who reads a case's access log, besides its ombudsman members. */

/** What the hash covers: every stored field of the entry but the hash itself. */
function hashedContent(entry: AccessAuditEntity) {
  return {
    caseId: entry.caseId,
    seq: entry.seq,
    at: entry.at.toISOString(),
    kind: entry.kind,
    recordId: entry.recordId,
    reader: { id: entry.readerId, displayName: entry.readerName, role: entry.readerRole, agencyId: entry.readerAgencyId, agencyKind: entry.readerAgencyKind },
    prevHash: entry.prevHash,
  };
}

export const accessAuditHash = (entry: AccessAuditEntity) => sha256(entry.prevHash + canonicalJson(hashedContent(entry)));

/**
 * The access audit: every read of a victim's identity, an intake record, an examination or an
 * evidence file, and every read of a case by a chief prosecutor who is not its member, appended to
 * the case's hash chain before the answer leaves. A read whose trace cannot be written is not
 * answered. Only these reads write here: message posting and event pages never do.
 */
@Injectable()
export class AccessAudit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
  ) {}

  /** Appends reads of one case by `reader` to its chain. */
  async record(reader: Actor, caseId: string, reads: AccessRead[]): Promise<void> {
    // People's reads are traced; Vigil itself reads what its clocks need and shows it to no one.
    if (!reads.length || reader.role === SYSTEM_ROLE || reader.agency.kind === SYSTEM_ROLE) return;
    const person = { ...reader, role: reader.role, agency: { ...reader.agency, kind: reader.agency.kind } };
    await this.db.transaction(async (manager) => {
      // One appender per case at a time: the chain has one order. Only readers of the same case wait.
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AUDIT_LOCK, caseId]);
      const [last]: { seq: number; hash: string }[] = await manager.query(
        'SELECT seq, hash FROM access_audit WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
        [caseId],
      );
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? '';
      const at = new Date();
      const entries = reads.map((read) => {
        const entry: AccessAuditEntity = {
          caseId,
          seq: ++seq,
          at,
          kind: read.kind,
          recordId: read.recordId,
          readerId: reader.id,
          readerName: reader.displayName,
          readerRole: person.role,
          readerAgencyId: reader.agency.id,
          readerAgencyKind: person.agency.kind,
          prevHash,
          hash: '',
        };
        entry.hash = accessAuditHash(entry);
        prevHash = entry.hash;
        return entry;
      });
      await manager.insert(AccessAuditEntity, entries);
    });
  }

  /** A chief prosecutor's read of a case they are not a member of is supervision, and leaves a trace. */
  async recordSupervision(reader: Actor, caseId: string): Promise<void> {
    if (!can(reader.role, 'case.supervise')) return;
    const [{ member }]: { member: boolean }[] = await this.db.query(
      'SELECT EXISTS (SELECT 1 FROM case_members WHERE case_id = $1 AND account_id = $2) AS member',
      [caseId, reader.id],
    );
    if (!member) await this.record(reader, caseId, [{ kind: 'supervisory_read', recordId: null }]);
  }

  /** The case's access log, newest first (chief prosecutors; the ombudsman members of the case). */
  async page(caller: Actor, caseId: string, query: { cursor?: number; limit?: number }): Promise<Page<AccessLogEntry>> {
    const kase = await this.opened(caller, caseId);
    const limit = query.limit ?? ACCESS_LOG_PAGE_DEFAULT;
    const rows: (AccessAuditEntity & { agencyName: string; agencyNameRu: string; agencyNameKk: string })[] = await this.db.query(
      `SELECT l.seq, l.at, l.kind, l.record_id AS "recordId", l.reader_id AS "readerId", l.reader_name AS "readerName",
              l.reader_role AS "readerRole", l.reader_agency_id AS "readerAgencyId", l.reader_agency_kind AS "readerAgencyKind",
              a.name AS "agencyName", a.name_ru AS "agencyNameRu", a.name_kk AS "agencyNameKk"
         FROM access_audit l JOIN agencies a ON a.id = l.reader_agency_id
        WHERE l.case_id = $1 ${query.cursor !== undefined ? 'AND l.seq < $3' : ''}
        ORDER BY l.seq DESC
        LIMIT $2`,
      query.cursor !== undefined ? [kase, limit + 1, query.cursor] : [kase, limit + 1],
    );
    const items = rows.slice(0, limit).map(
      (row): AccessLogEntry => ({
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        kind: row.kind,
        recordId: row.recordId,
        reader: {
          id: row.readerId,
          displayName: row.readerName,
          role: row.readerRole,
          agency: { id: row.readerAgencyId, name: row.agencyName, names: { en: row.agencyName, ru: row.agencyNameRu, kk: row.agencyNameKk }, kind: row.readerAgencyKind },
        },
      }),
    );
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? String(last.seq) : null };
  }

  /** Recomputes the case's audit chain; names the first entry that does not match. */
  async verify(caller: Actor, caseId: string): Promise<VerifyResult> {
    const kase = await this.opened(caller, caseId);
    const batch = 1000;
    let prevHash = '';
    let expectedSeq = 1;
    for (;;) {
      const rows = await this.db.getRepository(AccessAuditEntity).find({
        where: { caseId: kase, seq: MoreThan(expectedSeq - 1) },
        order: { seq: 'ASC' },
        take: batch,
      });
      for (const row of rows) {
        if (row.seq !== expectedSeq || row.prevHash !== prevHash || accessAuditHash(row) !== row.hash) {
          const [{ head }] = await this.db.query('SELECT coalesce(max(seq), 0)::int AS head FROM access_audit WHERE case_id = $1', [kase]);
          return { ok: false, headSeq: head, firstBrokenSeq: expectedSeq };
        }
        prevHash = row.hash;
        expectedSeq++;
      }
      if (rows.length < batch) break;
    }
    return { ok: true, headSeq: expectedSeq - 1, firstBrokenSeq: null };
  }

  /** The case's id, if the caller may read its access log: members first (404), then the role (403). */
  private async opened(caller: Actor, caseId: string): Promise<string> {
    const { kase } = await this.access.authorize(caller, caseId, 'case.read_access_log');
    return kase.id;
  }
}
