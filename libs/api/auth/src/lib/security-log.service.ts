import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { invalid } from '@vigil/api-core';
import { recordSecurity, SECURITY_LOG_CHAIN, SecurityLogEntity, verifyChain, type SecurityRecord } from '@vigil/api-database';
import { SECURITY_LOG_PAGE_DEFAULT, type Page, type SecurityLogEntry } from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';

const toEntry = (row: SecurityLogEntity): SecurityLogEntry => ({
  seq: Number(row.seq),
  at: row.at.toISOString(),
  type: row.type,
  actorId: row.actorId,
  accountId: row.accountId,
  data: row.data,
  hash: row.hash,
});

/**
 * The security log: who granted, approved, changed or disabled what, and every refused sign-in.
 * Entries are hash-chained and the database refuses to change them. Never a password or a token.
 */
@Injectable()
export class SecurityLog {
  private readonly logger = new Logger('SecurityLog');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records in `manager`'s transaction when given (the entry commits with the change it records). */
  async record(record: SecurityRecord, manager: EntityManager = this.db.manager): Promise<void> {
    const { seq } = await recordSecurity(manager, record);
    this.logger.log({ event: 'security.recorded', type: record.type, seq, accountId: record.accountId ?? undefined }, 'security log entry');
  }

  /** Newest first; `cursor` is the seq of the last entry of the previous page. */
  async page(cursor: string | undefined, limit = SECURITY_LOG_PAGE_DEFAULT): Promise<Page<SecurityLogEntry>> {
    let before: number | null = null;
    if (cursor !== undefined) {
      before = /^[1-9][0-9]{0,15}$/.test(cursor) ? Number(cursor) : NaN;
      if (!Number.isSafeInteger(before)) throw invalid('cursor', 'cursor', 'is not a cursor this server issued');
    }
    const query = this.db.getRepository(SecurityLogEntity).createQueryBuilder('l').orderBy('l.seq', 'DESC').limit(limit + 1);
    if (before !== null) query.where('l.seq < :before', { before });
    const rows = await query.getMany();
    const items = rows.slice(0, limit).map(toEntry);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].seq) : null };
  }

  verify() {
    return verifyChain(this.db.manager, SECURITY_LOG_CHAIN);
  }
}
