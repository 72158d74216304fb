import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEntity, CaseEventEntity } from '@vigil/api-database';
import type { AgencyKind, Role, Tier, VerifyResult } from '@vigil/contracts';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { canonicalJson, sha256 } from './canonical';
import { advanceHeads } from './clearance-columns';

export interface Actor {
  id: string;
  displayName: string;
  role: Role;
  agency: { id: string; kind: AgencyKind };
}

export interface NewEvent {
  type: string;
  tier: Tier;
  data: Record<string, unknown>;
  clientId?: string | null;
}

/** What the hash covers: every stored field of the event but the hash itself. */
function hashedContent(event: CaseEventEntity) {
  return {
    caseId: event.caseId,
    seq: event.seq,
    type: event.type,
    tier: event.tier,
    at: event.at.toISOString(),
    actor: { id: event.actorId, displayName: event.actorName, role: event.actorRole, agencyKind: event.actorAgencyKind },
    data: event.data,
    clientId: event.clientId,
    prevSeq: { room: event.prevSeqRoom, state: event.prevSeqState, oversight: event.prevSeqOversight, prosecution: event.prevSeqProsecution },
  };
}

export const eventHash = (prevHash: string, event: CaseEventEntity) => sha256(prevHash + canonicalJson(hashedContent(event)));

/**
 * The one append path of every case's log. Callers lock the case row (`lock`) in their
 * transaction, change current state, and append: seq is gap-free because it is taken under
 * that lock, and commit order is seq order.
 */
@Injectable()
export class EventLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Locks and returns the case row, or `null` when there is none. */
  lock(manager: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return manager.findOne(CaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Appends one event to a case locked by this transaction and moves the case's counters. */
  async append(manager: EntityManager, kase: CaseEntity, actor: Actor, event: NewEvent): Promise<CaseEventEntity> {
    // Never earlier than the case's last event: time order follows seq order.
    const at = new Date(Math.max(Date.now(), kase.updatedAtProsecution?.getTime() ?? 0));
    const seq = kase.lastSeq + 1;
    const prev = advanceHeads(kase, seq, event.tier, at);
    const row = manager.create(CaseEventEntity, {
      caseId: kase.id,
      seq,
      type: event.type,
      tier: event.tier,
      at,
      actorId: actor.id,
      actorName: actor.displayName,
      actorRole: actor.role,
      actorAgencyKind: actor.agency.kind,
      data: event.data,
      clientId: event.clientId ?? null,
      prevSeqRoom: prev.room,
      prevSeqState: prev.state,
      prevSeqOversight: prev.oversight,
      prevSeqProsecution: prev.prosecution,
    });
    row.hash = eventHash(kase.headHash, row);
    kase.headHash = row.hash;
    const saved = await manager.save(row);
    await manager.update(CaseEntity, { id: kase.id }, {
      lastSeq: kase.lastSeq,
      lastSeqRoom: kase.lastSeqRoom,
      lastSeqState: kase.lastSeqState,
      lastSeqOversight: kase.lastSeqOversight,
      lastSeqProsecution: kase.lastSeqProsecution,
      updatedAtRoom: kase.updatedAtRoom,
      updatedAtState: kase.updatedAtState,
      updatedAtOversight: kase.updatedAtOversight,
      updatedAtProsecution: kase.updatedAtProsecution,
      headHash: kase.headHash,
    });
    return saved;
  }

  /** Recomputes the chain from the first event; names the first seq whose row does not match. */
  async verify(caseId: string): Promise<Omit<VerifyResult, 'headSeq'> & { lastSeq: number }> {
    const batch = 1000;
    let prevHash = '';
    let expectedSeq = 1;
    for (;;) {
      const rows = await this.db.getRepository(CaseEventEntity).find({
        where: { caseId, seq: MoreThan(expectedSeq - 1) },
        order: { seq: 'ASC' },
        take: batch,
      });
      for (const row of rows) {
        if (row.seq !== expectedSeq || eventHash(prevHash, row) !== row.hash) {
          return { ok: false, firstBrokenSeq: expectedSeq, lastSeq: rows[rows.length - 1].seq };
        }
        prevHash = row.hash;
        expectedSeq++;
      }
      if (rows.length < batch) break;
    }
    const kase = await this.db.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    // Events removed from the end leave the case's counter ahead of the log.
    if (kase && (kase.lastSeq !== expectedSeq - 1 || kase.headHash !== prevHash)) {
      return { ok: false, firstBrokenSeq: expectedSeq, lastSeq: kase.lastSeq };
    }
    return { ok: true, firstBrokenSeq: null, lastSeq: expectedSeq - 1 };
  }
}
